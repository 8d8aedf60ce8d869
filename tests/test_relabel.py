"""A center's labels.toml: entries replace ours by key, every mistake named by table and key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sendorskip.errors import choices
from sendorskip.labels import WORDS, Words
from sendorskip.records import Reader
from sendorskip.relabel import TABLES, read_words

FILE = "labels.toml"
VALID_TABLES = choices(TABLES)
WITHIN_DAYS = "expected the placeholders {n}, as in 'within {n} days'"
PROBLEMS: list[tuple[str, dict[str, Any], list[str]]] = [
    (
        "an unknown table",
        {"verdict": {"send": "Go"}},
        [f"verdict: unknown table; valid tables: {VALID_TABLES}."],
    ),
    ("a table given as text", {"verdicts": "Go"}, ["verdicts: expected a table; got 'Go'."]),
    ("values given as a number", {"values": 3}, ["values: expected a table; got 3."]),
    (
        "a field's values given as text",
        {"values": {"went": "x"}},
        ["values.went: expected a table; got 'x'."],
    ),
    (
        "text that is not text",
        {"verdicts": {"send": True}},
        ["verdicts: send: expected some text; got true."],
    ),
    ("empty text", {"verdicts": {"send": ""}}, ["verdicts: send: expected some text; got ''."]),
    ("blank text", {"stances": {"skip": "  "}}, ["stances: skip: expected some text; got '  '."]),
    (
        "a placeholder lost",
        {"phrases": {"within_days": "in a few days"}},
        [f"phrases: within_days: {WITHIN_DAYS}; got 'in a few days'."],
    ),
    (
        "a placeholder renamed",
        {"phrases": {"within_days": "within {days} days"}},
        [f"phrases: within_days: {WITHIN_DAYS}; got 'within {{days}} days'."],
    ),
    (
        "a placeholder by position",
        {"phrases": {"within_days": "within {0} days"}},
        [f"phrases: within_days: {WITHIN_DAYS}; got 'within {{0}} days'."],
    ),
    (
        "a brace left open",
        {"phrases": {"within_days": "within {n days"}},
        [f"phrases: within_days: {WITHIN_DAYS}; got 'within {{n days'."],
    ),
    # The page's script fills in a bare {n} only; Python's own spellings would reach the reader.
    (
        "a placeholder with a format",
        {"phrases": {"within_days": "within {n:>2} days"}},
        [f"phrases: within_days: {WITHIN_DAYS}; got 'within {{n:>2}} days'."],
    ),
    (
        "a placeholder with a conversion",
        {"phrases": {"within_days": "within {n!s} days"}},
        [f"phrases: within_days: {WITHIN_DAYS}; got 'within {{n!s}} days'."],
    ),
    (
        "a doubled brace",
        {"phrases": {"within_days": "within {n} days {{or so}}"}},
        [f"phrases: within_days: {WITHIN_DAYS}; got 'within {{n}} days {{{{or so}}}}'."],
    ),
    # The build splits failed_keep at its one {guide}: twice stopped it with a ValueError.
    (
        "a placeholder twice",
        {"phrases": {"failed_keep": "The {guide}: see the {guide}."}},
        [
            "phrases: failed_keep: expected the placeholders {guide}, as in 'Your answers are "
            "still in the form. The {guide} gives the same advice without the checker.'; got "
            "'The {guide}: see the {guide}.'."
        ],
    ),
    (
        "a placeholder where ours has none",
        {"phrases": {"instead": "Try {n}"}},
        [
            "phrases: instead: expected the placeholders none, as in 'Write instead:'; got 'Try {n}'."
        ],
    ),
    (
        "a value of a field we do not have",
        {"values": {"went": {"great": "Great"}}},
        ["values.went: great: unknown key; valid keys: 'well', 'mixed', 'poorly', 'disaster'."],
    ),
    (
        "every problem at once",
        {"verdicts": {"send": 1, "sned": "Go"}, "verdict": {}},
        [
            f"verdict: unknown table; valid tables: {VALID_TABLES}.",
            "verdicts: send: expected some text; got 1.",
            f"verdicts: sned: unknown key; valid keys: {choices(WORDS.verdicts)}.",
        ],
    ),
]


@pytest.mark.parametrize(
    ("data", "problems"), [p[1:] for p in PROBLEMS], ids=[p[0] for p in PROBLEMS]
)
def test_problems_name_the_table_and_key(data: dict[str, Any], problems: list[str]) -> None:
    reader = Reader(FILE)
    read_words(reader, data)
    assert reader.problems == [f"{FILE}: {p}" for p in problems]


def test_an_unknown_field_under_values_lists_every_field() -> None:
    reader = Reader(FILE)
    read_words(reader, {"values": {"mood": {"good": "Good"}}})
    assert reader.problems == [
        f"{FILE}: values: mood: unknown field; valid fields: {choices(WORDS.values)}."
    ]


def test_an_entry_replaces_ours_and_leaves_the_rest() -> None:
    reader = Reader(FILE)
    words = read_words(
        reader,
        {"verdicts": {"send": "Write to them"}, "values": {"went": {"mixed": "So-so"}}},
    )
    assert reader.problems == []
    assert words.verdicts == {**WORDS.verdicts, "send": "Write to them"}
    assert words.values["went"] == {**WORDS.values["went"], "mixed": "So-so"}
    assert words.values["interest"] == WORDS.values["interest"]
    assert words.stances == WORDS.stances


def test_ours_are_not_changed_by_a_center() -> None:
    read_words(Reader(FILE), {"verdicts": {"send": "Go"}, "values": {"went": {"well": "Fine"}}})
    assert WORDS.verdicts["send"] == "Send"
    assert WORDS.values["went"]["well"] != "Fine"


def test_a_bad_entry_keeps_ours_and_the_good_ones_beside_it_still_apply() -> None:
    reader = Reader(FILE)
    words = read_words(reader, {"verdicts": {"send": "", "skip": "Leave it"}})
    assert len(reader.problems) == 1
    assert words.verdicts["send"] == WORDS.verdicts["send"]
    assert words.verdicts["skip"] == "Leave it"


@pytest.mark.parametrize("table", [t for t in TABLES if t != "values"])
def test_each_of_ours_is_a_valid_replacement_for_itself(table: str) -> None:
    reader = Reader(FILE)
    read_words(reader, {table: dict(getattr(WORDS, table))})
    assert reader.problems == []


def test_nothing_given_is_ours_exactly() -> None:
    reader = Reader(FILE)
    assert read_words(reader, {}) == WORDS
    assert reader.problems == []


REWORDED: list[tuple[str, str, Callable[[Words], str], str]] = [
    # (phrase, a center's wording, what the words then say)
    ("within_days", "in {n} days' time", lambda w: w.deadline(100), "in 4 days' time"),
    ("within_hours", "{n} h", lambda w: w.deadline(5), "5 h"),
    (
        "plan_line",  # the same placeholders in another order
        "{deadline}, {channel} to {name} ({kind})",
        lambda w: w.plan_line(
            {"name": "Ana", "kind": "interviewer", "channel": "email", "purpose": "thanks"}, 3
        ),
        "within 3 hours, an email to Ana (interviewer)",
    ),
]


@pytest.mark.parametrize(("key", "wording", "use", "said"), REWORDED)
def test_a_reworded_phrase_is_filled_in_where_it_is_used(
    key: str, wording: str, use: Callable[[Words], str], said: str
) -> None:
    reader = Reader(FILE)
    words = read_words(reader, {"phrases": {key: wording}})
    assert reader.problems == []
    assert use(words) == said
