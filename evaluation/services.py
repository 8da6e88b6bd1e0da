"""Writes of the evaluation domain."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from evaluation.models import CriteriaSet

CRITERIA_DIR = Path(__file__).resolve().parent / "criteria"


def criteria_set_import(*, path: Path) -> CriteriaSet:
    """Load a criteria file into a CriteriaSet row; an existing version is left unchanged.

    Versions are immutable: stored results name the version they were scored with, so a changed
    file must carry a new version string.
    """
    from evaluation.engine import load_criteria

    definition = json.loads(Path(path).read_text(encoding="utf-8"))
    load_criteria(definition)  # validates the file before it is stored
    with transaction.atomic():
        criteria_set, _created = CriteriaSet.objects.get_or_create(
            version=definition["version"],
            defaults={
                "year": definition["year"],
                "title": definition.get("title", f"{definition['year']}"),
                "definition": definition,
                "source_file": Path(path).name,
            },
        )
    return criteria_set
