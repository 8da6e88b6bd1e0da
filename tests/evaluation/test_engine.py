"""The scoring engine against the 2024 rules: every row at its bar, for every profile."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from evaluation.engine import (
    InputError,
    Outcome,
    Status,
    Verdict,
    evaluate,
    evaluate_json,
    parse_case,
)
from tests.evaluation.cases import (
    CRITERIA,
    DECLARED,
    PROFILES,
    TABLE_ORDER,
    activities,
    enterprises,
    make_case,
    row,
    with_field,
)

MET, NOT_MET, MISSING, NA = "met", "not_met", "missing", "not_applicable"


def run(case: dict, **kwargs: Any):
    return evaluate(parse_case(case), CRITERIA, **kwargs)


def status_of(code: str, profile: str, **data: Any) -> str:
    return row(run(make_case(profile, **data)), code).status


# --- every indicator at its bar --------------------------------------------------------------

# (code, field, bar per profile, step below the bar); all "at least" rows, so at the bar is met
AT_LEAST = [
    ("2", "revenue_total", {"CD": 1_000_000, "CC": 300_000, "SD": 100_000, "SC": 30_000}, "0.01"),
    ("6", "employees_software", {"CD": 4800, "CC": 1800, "SD": 600, "SC": 180}, "1"),
    ("9", "industrial_land_ratio", {"CD": 60, "CC": 40, "SD": 60, "SC": 40}, "0.01"),
    ("10", "public_space_ratio", {"CD": 15, "CC": 15, "SD": 15, "SC": 15}, "0.01"),
    ("12", "road_density", {"CD": 8, "CC": 8, "SD": None, "SC": None}, "0.01"),
    ("17", "occupancy_rate", {"CD": 75, "CC": 75, "SD": 75, "SC": 75}, "0.01"),
]


def _threshold_cases():
    for code, field, bars, step in AT_LEAST:
        for profile in PROFILES:
            bar = bars[profile]
            if bar is None:
                yield pytest.param(
                    code, profile, field, 8, NA, id=f"{code}-{profile}-not-applicable"
                )
                continue
            below = Decimal(bar) - Decimal(step)
            below_value = int(below) if step == "1" else float(below)
            yield pytest.param(code, profile, field, bar, MET, id=f"{code}-{profile}-at-bar")
            yield pytest.param(
                code, profile, field, below_value, NOT_MET, id=f"{code}-{profile}-just-below"
            )


@pytest.mark.parametrize(
    ("code", "profile", "field", "value", "expected"), list(_threshold_cases())
)
def test_threshold_rows_at_their_bar(code, profile, field, value, expected):
    """A figure exactly at its bar meets it (≥); a hair below does not."""
    assert status_of(code, profile, **{field: value}) == expected


EMPLOYEES_BAR = {"CD": 4800, "CC": 1800, "SD": 600, "SC": 180}


@pytest.mark.parametrize("profile", PROFILES)
def test_employment_counts_the_number_itself_although_the_table_prints_greater_than(profile):
    """Row 6: 1800人以上 includes 1800, so the table's ＞ is read as ≥."""
    assert status_of("6", profile, employees_software=EMPLOYEES_BAR[profile]) == MET
    assert status_of("6", profile, employees_software=EMPLOYEES_BAR[profile] - 1) == NOT_MET


S1_BAR = {"CD": 50, "CC": 50, "SD": 70, "SC": 70}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("main", "expected"), [(0, MET), (Decimal("-0.01"), NOT_MET)], ids=["at-bar", "just-below"]
)
def test_main_industry_share_s1(profile, main, expected):
    """S1: main industry ≥ 50 % (comprehensive) or ≥ 70 % (specialty) of revenue."""
    total = 1_000_000
    part = Decimal(total * S1_BAR[profile] // 100) + main
    case = make_case(profile, revenue_total=total, revenue_main_industry=float(part))
    assert row(run(case), "S1").status == expected


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("software", "expected"),
    [(600_000, NOT_MET), (600_000.01, MET)],
    ids=["exactly-60-not-enough", "just-over-60"],
)
def test_software_share_row_3_must_exceed_60(profile, software, expected):
    """Row 3 says 超过 60 %: exactly 60 % is not met."""
    case = make_case(profile, revenue_total=1_000_000, revenue_software=software)
    assert row(run(case), "3").status == expected


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("current", "expected"), [(110_000, MET), (109_999.99, NOT_MET)], ids=["at-bar", "just-below"]
)
def test_growth_row_4_against_the_campaign_benchmark(profile, current, expected):
    """110,000 against 100,000 is a growth of exactly 10 %, which meets a 10 % benchmark."""
    case = make_case(profile, revenue_software=current, revenue_software_prev=100_000)
    assert row(run(case), "4").status == expected


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("with_ip", "expected"),
    [(240, NOT_MET), (241, MET), (239, NOT_MET)],
    ids=["same-ratio", "higher", "lower"],
)
def test_ip_ratio_row_5_must_rise_strictly(profile, with_ip, expected):
    """逐年递增: 240/480 this year equals 50 % last year, which is not a rise."""
    case = make_case(
        profile,
        enterprises_total=480,
        enterprises_with_ip=with_ip,
        enterprises_total_prev=480,
        enterprises_with_ip_prev=240,
    )
    assert row(run(case), "5").status == expected


def test_ip_ratio_is_compared_exactly_across_different_totals():
    """1/3 against 2/6 is the same ratio — not a rise, however the decimals round."""
    case = make_case(
        enterprises_total=3,
        enterprises_with_ip=1,
        enterprises_total_prev=6,
        enterprises_with_ip_prev=2,
    )
    assert row(run(case), "5").status == NOT_MET


QUALITY_BAR = {"CD": 25, "CC": 12, "SD": 10, "SC": 5}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(("offset", "expected"), [(0, MET), (-1, NOT_MET)], ids=["at-bar", "below"])
def test_quality_enterprises_row_7(profile, offset, expected):
    count = QUALITY_BAR[profile] + offset
    assert status_of("7", profile, quality_enterprises=enterprises(count)) == expected


LAND = {"CD": (20, 80_000), "CC": (20, 80_000), "SD": (5, 20_000), "SC": (5, 20_000)}


def _area_cases():
    for profile in PROFILES:
        land, office = LAND[profile]
        yield pytest.param(profile, land, office, MET, id=f"{profile}-both-at-bar")
        yield pytest.param(profile, land, ..., MET, id=f"{profile}-land-only-at-bar")
        yield pytest.param(profile, ..., office, MET, id=f"{profile}-office-only-at-bar")
        yield pytest.param(profile, land - 0.01, ..., NOT_MET, id=f"{profile}-land-only-below")
        yield pytest.param(profile, ..., office - 1, NOT_MET, id=f"{profile}-office-only-below")
        yield pytest.param(profile, land - 0.01, office, MET, id=f"{profile}-office-rescues")
        yield pytest.param(profile, land, office - 1, MET, id=f"{profile}-land-rescues")
        yield pytest.param(profile, land - 0.01, office - 1, NOT_MET, id=f"{profile}-both-below")
        yield pytest.param(profile, ..., ..., MISSING, id=f"{profile}-both-absent")


@pytest.mark.parametrize(("profile", "land", "office", "expected"), list(_area_cases()))
def test_land_or_floor_space_row_8(profile, land, office, expected):
    """Either figure meeting its bar is enough; with one absent the other decides."""
    assert status_of("8", profile, land_area_ha=land, office_area_m2=office) == expected


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("parks", "expected"), [(0, MET), (3, MET), (4, NOT_MET)], ids=["none", "three", "four"]
)
def test_sub_parks_s2_at_most_three(profile, parks, expected):
    assert status_of("S2", profile, sub_parks=parks) == expected


def test_sub_parks_may_be_given_as_a_list():
    assert status_of("S2", "CD", sub_parks=[{"name": f"分园{i}"} for i in range(4)]) == NOT_MET


CHANNELS_BAR = {"CD": 5, "CC": 5, "SD": 3, "SC": 3}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(("offset", "expected"), [(0, MET), (-1, NOT_MET)], ids=["at-bar", "below"])
def test_investment_channels_row_16(profile, offset, expected):
    channels = [{"name": f"渠道{i}"} for i in range(CHANNELS_BAR[profile] + offset)]
    assert status_of("16", profile, investment_channels=channels) == expected


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("code", "field"),
    [("11", "amenities"), ("14", "innovation_carriers"), ("19", "service_centers")],
    ids=["11-amenities", "14-carriers", "19-service-centres"],
)
def test_at_least_one_item_rows(profile, code, field):
    """Rows 11, 14, 19 need one item; an empty list is not met (not missing)."""
    assert status_of(code, profile, **{field: ["一项"]}) == MET
    assert status_of(code, profile, **{field: []}) == NOT_MET
    assert status_of(code, profile, **{field: ...}) == MISSING


def test_amenities_need_a_non_blank_entry():
    assert status_of("11", "CD", amenities=["  ", "\u3000"]) == NOT_MET
    assert status_of("11", "CD", amenities=["  ", "超市"]) == MET


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(("count", "expected"), [(10, MET), (9, NOT_MET)], ids=["ten", "nine"])
def test_activities_row_20(profile, count, expected):
    assert status_of("20", profile, activities=activities(count)) == expected


@pytest.mark.parametrize("code", list(DECLARED))
@pytest.mark.parametrize("profile", PROFILES)
def test_declared_rows(profile, code):
    """有 is met (provisionally); 无 is not met; no answer is missing."""
    key = DECLARED[code]
    assert status_of(code, profile) == MET
    assert status_of(code, profile, qualitative={key: False}) == NOT_MET
    assert status_of(code, profile, qualitative={key: None}) == MISSING


# --- row 1: sub-sectors ----------------------------------------------------------------------

SECTORS = ["软件", "人工智能", "云计算"]


@pytest.mark.parametrize(
    ("profile", "count", "expected"),
    [
        ("CD", 3, MET),
        ("CD", 2, NOT_MET),
        ("CC", 3, MET),
        ("CC", 2, NOT_MET),
        *[
            (p, n, e)
            for p in ("SD", "SC")
            for n, e in [(0, NOT_MET), (1, MET), (2, MET), (3, NOT_MET)]
        ],
    ],
    ids=lambda v: str(v),
)
def test_sub_sectors_row_1(profile, count, expected):
    """Comprehensive bases need at least 3 sub-sectors; specialty bases exactly 1 or 2."""
    assert status_of("1", profile, sub_sectors=SECTORS[:count]) == expected


def test_specialty_base_with_three_sub_sectors_is_pointed_at_the_comprehensive_profile():
    indicator = row(run(make_case("SD", sub_sectors=SECTORS)), "1")
    assert indicator.status == NOT_MET
    assert "综合基地" in indicator.note


def test_sub_sector_names_are_trimmed_including_the_full_width_space():
    """Names equal after trimming (the full-width space too) are one; blank names do not count."""
    names = ["软件", " 软件 ", "\u3000软件\u3000", "", "\u3000", "人工智能 "]
    indicator = row(run(make_case("SD", sub_sectors=names)), "1")
    assert indicator.status == MET
    assert indicator.value == 2
    assert status_of("1", "CD", sub_sectors=names) == NOT_MET


# --- row 7: duplicates and categories --------------------------------------------------------


def _enterprise(name: str, code: str = "", categories: list[str] | None = None) -> dict:
    return {
        "name": name,
        "credit_code": code,
        "categories": ["listed"] if categories is None else categories,
    }


@pytest.mark.parametrize(
    ("entries", "expected_count"),
    [
        ([_enterprise("甲", "abc123"), _enterprise("乙", "ABC123")], 1),
        ([_enterprise("甲"), _enterprise(" 甲\u3000")], 1),
        ([_enterprise("甲", "X1"), _enterprise("乙", "X1"), _enterprise("乙", "Y2")], 1),
        ([_enterprise("甲", "", []), _enterprise("甲", "", ["listed"])], 1),
        ([_enterprise("甲", "", []), _enterprise("乙", "", ["no_such_category"])], 0),
        ([_enterprise("甲", "", ["listed", "key_software"])], 1),
        ([_enterprise("甲", "  "), _enterprise("乙", "  ")], 2),
        ([{"name": "甲", "categories": ["listed"]}, {"name": "乙", "credit_code": None}], 1),
    ],
    ids=[
        "same-credit-code-any-case",
        "same-trimmed-name",
        "merged-transitively",
        "one-duplicate-with-a-category-is-enough",
        "no-or-unknown-category",
        "several-categories-count-once",
        "blank-codes-do-not-merge",
        "absent-code-and-categories",
    ],
)
def test_quality_enterprises_are_counted_once_and_only_with_a_category(entries, expected_count):
    indicator = row(run(make_case("SC", quality_enterprises=entries)), "7")
    assert indicator.value == expected_count


def test_quality_enterprise_note_explains_what_was_left_out():
    entries = [*enterprises(5), _enterprise("企业0"), _enterprise("无类别", "", [])]
    indicator = row(run(make_case("SC", quality_enterprises=entries)), "7")
    assert indicator.status == MET
    assert "合并重复" in indicator.note and "未计入" in indicator.note


# --- row 20: activities and the assessment year ----------------------------------------------


def test_activities_outside_the_assessment_year_do_not_count():
    dated = activities(9) + [
        {"title": "去年", "date": "2023-12-31"},
        {"title": "明年", "date": "2025-01-01"},
    ]
    indicator = row(run(make_case(activities=dated)), "20")
    assert (indicator.status, indicator.value) == (NOT_MET, 9)
    assert "不在 2024 年内" in indicator.note


def test_activities_without_a_date_count():
    undated = activities(9) + [{"title": "无日期"}, {"title": "日期为空", "date": None}]
    indicator = row(run(make_case(activities=undated)), "20")
    assert (indicator.status, indicator.value) == (MET, 11)


def test_the_assessment_year_is_the_campaigns():
    case = make_case(activities=activities(10, year=2025))
    assert row(run(case), "20").status == NOT_MET
    case["campaign"]["year"] = 2025
    case["data"]["activities"] = activities(10, year=2025)
    assert row(evaluate(parse_case(case), CRITERIA), "20").status == MET


# --- road density guideline and not applicable -----------------------------------------------


def test_road_density_between_bar_and_guideline_is_met_with_a_note():
    indicator = row(run(make_case(road_density=9.2)), "12")
    assert indicator.status == MET
    assert "10" in indicator.note and "指导值" in indicator.note
    assert "指导值" not in row(run(make_case(road_density=10)), "12").note


@pytest.mark.parametrize("profile", ["SD", "SC"])
def test_road_density_does_not_apply_to_specialty_bases(profile):
    result = run(make_case(profile, road_density=...))
    assert row(result, "12").status == NA
    assert result.score.applicable == 24


# --- missing data and undefined figures ------------------------------------------------------

FIELDS_BY_ROW = {
    "1": "sub_sectors",
    "S1": "revenue_main_industry",
    "2": "revenue_total",
    "3": "revenue_software",
    "4": "revenue_software_prev",
    "5": "enterprises_with_ip_prev",
    "6": "employees_software",
    "7": "quality_enterprises",
    "S2": "sub_parks",
    "9": "industrial_land_ratio",
    "10": "public_space_ratio",
    "11": "amenities",
    "12": "road_density",
    "14": "innovation_carriers",
    "16": "investment_channels",
    "17": "occupancy_rate",
    "19": "service_centers",
    "20": "activities",
}


@pytest.mark.parametrize(("code", "field"), FIELDS_BY_ROW.items(), ids=list(FIELDS_BY_ROW))
@pytest.mark.parametrize("absent", [..., None], ids=["absent", "null"])
def test_an_absent_or_null_field_makes_its_row_missing(code, field, absent):
    result = run(make_case("CD", **{field: absent}))
    indicator = row(result, code)
    assert indicator.status == MISSING
    assert indicator.value is None and indicator.note
    assert result.verdict == Verdict.FAIL
    assert result.score.applicable == 25
    assert result.score.met == 25 - sum(1 for i in result.indicators if i.status == MISSING)


def test_missing_counts_as_applicable_and_not_met_in_the_category_score():
    result = run(make_case(occupancy_rate=...))
    enterprise = next(c for c in result.categories if c.code == "enterprise")
    assert (enterprise.met, enterprise.applicable) == (4, 5)


@pytest.mark.parametrize(
    ("data", "codes"),
    [
        ({"revenue_total": 0}, {"S1", "3"}),
        ({"revenue_software_prev": 0}, {"4"}),
        ({"enterprises_total": 0}, {"5"}),
        ({"enterprises_total_prev": 0}, {"5"}),
    ],
    ids=[
        "revenue-total-zero",
        "previous-software-revenue-zero",
        "enterprises-zero",
        "enterprises-prev-zero",
    ],
)
def test_zero_totals_make_shares_and_growth_missing(data, codes):
    result = run(make_case(**data))
    missing = {i.code for i in result.indicators if i.status == MISSING}
    assert codes <= missing
    for code in codes:
        assert "无法计算" in row(result, code).note


def test_growth_without_a_benchmark_is_missing():
    case = make_case()
    del case["campaign"]["shanghai_growth_avg"]
    indicator = row(run(case), "4")
    assert indicator.status == MISSING
    assert "近三年上海市软信产业增速平均水平" in indicator.note


def test_a_negative_benchmark_is_allowed():
    case = make_case(revenue_software=95, revenue_software_prev=100)
    case["campaign"]["shanghai_growth_avg"] = -5
    assert row(run(case), "4").status == MET


# --- exact arithmetic and notes --------------------------------------------------------------


def test_note_shows_the_share_a_person_can_check():
    indicator = row(run(make_case(revenue_total=1_200_000, revenue_software=700_000)), "3")
    assert indicator.status == NOT_MET
    assert indicator.value == "58.33"
    assert indicator.threshold == "> 60%"
    assert indicator.note.startswith("软件和信息服务业经营收入占比 58.33%")
    assert indicator.note.endswith("未超过 60%")


def test_rounding_never_decides_and_never_hides_a_miss():
    """59.999 % shows as 60 when rounded; the verdict uses the exact share and the note says more."""
    indicator = row(run(make_case("CC", revenue_total=100_000, revenue_main_industry=49_999)), "S1")
    assert indicator.status == NOT_MET
    assert "49.999%" in indicator.note
    met = row(run(make_case(revenue_total=1_000_000, revenue_software=600_010)), "3")
    assert met.status == MET
    assert "60.001%" in met.note


def test_floats_are_read_through_their_text():
    """0.1 + 0.2 style float noise must not matter: 9.2 stays 9.2."""
    case = parse_case(make_case(road_density=9.2))
    assert case.data["road_density"] == Decimal("9.2")
    indicator = row(evaluate(case, CRITERIA), "12")
    assert indicator.value == "9.2"


def test_threshold_texts():
    result = run(make_case())
    assert row(result, "8").threshold == "≥ 20 公顷 或 ≥ 80000 m²"
    assert row(result, "1").threshold == "≥ 3 个"
    assert row(result, "3").threshold == "> 60%"
    assert row(run(make_case("SD")), "1").threshold == "1–2 个"
    assert row(result, "4").threshold.startswith("≥ 10%")


def test_each_indicator_carries_the_notices_original_wording():
    assert row(run(make_case("CD")), "2").original == "100亿元"
    assert row(run(make_case("SC")), "2").original == "3亿元"
    assert row(run(make_case("SD")), "12").original == "——"


# --- reviewer decisions ----------------------------------------------------------------------


def test_a_declaration_without_a_decision_is_met_but_provisional():
    result = run(make_case())
    for code in DECLARED:
        assert row(result, code).status == MET
        assert row(result, code).provisional is True
    assert not any(i.provisional for i in result.indicators if i.code not in DECLARED)
    assert result.verdict == Verdict.PASS


def test_a_confirmed_declaration_is_met_and_no_longer_provisional():
    result = run(make_case(), decisions={"13": True})
    assert (row(result, "13").status, row(result, "13").provisional) == (MET, False)
    assert "审核已确认" in row(result, "13").note
    assert row(result, "15").provisional is True


def test_a_rejected_declaration_is_not_met():
    result = run(make_case(), decisions={"22": False})
    indicator = row(result, "22")
    assert (indicator.status, indicator.provisional) == (NOT_MET, False)
    assert "审核未认可" in indicator.note
    assert result.verdict == Verdict.FAIL
    assert result.outcome == Outcome.RECTIFICATION
    assert result.eligible_profiles == ()


def test_a_decision_cannot_turn_a_declared_no_into_met():
    result = run(make_case(qualitative={"policies": False}), decisions={"13": True})
    assert row(result, "13").status == NOT_MET


# --- verdict, outcome, eligible profiles -----------------------------------------------------


@pytest.mark.parametrize("profile", PROFILES)
def test_a_case_built_for_a_profile_passes_it(profile):
    result = run(make_case(profile))
    assert result.verdict == Verdict.PASS
    assert result.outcome == Outcome.PASS
    assert profile in result.eligible_profiles
    assert [i.code for i in result.indicators] == TABLE_ORDER


OUTCOMES = [
    ("CD", None, False, "rectification"),
    ("CD", "pass", False, "rectification"),
    ("CD", "tracking", False, "rectification"),
    ("CD", "rectification", False, "revocation_recommended"),
    ("CD", "revocation_recommended", False, "revocation_recommended"),
    ("SD", "rectification", False, "revocation_recommended"),
    ("SD", None, False, "rectification"),
    *[
        ("CC", previous, False, "tracking")
        for previous in (None, "pass", "rectification", "revocation_recommended", "tracking")
    ],
    ("SC", "rectification", False, "tracking"),
    *[
        ("CD", previous, True, "pass")
        for previous in (None, "pass", "rectification", "revocation_recommended", "tracking")
    ],
    ("SC", "tracking", True, "pass"),
]


@pytest.mark.parametrize(
    ("profile", "previous", "passes", "expected"),
    OUTCOMES,
    ids=[f"{p}-after-{prev}-{'pass' if ok else 'fail'}" for p, prev, ok, _ in OUTCOMES],
)
def test_outcomes(profile, previous, passes, expected):
    data = {} if passes else {"occupancy_rate": 10}
    result = run(make_case(profile, previous_outcome=previous, **data))
    assert result.outcome == expected
    assert result.verdict == ("pass" if passes else "fail")


def test_cultivation_base_meeting_the_demonstration_bar_is_told_so():
    result = run(make_case("CC", revenue_total=1_000_000, revenue_main_industry=800_000,
                           revenue_software=750_000, revenue_software_prev=600_000,
                           employees_software=4800, quality_enterprises=enterprises(25),
                           industrial_land_ratio=60))  # fmt: skip
    assert result.eligible_profiles == ("CD", "CC")


def test_eligibility_is_judged_on_every_indicator_including_s1():
    """A specialty base with 1 sub-sector but a 60 % main-industry share meets neither profile."""
    result = run(make_case("SC", revenue_main_industry=24_000))  # 60 % of 40,000
    assert row(result, "S1").status == NOT_MET
    assert result.eligible_profiles == ()


def test_profiles_false_skips_the_eligibility_pass():
    result = run(make_case(), profiles=False)
    assert result.eligible_profiles is None
    assert result.verdict == Verdict.PASS


def test_scores_per_category_add_up():
    result = run(make_case("SD", occupancy_rate=10, amenities=[]))
    assert sum(c.met for c in result.categories) == result.score.met == 22
    assert sum(c.applicable for c in result.categories) == result.score.applicable == 24


# --- output shape ----------------------------------------------------------------------------


def test_to_dict_has_the_interchange_shape():
    output = run(make_case()).to_dict()
    assert list(output)[:5] == ["verdict", "outcome", "score", "eligible_profiles", "indicators"]
    assert output["score"] == {"met": 25, "applicable": 25}
    assert output["eligible_profiles"] == ["CD", "CC"]
    first = output["indicators"][0]
    assert {"code", "status", "value", "threshold", "note"} <= set(first)
    assert all(type(i["status"]) is str for i in output["indicators"])


def test_evaluate_json_keeps_object_and_array_shapes():
    assert isinstance(evaluate_json(make_case()), dict)
    outputs = evaluate_json([make_case(), make_case("SC")])
    assert [o["verdict"] for o in outputs] == ["pass", "pass"]


def test_evaluate_json_names_the_bad_case_in_a_list():
    bad = make_case(revenue_total=-1)
    with pytest.raises(InputError) as caught:
        evaluate_json([make_case(), bad])
    assert caught.value.case_index == 1
    assert caught.value.field == "data.revenue_total"
    assert str(caught.value).startswith("case 1: data.revenue_total: ")


def test_evaluate_json_rejects_a_year_without_criteria():
    case = make_case()
    case["campaign"]["year"] = 2031
    with pytest.raises(InputError) as caught:
        evaluate_json(case)
    assert caught.value.field == "campaign.year"


# --- bad input -------------------------------------------------------------------------------


BAD_INPUT = [
    ("data.revenue_total", "1200000", "data.revenue_total"),
    ("data.revenue_total", True, "data.revenue_total"),
    ("data.revenue_total", -1, "data.revenue_total"),
    ("data.employees_software", 10.5, "data.employees_software"),
    ("data.occupancy_rate", float("nan"), "data.occupancy_rate"),
    ("base.kind", "mixed", "base.kind"),
    ("base.kind", ..., "base.kind"),
    ("base.level", "gold", "base.level"),
    ("base.previous_outcome", "revoked", "base.previous_outcome"),
    ("data.qualitative", {"policies": "yes"}, "data.qualitative.policies"),
    ("data.qualitative", {"policies": 1}, "data.qualitative.policies"),
    ("data.activities", [{"title": "x", "date": "2024/05/10"}], "data.activities[0].date"),
    ("data.activities", [{"title": "x", "date": "2024-02-30"}], "data.activities[0].date"),
    ("base", ..., "base"),
    ("data", ..., "data"),
    ("campaign.year", ..., "campaign.year"),
    ("campaign", ..., "campaign.year"),
    ("campaign.year", "2024", "campaign.year"),
    ("base", ["comprehensive"], "base"),
    ("data.qualitative", [True], "data.qualitative"),
    ("data.sub_sectors", {"a": "软件"}, "data.sub_sectors"),
    ("data.quality_enterprises", {"name": "x"}, "data.quality_enterprises"),
    ("data.quality_enterprises", ["企业"], "data.quality_enterprises[0]"),
    ("data.sub_sectors", ["软件", 3], "data.sub_sectors[1]"),
]


@pytest.mark.parametrize(
    ("path", "value", "field"), BAD_INPUT, ids=[f"{p}={v!r}" for p, v, _ in BAD_INPUT]
)
def test_bad_input_is_rejected_naming_the_field(path, value, field):
    with pytest.raises(InputError) as caught:
        parse_case(with_field(path, value))
    assert caught.value.field == field
    assert caught.value.message


def test_unknown_fields_are_ignored_and_null_means_absent():
    case = make_case(unknown_field={"x": 1}, land_area_ha=None)
    case["extra"] = True
    result = run(case)
    assert row(result, "8").status == MET  # office space decides


def test_status_values_are_the_spec_strings():
    assert {s.value for s in Status} == {"met", "not_met", "not_applicable", "missing"}
