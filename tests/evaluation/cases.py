"""Builders of interchange-format cases for the engine tests.

`make_case(profile)` returns a case that meets every bar of that profile with room to spare, so a
test changes one field and watches one row.
"""

from __future__ import annotations

import copy
from typing import Any

from evaluation.engine import default_criteria_path, load_criteria

CRITERIA = load_criteria(default_criteria_path(2024))
PROFILES = ("CD", "CC", "SD", "SC")
KIND_LEVEL = {
    "CD": ("comprehensive", "demonstration"),
    "CC": ("comprehensive", "cultivation"),
    "SD": ("specialty", "demonstration"),
    "SC": ("specialty", "cultivation"),
}
TABLE_ORDER = [
    "1", "S1", "2", "3", "4", "5", "6", "7", "8", "S2", "9", "10", "11", "12",
    "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23",
]  # fmt: skip
DECLARED = {
    "13": "policies",
    "15": "investment_department",
    "18": "operations_management",
    "21": "smart_infrastructure",
    "22": "smart_platform",
    "23": "green_measures",
}

# Figures per profile that clear each bar with room to spare.
_REVENUE = {"CD": 1_200_000, "CC": 400_000, "SD": 150_000, "SC": 40_000}
_EMPLOYEES = {"CD": 5000, "CC": 2000, "SD": 700, "SC": 200}
_QUALITY = {"CD": 26, "CC": 13, "SD": 11, "SC": 6}


def enterprises(count: int, *, category: str = "listed", prefix: str = "企业") -> list[dict]:
    return [
        {"name": f"{prefix}{i}", "credit_code": f"91310000MA{i:08d}", "categories": [category]}
        for i in range(count)
    ]


def activities(count: int, *, year: int = 2024) -> list[dict]:
    return [{"title": f"活动{i}", "date": f"{year}-{i % 12 + 1:02d}-15"} for i in range(count)]


def make_case(profile: str = "CD", *, previous_outcome: str | None = None, **data: Any) -> dict:
    """A case that meets every bar of `profile`; keyword arguments replace data fields.

    A keyword set to `...` removes the field (to test `missing`).
    """
    kind, level = KIND_LEVEL[profile]
    revenue = _REVENUE[profile]
    base_data: dict[str, Any] = {
        "sub_sectors": ["软件", "人工智能", "云计算"] if kind == "comprehensive" else ["数字内容"],
        "revenue_total": revenue,
        "revenue_main_industry": revenue * 8 // 10,
        "revenue_software": revenue * 3 // 4,
        "revenue_software_prev": revenue * 3 // 4 * 10 // 12,  # 20 % growth
        "enterprises_total": 500,
        "enterprises_with_ip": 260,
        "enterprises_total_prev": 480,
        "enterprises_with_ip_prev": 240,
        "employees_software": _EMPLOYEES[profile],
        "quality_enterprises": enterprises(_QUALITY[profile]),
        "land_area_ha": 25,
        "office_area_m2": 90000,
        "sub_parks": 2,
        "industrial_land_ratio": 65,
        "public_space_ratio": 18,
        "amenities": ["餐饮", "停车场"],
        "road_density": 10,
        "innovation_carriers": [{"name": "孵化器A", "type": "孵化器"}],
        "investment_channels": [{"name": f"渠道{i}"} for i in range(6)],
        "occupancy_rate": 88,
        "service_centers": [{"name": "知识产权服务中心", "type": "知识产权服务中心"}],
        "activities": activities(12),
        "qualitative": {key: True for key in DECLARED.values()},
    }
    for key, value in data.items():
        if value is ...:
            base_data.pop(key, None)
        else:
            base_data[key] = copy.deepcopy(value)
    return {
        "base": {"kind": kind, "level": level, "previous_outcome": previous_outcome},
        "campaign": {"year": 2024, "shanghai_growth_avg": 10},
        "data": base_data,
    }


def row(result: Any, code: str) -> Any:
    """The IndicatorResult with this code."""
    return next(indicator for indicator in result.indicators if indicator.code == code)


def with_field(path: str, value: Any, *, profile: str = "CD") -> dict:
    """A passing case with the field at a dotted path replaced (or removed, for `...`)."""
    case = make_case(profile)
    *parents, last = path.split(".")
    target = case
    for key in parents:
        target = target[key]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return case


def compared(output: dict) -> dict:
    """What the worked examples fix: verdict, outcome, score, profiles, codes and statuses."""
    return {
        "verdict": output["verdict"],
        "outcome": output["outcome"],
        "score": output["score"],
        "eligible_profiles": output["eligible_profiles"],
        "indicators": [(i["code"], i["status"]) for i in output["indicators"]],
    }
