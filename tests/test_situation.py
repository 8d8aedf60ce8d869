"""Malformed situations: every one exits 2 through the CLI with a message naming the field."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from sendorskip import cli
from sendorskip.capped import CAPS
from sendorskip.errors import InputError
from sendorskip.situation import FIELDS, parse


def stdin(text: str | bytes) -> io.TextIOWrapper:
    """A standard input the CLI can read bytes from, as it does from a real one."""
    return io.TextIOWrapper(io.BytesIO(text.encode() if isinstance(text, str) else text))


WENT = "expected one of 'well', 'mixed', 'poorly', 'disaster'"
INTERVIEWER_FIELDS = "'name', 'role', 'email_known', 'lead', 'topics', 'add'"
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
        ["situation: hours_since: expected a number from 0 to 8,760 (one year); got -5."],
    ),
    (
        {"went": "well", "hours_since": "2"},
        ["situation: hours_since: expected a number from 0 to 8,760 (one year); got '2'."],
    ),
    (
        {"went": "well", "hours_since": True},
        ["situation: hours_since: expected a number from 0 to 8,760 (one year); got true."],
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
        {"went": "well", "country": "UK"},
        [
            "situation: country: expected a two-letter ISO 3166-1 country code, such as 'JP' or"
            " 'DE'; got 'UK' (the code for the United Kingdom is 'GB')."
        ],
    ),
    (
        {"went": "well", "country": "Japan"},
        [
            "situation: country: expected a two-letter ISO 3166-1 country code, such as 'JP' or"
            " 'DE'; got 'Japan' (the code for Japan is 'JP')."
        ],
    ),
    (
        # A name is matched without case or accents.
        {"went": "well", "country": "aland islands"},
        [
            "situation: country: expected a two-letter ISO 3166-1 country code, such as 'JP' or"
            " 'DE'; got 'aland islands' (the code for Åland Islands is 'AX')."
        ],
    ),
    (
        {"went": "well", "country": "Atlantis"},
        [
            "situation: country: expected a two-letter ISO 3166-1 country code, such as 'JP' or"
            " 'DE'; got 'Atlantis'."
        ],
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
            f"situation: interviewers[0]: expected an object with fields {INTERVIEWER_FIELDS}; got 'Ana'."
        ],
    ),
    (
        {"went": "well", "interviewers": [{"email_known": True}]},
        ["situation: interviewers[0].name: required; expected some text."],
    ),
    (
        {"went": "well", "interviewers": [{"name": " "}]},
        ["situation: interviewers[0].name: expected some text; got ' '."],
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
        [f"situation: interviewers[0].emial: unknown field; valid fields: {INTERVIEWER_FIELDS}."],
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
            "situation: hours_since: expected a number from 0 to 8,760 (one year); got -1.",
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
    with pytest.raises(InputError) as exc:
        parse(situation)
    assert exc.value.problems == lines
    monkeypatch.setattr("sys.stdin", stdin(json.dumps(situation)))
    assert cli.main(["advise", "--json", "-"]) == 2
    out, err = capsys.readouterr()
    noun = "problem" if len(lines) == 1 else "problems"
    assert out == ""
    assert err.splitlines() == [*lines, f"Aborted: {len(lines)} {noun} found."]


def test_invalid_json_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", stdin("{went: well}"))
    assert cli.main(["advise", "--json", "-"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "stdin: not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2."
    )


def test_a_country_code_in_lower_case_is_read() -> None:
    assert parse({"went": "well", "country": "jp"}).country == "JP"


def test_defaults() -> None:
    s = parse({"went": "well"})
    assert (s.interest, s.hours_since, s.decision, s.preferred_medium) == (
        "keen",
        None,
        "unknown",
        "no_preference",
    )
    assert (s.writing_confidence, s.handwriting, s.interviewer_engaged) == (
        "confident",
        "legible",
        True,
    )
    assert s.interviewers == () and s.recruiter is None


def test_every_cap_is_accepted_at_its_limit() -> None:
    def person(i: int) -> dict[str, Any]:
        return {
            "name": f"{i:03d}".ljust(CAPS["name"], "n"),
            "role": "r" * CAPS["role"],
            "topics": ["t" * CAPS["topic"]] * CAPS["topics"],
            "add": "a" * CAPS["add"],
        }

    texts = ("job_title", "company", "candidate_name", "why_this_job")
    s = parse(
        {
            "went": "well",
            "hours_since": CAPS["hours_since"],
            "interviewers": [person(i) for i in range(CAPS["interviewers"])],
            "recruiter": {"name": "s" * CAPS["name"]},
            **{field: "x" * CAPS[field] for field in texts},
            "highlights": "line one\n\tline two".ljust(CAPS["highlights"], "."),
        }
    )
    assert len(s.interviewers) == CAPS["interviewers"]
    assert s.interviewers[0].topics == ("t" * CAPS["topic"],) * CAPS["topics"]
    assert s.highlights is not None and s.highlights.startswith("line one\n\tline two")


def test_text_is_stripped_and_blank_text_is_absent() -> None:
    s = parse({"went": "well", "company": "  Acme \n", "job_title": " ", "candidate_name": ""})
    assert (s.company, s.job_title, s.candidate_name) == ("Acme", None, None)


@pytest.mark.parametrize(
    ("data", "interviewers", "recruiter"),
    [
        # A screening call with only a recruiter named: the recruiter held it.
        ({"stage": "screening", "recruiter": {"name": "Jo Lee"}}, ["Jo Lee"], None),
        # Any other round: the recruiter arranged it; the interviewers are not known.
        ({"stage": "final", "recruiter": {"name": "Jo Lee"}}, [], "Jo Lee"),
        # The same person in both places: one person, one note.
        (
            {"recruiter": {"name": "Jo Lee"}, "interviewers": [{"name": "Jo Lee"}, {"name": "Al"}]},
            ["Jo Lee", "Al"],
            None,
        ),
        ({"recruiter": {"name": "jo lee"}, "interviewers": [{"name": "Jo Lee"}]}, ["Jo Lee"], None),
        ({"recruiter": {"name": "Jo Lee"}, "interviewers": [{"name": "Al"}]}, ["Al"], "Jo Lee"),
    ],
)
def test_who_held_the_interview(
    data: dict[str, Any], interviewers: list[str], recruiter: str | None
) -> None:
    s = parse({"went": "well", **data})
    assert [p.name for p in s.interviewers] == interviewers
    assert (s.recruiter.name if s.recruiter else None) == recruiter
