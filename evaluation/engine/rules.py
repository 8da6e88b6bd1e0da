"""Rule kinds: how an indicator is measured, judged against a profile's bar, and explained.

A criteria file names one rule kind per indicator; everything else a rule needs (fields,
operator, thresholds per profile, unit, extra parameters) comes from the file. A rule is split in
three so the eligible-profiles pass stays cheap:

- `measure(data, campaign, decisions)` reads the case once and returns what the comparison needs
  (None when an input is absent or the figure is undefined, e.g. a share of a zero total);
- `judge(measured, profile)` compares that against one profile's bar, exactly;
- `explain(measured, profile, met, data, campaign)` builds the value, the bar as text and a
  one-sentence note — only for the base's own profile.

Texts that do not depend on the case (bars, labels, units) are built once when the criteria are
loaded; `explain` runs for every row of every case, so it sticks to f-strings and one `fmt`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal
from typing import Any, ClassVar

# Products and differences of exact inputs are exact in this context (no rounding to 28 digits);
# the parser caps input magnitudes, so the cost stays that of ordinary arithmetic.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
mul = _EXACT.multiply
sub = _EXACT.subtract
# Divisions happen only for display; 60 digits is far more than two decimals need.
divide = Context(prec=60).divide
_CENT = Decimal("0.01")
_FINE = Decimal("0.000001")
HUNDRED = Decimal(100)

NOT_APPLICABLE_TEXT = "不适用"

Data = Mapping[str, Any]  # a case's data or campaign parameters, as parse_case left them
Texts = tuple[Any, str, str]  # (value, bar as text, note)


class CriteriaError(ValueError):
    """A criteria file that cannot be used; `path` points into the file ("indicators[3].rule")."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


# operator → (test, symbol, phrase when met, phrase when not met)
OPERATORS: Mapping[str, tuple[Callable[[Any, Any], bool], str, str, str]] = {
    ">=": (operator.ge, "≥", "达到", "未达到"),
    ">": (operator.gt, ">", "超过", "未超过"),
    "<=": (operator.le, "≤", "未超过", "超过"),
    "<": (operator.lt, "<", "低于", "未低于"),
}


def fmt(value: Decimal | int) -> str:
    """A number for people: rounded half-up to two decimals, without trailing zeros."""
    if type(value) is int:
        return str(value)
    text = str(value.quantize(_CENT, ROUND_HALF_UP))
    if text[-1] == "0":
        text = text[:-3] if text[-2] == "0" else text[:-1]
        if text == "-0":
            return "0"
    return text


def fmt_fine(value: Decimal) -> str:
    """Six decimals, for the rare value whose two-decimal form would equal its bar."""
    text = f"{value.quantize(_FINE, ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def finer_than_bar(approx: Decimal, limit: Decimal) -> str:
    """A value whose two-decimal form equals its bar but which is not the bar itself.

    59.999 against 60 would print as "60" and make a miss look like a hit; it is shown with six
    decimals instead, and failing that as "略低于 60".
    """
    finer = fmt_fine(approx)
    if finer != fmt_fine(limit):
        return finer
    return ("略高于 " if approx > limit else "略低于 ") + fmt(limit)


def with_unit(number: str, unit: str) -> str:
    """'60' + '%' → '60%'; '80000' + 'm²' → '80000 m²'."""
    if not unit or unit == "%":
        return number + unit
    return f"{number} {unit}"


def to_decimal(raw: Any, path: str) -> Decimal:
    """A threshold from the criteria file as an exact Decimal."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise CriteriaError(path, "门槛必须是数字")
    return Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)


class Comparison:
    """A bar of the form `value <op> limit`, with its texts prepared once."""

    __slots__ = ("fn", "limit", "limit_plain", "met_text", "miss_text", "text")

    def __init__(self, op: str, limit: Decimal, unit: str) -> None:
        self.fn, symbol, met_word, miss_word = OPERATORS[op]
        self.limit: Decimal | None = limit
        self.limit_plain = fmt(limit)
        limit_text = with_unit(self.limit_plain, unit)
        self.text = f"{symbol} {limit_text}"
        self.met_text = f"{met_word} {limit_text}"
        self.miss_text = f"{miss_word} {limit_text}"

    def test(self, value: Decimal | int) -> bool:
        return self.fn(value, self.limit)

    def test_ratio(self, numerator: Decimal | int, denominator: Decimal | int) -> bool:
        """`numerator / denominator <op> limit` for a positive denominator, without dividing."""
        return self.fn(numerator, mul(self.limit, denominator))


class Range:
    """An inclusive bar `low ≤ value ≤ high` (high may be open)."""

    __slots__ = ("high", "limit", "limit_plain", "low", "met_text", "miss_text", "text")

    def __init__(self, low: Decimal, high: Decimal | None, unit: str) -> None:
        self.low = low
        self.high = high
        self.limit: Decimal | None = None  # no single bar value for rounding to collide with
        self.limit_plain = ""
        if high is None:
            self.text = f"≥ {with_unit(fmt(low), unit)}"
        else:
            self.text = with_unit(f"{fmt(low)}–{fmt(high)}", unit)
        self.met_text = f"在 {self.text}范围内"
        self.miss_text = f"不在 {self.text}范围内"

    def test(self, value: Decimal | int) -> bool:
        return self.low <= value and (self.high is None or value <= self.high)

    def test_ratio(self, numerator: Decimal | int, denominator: Decimal | int) -> bool:
        if numerator < mul(self.low, denominator):
            return False
        return self.high is None or numerator <= mul(self.high, denominator)


class RuleContext:
    """What rules share from the criteria file: profiles, field labels, campaign parameters."""

    __slots__ = ("campaign_params", "fields", "profiles")

    def __init__(
        self,
        *,
        profiles: Sequence[Mapping[str, str]],
        fields: Mapping[str, Mapping[str, str]],
        campaign_params: Mapping[str, Mapping[str, str]],
    ) -> None:
        self.profiles = profiles
        self.fields = fields
        self.campaign_params = campaign_params

    def label(self, field: str) -> str:
        return self.fields.get(field, {}).get("name_zh", field)

    def unit(self, field: str) -> str:
        return self.fields.get(field, {}).get("unit", "")


class Rule:
    """Base of the rule kinds; one instance per indicator of a loaded criteria set.

    `bars[i]` is the compiled threshold for the i-th profile of the file, None where the
    indicator does not apply to that profile.
    """

    kind: ClassVar[str] = ""
    field_count: ClassVar[tuple[int, int]] = (1, 1)  # how many input fields, min and max
    reviewable: ClassVar[bool] = False  # whether reviewers' decisions apply (declared rows)

    __slots__ = (
        "bars",
        "code",
        "ctx",
        "field",
        "fields",
        "label",
        "op",
        "params",
        "suffix",
        "unit",
    )

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        self.code: str = spec["code"]
        self.label: str = spec.get("label_zh") or spec["name_zh"]
        self.fields: tuple[str, ...] = tuple(spec["fields"])
        low, high = self.field_count
        if not low <= len(self.fields) <= high:
            raise CriteriaError(f"{path}.fields", f"{self.kind} 规则需要 {low}–{high} 个输入字段")
        self.field = self.fields[0]
        self.op: str = spec.get("operator", ">=")
        if self.op not in OPERATORS:
            raise CriteriaError(f"{path}.operator", f"未知的比较运算符 {self.op!r}")
        self.unit: str = spec.get("unit", "")
        self.suffix = with_unit("", self.unit)  # "" / "%" / " 万元", appended to numbers
        self.params: Mapping[str, Any] = spec.get("params") or {}
        self.ctx = ctx
        thresholds = spec.get("thresholds")
        if not isinstance(thresholds, Mapping):
            raise CriteriaError(f"{path}.thresholds", "必须为每个类型（CD、CC、SD、SC）给出门槛")
        bars = []
        for profile in ctx.profiles:
            code = profile["code"]
            if code not in thresholds:
                raise CriteriaError(f"{path}.thresholds", f"缺少 {code} 的门槛（不适用请写 null）")
            raw = thresholds[code]
            bars.append(None if raw is None else self.compile_bar(raw, f"{path}.thresholds.{code}"))
        self.bars: tuple[Any, ...] = tuple(bars)

    def compile_bar(self, raw: Any, path: str) -> Any:
        """A number compared with the indicator's operator, or {"min": a, "max": b} (inclusive)."""
        if isinstance(raw, Mapping):
            if "min" not in raw:
                raise CriteriaError(path, "区间门槛必须有 min")
            high = raw.get("max")
            return Range(
                to_decimal(raw["min"], f"{path}.min"),
                None if high is None else to_decimal(high, f"{path}.max"),
                self.unit,
            )
        return Comparison(self.op, to_decimal(raw, path), self.unit)

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        """What the comparison needs, read from the case; None when it cannot be judged."""
        raise NotImplementedError

    def judge(self, measured: Any, profile: int) -> bool:
        """Whether a (non-None) measurement meets the profile's (non-None) bar."""
        return self.bars[profile].test(measured)

    def display(self, measured: Any) -> Any:
        """The value as JSON-friendly data (counts as int, figures as rounded text)."""
        return measured if type(measured) is int else fmt(measured)

    def threshold_text(self, profile: int, campaign: Data) -> str:
        return self.bars[profile].text

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        """(value, bar text, note) for the base's own profile."""
        bar = self.bars[profile]
        value = self.display(measured)
        phrase = bar.met_text if met else bar.miss_text
        return value, bar.text, f"{self.label} {value}{self.suffix}，{phrase}"

    def missing_note(self, data: Data, campaign: Data) -> str:
        absent = [self.ctx.label(field) for field in self.fields if data.get(field) is None]
        return f"未填报{'、'.join(absent)}，无法判断" if absent else "数据不完整，无法判断"

    def provisional(self, measured: Any) -> bool:
        """Whether a met row still awaits a reviewer's confirmation."""
        return False


class ThresholdRule(Rule):
    """A figure against a bar (revenue, employees, ratios entered as percentages, density).

    An optional `guideline` parameter (road density: bar 8, guideline 10) adds a note when the
    bar is met but the guideline is not.
    """

    kind = "threshold"
    __slots__ = ("guideline", "guideline_note", "guideline_texts")

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        super().__init__(spec, path, ctx)
        guideline = self.params.get("guideline")
        self.guideline = None if guideline is None else to_decimal(guideline, f"{path}.params")
        if self.guideline is not None:
            shown = f"{fmt(self.guideline)}{self.suffix}"
            self.guideline_note = f"，但低于 {shown} 的指导值"
            self.guideline_texts = tuple(
                None if bar is None else f"{bar.text}（指导值 {shown}）" for bar in self.bars
            )

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        return data.get(self.field)

    def threshold_text(self, profile: int, campaign: Data) -> str:
        if self.guideline is None:
            return self.bars[profile].text
        return self.guideline_texts[profile]

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        bar = self.bars[profile]
        value = fmt(measured)
        shown = value
        if value == bar.limit_plain and measured != bar.limit:
            shown = finer_than_bar(measured, bar.limit)
        note = f"{self.label} {shown}{self.suffix}，{bar.met_text if met else bar.miss_text}"
        if self.guideline is None:
            return value, bar.text, note
        if met and measured < self.guideline:
            note += self.guideline_note
        return value, self.guideline_texts[profile], note


class ShareRule(Rule):
    """part / total × 100 against a bar, compared as part × 100 against bar × total."""

    kind = "share"
    field_count = (2, 2)
    __slots__ = ("total", "total_suffix")

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        super().__init__(spec, path, ctx)
        self.total = self.fields[1]
        self.total_suffix = with_unit("", ctx.unit(self.total))

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        part = data.get(self.field)
        total = data.get(self.total)
        if part is None or total is None or total <= 0:
            return None
        return (mul(part, HUNDRED), total, part)

    def judge(self, measured: Any, profile: int) -> bool:
        return self.bars[profile].test_ratio(measured[0], measured[1])

    def display(self, measured: Any) -> Any:
        return fmt(divide(measured[0], measured[1]))

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        bar = self.bars[profile]
        scaled, total, part = measured
        share = divide(scaled, total)
        value = shown = fmt(share)
        if value == bar.limit_plain and scaled != mul(bar.limit, total):
            shown = finer_than_bar(share, bar.limit)
        note = (
            f"{self.label} {shown}%（{fmt(part)} ÷ {fmt(total)}{self.total_suffix}），"
            f"{bar.met_text if met else bar.miss_text}"
        )
        return value, bar.text, note

    def missing_note(self, data: Data, campaign: Data) -> str:
        total = data.get(self.total)
        if total is not None and data.get(self.field) is not None:
            return f"{self.ctx.label(self.total)}为 {fmt(total)}，无法计算占比"
        return super().missing_note(data, campaign)


class GrowthRule(Rule):
    """(this − last) / last × 100 against a bar that may be a campaign parameter.

    A threshold written as "campaign.<name>" takes the campaign's value (the Shanghai three-year
    growth average, entered by staff); a number is a fixed bar.
    """

    kind = "growth_vs_benchmark"
    field_count = (2, 2)
    __slots__ = ("benchmark_label", "fn", "met_word", "miss_word", "previous", "ref", "symbol")

    def compile_bar(self, raw: Any, path: str) -> Any:
        if isinstance(raw, str):
            name = raw.removeprefix("campaign.")
            if not raw.startswith("campaign.") or name not in self.ctx.campaign_params:
                raise CriteriaError(path, f"未知的评估活动参数 {raw!r}")
            return name
        return super().compile_bar(raw, path)

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        super().__init__(spec, path, ctx)
        self.previous = self.fields[1]
        refs = {bar for bar in self.bars if isinstance(bar, str)}
        if len(refs) > 1:
            raise CriteriaError(f"{path}.thresholds", "同一指标只能引用一个评估活动参数")
        self.ref = refs.pop() if refs else None
        self.fn, self.symbol, self.met_word, self.miss_word = OPERATORS[self.op]
        default = ctx.campaign_params.get(self.ref or "", {}).get("name_zh", "基准")
        self.benchmark_label = self.params.get("benchmark_label", default)

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        current = data.get(self.field)
        previous = data.get(self.previous)
        if current is None or previous is None or previous <= 0:
            return None
        benchmark = None
        if self.ref is not None:
            benchmark = campaign.get(self.ref)
            if benchmark is None:
                return None
        return (mul(sub(current, previous), HUNDRED), previous, benchmark, current)

    def judge(self, measured: Any, profile: int) -> bool:
        bar = self.bars[profile]
        if type(bar) is str:
            return self.fn(measured[0], mul(measured[2], measured[1]))
        return bar.test_ratio(measured[0], measured[1])

    def display(self, measured: Any) -> Any:
        return fmt(divide(measured[0], measured[1]))

    def threshold_text(self, profile: int, campaign: Data) -> str:
        bar = self.bars[profile]
        if type(bar) is not str:
            return bar.text
        benchmark = campaign.get(bar)
        if benchmark is None:
            return f"{self.symbol} {self.benchmark_label}（未设定）"
        return f"{self.symbol} {fmt(benchmark)}%（{self.benchmark_label}）"

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        scaled, previous, benchmark, current = measured
        bar = self.bars[profile]
        by_campaign = type(bar) is str
        limit = benchmark if by_campaign else bar.limit
        growth = divide(scaled, previous)
        value = shown = fmt(growth)
        limit_plain = fmt(limit)
        if value == limit_plain and scaled != mul(limit, previous):
            shown = finer_than_bar(growth, limit)
        if by_campaign:
            threshold = f"{self.symbol} {limit_plain}%（{self.benchmark_label}）"
            bar_text = f"{self.benchmark_label} {limit_plain}%"
        else:
            threshold = bar.text
            bar_text = f" {limit_plain}%"
        previous_text = fmt(previous)
        note = (
            f"{self.label} {shown}%（({fmt(current)} − {previous_text}) ÷ {previous_text}），"
            f"{self.met_word if met else self.miss_word}{bar_text}"
        )
        return value, threshold, note

    def missing_note(self, data: Data, campaign: Data) -> str:
        previous = data.get(self.previous)
        if data.get(self.field) is None or previous is None:
            return super().missing_note(data, campaign)
        if previous <= 0:
            return f"{self.ctx.label(self.previous)}为 {fmt(previous)}，无法计算增速"
        return f"评估活动未设定{self.benchmark_label}，无法判断"


class YearOnYearRule(Rule):
    """This year's ratio against last year's; the bar is the required rise in percentage points.

    Fields: part, total, last year's part, last year's total. "逐年递增" is operator ">" with a
    bar of 0: this year's ratio strictly above last year's. Compared by cross-multiplication.
    """

    kind = "yoy_ratio_increase"
    field_count = (4, 4)
    __slots__ = ("met_word", "miss_word", "symbol")

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        super().__init__(spec, path, ctx)
        _, self.symbol, self.met_word, self.miss_word = OPERATORS[self.op]
        if any(isinstance(bar, Range) for bar in self.bars):
            raise CriteriaError(f"{path}.thresholds", "逐年递增的门槛必须是百分点数")

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        part, total, part_prev, total_prev = map(data.get, self.fields)
        if part is None or total is None or part_prev is None or total_prev is None:
            return None
        if total <= 0 or total_prev <= 0:
            return None
        # (part/total − part_prev/total_prev) × 100 <op> bar
        #   ⇔ (part × total_prev − part_prev × total) × 100 <op> bar × total × total_prev
        diff = sub(mul(part, total_prev), mul(part_prev, total))
        return (mul(diff, HUNDRED), mul(total, total_prev), part, total, part_prev, total_prev)

    def judge(self, measured: Any, profile: int) -> bool:
        return self.bars[profile].test_ratio(measured[0], measured[1])

    def display(self, measured: Any) -> Any:
        return fmt(divide(mul(measured[2], HUNDRED), measured[3]))

    def threshold_text(self, profile: int, campaign: Data) -> str:
        margin = self.bars[profile].limit
        if not margin:
            return f"{self.symbol} 上年比例"
        return f"{self.symbol} 上年比例 + {fmt(margin)} 个百分点"

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        scaled_diff, _, part, total, part_prev, total_prev = measured
        this = divide(mul(part, HUNDRED), total)
        last = divide(mul(part_prev, HUNDRED), total_prev)
        value = this_text = fmt(this)
        last_text = fmt(last)
        if this_text == last_text and scaled_diff != 0:
            this_text, last_text = fmt_fine(this), fmt_fine(last)
        margin = self.bars[profile].limit
        extra = f" {fmt(margin)} 个百分点以上" if margin else ""
        note = (
            f"{self.label} {this_text}%（{fmt(part)} ÷ {fmt(total)}），"
            f"{self.met_word if met else self.miss_word}上年 {last_text}%"
            f"（{fmt(part_prev)} ÷ {fmt(total_prev)}）{extra}"
        )
        return value, f"{self.threshold_text(profile, campaign)}（{last_text}%）", note

    def missing_note(self, data: Data, campaign: Data) -> str:
        if any(data.get(field) is None for field in self.fields):
            return super().missing_note(data, campaign)
        zero = [self.ctx.label(f) for f in (self.fields[1], self.fields[3]) if data[f] <= 0]
        return f"{'、'.join(zero)}为 0，无法计算比例"


def _has_text(item: Any) -> bool:
    if type(item) is str:
        return bool(item.strip())
    if isinstance(item, Mapping):
        return any(type(v) is str and v.strip() for v in item.values())
    return False


class CountRule(Rule):
    """How many items a list holds (or a whole number given directly, e.g. sub_parks).

    Parameters: `non_empty` counts only items with some text; `within_campaign_year` counts
    only items dated in the campaign's year, plus undated ones (the spec tolerates those).
    """

    kind = "count"
    __slots__ = ("non_empty", "within_year")

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        super().__init__(spec, path, ctx)
        self.non_empty = bool(self.params.get("non_empty"))
        self.within_year = bool(self.params.get("within_campaign_year"))

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        value = data.get(self.field)
        if value is None or type(value) is int:
            return value
        if self.within_year:
            per_year = value.per_year
            return per_year.get(campaign["year"], 0) + per_year.get(None, 0)
        if self.non_empty:
            return sum(map(_has_text, value))
        return len(value)

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        bar = self.bars[profile]
        note = f"{self.label} {measured}{self.suffix}，{bar.met_text if met else bar.miss_text}"
        items = data[self.field]
        if type(items) is int:
            return measured, bar.text, note
        if self.within_year:
            details = []
            left_out = len(items.entries) - measured
            if left_out:
                details.append(f"另有 {left_out}{self.suffix}不在 {campaign['year']} 年内，未计入")
            undated = items.per_year.get(None, 0)
            if undated:
                details.append(f"含 {undated}{self.suffix}未注明日期")
            if details:
                note += f"（{'；'.join(details)}）"
        elif len(items) != measured:
            note += f"（另有 {len(items) - measured} 项为空，未计入）"
        return measured, bar.text, note


class DistinctCountRule(Rule):
    """Distinct non-blank names after trimming (the full-width space too).

    When a range's upper end is exceeded, the note names the kind of base whose bar the count
    meets instead (a specialty base with 3+ sub-sectors looks like a comprehensive one).
    """

    kind = "distinct_count"
    __slots__ = ()

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        names = data.get(self.field)
        if names is None:
            return None
        distinct = {name.strip() for name in names}
        distinct.discard("")
        return len(distinct)

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        value, threshold, note = super().explain(measured, profile, met, data, campaign)
        given = len(data[self.field])
        if given != measured:
            note += f"（填报 {given} 项，去除空白和重复后 {measured} 项）"
        bar = self.bars[profile]
        if not met and type(bar) is Range and bar.high is not None and measured > bar.high:
            own_kind = self.ctx.profiles[profile]["kind"]
            fits: list[str] = []
            for other, other_bar in zip(self.ctx.profiles, self.bars, strict=True):
                if other["kind"] == own_kind or other_bar is None or not other_bar.test(measured):
                    continue
                if other["kind_zh"] not in fits:
                    fits.append(other["kind_zh"])
            if fits:
                note += f"；超过 {fmt(bar.high)}{self.suffix}，更符合{'或'.join(fits)}的条件"
        return value, threshold, note


class DistinctQualifiedRule(Rule):
    """Enterprises that belong to at least one listed category, each counted once.

    The parser has already merged duplicates (shared credit code or trimmed name); here only the
    categories matter, and unknown category codes are ignored.
    """

    kind = "distinct_qualified"
    __slots__ = ("categories",)

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        super().__init__(spec, path, ctx)
        categories = self.params.get("categories")
        if not isinstance(categories, Mapping) or not categories:
            raise CriteriaError(f"{path}.params.categories", "必须列出计入的企业类别")
        self.categories = frozenset(categories)

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        enterprises = data.get(self.field)
        if enterprises is None:
            return None
        groups = enterprises.groups
        return len(groups) - sum(map(self.categories.isdisjoint, groups))

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        value, threshold, note = super().explain(measured, profile, met, data, campaign)
        enterprises = data[self.field]
        entries, groups = len(enterprises.entries), len(enterprises.groups)
        if entries != measured:
            details = []
            if entries != groups:
                details.append(f"填报 {entries} 条，合并重复后 {groups} 家")
            if groups != measured:
                details.append(f"{groups - measured} 家未列明有效的优质企业类别，未计入")
            note += f"（{'；'.join(details)}）"
        return value, threshold, note


class EitherOfRule(Rule):
    """Several figures, each with its own bar; meeting any one is enough (land OR floor space).

    Thresholds per profile are {field: limit}. With some figures absent the others decide; the
    row is missing only when all are absent.
    """

    kind = "either_of"
    field_count = (2, 8)
    __slots__ = ("labels", "texts")

    def compile_bar(self, raw: Any, path: str) -> Any:
        if not isinstance(raw, Mapping):
            raise CriteriaError(path, "either_of 门槛必须是 {字段: 门槛} 对象")
        unknown = set(raw) - set(self.fields)
        if unknown:
            raise CriteriaError(path, f"门槛引用了未列出的字段 {sorted(unknown)}")
        return tuple(
            None
            if raw.get(field) is None
            else Comparison(
                self.op, to_decimal(raw[field], f"{path}.{field}"), self.ctx.unit(field)
            )
            for field in self.fields
        )

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        super().__init__(spec, path, ctx)
        self.labels = tuple(
            (ctx.label(field), with_unit("", ctx.unit(field))) for field in self.fields
        )
        self.texts = tuple(
            None if bars is None else " 或 ".join(bar.text for bar in bars if bar is not None)
            for bars in self.bars
        )

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        values = tuple(map(data.get, self.fields))
        return None if values.count(None) == len(values) else values

    def judge(self, measured: Any, profile: int) -> bool:
        for value, bar in zip(measured, self.bars[profile], strict=True):
            if value is not None and bar is not None and bar.fn(value, bar.limit):
                return True
        return False

    def display(self, measured: Any) -> Any:
        return {
            f: None if v is None else fmt(v) for f, v in zip(self.fields, measured, strict=True)
        }

    def threshold_text(self, profile: int, campaign: Data) -> str:
        return self.texts[profile]

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        parts = []
        value = {}
        for field, (label, suffix), figure, bar in zip(
            self.fields, self.labels, measured, self.bars[profile], strict=True
        ):
            if figure is None:
                value[field] = None
                parts.append(f"{label}未填报")
                continue
            shown = value[field] = fmt(figure)
            if bar is None:
                parts.append(f"{label} {shown}{suffix}")
            else:
                phrase = bar.met_text if bar.fn(figure, bar.limit) else bar.miss_text
                parts.append(f"{label} {shown}{suffix}，{phrase}")
        parts.append("任一项达标即可，已达标" if met else "均未达标")
        return value, self.texts[profile], "；".join(parts)


_DECLARED_NO = "no"
_PROVISIONAL = "provisional"
_CONFIRMED = "confirmed"
_REJECTED = "rejected"


class DeclaredRule(Rule):
    """A declared "有" (true) / "无" (false), which association staff confirm or reject.

    Without a reviewer decision a declared "有" counts as met but is provisional; a rejection
    makes it not met.
    """

    kind = "declared"
    reviewable = True
    __slots__ = ("notes",)

    def __init__(self, spec: Mapping[str, Any], path: str, ctx: RuleContext) -> None:
        super().__init__(spec, path, ctx)
        self.notes = {
            _DECLARED_NO: f"{self.label}：申报为“无”",
            _PROVISIONAL: f"{self.label}：申报为“有”，待审核确认",
            _CONFIRMED: f"{self.label}：申报为“有”，审核已确认",
            _REJECTED: f"{self.label}：申报为“有”，审核未认可",
        }

    def compile_bar(self, raw: Any, path: str) -> Any:
        if raw is not True:
            raise CriteriaError(path, "declared 门槛只能是 true（适用）或 null（不适用）")
        return True

    def measure(self, data: Data, campaign: Data, decisions: Any) -> Any:
        declared = data.get(self.field)
        if declared is None:
            return None
        if not declared:
            return _DECLARED_NO
        decision = decisions.get(self.code) if decisions else None
        if decision is None:
            return _PROVISIONAL
        return _CONFIRMED if decision else _REJECTED

    def judge(self, measured: Any, profile: int) -> bool:
        return measured is _PROVISIONAL or measured is _CONFIRMED

    def display(self, measured: Any) -> Any:
        return measured is not _DECLARED_NO

    def threshold_text(self, profile: int, campaign: Data) -> str:
        return "有"

    def explain(self, measured: Any, profile: int, met: bool, data: Data, campaign: Data) -> Texts:
        return measured is not _DECLARED_NO, "有", self.notes[measured]

    def missing_note(self, data: Data, campaign: Data) -> str:
        return f"{self.label}：未申报“有”或“无”，无法判断"

    def provisional(self, measured: Any) -> bool:
        return measured is _PROVISIONAL


RULE_KINDS: Mapping[str, type[Rule]] = {
    cls.kind: cls
    for cls in (
        ThresholdRule,
        ShareRule,
        GrowthRule,
        YearOnYearRule,
        CountRule,
        DistinctCountRule,
        DistinctQualifiedRule,
        EitherOfRule,
        DeclaredRule,
    )
}
