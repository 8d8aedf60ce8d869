"""Problems: each a whole sentence that knows its file, item and field; values shown briefly."""

from __future__ import annotations

import pytest

from sendorskip.errors import (
    DataError,
    InputError,
    Problem,
    Problems,
    SendOrSkipError,
    choices,
    named,
    printable,
    record,
    shown,
    unknown,
)

SHOWN: list[tuple[object, str]] = [
    # (a received value, how a message shows it: as JSON spells it)
    ("well", "'well'"),
    ("a" * 40, "'" + "a" * 40 + "'"),
    ("a" * 41, "'" + "a" * 40 + "…'"),  # cut, never a flood
    ("\x1b[2J", "'\\x1b[2J'"),  # a control character escaped, never sent to a terminal
    ("\ud800", "'\\ud800'"),  # a lone surrogate too
    (None, "null"),
    (True, "true"),
    (False, "false"),
    ({"a": 1}, "an object"),
    ([1, 2], "a list"),
    (-5, "-5"),
    (1.5, "1.5"),
    (float("nan"), "NaN"),
    (float("inf"), "Infinity"),
    (float("-inf"), "-Infinity"),
    (10**40 - 1, "9" * 40),
    (10**40, "a number of more than 40 digits"),  # str() of a huge int is slow, or raises
    (-(10**5000), "a number of more than 40 digits"),
]


# Named by what is shown: pytest's own id for a 5,000-digit number would raise.
@pytest.mark.parametrize(("value", "text"), SHOWN, ids=[text for _, text in SHOWN])
def test_shown(value: object, text: str) -> None:
    assert shown(value) == text


NAMED: list[tuple[object, str]] = [
    ("email_known", "email_known"),
    ("x-y", "x-y"),
    ("x y", "'x y'"),  # not a field name: quoted
    ("1st", "'1st'"),
    ("", "''"),
    ("a" * 40, "a" * 40),
    ("a" * 41, "'" + "a" * 40 + "…'"),
    (3, "3"),
]


@pytest.mark.parametrize(("key", "text"), NAMED)
def test_named(key: object, text: str) -> None:
    assert named(key) == text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("Ana Ruiz", "Ana Ruiz"), ("a\x1bb", "a\\x1bb"), ("a\u2028b", "a\\u2028b"), ("Zoë", "Zoë")],
)
def test_printable(text: str, escaped: str) -> None:
    assert printable(text) == escaped


UNKNOWN: list[tuple[object, str]] = [
    ("SOS199", "unknown check 'SOS199'; valid checks: 'SOS201', 'SOS202'."),
    (
        "sos201",  # differs only in case: named, since ids are matched exactly
        "unknown check 'sos201' (ids are matched exactly: did you mean 'SOS201'?); "
        "valid checks: 'SOS201', 'SOS202'.",
    ),
    (7, "unknown check 7; valid checks: 'SOS201', 'SOS202'."),
]


@pytest.mark.parametrize(("value", "message"), UNKNOWN)
def test_unknown(value: object, message: str) -> None:
    assert unknown("check", value, ["SOS201", "SOS202"]) == message


def test_choices() -> None:
    assert choices(["well", "mixed"]) == "'well', 'mixed'"
    assert choices([True, 3]) == "True, 3"


PROBLEMS = [
    # (file, item, field, message, the whole sentence)
    ("rules.toml", "rule SOS104 (x)", "when.went", "got 'great'.", "rules.toml: rule SOS104 (x): when.went: got 'great'."),
    ("situation", "", "hours_since", "expected a number.", "situation: hours_since: expected a number."),
    ("rules.toml", "rule SOS104", "", "duplicate id.", "rules.toml: rule SOS104: duplicate id."),
    ("check", "", "", "expected an object.", "check: expected an object."),
]  # fmt: skip


@pytest.mark.parametrize(("file", "item", "field", "message", "sentence"), PROBLEMS)
def test_a_problem_is_its_sentence_and_knows_its_parts(
    file: str, item: str, field: str, message: str, sentence: str
) -> None:
    problem = Problem(file, item, field, message)
    assert problem == sentence
    assert (problem.file, problem.item, problem.field, problem.message) == (
        file,
        item,
        field,
        message,
    )


def test_a_problem_as_a_record_starts_its_message_as_a_sentence() -> None:
    problem = Problem("situation", "", "went", "expected one of 'well'; got 'x'.")
    assert record(problem) == {
        "file": "situation",
        "item": "",
        "field": "went",
        "message": "Expected one of 'well'; got 'x'.",
    }
    assert record("situation: went: bad.") == {
        "file": "",
        "item": "",
        "field": "",
        "message": "situation: went: bad.",
    }


def test_problems_collect_in_order_under_one_file() -> None:
    collected = Problems("voices.toml")
    collected.add("name", "expected some text; got ''.", "voice neece")
    collected.add("", "unknown table.", "voice")
    assert collected.problems == [
        "voices.toml: voice neece: name: expected some text; got ''.",
        "voices.toml: voice: unknown table.",
    ]
    assert all(isinstance(p, Problem) for p in collected.problems)


REPORTS = [
    (["a."], "a.\nAborted: 1 problem found."),
    (["a.", "b."], "a.\nb.\nAborted: 2 problems found."),
]


@pytest.mark.parametrize("kind", [InputError, DataError])
@pytest.mark.parametrize(("problems", "report"), REPORTS)
def test_an_error_reports_every_problem_then_a_count(
    kind: type[SendOrSkipError], problems: list[str], report: str
) -> None:
    error = kind(iter(problems))  # any iterable, read once
    assert error.problems == problems
    assert str(error) == "\n".join(problems)
    assert error.report() == report
