"""The scoring engine: plain data in, a result out — no Django, no database.

    criteria = load_criteria(default_criteria_path(2024))
    result = evaluate(parse_case(obj), criteria)
    result.to_dict()  # the interchange format's output object

Every threshold, operator and unit comes from the criteria file, so next year's conditions are a
new file, not new code. Comparisons are exact (Decimal, cross-multiplied shares); rounding is only
for display.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from .criteria import (
    Category,
    CriteriaSet,
    Indicator,
    Profile,
    default_criteria_path,
    load_criteria,
)
from .inputs import Case, InputError, parse_case
from .results import CategoryScore, IndicatorResult, Outcome, Result, Score, Status, Verdict
from .rules import NOT_APPLICABLE_TEXT, CriteriaError

__all__ = [
    "Case",
    "Category",
    "CategoryScore",
    "CriteriaError",
    "CriteriaSet",
    "Indicator",
    "IndicatorResult",
    "InputError",
    "Outcome",
    "Profile",
    "Result",
    "Score",
    "Status",
    "Verdict",
    "criteria_for_year",
    "default_criteria_path",
    "evaluate",
    "evaluate_json",
    "load_criteria",
    "parse_case",
]

_MET = Status.MET
_NOT_MET = Status.NOT_MET
_MISSING = Status.MISSING
_NOT_APPLICABLE = Status.NOT_APPLICABLE
# Builds a CategoryScore from a ready tuple, skipping the generated __new__'s argument handling.
_new_category = functools.partial(tuple.__new__, CategoryScore)
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}


def evaluate(
    case: Case,
    criteria: CriteriaSet,
    *,
    decisions: Mapping[str, bool] | None = None,
    profiles: bool = True,
) -> Result:
    """Score one case under its own profile and, unless `profiles=False`, find eligible profiles.

    `decisions` holds reviewer decisions for declared ("有") rows, keyed by indicator code:
    True confirms, False rejects (not met). A declared "有" without a decision counts as met and
    is marked provisional. Each indicator is measured once; the other profiles only re-compare.
    """
    own = criteria.profile_index[(case.kind, case.level)]
    data = case.data
    campaign = case.campaign
    plan = criteria.plans[own]
    measures = [row.measure(data, campaign, decisions) for row in plan]

    n_categories = len(criteria.categories)
    met_by_category = [0] * n_categories
    applicable_by_category = [0] * n_categories
    failed = False
    results = []
    append = results.append
    # IndicatorResult rows are built straight from a tuple (25 per case, on the hot path).
    new_tuple = tuple.__new__
    row_class = IndicatorResult
    not_applicable_note = criteria.not_applicable_notes[own]
    for (
        code,
        category_code,
        category,
        name,
        original,
        applicable,
        _measure,
        judge,
        explain,
        missing_note,
        threshold_text,
        display,
        provisional_fn,
    ), measured in zip(plan, measures, strict=True):
        provisional = False
        if not applicable:
            status = _NOT_APPLICABLE
            value = None if measured is None else display(measured)
            threshold = NOT_APPLICABLE_TEXT
            note = not_applicable_note
        else:
            applicable_by_category[category] += 1
            if measured is None:
                failed = True
                status = _MISSING
                value = None
                threshold = threshold_text(own, campaign)
                note = missing_note(data, campaign)
            else:
                met = judge(measured, own)
                if met:
                    status = _MET
                    met_by_category[category] += 1
                else:
                    status = _NOT_MET
                    failed = True
                value, threshold, note = explain(measured, own, met, data, campaign)
                if provisional_fn is not None:
                    provisional = provisional_fn(measured)
        append(
            new_tuple(
                row_class,
                (code, category_code, name, status, value, threshold, note, provisional, original),
            )
        )

    eligible = None
    if profiles:
        eligible = tuple(
            profile.code
            for index, profile in enumerate(criteria.profiles)
            if (not failed if index == own else _meets(criteria.checks[index], measures, index))
        )
    passed = not failed
    return Result(
        verdict=Verdict.PASS if passed else Verdict.FAIL,
        outcome=_OUTCOMES[
            criteria.outcomes.outcome(
                passed=passed, level=case.level, previous=case.previous_outcome
            )
        ],
        score=Score(met=sum(met_by_category), applicable=sum(applicable_by_category)),
        categories=tuple(
            map(
                _new_category,
                zip(
                    *criteria.category_headers, met_by_category, applicable_by_category, strict=True
                ),
            )
        ),
        eligible_profiles=eligible,
        indicators=tuple(results),
        profile=criteria.profiles[own].code,
        criteria_version=criteria.version,
    )


def _meets(checks: tuple[tuple[int, Any], ...], measures: list[Any], profile: int) -> bool:
    """Whether every indicator applicable under `profile` is met; stops at the first miss."""
    for position, judge in checks:
        measured = measures[position]
        if measured is None or not judge(measured, profile):
            return False
    return True


@functools.lru_cache(maxsize=16)
def criteria_for_year(year: int) -> CriteriaSet:
    """The criteria set shipped for an assessment year (cached; sets are immutable).

    Raises `InputError` on `campaign.year` when there is no file for that year.
    """
    path = default_criteria_path(year)
    if not path.is_file():
        raise InputError("campaign.year", f"没有 {year} 年度的评估条件（{path.name}）", got=year)
    return load_criteria(path)


def evaluate_json(
    obj: Any,
    criteria: CriteriaSet | None = None,
    *,
    decisions: Mapping[str, bool] | None = None,
) -> dict[str, Any] | list[dict[str, Any]]:
    """Evaluate one case object or a list of them; return output dicts of the same shape.

    Without `criteria`, each case uses the file for its `campaign.year`. Every case is checked
    before any is returned, so bad input gives an `InputError` (with `case_index`) and no output.
    """
    if isinstance(obj, list):
        return [_evaluate_one(item, criteria, decisions, index) for index, item in enumerate(obj)]
    if isinstance(obj, Mapping):
        return _evaluate_one(obj, criteria, decisions, 0)
    raise InputError("", "输入必须是一个 JSON 对象或对象数组", got=obj, case_index=0)


def _evaluate_one(
    obj: Any,
    criteria: CriteriaSet | None,
    decisions: Mapping[str, bool] | None,
    index: int,
) -> dict[str, Any]:
    try:
        case = parse_case(obj)
        chosen = criteria if criteria is not None else criteria_for_year(case.year)
    except InputError as exc:
        exc.case_index = index
        raise
    return evaluate(case, chosen, decisions=decisions).to_dict()
