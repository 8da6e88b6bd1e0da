"""`python manage.py evaluate` as a user runs it: real processes, real exit statuses.

Every invocation is started once, in parallel, by a module fixture; the tests then read the
recorded stdout, stderr and exit status.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.evaluation.cases import compared, make_case, with_field

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = sorted(
    p.name.removesuffix(".json") for p in FIXTURES.glob("*.json") if ".expected" not in p.name
)


class Run(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


# id → (case as JSON text, the field the error line must name)
MALFORMED: dict[str, tuple[str, str]] = {
    "unknown-kind": (json.dumps(with_field("base.kind", "mixed")), "base.kind"),
    "unknown-level": (json.dumps(with_field("base.level", "gold")), "base.level"),
    "unknown-previous-outcome": (
        json.dumps(with_field("base.previous_outcome", "x")),
        "base.previous_outcome",
    ),
    "negative-revenue": (json.dumps(with_field("data.revenue_total", -5)), "data.revenue_total"),
    "number-as-text": (json.dumps(with_field("data.revenue_total", "abc")), "data.revenue_total"),
    "bool-as-number": (json.dumps(with_field("data.occupancy_rate", True)), "data.occupancy_rate"),
    "list-where-object": (json.dumps(with_field("base", ["comprehensive"])), "base"),
    "object-where-list": (
        json.dumps(with_field("data.activities", {"title": "x"})),
        "data.activities",
    ),
    "no-base": (json.dumps(with_field("base", ...)), "base"),
    "no-data": (json.dumps(with_field("data", ...)), "data"),
    "no-campaign-year": (json.dumps(with_field("campaign.year", ...)), "campaign.year"),
    "bad-date": (
        json.dumps(with_field("data.activities", [{"title": "x", "date": "10/05/2024"}])),
        "data.activities[0].date",
    ),
    "bad-qualitative": (
        json.dumps(with_field("data.qualitative", {"policies": "有"})),
        "data.qualitative.policies",
    ),
    "unknown-year": (json.dumps(with_field("campaign.year", 2031)), "campaign.year"),
    "invalid-json": ('{"base": {"kind": "comprehensive",', "JSON"),
    "second-case-of-array": (
        json.dumps([make_case(), with_field("data.revenue_total", -1)]),
        "case 1: data.revenue_total",
    ),
}


def _command(*args: str, stdin: str | None = None) -> Run:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONIOENCODING": "utf-8",
    }
    completed = subprocess.run(
        [sys.executable, "manage.py", "evaluate", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("cases")
    array = folder / "array.json"
    array.write_text(
        json.dumps(
            [json.loads((FIXTURES / f"{name}.json").read_text("utf-8")) for name in EXAMPLES]
        ),
        encoding="utf-8",
    )
    jobs: dict[str, tuple[tuple[str, ...], str | None]] = {
        f"example:{name}": ((str(FIXTURES / f"{name}.json"),), None) for name in EXAMPLES
    }
    jobs["array"] = ((str(array),), None)
    jobs["stdin"] = (("-",), (FIXTURES / f"{EXAMPLES[0]}.json").read_text("utf-8"))
    jobs["missing-file"] = ((str(folder / "nowhere.json"),), None)
    for name, (text, _field) in MALFORMED.items():
        jobs[f"bad:{name}"] = (("-",), text)
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {
            key: pool.submit(_command, *args, stdin=stdin) for key, (args, stdin) in jobs.items()
        }
        return {key: future.result() for key, future in futures.items()}


def _expected(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_through_the_command_match_the_expected_output(runs, name):
    run = runs[f"example:{name}"]
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert compared(json.loads(run.stdout)) == compared(_expected(name))


def test_output_is_readable_chinese_json_with_one_space_indent(runs):
    run = runs[f"example:{EXAMPLES[0]}"]
    assert "\\u" not in run.stdout
    assert run.stdout.startswith('{\n "verdict"')
    indicators = json.loads(run.stdout)["indicators"]
    assert all({"code", "status", "value", "threshold", "note"} <= set(i) for i in indicators)


def test_an_array_gives_an_array_in_the_same_order(runs):
    run = runs["array"]
    assert run.returncode == 0, run.stderr
    outputs = json.loads(run.stdout)
    assert isinstance(outputs, list)
    assert [compared(o) for o in outputs] == [compared(_expected(name)) for name in EXAMPLES]


def test_a_dash_reads_standard_input(runs):
    run = runs["stdin"]
    assert run.returncode == 0, run.stderr
    assert compared(json.loads(run.stdout)) == compared(_expected(EXAMPLES[0]))


@pytest.mark.parametrize(
    ("name", "field"), [(n, f) for n, (_, f) in MALFORMED.items()], ids=list(MALFORMED)
)
def test_malformed_input_exits_2_with_one_line_naming_the_field(runs, name, field):
    run = runs[f"bad:{name}"]
    assert run.returncode == 2
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("evaluate: ")
    assert field in lines[0]


def test_a_case_error_names_the_case_index(runs):
    assert runs["bad:negative-revenue"].stderr.startswith("evaluate: case 0: data.revenue_total: ")


def test_an_unreadable_file_exits_2(runs):
    run = runs["missing-file"]
    assert (run.returncode, run.stdout) == (2, "")
    assert "nowhere.json" in run.stderr and "Traceback" not in run.stderr


def test_criteria_option_uses_another_file(tmp_path):
    definition = json.loads((ROOT / "evaluation" / "criteria" / "2024.json").read_text("utf-8"))
    definition = copy.deepcopy(definition)
    for indicator in definition["indicators"]:
        if indicator["code"] == "17":
            indicator["thresholds"] = {"CD": 95, "CC": 95, "SD": 95, "SC": 95}
    criteria = tmp_path / "strict.json"
    criteria.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    run = _command(
        "--criteria", str(criteria), str(FIXTURES / "comprehensive-demonstration-pass.json")
    )
    assert run.returncode == 0, run.stderr
    output = json.loads(run.stdout)
    assert output["verdict"] == "fail"
    assert next(i for i in output["indicators"] if i["code"] == "17")["status"] == "not_met"
