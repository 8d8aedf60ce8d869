"""What the checker's page is handed: the API's answers, worded and grouped for its script."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip import api, page
from sendorskip.errors import InputError

ANA = {"name": "Ana Ruiz", "email_known": True}
SITUATION = {
    "went": "well",
    "hours_since": 30,
    "response_expected_in_days": 7,
    "referrer": {"name": "Bo Li"},
    "interviewers": [ANA],
}


def test_advice_is_the_apis_with_the_plan_worded() -> None:
    advice = page.advice(SITUATION)
    plan_lines, follow_up_lines = advice.pop("plan_lines"), advice.pop("follow_up_lines")
    assert advice == api.advise(SITUATION)
    assert plan_lines == [
        "Ana Ruiz (interviewer): an email, now.",  # 30 hours on: late, so now
        "Bo Li (who referred you): an email (ask the recruiter or the front desk for their"
        " address), when you can (the sources set no deadline).",
    ]
    # 7 + 7 days after they said, less the day and a quarter gone: 12.75, so in 13 days.
    assert follow_up_lines == [
        "In 13 days, if you have heard nothing: an email to ask where things stand.",
        "In 20 days, if you have heard nothing: an email to ask once more.",
    ]


def test_advice_refuses_what_the_api_refuses() -> None:
    with pytest.raises(InputError) as caught:
        page.advice({"went": "great"})
    assert caught.value.problems == [
        "situation: went: expected one of 'well', 'mixed', 'poorly', 'disaster'; got 'great'."
    ]


def _groups(*texts: str) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = page.findings({"notes": [{"text": t} for t in texts]})["groups"]
    return groups


# SOS204 (info) comes first in the text, SOS203 (an error) last; SOS202 is about the whole note.
MIXED = (
    "Dear Ana, I am honored you considered me. I'm sorry about the whiteboard question. The"
    " billing migration on Postgres was a fun problem to talk through with you."
)


def test_problems_come_before_things_worth_fixing_before_notes() -> None:
    groups = _groups(MIXED)
    assert [(g["check"], g["severity"], g["severity_label"]) for g in groups] == [
        ("SOS203", "error", "Problem"),
        ("SOS202", "warning", "Worth fixing"),
        ("SOS204", "info", "Note"),
    ]


def test_a_group_carries_the_checks_words() -> None:
    check = next(c for c in api.check({"notes": [{"text": MIXED}]})["findings"])
    group = next(g for g in _groups(MIXED) if g["check"] == check["check"])
    assert {k: group[k] for k in ("title", "instead", "why", "voices")} == {
        "title": check["message"],
        "instead": check["instead"],
        "why": check["why"],
        "voices": check["voices"],
    }


WHERE = [
    # (note, check, whole, places, where)
    ("Great talk! I loved it! Thanks!", "SOS210", False, [(10, 11), (22, 23), (30, 31)], "in 3 places"),
    ("Thanks!! Bye.", "SOS210", False, [(6, 8)], ""),
    (MIXED, "SOS202", True, [(0, len(MIXED))], "the whole note"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "check", "whole", "places", "where"), WHERE)
def test_where_a_problem_is(
    text: str, check: str, whole: bool, places: list[tuple[int, int]], where: str
) -> None:
    group = next(g for g in _groups(text) if g["check"] == check)
    assert group["whole"] is whole
    assert [(p["start"], p["end"]) for p in group["places"]] == places
    assert group["where"] == where


def test_places_count_utf16_code_units_for_the_script() -> None:
    """An emoji is one code point but two UTF-16 units: JavaScript's offsets move past it."""
    plain, emoji = _groups("Hi Ana,\nThanks!! Bye."), _groups("Hi Ana \U0001f600,\nThanks!! Bye.")
    first = next(g for g in plain if g["check"] == "SOS210")["places"][0]
    second = next(g for g in emoji if g["check"] == "SOS210")["places"][0]
    assert (second["start"], second["end"]) == (first["start"] + 3, first["end"] + 3)


def test_each_note_has_its_own_groups() -> None:
    groups = _groups("Thanks!! Bye!!", "Fine!! Thanks.")
    assert [(g["note"], len(g["places"])) for g in groups if g["check"] == "SOS210"] == [
        (0, 2),
        (1, 1),
    ]


def test_findings_refuse_what_the_api_refuses() -> None:
    with pytest.raises(InputError) as caught:
        page.findings({"notes": []})
    assert caught.value.problems == [
        "check: notes: expected a non-empty list of {to, text} objects; got a list."
    ]
