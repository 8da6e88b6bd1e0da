"""Loading a criteria set (one year's conditions) from its data file.

Everything that differs between years — thresholds per profile, operators, units, the original
wording, the categories, the consequences of failing — is read from the file, checked once and
compiled into rule objects here, so scoring a case does no parsing or lookups by name.

The file (evaluation/criteria/<year>.json; next year's conditions are a copy with new values):

- `version`, `year`, `title`; `profiles` (CD, CC, SD, SC: kind × level, in output order);
  `categories` (code, name_zh, name_en); `fields` (Chinese label and unit per input field, for
  notes); `campaign_params` (parameters a threshold may refer to); `outcomes` (`on_fail` per
  level, `on_repeated_fail` per level with the previous outcomes that make it a repeat).
- `indicators`, in table order, each with `code`, `category`, `name_zh`, `name_en`, optional
  `label_zh` (shorter name for notes), `source`, `original` (the notice's 达标条件 wording, per
  profile or one text for all), `settled` (how an ambiguity was settled), `fields` (input
  fields read), `rule` (a kind from rules.RULE_KINDS), `operator` (">=", ">", "<=", "<"),
  `unit`, `thresholds` ({"CD": …, "CC": …, "SD": …, "SC": …}; null = not applicable; a number,
  a {"min", "max"} range, or what the rule kind documents) and `params` (rule-specific extras,
  e.g. the road-density `guideline`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from .inputs import (
    CAMPAIGN_PARAMS,
    DATA_FIELDS,
    KINDS,
    LEVELS,
    PREVIOUS_OUTCOMES,
    QUALITATIVE_PREFIX,
)
from .rules import RULE_KINDS, CriteriaError, Rule, RuleContext

CRITERIA_DIR = Path(__file__).resolve().parent.parent / "criteria"
OUTCOMES = PREVIOUS_OUTCOMES  # the outcomes a year can give are the ones a later year reads back


def default_criteria_path(year: int) -> Path:
    """Where the criteria file for an assessment year lives: evaluation/criteria/{year}.json."""
    return CRITERIA_DIR / f"{int(year)}.json"


@dataclass(frozen=True, slots=True)
class Profile:
    """One of the four threshold columns: kind × level (CD, CC, SD, SC)."""

    code: str
    kind: str
    level: str
    name_zh: str
    kind_zh: str


@dataclass(frozen=True, slots=True)
class Category:
    """A group of indicators (产业能级 …), scored separately as met / applicable."""

    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator as the file describes it; `rule` is its compiled form."""

    code: str
    category: str
    name_zh: str
    name_en: str
    source: str
    original: Mapping[str, str]  # profile code → the notice's 达标条件 wording
    settled: str  # how the project settled an ambiguity, "" when none
    fields: tuple[str, ...]
    rule_kind: str
    operator: str
    unit: str
    thresholds: Mapping[str, Any]
    params: Mapping[str, Any]
    rule: Rule = field(repr=False, compare=False)
    category_index: int = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Outcomes:
    """What failing means per level, and which previous outcomes make a failure a repeat."""

    labels: Mapping[str, str]
    on_fail: Mapping[str, str]
    repeated: Mapping[str, tuple[frozenset[str], str]]

    def outcome(self, *, passed: bool, level: str, previous: str | None) -> str:
        if passed:
            return "pass"
        repeat = self.repeated.get(level)
        if repeat is not None and previous in repeat[0]:
            return repeat[1]
        return self.on_fail[level]


class RowPlan(NamedTuple):
    """One indicator prepared for one profile: its header and its rule's bound methods.

    Calling bound methods taken from a tuple keeps the scoring loop free of attribute lookups on
    25 objects of nine different classes, which the interpreter cannot cache and which measured
    as a third of the engine's time.
    """

    code: str
    category: str
    category_index: int
    name_zh: str
    original: str
    applicable: bool
    measure: Any
    judge: Any
    explain: Any
    missing_note: Any
    threshold_text: Any
    display: Any
    provisional: Any  # None for rows without reviewer decisions


@dataclass(frozen=True, slots=True)
class CriteriaSet:
    """A loaded, validated criteria file, ready for `evaluate`."""

    version: str
    year: int
    title: str
    profiles: tuple[Profile, ...]
    categories: tuple[Category, ...]
    indicators: tuple[Indicator, ...]
    outcomes: Outcomes
    definition: Mapping[str, Any] = field(repr=False, compare=False)
    profile_index: Mapping[tuple[str, str], int] = field(repr=False, compare=False)
    rules: tuple[Rule, ...] = field(repr=False, compare=False)
    # Per profile: the rows in table order, and the bound `judge` of every applicable row (with
    # its position) for the eligible-profiles pass.
    plans: tuple[tuple[RowPlan, ...], ...] = field(repr=False, compare=False)
    checks: tuple[tuple[tuple[int, Any], ...], ...] = field(repr=False, compare=False)
    category_headers: tuple[tuple[str, ...], tuple[str, ...]] = field(repr=False, compare=False)
    not_applicable_notes: tuple[str, ...] = field(repr=False, compare=False)

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code (KeyError if the set has none)."""
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def profile_code(self, *, kind: str, level: str) -> str:
        return self.profiles[self.profile_index[(kind, level)]].code


def _float_to_decimal(value: Any) -> Any:
    """Thresholds exactly as written: a float from json.loads becomes Decimal via its text."""
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, Mapping):
        return {k: _float_to_decimal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_float_to_decimal(v) for v in value]
    return value


def _require(obj: Mapping[str, Any], key: str, path: str, kind: type | tuple[type, ...]) -> Any:
    value = obj.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise CriteriaError(f"{path}.{key}" if path else key, "缺少或类型不对")
    return value


def load_criteria(path_or_dict: str | Path | Mapping[str, Any]) -> CriteriaSet:
    """Load and validate a criteria file (a path) or its parsed content (a mapping).

    Raises `CriteriaError` naming the place in the file that is wrong: an unknown rule kind or
    operator, a profile without a threshold, a field the interchange format does not have.
    """
    if isinstance(path_or_dict, Mapping):
        definition: Mapping[str, Any] = path_or_dict
    else:
        path = Path(path_or_dict)
        try:
            definition = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CriteriaError("", f"无法读取评估条件文件 {path}：{exc}") from exc
        if not isinstance(definition, Mapping):
            raise CriteriaError("", "评估条件文件必须是 JSON 对象")
    raw = _float_to_decimal(definition)

    version = str(_require(raw, "version", "", (str, int)))
    year = _require(raw, "year", "", int)
    title = raw.get("title") or f"{year}"

    profiles = []
    for index, item in enumerate(_require(raw, "profiles", "", list)):
        path = f"profiles[{index}]"
        kind = _require(item, "kind", path, str)
        level = _require(item, "level", path, str)
        if kind not in KINDS or level not in LEVELS:
            raise CriteriaError(path, f"未知的基地类型 {kind}/{level}")
        profiles.append(
            Profile(
                code=_require(item, "code", path, str),
                kind=kind,
                level=level,
                name_zh=item.get("name_zh", ""),
                kind_zh=item.get("kind_zh", KINDS[kind]),
            )
        )
    profile_index = {(p.kind, p.level): i for i, p in enumerate(profiles)}
    missing = {(k, lv) for k in KINDS for lv in LEVELS} - set(profile_index)
    if missing or len(profile_index) != len(profiles):
        raise CriteriaError("profiles", "必须恰好覆盖每种基地类型与级别的组合各一次")

    categories = tuple(
        Category(
            code=_require(item, "code", f"categories[{i}]", str),
            name_zh=item.get("name_zh", ""),
            name_en=item.get("name_en", ""),
        )
        for i, item in enumerate(_require(raw, "categories", "", list))
    )
    category_index = {c.code: i for i, c in enumerate(categories)}

    fields = _require(raw, "fields", "", Mapping)
    campaign_params = raw.get("campaign_params") or {}
    unknown_params = set(campaign_params) - CAMPAIGN_PARAMS
    if unknown_params:
        raise CriteriaError(
            "campaign_params", f"交换格式没有这些评估活动参数：{sorted(unknown_params)}"
        )
    ctx = RuleContext(
        profiles=[
            {"code": p.code, "kind": p.kind, "kind_zh": p.kind_zh, "name_zh": p.name_zh}
            for p in profiles
        ],
        fields=fields,
        campaign_params=campaign_params,
    )

    indicators = []
    seen: set[str] = set()
    for index, item in enumerate(_require(raw, "indicators", "", list)):
        path = f"indicators[{index}]"
        code = str(_require(item, "code", path, str))
        if code in seen:
            raise CriteriaError(f"{path}.code", f"指标编号 {code} 重复")
        seen.add(code)
        category = _require(item, "category", path, str)
        if category not in category_index:
            raise CriteriaError(f"{path}.category", f"未知的分类 {category}")
        kind = _require(item, "rule", path, str)
        rule_class = RULE_KINDS.get(kind)
        if rule_class is None:
            raise CriteriaError(
                f"{path}.rule", f"未知的规则类型 {kind}（可用：{sorted(RULE_KINDS)}）"
            )
        for field_name in _require(item, "fields", path, list):
            known = field_name in DATA_FIELDS or field_name.startswith(QUALITATIVE_PREFIX)
            if not known or field_name == "qualitative":
                raise CriteriaError(f"{path}.fields", f"交换格式没有字段 {field_name}")
        _require(item, "name_zh", path, str)
        rule = rule_class(item, path, ctx)
        original = item.get("original", "")
        if isinstance(original, str):
            original = {p.code: original for p in profiles}
        indicators.append(
            Indicator(
                code=code,
                category=category,
                name_zh=item["name_zh"],
                name_en=item.get("name_en", ""),
                source=item.get("source", ""),
                original=MappingProxyType(dict(original)),
                settled=item.get("settled", ""),
                fields=rule.fields,
                rule_kind=kind,
                operator=rule.op,
                unit=rule.unit,
                thresholds=MappingProxyType(dict(item["thresholds"])),
                params=MappingProxyType(dict(rule.params)),
                rule=rule,
                category_index=category_index[category],
            )
        )

    outcomes_raw = _require(raw, "outcomes", "", Mapping)
    on_fail = _require(outcomes_raw, "on_fail", "outcomes", Mapping)
    if set(on_fail) != set(LEVELS):
        raise CriteriaError("outcomes.on_fail", "必须为每个级别给出未达标的后果")
    repeated = {
        level: (frozenset(spec.get("after", ())), spec.get("outcome"))
        for level, spec in (outcomes_raw.get("on_repeated_fail") or {}).items()
    }
    named = set(on_fail.values()) | {outcome for _, outcome in repeated.values()}
    if not named <= OUTCOMES:
        raise CriteriaError("outcomes", f"未知的后果 {sorted(map(str, named - OUTCOMES))}")
    outcomes = Outcomes(
        labels=MappingProxyType(dict(outcomes_raw.get("labels") or {})),
        on_fail=MappingProxyType(dict(on_fail)),
        repeated=MappingProxyType(repeated),
    )

    return CriteriaSet(
        version=version,
        year=year,
        title=title,
        profiles=tuple(profiles),
        categories=categories,
        indicators=tuple(indicators),
        outcomes=outcomes,
        definition=definition,
        profile_index=MappingProxyType(profile_index),
        rules=tuple(i.rule for i in indicators),
        plans=tuple(
            tuple(_plan(indicator, index) for indicator in indicators)
            for index in range(len(profiles))
        ),
        checks=tuple(
            tuple(
                (position, indicator.rule.judge)
                for position, indicator in enumerate(indicators)
                if indicator.rule.bars[index] is not None
            )
            for index in range(len(profiles))
        ),
        category_headers=(tuple(c.code for c in categories), tuple(c.name_zh for c in categories)),
        not_applicable_notes=tuple(f"{p.kind_zh}不适用此项" for p in profiles),
    )


def _plan(indicator: Indicator, profile: int) -> RowPlan:
    rule = indicator.rule
    code = rule.ctx.profiles[profile]["code"]
    return RowPlan(
        code=indicator.code,
        category=indicator.category,
        category_index=indicator.category_index,
        name_zh=indicator.name_zh,
        original=indicator.original.get(code, ""),
        applicable=rule.bars[profile] is not None,
        measure=rule.measure,
        judge=rule.judge,
        explain=rule.explain,
        missing_note=rule.missing_note,
        threshold_text=rule.threshold_text,
        display=rule.display,
        provisional=rule.provisional if rule.reviewable else None,
    )
