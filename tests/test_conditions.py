"""``when`` tables: every problem named by file, item and field; matching and describing."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip.conditions import describe, matches, read_condition
from sendorskip.facts import FACT_BY_NAME
from sendorskip.records import Reader

ITEM = "rule SOS999"
WENT = "expected one of 'well', 'mixed', 'poorly', 'disaster'"
PROBLEMS: list[tuple[str, Any, list[str]]] = [
    ("not a table", "went", ["when: expected a table of facts; got 'went'."]),
    ("a list", [], ["when: expected a table of facts; got a list."]),
    ("a value no fact takes", {"went": "amazing"}, [f"when.went: {WENT}; got 'amazing'."]),
    ("one bad value in a list", {"went": ["well", "great"]}, [f"when.went: {WENT}; got 'great'."]),
    ("an empty list", {"went": []}, [f"when.went: {WENT}; got a list."]),
    (
        "a string for a flag",
        {"panel": "true"},
        ["when.panel: expected one of true, false; got 'true'."],
    ),
    ("a number for a flag", {"late": 1}, ["when.late: expected one of true, false; got 1."]),
    (
        "every problem at once",
        {"went": "amazing", "panel": "yes"},
        [
            f"when.went: {WENT}; got 'amazing'.",
            "when.panel: expected one of true, false; got 'yes'.",
        ],
    ),
]


@pytest.mark.parametrize(
    ("raw", "problems"), [p[1:] for p in PROBLEMS], ids=[p[0] for p in PROBLEMS]
)
def test_problems_name_file_item_and_field(raw: Any, problems: list[str]) -> None:
    reader = Reader("rules.toml")
    assert read_condition(reader, ITEM, raw) == {}
    assert reader.problems == [f"rules.toml: {ITEM}: {p}" for p in problems]


def test_an_unknown_fact_lists_every_valid_one() -> None:
    reader = Reader("rules.toml")
    read_condition(reader, ITEM, {"mood": "good"})
    valid = ", ".join(repr(name) for name in FACT_BY_NAME)
    assert reader.problems == [
        f"rules.toml: {ITEM}: when.mood: unknown fact; valid facts: {valid}."
    ]


def test_a_nested_path_is_named_as_the_file_has_it() -> None:
    reader = Reader("voices.toml")
    read_condition(reader, "voice neece", {"went": 3}, path="stance[0].when")
    assert reader.problems == [f"voices.toml: voice neece: stance[0].when.went: {WENT}; got 3."]


MATCHES: list[tuple[dict[str, Any], dict[str, Any], bool]] = [
    ({}, {"went": "well"}, True),
    ({"went": "well"}, {"went": "well", "panel": True}, True),
    ({"went": ["well", "mixed"]}, {"went": "mixed"}, True),
    ({"went": ["well", "mixed"]}, {"went": "poorly"}, False),
    ({"went": "well", "panel": True}, {"went": "well", "panel": False}, False),
]


@pytest.mark.parametrize(("raw", "facts", "expected"), MATCHES)
def test_matches_needs_every_fact_and_any_of_its_values(
    raw: dict[str, Any], facts: dict[str, Any], expected: bool
) -> None:
    reader = Reader("rules.toml")
    condition = read_condition(reader, ITEM, raw)
    assert reader.problems == []
    assert matches(condition, facts) is expected


DESCRIBED = [
    ({}, "always"),
    ({"went": "well"}, "went is well"),
    ({"went": ["well", "mixed"], "panel": True}, "went is well or mixed and panel is true"),
]


@pytest.mark.parametrize(("raw", "text"), DESCRIBED)
def test_describe_reads_a_condition_aloud(raw: dict[str, Any], text: str) -> None:
    assert describe(read_condition(Reader("rules.toml"), ITEM, raw)) == text
