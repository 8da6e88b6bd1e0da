"""The printable copy (打印件): WeasyPrint PDF of a frozen version or of a draft preview."""
