"""Evidence uploads: limits, spoofed types, zip bombs, hostile names, download and delete."""

import io
import zipfile
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from submissions.models import Evidence
from submissions.services.evidence import clean_file_name
from submissions.services.submit import submission_submit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def office(kind="docx", extra=None, entries=None):
    buffer = io.BytesIO()
    main = "word/document.xml" if kind == "docx" else "xl/workbook.xml"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main, "<document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
        for i in range(entries or 0):
            archive.writestr(f"word/media/{i}.xml", "")
    return buffer.getvalue()


def upload(client, name, content, indicator="13"):
    return client.post(
        reverse("evidence_upload"),
        {"indicator": indicator, "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("营业执照.pdf", PDF, "application/pdf"), ("现场.png", PNG, "image/png"),
     ("照片.JPG", JPG, "image/jpeg"), ("制度.docx", office("docx"), "wordprocessingml"),
     ("名单.xlsx", office("xlsx"), "spreadsheetml")],
    ids=["pdf", "png", "jpg", "docx", "xlsx"],
)  # fmt: skip
def test_accepted_types_are_stored_under_server_names(op_client, draft, name, content, kind):
    response = upload(op_client, name, content)
    assert response.status_code == 302
    item = Evidence.objects.get(submission=draft)
    assert item.original_name == name
    assert kind in item.content_type
    assert name not in item.file.name and item.token in item.file.name
    assert len(item.sha256) == 64
    page = op_client.get(reverse("evidence")).content.decode()
    assert name in page and "13 育引政策及举措" in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "不是 .pdf 文件"),
        ("logo.png", b"<html><script>alert(1)</script></html>", "不是 .png 文件"),
        ("report.docx", PDF, "不是 .docx 文件"),
        ("fake.docx", b"PK\x03\x04garbage-not-a-zip", "不是有效的 .docx 文档"),
        ("sheet.xlsx", office("docx"), "不是有效的 .xlsx 文档"),
        ("run.exe", b"MZ\x90\x00", "只能上传 PDF、JPG、PNG、DOCX 和 XLSX 文件"),
        ("page.html", b"<html></html>", "只能上传"),
        ("empty.pdf", b"", "空文件"),
    ],
    ids=["exe-as-pdf", "html-as-png", "pdf-as-docx", "broken-zip", "docx-as-xlsx", "exe",
         "html", "empty"],
)  # fmt: skip
def test_spoofed_and_wrong_files_are_refused(op_client, draft, name, content, message):
    response = upload(op_client, name, content)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "存在问题" in html
    assert not Evidence.objects.exists()


def test_zip_bomb_disguised_as_docx_is_refused_before_unpacking(op_client, draft, settings):
    """A DOCX whose one entry unpacks to 300 MB of zeros is refused from its directory alone."""
    settings.EVIDENCE_MAX_UNZIPPED_MB = 100
    bomb = office("docx", extra={"word/media/zero.bin": b"\x00" * (300 * 1024 * 1024)})
    assert len(bomb) < 2 * 1024 * 1024
    response = upload(op_client, "年报.docx", bomb)
    assert "解压后的大小异常" in response.content.decode()
    assert not Evidence.objects.exists()


def test_docx_with_too_many_entries_is_refused(op_client, draft, settings):
    settings.EVIDENCE_MAX_ZIP_ENTRIES = 50
    response = upload(op_client, "多.docx", office("docx", entries=60))
    assert "包含的部件过多" in response.content.decode()


def test_file_size_limit(op_client, draft, settings):
    settings.EVIDENCE_MAX_FILE_MB = 1
    response = upload(op_client, "大.pdf", PDF + b"0" * (1024 * 1024 + 1))
    assert "文件超过 1 MB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_submission_total_limit(op_client, draft, settings):
    settings.EVIDENCE_MAX_SUBMISSION_MB = 1
    assert upload(op_client, "一.pdf", PDF + b"0" * 600_000).status_code == 302
    response = upload(op_client, "二.pdf", PDF + b"0" * 600_000)
    assert "合计不能超过 1 MB" in response.content.decode()
    assert Evidence.objects.count() == 1


@pytest.mark.parametrize(
    ("given", "expected"),
    [("../../etc/passwd.pdf", "passwd.pdf"), ("..\\..\\boot.ini.pdf", "boot.ini.pdf"),
     ("a\x00b.pdf", "ab.pdf"), ("证明\x07材料.pdf", "证明材料.pdf"), ("..", "file"),
     ("甲" * 300 + ".pdf", "甲" * 116 + ".pdf")],
    ids=["dotdot", "backslash", "nul", "control", "only-dots", "300-chars"],
)  # fmt: skip
def test_file_names_are_cleaned(given, expected):
    assert clean_file_name(given) == expected


def test_hostile_names_are_stored_safely(op_client, draft):
    """Names with ../, NUL and 300 characters upload; the stored path is the server's token."""
    for name in ("../../../evil.pdf", "x\x00y.pdf", "长" * 300 + ".pdf"):
        assert upload(op_client, name, PDF).status_code == 302
    names = sorted(Evidence.objects.values_list("original_name", flat=True))
    assert "evil.pdf" in names and "xy.pdf" in names
    assert all(len(n) <= 120 for n in names)
    for item in Evidence.objects.all():
        assert ".." not in item.file.name and item.file.name.startswith("evidence/")


def test_download_is_an_attachment_with_the_encoded_name(op_client, draft):
    upload(op_client, "营业执照 2024.pdf", PDF)
    item = Evidence.objects.get()
    response = op_client.get(reverse("evidence_download", args=[item.pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f"filename*=utf-8''{quote('营业执照 2024.pdf')}" in disposition
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_delete_while_draft_and_not_after_submit(op_client, filled, operator_a):
    upload(op_client, "一.pdf", PDF)
    upload(op_client, "二.pdf", PDF)
    first, second = Evidence.objects.order_by("pk")
    response = op_client.post(reverse("evidence_delete", args=[first.pk]), follow=True)
    assert "已删除 一.pdf" in response.content.decode()
    submission_submit(submission_id=filled.pk, user=operator_a, declaration=True)
    response = op_client.post(reverse("evidence_delete", args=[second.pk]), follow=True)
    assert "不能再修改" in response.content.decode()
    assert Evidence.objects.filter(pk=second.pk).exists()
    assert "上传文件" not in op_client.get(reverse("evidence")).content.decode()
