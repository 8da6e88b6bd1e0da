"""The interchange format: validating one case and turning it into a `Case` the engine can score.

The shape of a case (`base`, `campaign`, `data`) is fixed by the interchange format in
`shared/spec/criteria-2024.md`; what the criteria *do* with the fields lives in the criteria file.
Bad input is rejected here, once, with the dotted path of the offending field, so the engine's
hot path never has to check types again.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

KINDS: Mapping[str, str] = MappingProxyType({"comprehensive": "综合基地", "specialty": "特色基地"})
LEVELS: Mapping[str, str] = MappingProxyType({"demonstration": "示范型", "cultivation": "培育型"})
PREVIOUS_OUTCOMES: frozenset[str] = frozenset(
    {"pass", "rectification", "revocation_recommended", "tracking"}
)

# Kinds of field in `data`. A field not listed here is ignored, as the spec asks.
AMOUNT = "amount"  # a non-negative number: money, areas, percentages, densities
COUNT = "count"  # a non-negative whole number, or (sub_parks) a list whose items are counted
NAMES = "names"  # a list of texts
ITEMS = "items"  # a list of texts or objects, counted as given
ENTERPRISES = "enterprises"  # a list of {name, credit_code, categories}
ACTIVITIES = "activities"  # a list of {title, date}
QUALITATIVE = "qualitative"  # an object of true / false declarations

DATA_FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "sub_sectors": NAMES,
        "revenue_total": AMOUNT,
        "revenue_main_industry": AMOUNT,
        "revenue_software": AMOUNT,
        "revenue_software_prev": AMOUNT,
        "enterprises_total": COUNT,
        "enterprises_with_ip": COUNT,
        "enterprises_total_prev": COUNT,
        "enterprises_with_ip_prev": COUNT,
        "employees_software": COUNT,
        "quality_enterprises": ENTERPRISES,
        "land_area_ha": AMOUNT,
        "office_area_m2": AMOUNT,
        "sub_parks": COUNT,
        "industrial_land_ratio": AMOUNT,
        "public_space_ratio": AMOUNT,
        "amenities": ITEMS,
        "road_density": AMOUNT,
        "innovation_carriers": ITEMS,
        "investment_channels": ITEMS,
        "occupancy_rate": AMOUNT,
        "service_centers": ITEMS,
        "activities": ACTIVITIES,
        "qualitative": QUALITATIVE,
    }
)
QUALITATIVE_PREFIX = "qualitative."
# Campaign parameters a criteria file may use as a threshold (e.g. the growth benchmark).
CAMPAIGN_PARAMS: frozenset[str] = frozenset({"shanghai_growth_avg"})

# Sixteen integer digits is far beyond any real figure (10^16 万元); the cap keeps exact
# arithmetic on absurd input from eating memory.
_MAX_ADJUSTED_EXPONENT = 15
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MISSING = object()


class InputError(ValueError):
    """A case that does not follow the interchange format; names the field at fault.

    `field` is a dotted path ("data.revenue_total", "data.activities[3].date", "base.kind");
    `message` says in Chinese what is wrong; `case_index` is set when the case came in a list.
    """

    def __init__(
        self, field: str, message: str, *, got: Any = _MISSING, case_index: int | None = None
    ) -> None:
        self.field = field
        self.message = message
        self.got = got
        self.case_index = case_index
        super().__init__(field, message)

    def __str__(self) -> str:
        parts = []
        if self.case_index is not None:
            parts.append(f"case {self.case_index}")
        if self.field:
            parts.append(self.field)
        text = self.message if self.got is _MISSING else f"{self.message} (got {_show(self.got)})"
        parts.append(text)
        return ": ".join(parts)


class Enterprise(NamedTuple):
    """One row of the quality-enterprise list, with the keys used to spot duplicates."""

    name: str
    credit_code: str
    categories: frozenset[str]
    name_key: str  # trimmed name, "" when blank
    code_key: str  # trimmed upper-case credit code, "" when blank


class EnterpriseList(NamedTuple):
    """The quality-enterprise list, with duplicates already merged.

    `groups` holds, per distinct enterprise, the union of its entries' categories. Entries are
    the same enterprise when they share a non-blank credit code (upper case) or a trimmed name,
    transitively (the spec's edge rule). Merging once here keeps it out of every evaluation.
    """

    entries: tuple[Enterprise, ...]
    groups: tuple[frozenset[str], ...]


class Activity(NamedTuple):
    """One activity; `date` is None when the case gave none (it still counts, per the spec)."""

    title: str | None
    date: dt.date | None


class ActivityList(NamedTuple):
    """The activity list with a count per year (None for undated), tallied once at parse time."""

    entries: tuple[Activity, ...]
    per_year: Mapping[int | None, int]


@dataclass(frozen=True, slots=True)
class Case:
    """One validated case: the base's profile, the campaign parameters and the facts.

    `data` maps field names to validated values: amounts as `Decimal`, counts as `int`, lists as
    tuples (quality enterprises as an `EnterpriseList`, activities as an `ActivityList`), and
    each qualitative declaration under its dotted name ("qualitative.policies"). Absent and null
    fields are simply not in `data`.
    """

    kind: str
    level: str
    previous_outcome: str | None
    year: int
    campaign: Mapping[str, Any]
    data: Mapping[str, Any]


def parse_case(obj: Any) -> Case:
    """Validate one case in the interchange format and return it as a `Case`.

    Raises `InputError` naming the first bad field: a number given as text, a boolean where a
    number belongs, a negative amount, an unknown kind / level / previous outcome, a qualitative
    value other than true/false, a date not in YYYY-MM-DD form, a missing `base`, `data` or
    `campaign.year`, a list where an object belongs or an object where a list belongs.
    Numbers become `Decimal` (floats through `str`, so 9.2 stays 9.2).
    """
    if not isinstance(obj, Mapping):
        raise InputError("", "每个评估案例必须是 JSON 对象", got=obj)
    base = _require_object(obj, "base")
    kind = _require_choice(base, "base.kind", "kind", KINDS)
    level = _require_choice(base, "base.level", "level", LEVELS)
    previous = base.get("previous_outcome")
    if previous is not None and (
        not isinstance(previous, str) or previous not in PREVIOUS_OUTCOMES
    ):
        raise InputError(
            "base.previous_outcome",
            "必须是 null、pass、rectification、revocation_recommended 或 tracking",
            got=previous,
        )

    campaign_obj = obj.get("campaign")
    if campaign_obj is None:
        raise InputError("campaign.year", "缺少评估年度（campaign.year）")
    if not isinstance(campaign_obj, Mapping):
        raise InputError("campaign", "必须是 JSON 对象", got=campaign_obj)
    year = campaign_obj.get("year")
    if year is None:
        raise InputError("campaign.year", "缺少评估年度（campaign.year）")
    if isinstance(year, bool) or not _is_whole(year) or not 1900 <= year <= 9999:
        raise InputError("campaign.year", "必须是四位数的年份", got=year)
    year = int(year)
    campaign: dict[str, Any] = {"year": year}
    growth = campaign_obj.get("shanghai_growth_avg")
    if growth is not None:
        # A growth average may be negative in a bad year; it is a rate, not an amount.
        campaign["shanghai_growth_avg"] = _number(
            growth, "campaign.shanghai_growth_avg", allow_negative=True
        )

    data_obj = _require_object(obj, "data")
    data: dict[str, Any] = {}
    for name, value in data_obj.items():
        field_kind = DATA_FIELDS.get(name)
        if field_kind is None or value is None:
            continue
        path = f"data.{name}"
        if field_kind == AMOUNT:
            data[name] = _number(value, path)
        elif field_kind == COUNT:
            data[name] = _count(value, path, list_allowed=name == "sub_parks")
        elif field_kind == NAMES:
            data[name] = _names(value, path)
        elif field_kind == ITEMS:
            data[name] = _items(value, path)
        elif field_kind == ENTERPRISES:
            data[name] = _enterprises(value, path)
        elif field_kind == ACTIVITIES:
            data[name] = _activities(value, path)
        else:
            _qualitative(value, path, data)
    return Case(
        kind=kind,
        level=level,
        previous_outcome=previous,
        year=year,
        campaign=MappingProxyType(campaign),
        data=MappingProxyType(data),
    )


def _require_object(obj: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = obj.get(key)
    if value is None:
        raise InputError(key, f"缺少 {key} 对象")
    if not isinstance(value, Mapping):
        raise InputError(key, "必须是 JSON 对象", got=value)
    return value


def _require_choice(obj: Mapping[str, Any], path: str, key: str, choices: Mapping[str, str]) -> str:
    value = obj.get(key)
    options = [f"{code}（{label}）" for code, label in choices.items()]
    allowed = "、".join(options[:-1]) + "或" + options[-1]
    if value is None:
        raise InputError(path, f"缺少必填字段，应为 {allowed}")
    if not isinstance(value, str) or value not in choices:
        raise InputError(path, f"必须是 {allowed}", got=value)
    return value


def _is_whole(value: Any) -> bool:
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, Decimal):
        return value.is_finite() and value == value.to_integral_value()
    return False


def _number(value: Any, path: str, *, allow_negative: bool = False) -> Decimal:
    expected = "必须是数字" if allow_negative else "必须是非负数"
    if isinstance(value, bool):
        raise InputError(path, f"{expected}，不能是 true/false", got=value)
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(path, f"{expected}（有限数值）", got=value)
        number = Decimal(str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(path, f"{expected}（有限数值）", got=value)
        number = value
    elif isinstance(value, str):
        raise InputError(path, f"{expected}，不能写成文本", got=value)
    else:
        raise InputError(path, expected, got=value)
    if number < 0 and not allow_negative:
        raise InputError(path, expected, got=value)
    if number and number.adjusted() > _MAX_ADJUSTED_EXPONENT:
        raise InputError(path, "数值过大", got=value)
    return number


def _count(value: Any, path: str, *, list_allowed: bool = False) -> int:
    if list_allowed and isinstance(value, list | tuple):
        return len(value)
    number = _number(value, path)
    if number != number.to_integral_value():
        raise InputError(path, "必须是非负整数", got=value)
    return int(number)


def _list(value: Any, path: str) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, list | tuple):
        raise InputError(path, "必须是 JSON 数组", got=value)
    return value


def _names(value: Any, path: str) -> tuple[str, ...]:
    items = _list(value, path)
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise InputError(f"{path}[{index}]", "必须是文本", got=item)
    return tuple(items)


def _items(value: Any, path: str) -> tuple[Any, ...]:
    items = _list(value, path)
    for index, item in enumerate(items):
        if not isinstance(item, str | Mapping):
            raise InputError(f"{path}[{index}]", "必须是文本或 JSON 对象", got=item)
    return tuple(dict(item) if isinstance(item, Mapping) else item for item in items)


def _optional_text(obj: Mapping[str, Any], key: str, path: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{path}.{key}", "必须是文本", got=value)
    return value


def _enterprises(value: Any, path: str) -> EnterpriseList:
    result = []
    for index, item in enumerate(_list(value, path)):
        item_path = f"{path}[{index}]"
        if not isinstance(item, Mapping):
            raise InputError(item_path, "必须是 JSON 对象", got=item)
        name = _optional_text(item, "name", item_path)
        code = _optional_text(item, "credit_code", item_path)
        raw_categories = item.get("categories")
        if raw_categories is None:
            raw_categories = []
        categories = _names(raw_categories, f"{item_path}.categories")
        result.append(
            Enterprise(
                name=name,
                credit_code=code,
                categories=frozenset(categories),
                name_key=name.strip(),
                code_key=code.strip().upper(),
            )
        )
    return EnterpriseList(entries=tuple(result), groups=merge_enterprises(result))


def merge_enterprises(entries: list[Enterprise]) -> tuple[frozenset[str], ...]:
    """Categories per distinct enterprise, merging entries that share a name or credit code."""
    names = [e.name_key for e in entries if e.name_key]
    codes = [e.code_key for e in entries if e.code_key]
    if len(set(names)) == len(names) and len(set(codes)) == len(codes):
        return tuple(e.categories for e in entries)
    parent = list(range(len(entries)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_by_name: dict[str, int] = {}
    first_by_code: dict[str, int] = {}
    for index, entry in enumerate(entries):
        for key, seen in ((entry.name_key, first_by_name), (entry.code_key, first_by_code)):
            if key:
                other = seen.setdefault(key, index)
                if other != index:
                    parent[root(index)] = root(other)
    groups: dict[int, frozenset[str]] = {}
    for index, entry in enumerate(entries):
        group = root(index)
        groups[group] = groups.get(group, frozenset()) | entry.categories
    return tuple(groups.values())


def parse_date(value: Any, path: str) -> dt.date:
    """A date in strict YYYY-MM-DD form (a real calendar date), or `InputError`."""
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(path, "日期必须是 YYYY-MM-DD 格式的有效日期", got=value)


def _activities(value: Any, path: str) -> ActivityList:
    result = []
    per_year: dict[int | None, int] = {}
    for index, item in enumerate(_list(value, path)):
        item_path = f"{path}[{index}]"
        if not isinstance(item, Mapping):
            raise InputError(item_path, "必须是 JSON 对象", got=item)
        title = item.get("title")
        if title is not None and not isinstance(title, str):
            raise InputError(f"{item_path}.title", "必须是文本", got=title)
        raw_date = item.get("date")
        date = None if raw_date is None else parse_date(raw_date, f"{item_path}.date")
        result.append(Activity(title=title, date=date))
        year = None if date is None else date.year
        per_year[year] = per_year.get(year, 0) + 1
    return ActivityList(entries=tuple(result), per_year=MappingProxyType(per_year))


def _qualitative(value: Any, path: str, data: dict[str, Any]) -> None:
    if not isinstance(value, Mapping):
        raise InputError(path, "必须是 JSON 对象", got=value)
    for key, declared in value.items():
        if declared is None:
            continue
        if not isinstance(declared, bool):
            raise InputError(f"{path}.{key}", "必须是 true 或 false", got=declared)
        data[QUALITATIVE_PREFIX + str(key)] = declared


def _plain(value: Any) -> Any:
    """JSON-ready copy for error messages (a Decimal shows as the number it is)."""
    if isinstance(value, Decimal):
        if not value.is_finite() or value.adjusted() > _MAX_ADJUSTED_EXPONENT:
            return str(value)
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _show(value: Any, limit: int = 60) -> str:
    try:
        text = json.dumps(_plain(value), ensure_ascii=False, default=str)
    except (TypeError, ValueError, OverflowError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
