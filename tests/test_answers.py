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


@pytest.mark.parametrize(
    ("topic", "caveat"),
    [
        # "discussing our move to remote work", to someone whose team the reader has not joined.
        (
            "our move to remote work",
            "“our” may read as if you already worked there; if it is about their team, write"
            " “your” instead.",
        ),
        # "their new charting system", to someone on the team that runs it.
        (
            "their new charting system",
            "if “their” means Ana Ruiz or their team, write “your” instead.",
        ),
    ],
)
def test_a_topic_that_says_our_or_their_is_kept_and_questioned(topic: str, caveat: str) -> None:
    person = {"name": "Ana Ruiz", "email_known": True, "topics": [topic]}
    draft = api.advise({"went": "well", "interviewers": [person]})["drafts"][0]
    assert f"discussing {topic}." in draft["body"]
    assert (f"You wrote “{topic}” as what you discussed with Ana Ruiz: {caveat}") in draft[
        "suggestions"
    ]


def test_their_is_questioned_only_under_the_note_to_that_person() -> None:
    # The recruiter's note names the lead's topics too, and there "their" is right.
    topic = "their new charting system"
    situation = {
        "went": "well",
        "interviewers": [{**ANA, "topics": [topic]}],
        "recruiter": {"name": "Jo Lee", "email_known": True},
    }
    drafts = api.advise(situation)["drafts"]
    assert all(topic in d["body"] for d in drafts)
    told = {
        d["to"]: any(s.startswith(f"You wrote “{topic}”") for s in d["suggestions"]) for d in drafts
    }
    assert told == {"Ana Ruiz": True, "Jo Lee": False}


def test_a_sentence_said_once_that_says_she_is_kept_and_questioned() -> None:
    # In the lead's note, "she" may be the lead ("you") or another panelist.
    typed = "When she asked about leases, I mixed up ASC 842 and IFRS 16."
    situation = {"went": "mixed", "clarify": typed, "interviewers": [ANA]}
    draft = api.advise(situation)["drafts"][0]
    assert typed in draft["body"]
    assert (
        f"You wrote “{typed}” as the answer you want to clarify: if “she” is the person this"
        " note is to, write “you” instead."
    ) in draft["suggestions"]


def test_a_note_that_adds_what_went_well_is_not_said_to_add_nothing() -> None:
    situation: dict[str, Any] = {
        "went": "well",
        "highlights": "I enjoyed the case study.",
        "interviewers": [ANA],
    }
    suggestions = api.advise(situation)["drafts"][0]["suggestions"]
    assert not any(s.startswith("This note names what you talked about") for s in suggestions)
    del situation["highlights"]
    suggestions = api.advise(situation)["drafts"][0]["suggestions"]
    assert any(s.startswith("This note names what you talked about") for s in suggestions)
    # A note after an informational chat does not say what went well: it still adds nothing.
    situation.update(informational=True, highlights="I enjoyed the case study.")
    suggestions = api.advise(situation)["drafts"][0]["suggestions"]
    assert any(s.startswith("This note names what you talked about") for s in suggestions)
    # ...but it does say what they forgot to mention.
    situation["forgot_to_mention"] = "I have run a similar study."
    suggestions = api.advise(situation)["drafts"][0]["suggestions"]
    assert not any(s.startswith("This note names what you talked about") for s in suggestions)


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
        ("of your team's focus on testing", "because of your team's focus on testing."),
        ("Love the mission and the people", "because I love the mission and the people."),
        # "because Great mission": left out, and so is what may be a noun or a clause.
        ("Great mission and people", "it cannot follow “because” in a sentence"),
        ("your team's focus on testing", "we cannot be sure it reads right after “because”"),
    ],
)
def test_why_you_want_the_job_follows_because_as_a_sentence(typed: str, said: str) -> None:
    person = {"name": "Ana", "email_known": True, "topics": ["the billing migration"]}
    situation = {"went": "well", "why_this_job": typed, "interviewers": [person]}
    draft = api.advise(situation)["drafts"][0]
    if said.startswith("because"):
        assert said in draft["body"]
    else:
        assert "because" not in draft["body"]
        assert draft["suggestions"][0] == (
            f"You wrote “{typed}” as why you want the job: {said}, so it is not in the note."
            " Write it as a sentence starting with “I”, such as “I like how closely the team"
            " works together”, or, if it names what draws you, start it with “of”, such as “of"
            " the team's focus on training”."
        )


ANA = {"name": "Ana Ruiz", "email_known": True, "topics": ["the billing migration"]}
CHECKS = {c.id: c for c in knowledge.default().checks}
# The reader's words, where a note says them: what the caveat calls them, and the situation.
SENTENCES: list[tuple[str, dict[str, Any]]] = [
    ("the answer you want to clarify", {"clarify": "{}"}),
    ("what you forgot to mention", {"forgot_to_mention": "{}"}),
    ("what went well", {"highlights": "{}"}),
    ("something to add for Ana Ruiz", {"interviewers": [{**ANA, "add": "{}"}]}),
]
TOPIC = ("what you discussed with Ana Ruiz", {"interviewers": [{**ANA, "topics": ["{}"]}]})
WHY = ("why you want the job", {"why_this_job": "{}"})
# (typed, the words a check flags in it, the check, where it is typed): a true apology the
# reader may have meant, and words a pattern misreads (no plea, no blank, a product's name).
FLAGGED = [
    *[
        (typed, words, check, *where)
        for where in SENTENCES
        for typed, words, check in [
            ("Sorry, on the SQL question I would use a window function.", "Sorry", "SOS203"),
            ("I would use a window function btw.", "btw", "SOS211"),
        ]
    ],
    (
        "I want to help people leaving prison get another chance to prove themselves.",
        "another chance to prove",
        "SOS203",
        *WHY,
    ),
    ("the <DataGrid> rewrite", "<DataGrid>", "SOS206", *TOPIC),
    ("TODO caching", "TODO", "SOS206", *TOPIC),
]


def _with(change: dict[str, Any], typed: str) -> dict[str, Any]:
    filled = json.loads(json.dumps(change).replace("{}", typed))
    return {"went": "mixed", "interviewers": [ANA], **filled}


@pytest.mark.parametrize(("typed", "words", "check", "label", "change"), FLAGGED)
def test_what_a_check_flags_in_an_answer_is_said_with_a_caveat(
    typed: str, words: str, check: str, label: str, change: dict[str, Any]
) -> None:
    # A pattern may misread a typed answer: the words stay, and the reader hears what it sees.
    draft = api.advise(_with(change, typed))["drafts"][0]
    assert typed.rstrip(".") in draft["body"]
    assert (
        f"You wrote “{typed}” as {label}, and the note says it, but our draft check flags"
        f" “{words}” in it (“{CHECKS[check].message}”). If it reads that way to you too, reword"
        " it."
    ) in draft["suggestions"]


def test_a_caveat_is_said_under_every_note_that_says_its_words() -> None:
    # The recruiter's note names the lead's topics; a fourth topic is cut, and a withdrawal
    # names none: only the notes that say the words hear of them.
    situation = {
        "went": "well",
        "interviewers": [{**ANA, "topics": ["billing", "caching", "on-call", "our roadmap"]}],
        "recruiter": {"name": "Jo Lee", "email_known": True},
    }
    recruiter = {**situation, "interviewers": [{**ANA, "topics": ["our roadmap"]}]}
    for case, said in [(situation, False), (recruiter, True)]:
        drafts = api.advise(case)["drafts"]
        assert [d["to"] for d in drafts] == ["Ana Ruiz", "Jo Lee"]
        for draft in drafts:
            caveat = any(s.startswith("You wrote “our roadmap”") for s in draft["suggestions"])
            assert caveat is said is ("our roadmap" in draft["body"])
    withdrawing = {**recruiter, "interest": "withdrawing"}
    for draft in api.advise(withdrawing)["drafts"]:
        assert not any(s.startswith("You wrote “our roadmap”") for s in draft["suggestions"])


def test_a_note_with_more_exclamation_marks_than_the_check_allows_says_so() -> None:
    typed = {"highlights": "I loved the demo!", "clarify": "I would use a partial index!"}
    draft = api.advise({"went": "well", "interviewers": [ANA], **typed})["drafts"][0]
    assert draft["body"].count("!") == 2
    assert (
        "This note has 2 “!”, more than the 1 our draft check allows: keep the one that matters"
        " most."
    ) in draft["suggestions"]


def test_a_centers_checks_are_the_ones_the_caveats_name() -> None:
    situation = _with(SENTENCES[0][1], "Sorry, on the SQL question I would use a window function.")
    ours = knowledge.default()
    assert any(
        CHECKS["SOS203"].message in s
        for s in api.advise(situation, ours)["drafts"][0]["suggestions"]
    )
    fewer = dataclasses.replace(ours, checks=tuple(c for c in ours.checks if c.id != "SOS203"))
    assert not any(
        "draft check" in s for s in api.advise(situation, fewer)["drafts"][0]["suggestions"]
    )


def test_what_no_template_of_a_note_says_is_not_suggested_under_it() -> None:
    # What went well, typed as a fragment: said under the lead's note, which would say it, and
    # under no note that never could (a recruiter's, a withdrawal).
    situation: dict[str, Any] = {
        "went": "mixed",
        "highlights": "great convo",
        "interviewers": [ANA],
        "recruiter": {"name": "Jo Lee", "email_known": True},
    }
    about = "You wrote “great convo” as what went well"
    drafts = api.advise(situation)["drafts"]
    told = {d["to"]: any(s.startswith(about) for s in d["suggestions"]) for d in drafts}
    assert told == {"Ana Ruiz": True, "Jo Lee": False}
    (withdrawal,) = api.advise({**situation, "interest": "withdrawing"})["drafts"]
    assert not any(s.startswith(about) for s in withdrawal["suggestions"])


def test_what_went_well_that_grades_the_interview_is_kept_and_questioned() -> None:
    typed = "I think my answer about restorative practices landed well."
    draft = api.advise({"went": "well", "highlights": typed, "interviewers": [ANA]})["drafts"][0]
    assert typed in draft["body"]
    assert (
        f"You wrote “{typed}” as what went well: “my answer about restorative practices landed”"
        " tells them how you think the"
        " interview went, which they judge. Say what you took from the conversation instead,"
        " or leave it out."
    ) in draft["suggestions"]


def test_an_answer_to_clarify_that_names_another_panelist_is_kept_and_questioned() -> None:
    # In the lead's note, "When Mark asked…" may belong in the note to Mark; only the reader
    # can say it to him. Naming the lead too, or no one, it simply stays.
    typed = "When Mark asked about leases, I mixed up two standards."
    people = [
        {"name": "Susan Cho", "email_known": True, "lead": True, "topics": ["busy season"]},
        {"name": "Mark Delaney", "email_known": True, "topics": ["audits"]},
    ]
    caveat = (
        f"You wrote “{typed}” as the answer you want to clarify: it names Mark Delaney, and it"
        " is in the note to Susan Cho. If it answers their question, it fits better in your"
        " note to them, with “you” for them: move it there yourself."
    )
    for text, said in [
        (typed, True),
        ("When Mark and Susan asked about leases, I mixed up two standards.", False),
        ("I said I could start in June, but I meant May.", False),
    ]:
        situation = {"went": "mixed", "clarify": text, "interviewers": people}
        drafts = {d["to"]: d for d in api.advise(situation)["drafts"]}
        assert text in drafts["Susan Cho"]["body"]
        assert (caveat in drafts["Susan Cho"]["suggestions"]) is said


def test_what_is_promised_for_later_is_left_out_and_said_why() -> None:
    situation = {
        "went": "well",
        "promised": "references by Friday",
        "interviewers": [{"name": "Ana Ruiz", "email_known": True}],
    }
    draft = api.advise(situation)["drafts"][0]
    assert "Friday" not in draft["body"]
    assert (
        "You wrote “references by Friday” as what you promised to send: it says when, and the"
        " note says it comes with it, so it is not in the note. Name it in a few words, such as"
        " “the link to my portfolio”." in draft["suggestions"]
    )
