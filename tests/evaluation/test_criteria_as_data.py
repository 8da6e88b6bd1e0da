"""Next year's conditions are a new data file: changed thresholds change results, no code changes."""

from __future__ import annotations

import copy
import json

import pytest

from evaluation.engine import (
    CriteriaError,
    default_criteria_path,
    evaluate,
    evaluate_json,
    load_criteria,
    parse_case,
)
from tests.evaluation.cases import CRITERIA, make_case, row

DEFINITION = json.loads(default_criteria_path(2024).read_text(encoding="utf-8"))


def modified(**changes_by_code: dict) -> dict:
    """A copy of the 2024 definition with some indicators' keys replaced."""
    definition = copy.deepcopy(DEFINITION)
    definition["version"] = "2025.test"
    definition["year"] = 2025
    for indicator in definition["indicators"]:
        indicator.update(copy.deepcopy(changes_by_code.get(indicator["code"], {})))
    return definition


def test_the_2024_file_has_every_row_in_table_order():
    codes = [i["code"] for i in DEFINITION["indicators"]]
    assert codes == ["1", "S1", *map(str, range(2, 9)), "S2", *map(str, range(9, 24))]
    assert [p["code"] for p in DEFINITION["profiles"]] == ["CD", "CC", "SD", "SC"]
    assert len(DEFINITION["categories"]) == 5
    assert CRITERIA.version == "2024.1"


def test_raised_occupancy_and_employment_bars_change_the_verdict():
    """Occupancy 78 % and 4,900 employees pass in 2024 but not under bars of 80 % and 5,000."""
    case = make_case("CD", occupancy_rate=78, employees_software=4900)
    criteria_2025 = load_criteria(
        modified(
            **{
                "17": {"thresholds": {"CD": 80, "CC": 80, "SD": 80, "SC": 80}},
                "6": {"thresholds": {"CD": 5000, "CC": 1800, "SD": 600, "SC": 180}},
            }
        )
    )
    before = evaluate(parse_case(case), CRITERIA)
    after = evaluate(parse_case(case), criteria_2025)
    assert before.verdict == "pass"
    assert (row(after, "17").status, row(after, "6").status) == ("not_met", "not_met")
    assert row(after, "17").threshold == "≥ 80%"
    assert row(after, "6").note.endswith("未达到 5000 人")
    assert after.verdict == "fail" and after.criteria_version == "2025.test"


def test_an_operator_from_the_file_decides_at_the_bar():
    case = make_case(occupancy_rate=75)
    strict = load_criteria(modified(**{"17": {"operator": ">"}}))
    assert row(evaluate(parse_case(case), CRITERIA), "17").status == "met"
    assert row(evaluate(parse_case(case), strict), "17").status == "not_met"
    assert row(evaluate(parse_case(case), strict), "17").threshold == "> 75%"


def test_a_row_can_stop_applying_to_a_profile():
    criteria = load_criteria(
        modified(**{"12": {"thresholds": {"CD": None, "CC": 8, "SD": None, "SC": None}}})
    )
    result = evaluate(parse_case(make_case("CD", road_density=...)), criteria)
    assert row(result, "12").status == "not_applicable"
    assert result.verdict == "pass" and result.score.applicable == 24


def test_units_and_ranges_come_from_the_file():
    criteria = load_criteria(
        modified(
            **{
                "1": {
                    "thresholds": {"CD": {"min": 4}, "CC": 3, "SD": {"min": 1, "max": 3}, "SC": 1}
                },
                "2": {"unit": "亿元", "thresholds": {"CD": 100, "CC": 30, "SD": 10, "SC": 3}},
            }
        )
    )
    specialty = evaluate(
        parse_case(make_case("SD", sub_sectors=["软件", "云计算", "人工智能"])), criteria
    )
    assert row(specialty, "1").status == "met"
    assert row(specialty, "1").threshold == "1–3 个"
    comprehensive = evaluate(parse_case(make_case("CD")), criteria)
    assert row(comprehensive, "1").status == "not_met"
    assert row(comprehensive, "2").threshold == "≥ 100 亿元"


def test_a_fixed_growth_bar_replaces_the_campaign_benchmark():
    criteria = load_criteria(
        modified(**{"4": {"thresholds": {"CD": 25, "CC": 25, "SD": 25, "SC": 25}}})
    )
    case = make_case()  # software revenue grows 20 %
    assert row(evaluate(parse_case(case), CRITERIA), "4").status == "met"
    assert row(evaluate(parse_case(case), criteria), "4").status == "not_met"


def test_new_quality_categories_come_from_the_file():
    categories = {"specialised": "专精特新企业"}
    criteria = load_criteria(modified(**{"7": {"params": {"categories": categories}}}))
    listed = make_case("SC", quality_enterprises=[{"name": "甲", "categories": ["listed"]}] * 5)
    assert row(evaluate(parse_case(listed), criteria), "7").value == 0


def test_outcomes_come_from_the_file():
    definition = modified()
    definition["outcomes"]["on_fail"]["cultivation"] = "rectification"
    result = evaluate(parse_case(make_case("CC", occupancy_rate=1)), load_criteria(definition))
    assert result.outcome == "rectification"


def test_a_criteria_file_on_disk_is_used_by_evaluate_json(tmp_path):
    path = tmp_path / "2025.json"
    path.write_text(
        json.dumps(modified(**{"17": {"thresholds": {"CD": 90, "CC": 90, "SD": 90, "SC": 90}}})),
        encoding="utf-8",
    )
    output = evaluate_json(make_case(), load_criteria(path))
    assert output["verdict"] == "fail"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"rule": "magic"}, "rule"),
        ({"operator": "=="}, "operator"),
        ({"fields": ["no_such_field"]}, "fields"),
        ({"thresholds": {"CD": 1, "CC": 1, "SD": 1}}, "thresholds"),
        ({"thresholds": {"CD": "many", "CC": 1, "SD": 1, "SC": 1}}, "thresholds.CD"),
        ({"category": "unknown"}, "category"),
    ],
    ids=[
        "rule-kind",
        "operator",
        "field",
        "profile-without-threshold",
        "text-threshold",
        "category",
    ],
)
def test_a_broken_criteria_file_is_refused_naming_the_place(change, where):
    with pytest.raises(CriteriaError) as caught:
        load_criteria(modified(**{"17": change}))
    assert "indicators[" in caught.value.path and where in caught.value.path


def test_a_float_threshold_is_read_exactly():
    criteria = load_criteria(
        modified(**{"17": {"thresholds": {"CD": 75.1, "CC": 75, "SD": 75, "SC": 75}}})
    )
    assert row(evaluate(parse_case(make_case(occupancy_rate=75.1)), criteria), "17").status == "met"
    assert (
        row(evaluate(parse_case(make_case(occupancy_rate=75.09)), criteria), "17").status
        == "not_met"
    )
