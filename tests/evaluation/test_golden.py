"""The worked cases of shared/spec/examples, and their copies in fixtures/, as golden tests.

Compared as the examples' README says: verdict, outcome, score, eligible profiles, and each
indicator's code and status in table order (value, threshold and note are the project's wording).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from evaluation.engine import evaluate_json
from tests.evaluation.cases import compared

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SPEC_DIR = Path(os.environ.get("SPEC_DIR", Path(__file__).resolve().parents[3] / "shared" / "spec"))
EXAMPLES = SPEC_DIR / "examples"


def _cases(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(".expected.json"))


def _check(case_path: Path) -> None:
    expected_path = case_path.with_name(case_path.name.removesuffix(".json") + ".expected.json")
    case = json.loads(case_path.read_text(encoding="utf-8"))
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert compared(evaluate_json(case)) == compared(expected)


@pytest.mark.parametrize("case_path", _cases(FIXTURES), ids=lambda p: p.stem)
def test_fixture_copy_matches_expected(case_path):
    _check(case_path)


def test_fixtures_hold_the_three_worked_cases():
    assert len(_cases(FIXTURES)) == 3


@pytest.mark.parametrize(
    "name",
    [
        "comprehensive-demonstration-pass",
        "specialty-cultivation-occupancy-below",
        "specialty-demonstration-second-failure",
    ],
)
def test_shared_example_matches_expected(name):
    """The examples beside the repository (../shared/spec, or $SPEC_DIR) — the source of truth."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"no spec examples at {EXAMPLES} (set SPEC_DIR to the shared/spec folder)")
    case_path = EXAMPLES / f"{name}.json"
    if not case_path.is_file():
        pytest.skip(f"{case_path} is not there")
    _check(case_path)


def test_every_shared_example_is_also_a_fixture():
    """A new worked case in shared/spec must be copied into fixtures/ so CI never depends on it."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"no spec examples at {EXAMPLES}")
    shared = {p.name for p in EXAMPLES.glob("*.json")}
    local = {p.name for p in FIXTURES.glob("*.json")}
    assert shared <= local
    for name in shared:
        assert json.loads((EXAMPLES / name).read_text("utf-8")) == json.loads(
            (FIXTURES / name).read_text("utf-8")
        )
