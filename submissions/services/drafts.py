"""Writes of the operator's draft: section saves under optimistic locking, prefill, import."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from submissions.enums import QualityCategory, Section, SectionStatus
from submissions.exceptions import StaleEdit, SubmissionError
from submissions.forms.lists import row_initial
from submissions.models import (
    Activity,
    Amenity,
    Base,
    Campaign,
    InnovationCarrier,
    InvestmentChannel,
    QualityEnterprise,
    ServiceCenter,
    Submission,
    SubSector,
)
from submissions.services.submit import submission_get_or_create

LIST_MODELS = {
    "sub_sectors": SubSector,
    "quality_enterprises": QualityEnterprise,
    "amenities": Amenity,
    "innovation_carriers": InnovationCarrier,
    "investment_channels": InvestmentChannel,
    "service_centers": ServiceCenter,
    "activities": Activity,
}
# Last year's figure → this year's "previous year" field.
PREFILL = {
    "revenue_software": "revenue_software_prev",
    "enterprises_total": "enterprises_total_prev",
    "enterprises_with_ip": "enterprises_with_ip_prev",
}
BASIC_FIELDS = ("address", "contact_name", "contact_phone", "contact_email")


def draft_open(*, base: Base, campaign: Campaign) -> Submission:
    """The base's draft for the campaign, created on first visit with last year's figures.

    Side effects: on creation only, copies last year's revenue and enterprise counts into this
    year's "previous year" fields (when the base has a submission for campaign.year − 1).
    """
    submission = submission_get_or_create(base=base, campaign=campaign)
    untouched = submission.lock_version == 1 and not submission.section_state
    if untouched and all(getattr(submission, f) is None for f in PREFILL.values()):
        previous = (
            Submission.objects.filter(base=base, campaign__year=campaign.year - 1)
            .only(*PREFILL)
            .first()
        )
        if previous is not None:
            changed = [
                target
                for source, target in PREFILL.items()
                if getattr(previous, source) is not None
            ]
            for source, target in PREFILL.items():
                setattr(submission, target, getattr(previous, source))
            if changed:
                Submission.objects.filter(pk=submission.pk, lock_version=1).update(
                    **{t: getattr(submission, t) for t in changed}
                )
    return submission


def _comparable(value):
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, str):
        return value.strip()
    return value


def _stored_rows(submission: Submission, relation: str) -> list[dict]:
    rows = []
    for item in getattr(submission, relation).all():
        row = row_initial(relation, item)
        if relation == "quality_enterprises":
            categories = row.pop("categories")
            row.update({c: c in categories for c in QualityCategory.values})
        rows.append({k: _comparable(v) for k, v in row.items()})
    return rows


def _field_label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def _differences(
    submission: Submission, values: dict[str, Any], lists: dict[str, list[dict]], section: str
) -> list[dict]:
    """What the stored draft holds that differs from what this person is saving."""
    target = submission.base if section == Section.BASIC else submission
    diffs = []
    for name, mine in values.items():
        theirs = getattr(target, name)
        if _comparable(theirs) != _comparable(mine):
            diffs.append({
                "field": name, "label": _field_label(type(target), name),
                "theirs": "—" if theirs in (None, "") else str(theirs),
            })  # fmt: skip
    for relation, rows in lists.items():
        mine = [{k: _comparable(v) for k, v in row.items()} for row in rows]
        if _stored_rows(submission, relation) != mine:
            model = LIST_MODELS[relation]
            diffs.append({
                "field": relation, "label": str(model._meta.verbose_name_plural),
                "theirs": _("%(n)s rows") % {"n": len(getattr(submission, relation).all())},
            })  # fmt: skip
    return diffs


def section_save(
    *,
    submission_id: int,
    section: str,
    values: dict[str, Any],
    lists: dict[str, list[dict]] | None = None,
    expected_lock_version: int,
    user,
    complete: bool,
) -> Submission:
    """Save one section's fields and list rows, refusing a save based on a stale edit version.

    Locks the submission row, compares `expected_lock_version` with the stored one and raises
    StaleEdit (details: the fields whose stored value differs from `values`, with the colleague's
    value) when they differ. Raises SubmissionError when the submission is not editable or the
    data breaks a database rule.
    Side effects: updates the section's fields (the base's contact fields for the basic section),
    replaces the section's list rows, raises lock_version by one, sets updated_by, and records the
    section's state: "completed" for a full valid save, "in_progress" for an autosave.
    """
    lists = lists or {}
    try:
        with transaction.atomic():
            locked = (
                Submission.objects.select_for_update().select_related("base").get(pk=submission_id)
            )
            if not locked.is_editable:
                raise SubmissionError(
                    _("This submission has been submitted and can no longer be changed."),
                    code="read_only",
                )
            if locked.lock_version != expected_lock_version:
                diffs = _differences(locked, values, lists, section)
                who = locked.updated_by
                name = (who.get_full_name() or who.get_username()) if who else "—"
                fields = "、".join(d["label"] for d in diffs) or _("none of your fields")
                raise StaleEdit(
                    _(
                        "%(who)s saved this submission at %(when)s, after you opened this page. "
                        "Fields where the saved value differs from yours: %(fields)s. Your "
                        "input is kept below; check it and save again to keep it."
                    )
                    % {
                        "who": name,
                        "when": timezone.localtime(locked.updated_at).strftime("%H:%M:%S"),
                        "fields": fields,
                    },
                    code="stale",
                    details=diffs,
                )
            if section == Section.BASIC:
                base = locked.base
                basic = {k: v for k, v in values.items() if k in BASIC_FIELDS}
                for name, value in basic.items():
                    setattr(base, name, value)
                if basic:
                    base.save(update_fields=list(basic))
                values = {}
            for name, value in values.items():
                setattr(locked, name, value)
            state = dict(locked.section_state or {})
            if complete:
                state[section] = SectionStatus.COMPLETED.value
            else:
                state[section] = SectionStatus.IN_PROGRESS.value
            locked.section_state = state
            locked.lock_version += 1
            locked.updated_by = user
            locked.save(
                update_fields=[*values, "lock_version", "updated_by", "section_state", "updated_at"]
            )
            for relation, rows in lists.items():
                model = LIST_MODELS[relation]
                model.objects.filter(submission=locked).delete()
                model.objects.bulk_create(
                    model(submission=locked, position=position, **row)
                    for position, row in enumerate(rows)
                )
    except IntegrityError as exc:
        raise SubmissionError(
            _("These figures contradict each other (e.g. a part larger than its total)."),
            code="integrity",
        ) from exc
    return locked


def draft_import(
    *,
    submission_id: int,
    sections: dict[str, tuple[dict[str, Any], dict[str, list[dict]]]],
    expected_lock_version: int,
    user,
) -> Submission:
    """Apply an imported draft: every section's values and lists, all or nothing.

    Raises StaleEdit when the draft was saved after the import was previewed, SubmissionError
    when it is not editable. Side effects: as section_save, once per section, in one transaction.
    """
    saved = None
    with transaction.atomic():
        version = expected_lock_version
        for section, (values, lists) in sections.items():
            saved = section_save(
                submission_id=submission_id, section=section, values=values, lists=lists,
                expected_lock_version=version, user=user, complete=True,
            )  # fmt: skip
            version = saved.lock_version
    return saved
