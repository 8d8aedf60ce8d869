"""What a draft leaves the reader to do: each blank named with the question that fills it,
what a short note left out, what to attach (through the API, as the page gets them)."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip import api
from sendorskip.form_words import QUESTIONS


def test_a_note_to_the_organizer_names_each_panelist_and_each_blank() -> None:
    # Formal where the custom asks it (the plan's tip), and every blank answered under its own
    # panelist's name, not the organizer's.
    panel: list[dict[str, Any]] = [
        {"name": "Kenji Sato", "topics": ["API design"]},
        {"name": "Yuki Tanaka"},
    ]
    situation = {
        "went": "well",
        "country": "JP",
        "interviewers": [*panel, {"name": "Hiro Ito"}],
        "recruiter": {"name": "Mari Suzuki", "email_known": True},
    }
    (draft,) = api.advise(situation)["drafts"]
    assert draft["to"] == "Mari Suzuki"
    assert (
        " I enjoyed talking with Kenji Sato about API design, with Yuki Tanaka about ["
        in draft["body"]
    )
    # With two topics to one person, people are told apart by semicolons.
    panel[0]["topics"] = ["API design", "code review"]
    (draft,) = api.advise(situation)["drafts"]
    assert "with Kenji Sato about API design and code review; with Yuki Tanaka" in draft["body"]
    topics = QUESTIONS["topics"]
    assert [s for s in draft["suggestions"] if "something specific" in s] == [
        f"To fill “[something specific you discussed with Yuki Tanaka]”, answer “{topics}” for"
        " Yuki Tanaka.",
        f"To fill “[something specific you discussed with Hiro Ito]”, answer “{topics}” for"
        " Hiro Ito.",
    ]


def test_nothing_the_reader_wrote_is_left_out_unsaid() -> None:
    # A short note (a rule asks for one here) drops the extras; a fourth topic never fits.
    person = {
        "name": "Ana",
        "email_known": True,
        "topics": ["billing", "caching", "on-call", "hiring"],
        "add": "I have since read the postmortem you sent.",
    }
    situation = {"went": "well", "writing_confidence": "not_confident", "interviewers": [person]}
    draft = api.advise(situation)["drafts"][0]
    assert "postmortem" not in draft["body"]
    assert "hiring" not in draft["body"]
    assert draft["suggestions"][:2] == [
        "Left out to keep the note short: “I have since read the postmortem you sent.” Add it"
        " back in place of something else if it matters more.",
        "Three topics make a note for Ana; “hiring” is not in it. Swap one in for another if it"
        " matters more.",
    ]


def test_a_long_note_loses_its_extras_one_by_one_what_they_add_last() -> None:
    # Over 150 words with every extra; without what they forgot, it fits.
    person = {
        "name": "Grace Hopper",
        "email_known": True,
        "topics": ["the payments ledger redesign", "idempotency keys", "rate limiting"],
        "add": "I have since sketched how I would shard the ledger by merchant, and I would be"
        " happy to walk through it with the team next week.",
    }
    situation = {
        "went": "well",
        "job_title": "Senior Backend Engineer",
        "company": "Stripe",
        "candidate_name": "Ada Lovelace",
        "promised": "the design doc from my last project",
        "interviewers": [person],
        "highlights": "I really enjoyed our deep dive into how the team handles partial failures"
        " across regions and the tradeoffs you described.",
        "forgot_to_mention": "I forgot to mention that I led the migration of our ledger from"
        " MySQL to Postgres with zero downtime over six months.",
        "why_this_job": "I want to work on infrastructure that businesses depend on every day",
        "clarify": "To clarify my answer on consistency, I would choose serializable isolation"
        " for the ledger writes.",
    }
    draft = api.advise(situation)["drafts"][0]
    assert "shard the ledger" in draft["body"] and "deep dive" in draft["body"]
    assert "serializable" in draft["body"] and "MySQL" not in draft["body"]
    assert len(draft["body"].split()) <= 150
    assert [s for s in draft["suggestions"] if s.startswith("Left out")] == [
        "Left out to keep the note short: “I forgot to mention that I led the migration of our"
        " ledger from MySQL to Postgres with zero downtime over six months.” Add it back in place"
        " of something else if it matters more."
    ]
    # With more to say than a note holds, what they add about the conversation is kept longest.
    situation["highlights"] = " ".join([str(situation["highlights"])] * 4)
    draft = api.advise(situation)["drafts"][0]
    assert "shard the ledger" in draft["body"] and "deep dive" not in draft["body"]


def test_what_a_note_after_an_informational_chat_has_no_place_for_is_said() -> None:
    situation = {
        "went": "well",
        "informational": True,
        "highlights": "I enjoyed hearing about the lab.",
        "clarify": "I meant the spring term.",
        "promised": "my writing sample",
        "interviewers": [{"name": "Ana", "email_known": True, "topics": ["grant writing"]}],
    }
    draft = api.advise(situation)["drafts"][0]
    assert "the lab" not in draft["body"] and "spring" not in draft["body"]
    assert [s for s in draft["suggestions"] if s.startswith("Not in this note")] == [
        "Not in this note: “I enjoyed hearing about the lab.” (what went well). After an"
        " informational chat, the note thanks them for their advice; add it yourself if it fits.",
        "Not in this note: “I meant the spring term.” (the answer you want to clarify). After an"
        " informational chat, the note thanks them for their advice; add it yourself if it fits.",
        "Not in this note: “my writing sample” (what you said you would send). After an"
        " informational chat, the note thanks them for their advice; add it yourself if it fits.",
    ]


@pytest.mark.parametrize("change", [{"interest": "withdrawing"}, {"outcome": "rejected"}])
def test_no_note_without_a_place_for_one_more_thing_asks_for_it(change: dict[str, Any]) -> None:
    # The withdrawal and the reply to a rejection have no line for it: asking would mislead.
    person = {"name": "Ana", "email_known": True, "topics": ["the billing migration"]}
    drafts = api.advise({"went": "well", "interviewers": [person], **change})["drafts"]
    assert drafts
    assert not any("adds nothing" in s for d in drafts for s in d["suggestions"])


def test_a_recruiter_who_held_the_screen_is_sent_to_the_question_the_form_has() -> None:
    # The form asks what you discussed only under "Who interviewed you?": naming the recruiter
    # there too gives one note, with the topics (test_situation pins that parse).
    recruiter = {"name": "Jordan Lee", "email_known": True}
    screen = {
        "went": "well",
        "stage": "screening",
        "recruiter": recruiter,
        "candidate_name": "Lee Park",
    }
    (draft,) = api.advise(screen)["drafts"]
    assert draft["suggestions"] == [
        "To fill “[something specific you discussed with Jordan]”, add Jordan Lee, named the"
        f" same way, under “{QUESTIONS['interviewers']}” and answer “{QUESTIONS['topics']}”"
        " there."
    ]
    both = {**screen, "interviewers": [{**recruiter, "topics": ["the team's reporting"]}]}
    (draft,) = api.advise(both)["drafts"]
    assert "the team's reporting" in draft["body"]
    assert not any("something specific" in s for s in draft["suggestions"])


def test_whoever_helped_gets_no_note_after_an_informational_chat_and_is_told_so() -> None:
    situation = {
        "went": "well",
        "informational": True,
        "referrer": {"name": "Kim Ode"},
        "interviewers": [{"name": "Ravi Kumar", "email_known": True, "topics": ["careers"]}],
    }
    (draft,) = api.advise(situation)["drafts"]
    assert [s for s in draft["suggestions"] if s.startswith("No note")] == [
        "No note to Kim Ode here: the passages we quote on thanking a referrer or a reference"
        " say nothing of informational interviews. Our reading: if they helped you get this"
        " conversation, thank them in a line of your own."
    ]


def test_a_note_cut_to_fit_is_not_told_to_add_what_was_cut() -> None:
    # Over the length only with what they add: it is left out, and said so, not asked for.
    person = {
        "name": "Ana Ruiz",
        "email_known": True,
        "topics": [
            "the payments ledger redesign and its rollout across regions",
            "idempotency keys for retried card payments",
            "rate limiting at the edge for partner traffic",
        ],
        "add": "I have since sketched how I would shard the ledger by merchant and how the rollout"
        " could go region by region, and I would be glad to walk the team through the plan next"
        " week if that would help.",
    }
    situation = {
        "went": "well",
        "job_title": "Senior Backend Engineer",
        "company": "Stripe",
        "candidate_name": "Ada Lovelace",
        "why_this_job": "I want to work on the infrastructure that thousands of small businesses"
        " depend on every single day, and I have spent the last four years building payment"
        " systems that had to stay up through every holiday rush",
        "promised": "the design doc from my last project",
        "interviewers": [person],
    }
    draft = api.advise(situation)["drafts"][0]
    assert "shard" not in draft["body"]
    assert [s for s in draft["suggestions"] if "adds nothing" in s] == []
    assert [s for s in draft["suggestions"] if s.startswith("Left out")]
