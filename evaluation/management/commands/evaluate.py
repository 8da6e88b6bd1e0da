"""`python manage.py evaluate FILE` — score cases in the interchange format, print the results.

FILE holds one case (an object) or several (an array); `-` reads standard input. The output has
the same shape: an object for an object, an array for an array. Malformed input prints one line
on standard error naming the case and the field, exits with status 2 and prints nothing on
standard output.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from evaluation.engine import CriteriaError, InputError, evaluate_json, load_criteria

EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Anything that makes the input unusable; its text is the one line printed on stderr."""


class Command(BaseCommand):
    help = (
        "Evaluate one case or an array of cases (interchange format JSON) against the criteria "
        "of their campaign year and print the results as JSON."
    )
    # Scoring needs neither the database nor the system checks; keep the command usable
    # (and quick) on a machine without a configured database.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="JSON file with a case or an array of cases; - for stdin")
        parser.add_argument(
            "--criteria",
            metavar="PATH",
            help="criteria file to use instead of evaluation/criteria/<campaign.year>.json",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Print the results, or one line on stderr and exit status 2 for bad input.

        The exit is a SystemExit(2) rather than a CommandError so that the line on stderr is
        exactly "evaluate: …" (CommandError would prefix its class name).
        """
        try:
            output = self._run(file=options["file"], criteria_path=options.get("criteria"))
        except BadInput as exc:
            self.stderr.write(f"evaluate: {exc}")
            raise SystemExit(EXIT_BAD_INPUT) from None
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=1))

    def _run(self, *, file: str, criteria_path: str | None) -> Any:
        criteria = None
        if criteria_path:
            try:
                criteria = load_criteria(Path(criteria_path))
            except CriteriaError as exc:
                raise BadInput(f"评估条件文件 {criteria_path} 无效：{exc}") from exc
        document = _load_json(_read(file), source=file)
        try:
            return evaluate_json(document, criteria)
        except InputError as exc:
            raise BadInput(_one_line(str(exc))) from exc
        except CriteriaError as exc:
            raise BadInput(f"评估条件文件无效：{_one_line(str(exc))}") from exc


def _read(file: str) -> str:
    try:
        if file == "-":
            stream = getattr(sys.stdin, "buffer", None)
            raw = stream.read() if stream is not None else sys.stdin.read()
        else:
            raw = Path(file).read_bytes()
    except OSError as exc:
        raise BadInput(f"无法读取 {file}：{exc.strerror or exc}") from exc
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{file}：不是 UTF-8 编码的文本（第 {exc.start} 字节）") from exc


def _load_json(text: str, *, source: str) -> Any:
    """Parse JSON with exact decimals: 9.2 is read as Decimal("9.2"), never as a float."""
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        where = "标准输入" if source == "-" else source
        raise BadInput(
            f"{where}：不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from exc
    except RecursionError as exc:
        raise BadInput(f"{source}：JSON 嵌套过深") from exc


def _one_line(text: str) -> str:
    return " ".join(text.split())
