"""Malformed situations: every one exits 2 through the CLI with a message naming the field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sendorskip import cli
from sendorskip.situation import FIELDS, parse

WENT = "expected one of 'well', 'mixed', 'poorly', 'disaster'"
# (situation, exact stderr lines before the count)
MALFORMED: list[tuple[Any, list[str]]] = [
    ({}, [f"situation: went: required; {WENT}."]),
    ({"went": "amazing"}, [f"situation: went: {WENT}; got 'amazing'."]),
    ({"went": 3}, [f"situation: went: {WENT}; got 3."]),
    ({"went": None}, [f"situation: went: {WENT}; got null."]),
    (
        {"went": "well", "interest": "maybe"},
        ["situation: interest: expected one of 'keen', 'unsure', 'withdrawing'; got 'maybe'."],
    ),
    (
        {"went": "well", "hours_since": -5},
        ["situation: hours_since: expected a number ≥ 0; got -5."],
    ),
    (
        {"went": "well", "hours_since": "2"},
        ["situation: hours_since: expected a number ≥ 0; got '2'."],
    ),
    (
        {"went": "well", "hours_since": True},
        ["situation: hours_since: expected a number ≥ 0; got true."],
    ),
    (
        {"went": "well", "decision": "tomorrow"},
        [
            "situation: decision: expected one of 'same_day', 'within_week', 'later', 'unknown'; got 'tomorrow'."
        ],
    ),
    (
        {"went": "well", "preferred_medium": "fax"},
        [
            "situation: preferred_medium: expected one of 'email', 'handwritten', 'no_preference'; got 'fax'."
        ],
    ),
    (
        {"went": "well", "writing_confidence": "meh"},
        ["situation: writing_confidence: expected one of 'confident', 'not_confident'; got 'meh'."],
    ),
    (
        {"went": "well", "handwriting": "awful"},
        ["situation: handwriting: expected one of 'legible', 'poor'; got 'awful'."],
    ),
    (
        {"went": "well", "interviewer_engaged": "no"},
        ["situation: interviewer_engaged: expected true or false; got 'no'."],
    ),
    (
        {"went": "well", "interviewers": "Ana"},
        ["situation: interviewers: expected a list of interviewers; got 'Ana'."],
    ),
    (
        {"went": "well", "interviewers": ["Ana"]},
        [
            "situation: interviewers[0]: expected an object with fields 'name', 'role', 'email_known', 'lead', 'topics'; got 'Ana'."
        ],
    ),
    (
        {"went": "well", "interviewers": [{"email_known": True}]},
        ["situation: interviewers[0].name: required; expected a non-empty string."],
    ),
    (
        {"went": "well", "interviewers": [{"name": " "}]},
        ["situation: interviewers[0].name: expected a non-empty string; got ' '."],
    ),
    (
        {"went": "well", "interviewers": [{"name": "Ana", "email_known": "yes"}]},
        ["situation: interviewers[0].email_known: expected true or false; got 'yes'."],
    ),
    (
        {"went": "well", "interviewers": [{"name": "Ana", "topics": "caching"}]},
        ["situation: interviewers[0].topics: expected a list of strings; got 'caching'."],
    ),
    (
        {"went": "well", "interviewers": [{"name": "Ana", "emial": "a@b"}]},
        [
            "situation: interviewers[0].emial: unknown field; valid fields: 'name', 'role', 'email_known', 'lead', 'topics'."
        ],
    ),
    (
        {"went": "well", "recruiter": "Sam"},
        ["situation: recruiter: expected an object with fields 'name', 'email_known'; got 'Sam'."],
    ),
    (
        {"went": "well", "recruiter": {"name": "Sam", "lead": True}},
        ["situation: recruiter.lead: unknown field; valid fields: 'name', 'email_known'."],
    ),
    ({"went": "well", "company": 42}, ["situation: company: expected a string; got 42."]),
    (
        {"went": "well", "mood": "happy"},
        [
            "situation: mood: unknown field; valid fields: "
            + ", ".join(repr(f.name) for f in FIELDS)
            + "."
        ],
    ),
    ([1, 2], ["situation: expected a JSON object; got a list."]),
    (
        {"went": "great", "hours_since": -1, "interest": "x"},
        [
            f"situation: went: {WENT}; got 'great'.",
            "situation: interest: expected one of 'keen', 'unsure', 'withdrawing'; got 'x'.",
            "situation: hours_since: expected a number ≥ 0; got -1.",
        ],
    ),
]


@pytest.mark.parametrize(
    ("situation", "lines"), MALFORMED, ids=[str(i) for i in range(len(MALFORMED))]
)
def test_malformed_situation_exits_2_naming_the_field(
    situation: Any,
    lines: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(situation)))
    assert cli.main(["advise", "--json", "-"]) == 2
    out, err = capsys.readouterr()
    noun = "problem" if len(lines) == 1 else "problems"
    assert out == ""
    assert err.splitlines() == [*lines, f"Aborted: {len(lines)} {noun} found."]


def test_invalid_json_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("{went: well}"))
    assert cli.main(["advise", "--json", "-"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "stdin: not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2."
    )


def test_defaults() -> None:
    s = parse({"went": "well"})
    assert (s.interest, s.hours_since, s.decision, s.preferred_medium) == (
        "keen",
        0,
        "unknown",
        "no_preference",
    )
    assert (s.writing_confidence, s.handwriting, s.interviewer_engaged) == (
        "confident",
        "legible",
        True,
    )
    assert s.interviewers == () and s.recruiter is None
