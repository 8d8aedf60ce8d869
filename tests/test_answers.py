"""The reader's answers sorted for the notes: what a note cannot use comes back as a
suggestion saying why and what to write instead (through the API, as the page gets them)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from sendorskip import api, knowledge
from sendorskip.form_words import QUESTIONS


def test_what_speaks_of_the_reader_of_the_note_as_she_is_left_out() -> None:
    # "for what you told me about how she moved" in a note to her: a 2 of 5 under the rubric.
    person = {
        "name": "Dr. Lena Fischer",
        "topics": ["how she moved from academia into industry", "which skills matter most"],
        "add": "I have since read the paper his team wrote.",
    }
    draft = api.advise({"went": "well", "informational": True, "interviewers": [person]})["drafts"][
        0
    ]
    assert " she " not in draft["body"]
    assert " his " not in draft["body"]
    assert "about which skills matter most." in draft["body"]
    assert draft["suggestions"][:2] == [
        "You wrote “how she moved from academia into industry” about Dr. Lena Fischer, who will"
        " read this note, so “she” would have to be “you”: it is not in the note. Write it that"
        " way, and it will be.",
        "You wrote “I have since read the paper his team wrote.” about Dr. Lena Fischer, who will"
        " read this note, so “his” would have to be “your”: it is not in the note. Write it that"
        " way, and it will be.",
    ]


def test_a_topic_in_the_teams_own_words_is_kept_and_questioned() -> None:
    # "discussing our move to remote work", to someone whose team the reader has not joined.
    person = {"name": "Ana Ruiz", "email_known": True, "topics": ["our move to remote work"]}
    draft = api.advise({"went": "well", "interviewers": [person]})["drafts"][0]
    assert "discussing our move to remote work." in draft["body"]
    assert (
        "You wrote “our move to remote work” as what you discussed with Ana Ruiz: “our” may read"
        " as if you already worked there; if it is about their team, write “your” instead."
    ) in draft["suggestions"]


def test_what_a_note_cannot_use_comes_back_as_a_suggestion() -> None:
    situation = {
        "went": "well",
        "interviewers": [
            {"name": "Ana", "email_known": True, "topics": ["nailed the system design q"]}
        ],
    }
    suggestions = api.advise(situation)["drafts"][0]["suggestions"]
    assert suggestions[0].startswith("You wrote “nailed the system design q” about what you")
    # And the plan says which answer fills each placeholder the note was left with.
    assert suggestions[1:] == [
        f"To fill “[something specific you discussed with Ana]”, answer “{QUESTIONS['topics']}”"
        " for Ana.",
        f"To fill “[Your name]”, answer “{QUESTIONS['candidate_name']}”.",
    ]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("To grow into a lead role", "because I want to grow into a lead role."),
        ("Love the mission and the people", None),  # "because Love the mission": left out
    ],
)
def test_why_you_want_the_job_follows_because_as_a_sentence(typed: str, said: str | None) -> None:
    person = {"name": "Ana", "email_known": True, "topics": ["the billing migration"]}
    situation = {"went": "well", "why_this_job": typed, "interviewers": [person]}
    draft = api.advise(situation)["drafts"][0]
    if said:
        assert said in draft["body"]
    else:
        assert "because" not in draft["body"]
        assert draft["suggestions"][0] == (
            f"You wrote “{typed}” as why you want the job: it cannot follow “because” in a"
            " sentence, so it is not in the note. Write it as a sentence starting with “I”, such"
            " as “I want to build tools for analysts”."
        )


APOLOGY = "Sorry, on the SQL question I would use a window function."
ANA = {"name": "Ana Ruiz", "email_known": True, "topics": ["the billing migration"]}
CHECKS = {c.id: c for c in knowledge.default().checks}
# The reader's words, where a note would say them: what the suggestion calls them, what they
# typed, and the situation.
FIELDS: list[tuple[str, dict[str, Any]]] = [
    ("the answer you want to clarify", {"clarify": "{}"}),
    ("what you forgot to mention", {"forgot_to_mention": "{}"}),
    ("what went well", {"highlights": "{}"}),
    ("why you want the job", {"why_this_job": "{}"}),
    ("something to add for Ana Ruiz", {"interviewers": [{**ANA, "add": "{}"}]}),
]


def _with(change: dict[str, Any], typed: str) -> dict[str, Any]:
    filled = json.loads(json.dumps(change).replace("{}", typed))
    return {"went": "mixed", "interviewers": [ANA], **filled}


KEPT_OUT = [
    # (typed, the check that keeps it out); a topic and a promise are a few words, not a sentence
    ("I would use a window function, see [link].", "SOS206"),
    ("I would use a window function btw.", "SOS211"),
]


@pytest.mark.parametrize(("label", "change"), FIELDS, ids=[f[0] for f in FIELDS])
@pytest.mark.parametrize(("typed", "flags"), KEPT_OUT, ids=[k[1] for k in KEPT_OUT])
def test_what_a_check_keeps_out_of_drafts_is_left_out_and_said(
    label: str, change: dict[str, Any], typed: str, flags: str
) -> None:
    draft = api.advise(_with(change, typed))["drafts"][0]
    assert "window function" not in draft["body"]
    assert (
        f"You wrote “{typed}” as {label}. Our draft check would flag it in a note"
        f" (“{CHECKS[flags].message}”), so the note leaves it out; reword it, and it will be in."
    ) in draft["suggestions"]


SECOND_CHANCE = "I want to help people get a second chance after prison."
# A true apology, which the reader may have meant and is told of, and no plea, though a pattern
# says so. An apology cannot follow "because": the reason says only the second.
CAVEATED = [
    (label, change, typed)
    for label, change in FIELDS
    for typed in (APOLOGY, SECOND_CHANCE)
    if not (typed == APOLOGY and label == "why you want the job")
]


@pytest.mark.parametrize(("label", "change", "typed"), CAVEATED)
def test_what_other_checks_flag_is_said_with_a_caveat(
    label: str, change: dict[str, Any], typed: str
) -> None:
    # A pattern may misread a typed answer: the words stay, and the reader hears what it sees.
    draft = api.advise(_with(change, typed))["drafts"][0]
    assert typed.rstrip(".") in draft["body"]
    assert (
        f"You wrote “{typed}” as {label}, and the note says it, but our draft check flags it"
        f" (“{CHECKS['SOS203'].message}”). If it reads that way to you too, reword it."
    ) in draft["suggestions"]


def test_a_caveat_is_said_only_under_a_note_that_says_its_words() -> None:
    # A fourth topic is cut, and a withdrawal names no topic: neither note says them.
    topics = ["billing", "caching", "on-call", "our apology emails"]
    person = {**ANA, "topics": topics}
    for change in ({}, {"interest": "withdrawing"}):
        draft = api.advise({"went": "well", "interviewers": [person], **change})["drafts"][0]
        assert "apology emails" not in draft["body"]
        assert not any(s.startswith("You wrote “our apology") for s in draft["suggestions"])


def test_a_center_decides_what_stays_out() -> None:
    # Its own settings of keep_out_of_drafts, or a check switched off, are what the drafts obey.
    situation = {"went": "mixed", "interviewers": [ANA], "clarify": APOLOGY}
    ours = knowledge.default()
    assert APOLOGY in api.advise(situation, ours)["drafts"][0]["body"]
    strict = dataclasses.replace(
        ours,
        checks=tuple(
            dataclasses.replace(c, params={**c.params, "keep_out_of_drafts": True})
            if c.id == "SOS203"
            else c
            for c in ours.checks
        ),
    )
    assert APOLOGY not in api.advise(situation, strict)["drafts"][0]["body"]
    fewer = dataclasses.replace(ours, checks=tuple(c for c in ours.checks if c.id != "SOS203"))
    draft = api.advise(situation, fewer)["drafts"][0]
    assert APOLOGY in draft["body"]
    assert not any("draft check" in s for s in draft["suggestions"])
