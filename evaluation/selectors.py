"""Reads of the evaluation domain."""

from __future__ import annotations

from evaluation.models import EvaluationResult


def base_previous_outcome(*, base_id: int, year: int) -> str | None:
    """The outcome of the base's latest accepted result in an earlier year: next year's input.

    Only accepted (final) results count: a draft verdict never becomes a base's history.
    """
    result = (
        EvaluationResult.objects.filter(
            version__submission__base_id=base_id,
            version__submission__campaign__year__lt=year,
            is_final=True,
        )
        .order_by("-version__submission__campaign__year", "-version__number")
        .values_list("outcome", flat=True)
        .first()
    )
    return result


def base_outcome_history(*, base_id: int) -> list[dict]:
    """Each earlier year's final verdict and outcome, newest first."""
    return list(
        EvaluationResult.objects.filter(version__submission__base_id=base_id, is_final=True)
        .order_by("-version__submission__campaign__year")
        .values("version__submission__campaign__year", "verdict", "outcome")
    )
