"""What the engine returns: immutable results, and their interchange-format dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple


class Status(StrEnum):
    """How one indicator stands; `missing` counts as applicable and not met."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"
    MISSING = "missing"


class Verdict(StrEnum):
    PASS = "pass"  # noqa: S105 - a verdict, not a password
    FAIL = "fail"


class Outcome(StrEnum):
    """The consequence of a verdict (notice, first paragraph)."""

    PASS = "pass"  # noqa: S105 - an outcome, not a password
    RECTIFICATION = "rectification"
    REVOCATION_RECOMMENDED = "revocation_recommended"
    TRACKING = "tracking"


@dataclass(frozen=True, slots=True)
class Score:
    met: int
    applicable: int

    def to_dict(self) -> dict[str, int]:
        return {"met": self.met, "applicable": self.applicable}


class CategoryScore(NamedTuple):
    """Met / applicable within one category (产业能级 …)."""

    code: str
    name_zh: str
    met: int
    applicable: int


class IndicatorResult(NamedTuple):
    """One indicator's standing under the base's own profile.

    Immutable like the frozen dataclasses around it, but a NamedTuple: 25 of these are built per
    case, and a frozen dataclass's __init__ (one object.__setattr__ per field) measured four
    times slower, which alone would have used most of the engine's time budget.

    `value` is JSON-friendly (int for counts, rounded text for figures, bool for declarations,
    an object per field for either-of rows, None when absent); `threshold` is the bar as text;
    `note` is one sentence a person can check by hand; `provisional` marks a declared "有" that
    no reviewer has confirmed yet; `original` is the notice's wording for this profile.
    """

    code: str
    category: str
    name_zh: str
    status: Status
    value: Any
    threshold: str
    note: str
    provisional: bool
    original: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name_zh,
            "status": self.status.value,
            "value": self.value,
            "threshold": self.threshold,
            "note": self.note,
            "provisional": self.provisional,
        }


@dataclass(frozen=True, slots=True)
class Result:
    """The evaluation of one case against one criteria set.

    `eligible_profiles` lists every profile (in the file's order: CD, CC, SD, SC) whose bars the
    data meets; it is None when the caller skipped that pass (`profiles=False`).
    """

    verdict: Verdict
    outcome: Outcome
    score: Score
    categories: tuple[CategoryScore, ...]
    eligible_profiles: tuple[str, ...] | None
    indicators: tuple[IndicatorResult, ...]
    profile: str
    criteria_version: str

    def to_dict(self) -> dict[str, Any]:
        """The interchange format's output object, plus per-category scores."""
        return {
            "verdict": self.verdict.value,
            "outcome": self.outcome.value,
            "score": self.score.to_dict(),
            "eligible_profiles": (
                None if self.eligible_profiles is None else list(self.eligible_profiles)
            ),
            "indicators": [indicator.to_dict() for indicator in self.indicators],
            "categories": [
                {"code": c.code, "name": c.name_zh, "met": c.met, "applicable": c.applicable}
                for c in self.categories
            ],
        }
