"""The reader's answers sorted for the notes: what a note cannot use comes back as a
suggestion saying why and what to write instead (through the API, as the page gets them)."""

from __future__ import annotations

import dataclasses
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
    assert draft["suggestions"][0] == (
        "You wrote “our move to remote work” about what you discussed with Ana Ruiz: “our” may"
        " read as if you already worked there; if it is about their team, write “your” instead."
        " The note keeps it as you wrote it."
    )


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
# The reader's words where a note would say them: what the suggestion calls them, what they
# typed, the check that flags it, and the situation.
SCREENED: list[tuple[str, str, str, dict[str, Any]]] = [
    ("the answer you want to clarify", APOLOGY, "SOS203", {"clarify": APOLOGY}),
    ("what you forgot to mention", APOLOGY, "SOS203", {"forgot_to_mention": APOLOGY}),
    (
        "what went well",
        "I really need this job.",
        "SOS203",
        {"highlights": "I really need this job."},
    ),
    (
        "why you want the job",
        "I really need this job.",
        "SOS203",
        {"why_this_job": "I really need this job."},
    ),
    (
        "what you promised to send",
        "my portfolio, sorry",
        "SOS203",
        {"promised": "my portfolio, sorry"},
    ),
    (
        "something to add for Ana Ruiz",
        APOLOGY,
        "SOS203",
        {"interviewers": [{**ANA, "add": APOLOGY}]},
    ),
    (
        "what you discussed with Ana Ruiz",
        "TODO caching",
        "SOS206",
        {"interviewers": [{**ANA, "topics": ["TODO caching"]}]},
    ),
]


@pytest.mark.parametrize(
    ("label", "typed", "flags", "change"), SCREENED, ids=[s[0] for s in SCREENED]
)
def test_what_our_draft_check_flags_is_left_out_and_said(
    label: str, typed: str, flags: str, change: dict[str, Any]
) -> None:
    # Our own drafts never carry what our own check flags in the reader's words.
    situation = {"went": "mixed", "interviewers": [ANA], **change}
    draft = api.advise(situation)["drafts"][0]
    assert typed.split()[-1].rstrip(".") not in draft["body"]
    check = CHECKS[flags]
    said = [s for s in draft["suggestions"] if s.startswith(f"You wrote “{typed}” as {label}.")]
    assert said == [
        f"You wrote “{typed}” as {label}. Our draft check flags it (“{check.message}”), so it"
        f" is not in the note. {check.instead}"
    ]


def test_the_screen_is_the_centers_checks() -> None:
    # A check a center switches off no longer holds the reader's words back.
    situation = {"went": "mixed", "interviewers": [ANA], "clarify": APOLOGY}
    ours = knowledge.default()
    assert (
        "SOS203" in CHECKS
        and CHECKS["SOS203"].message in api.advise(situation, ours)["drafts"][0]["suggestions"][0]
    )
    fewer = dataclasses.replace(ours, checks=tuple(c for c in ours.checks if c.id != "SOS203"))
    assert APOLOGY in api.advise(situation, fewer)["drafts"][0]["body"]
