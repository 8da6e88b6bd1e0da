"""Writes of the submissions domain, one module per area; status changes only via workflow."""
