"""Properties of the engine over generated cases (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluation.engine import evaluate, parse_case
from tests.evaluation.cases import CRITERIA, DECLARED, PROFILES, TABLE_ORDER, make_case, row

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

AMOUNTS = {
    "revenue_total": 1_500_000,
    "revenue_main_industry": 1_500_000,
    "revenue_software": 1_500_000,
    "revenue_software_prev": 1_500_000,
    "land_area_ha": 40,
    "office_area_m2": 120_000,
    "industrial_land_ratio": 100,
    "public_space_ratio": 100,
    "occupancy_rate": 100,
    "road_density": 15,
}
COUNTS = {
    "enterprises_total": 600,
    "enterprises_with_ip": 600,
    "enterprises_total_prev": 600,
    "enterprises_with_ip_prev": 600,
    "employees_software": 6000,
    "sub_parks": 5,
}
NAMES = ["软件", " 软件", "软件\u3000", "人工智能", "云计算", "", "  ", "数字内容"]
CATEGORIES = [
    "revenue_over_100m",
    "key_software",
    "revenue_over_20m",
    "listed",
    "new_financing",
    "x",
]


def amount(limit: int) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(0, limit),
        st.decimals(min_value=0, max_value=limit, places=2, allow_nan=False, allow_infinity=False),
    )


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy, strategy, strategy)


enterprise = st.fixed_dictionaries(
    {
        "name": st.sampled_from([f"企业{i}" for i in range(12)] + [" 企业1 ", ""]),
        "credit_code": st.sampled_from(["", "abc", "ABC", "x1", "X2", None]),
        "categories": st.lists(st.sampled_from(CATEGORIES), max_size=2),
    }
)
activity = st.fixed_dictionaries(
    {"title": st.just("活动")},
    optional={"date": st.sampled_from(["2023-12-31", "2024-01-01", "2024-06-30", "2025-01-01"])},
)
item = st.one_of(
    st.sampled_from(["餐饮", " ", ""]), st.fixed_dictionaries({"name": st.just("渠道")})
)

data_strategy = st.fixed_dictionaries(
    {
        **{name: optional(amount(limit)) for name, limit in AMOUNTS.items()},
        **{name: optional(st.integers(0, limit)) for name, limit in COUNTS.items()},
        "sub_sectors": optional(st.lists(st.sampled_from(NAMES), max_size=5)),
        "quality_enterprises": optional(st.lists(enterprise, max_size=12)),
        "amenities": optional(st.lists(item, max_size=3)),
        "innovation_carriers": optional(st.lists(item, max_size=3)),
        "investment_channels": optional(st.lists(item, max_size=7)),
        "service_centers": optional(st.lists(item, max_size=3)),
        "activities": optional(st.lists(activity, max_size=12)),
        "qualitative": st.fixed_dictionaries(
            {key: st.sampled_from([True, True, False, None]) for key in DECLARED.values()}
        ),
    }
)


@st.composite
def cases(draw: st.DrawFn) -> dict:
    profile = draw(st.sampled_from(PROFILES))
    previous = draw(
        st.sampled_from([None, "pass", "rectification", "revocation_recommended", "tracking"])
    )
    case = make_case(profile, previous_outcome=previous)
    case["data"].update(draw(data_strategy))
    case["campaign"]["shanghai_growth_avg"] = draw(
        st.one_of(st.none(), st.decimals(min_value=-10, max_value=30, places=1))
    )
    return case


@SETTINGS
@given(cases())
def test_every_code_once_in_table_order(case):
    result = evaluate(parse_case(case), CRITERIA)
    assert [i.code for i in result.indicators] == TABLE_ORDER


@SETTINGS
@given(cases())
def test_verdict_passes_exactly_when_no_applicable_row_fails(case):
    parsed = parse_case(case)
    result = evaluate(parsed, CRITERIA)
    failing = [i for i in result.indicators if i.status in ("not_met", "missing")]
    assert (result.verdict == "pass") == (not failing)
    assert (result.outcome == "pass") == (not failing)
    assert (result.profile in result.eligible_profiles) == (not failing)
    applicable = [i for i in result.indicators if i.status != "not_applicable"]
    assert result.score.applicable == len(applicable)
    assert result.score.met == sum(1 for i in applicable if i.status == "met")
    if failing and parsed.level == "cultivation":
        assert result.outcome == "tracking"


@SETTINGS
@given(cases())
def test_eligible_profiles_agree_with_evaluating_under_each_profile(case):
    """The eligibility shortcut (measure once, compare four times) equals four full evaluations."""
    result = evaluate(parse_case(case), CRITERIA)
    kinds = {"CD": ("comprehensive", "demonstration"), "CC": ("comprehensive", "cultivation"),
             "SD": ("specialty", "demonstration"), "SC": ("specialty", "cultivation")}  # fmt: skip
    expected = []
    for profile in PROFILES:
        other = dict(
            case, base={**case["base"], "kind": kinds[profile][0], "level": kinds[profile][1]}
        )
        if evaluate(parse_case(other), CRITERIA, profiles=False).verdict == "pass":
            expected.append(profile)
    assert list(result.eligible_profiles) == expected


# (row, field) pairs whose rule is "at least" in that field
AT_LEAST = [
    ("2", "revenue_total"),
    ("6", "employees_software"),
    ("9", "industrial_land_ratio"),
    ("10", "public_space_ratio"),
    ("12", "road_density"),
    ("17", "occupancy_rate"),
    ("8", "land_area_ha"),
    ("8", "office_area_m2"),
    ("S1", "revenue_main_industry"),
    ("3", "revenue_software"),
    ("4", "revenue_software"),
    ("5", "enterprises_with_ip"),
]


@SETTINGS
@given(
    cases(),
    st.sampled_from(AT_LEAST),
    st.decimals(min_value=0, max_value=500_000, places=2),
)
def test_raising_an_at_least_value_never_turns_met_into_not_met(case, pair, raise_by):
    code, field = pair
    value = case["data"].get(field)
    if value is None:
        value = 0
    before = row(evaluate(parse_case(case), CRITERIA), code).status
    bigger = Decimal(value) + raise_by
    if field in COUNTS:
        bigger = int(bigger)
    case["data"][field] = bigger
    after = row(evaluate(parse_case(case), CRITERIA), code).status
    if before == "met":
        assert after == "met"


@SETTINGS
@given(cases(), st.integers(1, 5))
def test_adding_list_items_never_turns_met_into_not_met(case, extra):
    before = evaluate(parse_case(case), CRITERIA)
    data = case["data"]
    data["investment_channels"] = (
        list(data.get("investment_channels") or []) + [{"name": "新"}] * extra
    )
    data["innovation_carriers"] = list(data.get("innovation_carriers") or []) + ["新载体"] * extra
    data["activities"] = (
        list(data.get("activities") or []) + [{"title": "新", "date": "2024-03-01"}] * extra
    )
    data["quality_enterprises"] = list(data.get("quality_enterprises") or []) + [
        {"name": f"新企业{i}", "credit_code": f"NEW{i}", "categories": ["listed"]}
        for i in range(extra)
    ]
    after = evaluate(parse_case(case), CRITERIA)
    for code in ("7", "14", "16", "20"):
        if row(before, code).status == "met":
            assert row(after, code).status == "met"


def _fraction(value: Any) -> Fraction:
    return Fraction(str(value))


@SETTINGS
@given(cases())
def test_shares_growth_and_ratios_agree_with_exact_fractions(case):
    """An independent oracle with Fraction: no rounding can flip a status."""
    result = evaluate(parse_case(case), CRITERIA)
    data = case["data"]
    profile = result.profile

    def share(part: str, total: str) -> Fraction | None:
        if data.get(part) is None or data.get(total) is None or _fraction(data[total]) <= 0:
            return None
        return _fraction(data[part]) * 100 / _fraction(data[total])

    s1 = share("revenue_main_industry", "revenue_total")
    s1_bar = 50 if profile in ("CD", "CC") else 70
    assert row(result, "S1").status == (
        "missing" if s1 is None else "met" if s1 >= s1_bar else "not_met"
    )
    s3 = share("revenue_software", "revenue_total")
    assert row(result, "3").status == ("missing" if s3 is None else "met" if s3 > 60 else "not_met")

    current, previous = data.get("revenue_software"), data.get("revenue_software_prev")
    benchmark = case["campaign"].get("shanghai_growth_avg")
    if current is None or previous is None or _fraction(previous) <= 0 or benchmark is None:
        assert row(result, "4").status == "missing"
    else:
        growth = (_fraction(current) - _fraction(previous)) * 100 / _fraction(previous)
        assert row(result, "4").status == ("met" if growth >= _fraction(benchmark) else "not_met")

    this, last = (
        share("enterprises_with_ip", "enterprises_total"),
        share("enterprises_with_ip_prev", "enterprises_total_prev"),
    )
    if this is None or last is None:
        assert row(result, "5").status == "missing"
    else:
        assert row(result, "5").status == ("met" if this > last else "not_met")
