"""Drafts: golden files byte for byte (with the headline and plan above them), and the
properties every draft must have.

Update the golden files after a deliberate wording change with ``pytest --update-golden``.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from sendorskip import api, drafts, knowledge, naming, page, phrases
from sendorskip.engine import decide
from sendorskip.situation import PLACEHOLDER_ORGANIZER

from .conftest import HERE, SITUATIONS

GOLDEN = HERE / "golden"
KB = knowledge.default()
BANNED = re.compile(
    r"thank you for your time|sorry|apologi[sz]e|please (give|consider)|I need this job", re.I
)


def _render(name: str) -> str:
    """The headline and the plan as the page words them, then each draft."""
    advice = page.advice(SITUATIONS[name])
    head = "".join(f"{line}\n" for line in [advice["headline"], *advice["plan_lines"]])
    parts = [
        f"To: {d['to']}\n"
        + (f"Subject: {d['subject']}\n" if d["subject"] else "")
        + f"\n{d['body']}\n"
        + "".join(f"\nSuggestion: {t}\n" for t in d["suggestions"])
        for d in advice["drafts"]
    ]
    return head + "\n====\n" + ("\n----\n".join(parts) if parts else "(no drafts)\n")


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_golden(name: str, update_golden: bool) -> None:
    path: Path = GOLDEN / f"{name}.txt"
    text = _render(name)
    if update_golden:
        path.write_text(text, "utf-8")
    assert path.is_file(), f"no golden file {path.name}: run pytest --update-golden"
    assert text == path.read_text("utf-8")


def test_a_formal_note_never_greets_by_first_name_alone() -> None:
    japan = {"went": "well", "country": "JP", "interviewers": [{"name": "Yuki Tanaka"}]}
    assert api.advise(japan)["drafts"][0]["body"].startswith("Dear Yuki Tanaka,")


def test_panel_of_three_gives_three_pairwise_different_bodies() -> None:
    drafts = api.advise(SITUATIONS["panel-of-three"])["drafts"]
    bodies = [d["body"] for d in drafts]
    assert len(bodies) == 3

    def strip(body: str) -> str:
        return re.sub(r"Ana Ruiz|Ben Ode|Cy Tan", "", body)

    for a, b in itertools.combinations(bodies, 2):
        # Different in substance, not just the name: remove names and compare.
        assert strip(a) != strip(b)


@pytest.mark.parametrize("interest", ["keen", "unsure"])
def test_a_panel_of_eight_gets_no_two_notes_alike_but_for_the_topic(interest: str) -> None:
    # The lead and seven others, whose notes take shapes 0 to 6.
    people = [
        {"name": f"Person{i}", "email_known": True, "topics": [f"topic{i}"]} for i in range(8)
    ]
    drafts = api.advise({"went": "well", "interest": interest, "interviewers": people})["drafts"]
    frames = [re.sub(r"Person\d|topic\d", "", d["body"]) for d in drafts]
    assert len(set(frames)) == 8


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_draft_properties(name: str) -> None:
    situation = SITUATIONS[name]
    advice = api.advise(situation)
    formal = decide(KB, KB.parse(situation)).formal
    for draft in advice["drafts"]:
        body = draft["body"]
        assert len(body.split()) <= 150
        assert not BANNED.search(body)
        assert not body.lower().startswith("thank")
        if not draft["to"].startswith("["):
            greet = naming.salutation_name(draft["to"], formal=formal)
            assert body.startswith(f"Dear {greet},")


def test_only_required_facts_become_placeholders() -> None:
    draft = api.advise({"went": "well", "interviewers": [{"name": "Ana", "email_known": True}]})[
        "drafts"
    ][0]
    # Who you talked about what with, and your name, are needed; the job's title is not.
    assert re.findall(r"\[[^\]]*\]", draft["body"]) == [
        "[something specific you discussed with Ana]",
        "[Your name]",
    ]
    assert "Thank you: " not in draft["subject"] and "[" not in draft["subject"]


# Situations with every detail a note is built from: who you are, the job, why you want it, and
# for each interviewer what you talked about and one thing to add. Their drafts must pass our
# own checker, all together.
COMPLETE = [
    name
    for name, s in sorted(SITUATIONS.items())
    if all(s.get(k) for k in ("candidate_name", "job_title", "company", "why_this_job"))
    and all(
        p.get("topics") and p.get("add") and all(phrases.topic(t).usable for t in p["topics"])
        for p in s.get("interviewers", [])
    )
]


def test_the_table_has_complete_situations() -> None:
    assert len(COMPLETE) >= 5


@pytest.mark.parametrize("name", COMPLETE)
def test_complete_drafts_pass_our_own_checker(name: str) -> None:
    situation = SITUATIONS[name]
    drafts = api.advise(situation)["drafts"]
    notes = [{"to": d["to"], "text": d["body"]} for d in drafts]
    if not notes:
        return
    findings = api.check({"notes": notes, "situation": situation})["findings"]
    assert [(f["name"], f["note"]) for f in findings if f["severity"] != "info"] == []
    # Nothing to fill in or rewrite; a note may still say what it left out, or what to attach.
    reminders = ("Left out to keep the note short: ", "The note says you are sending ")
    assert [s for d in drafts for s in d["suggestions"] if not s.startswith(reminders)] == []


WORDS: list[tuple[str, dict[str, Any], list[str], list[str]]] = [
    # name, situation changes, words the body must contain, words it must not
    ("two days on, no 'today'", {"hours_since": 50}, [], ["today", "yesterday"]),
    ("the next morning", {"hours_since": 18}, ["yesterday"], ["today"]),
    # A day is named only if it stays true until the deadline (phrases.when_we_spoke).
    ("straight after, sent within the day", {"hours_since": 1}, [], ["today", "yesterday"]),
    (
        "straight after, they decide today",
        {"hours_since": 1, "decision": "same_day"},
        ["today"],
        [],
    ),
    # Not said: written now, sent maybe tomorrow, so no day is named.
    ("when not said, no day", {}, [], ["today", "yesterday"]),
    ("unsure", {"interest": "unsure"}, ["learn more"], ["excited"]),
    ("informational", {"informational": True}, ["advice"], ["role", "job", "excited"]),
    (
        "a title as given",
        {"interviewers": [{"name": "Dr. Janet Cole", "email_known": True}]},
        ["Dear Dr. Cole,"],
        ["Mrs.", "Janet"],
    ),
    (
        "a first name",
        {"interviewers": [{"name": "Janet Cole", "email_known": True}]},
        ["Dear Janet,"],
        ["Janet Cole"],
    ),
    (
        "shorthand is not quoted",
        {
            "interviewers": [
                {"name": "Ana", "email_known": True, "topics": ["nailed the system design q"]}
            ]
        },
        ["[something specific"],
        ["nailed"],
    ),
    (
        "a sentence is not put after 'about'",
        {
            "interviewers": [
                {"name": "Ana", "email_known": True, "topics": ["She asked why I left my last job"]}
            ]
        },
        [],
        ["about She", "about she"],
    ),
    (
        "a topic's stray full stop and capital",
        {
            "interviewers": [
                {"name": "Ana", "email_known": True, "topics": ["The billing migration."]}
            ]
        },
        ["discussing the billing migration."],
        ["migration.."],
    ),
    (
        "a name that opens a topic keeps its capital",
        {
            "interviewers": [
                {"name": "Ana", "email_known": True, "topics": ["Postgres partitioning"]}
            ]
        },
        ["Postgres partitioning"],
        [],
    ),
    (
        "an ordinary first word is lower-cased, a one-letter one too",
        {
            "interviewers": [
                {"name": "Ana", "email_known": True, "topics": ["Moving the reports"]}
            ],
            "promised": "A link to my GitHub repo",
        },
        ["moving the reports", "sending a link to my GitHub repo"],
        [],
    ),
    (
        "a topic typed as what was done: the note says that itself",
        {
            "interviewers": [
                {"name": "Ana", "email_known": True, "topics": ["Discussed the roadmap"]}
            ]
        },
        ["discussing the roadmap."],
        ["discussing discussed"],
    ),
    (
        "what you promised, typed as a task",
        {"promised": "Send my portfolio link"},
        ["As promised, I am sending my portfolio link."],
        ["sending send"],
    ),
    (
        "what you promised, without its article",
        {"promised": "link to my portfolio"},
        ["As promised, I am sending the link to my portfolio."],
        [],
    ),
    (
        "what you promised, with 'I'll send'",
        {"promised": "I'll send my resume"},
        ["sending my resume."],
        [],
    ),
    (
        "what you promised, to them",
        {"promised": "Send them my references"},
        ["sending my references."],
        [],
    ),
    (
        "no 'the' before 'another'",
        {"promised": "another writing sample"},
        ["sending another writing sample."],
        [],
    ),
    (
        "a day in a name is no day",
        {"promised": "my Sunday Times article"},
        ["sending my Sunday Times article."],
        [],
    ),
    ("a weekday alone is a day", {"promised": "the deck Friday morning"}, [], ["Friday"]),
    ("nothing named", {"promised": "send them over"}, [], ["sending the", "sending over"]),
    (
        "two full stops inside a topic stay",
        {
            "interviewers": [
                {"name": "Ana", "email_known": True, "topics": ["git diff main..feature"]}
            ]
        },
        ["discussing git diff main..feature."],
        [],
    ),
    (
        "what you promised for later is not said to come with the note",
        {"promised": "references by Friday"},
        [],
        ["references by Friday"],
    ),
    ("a noun is no reason", {"why_this_job": "My dream job"}, [], ["because my dream job"]),
    (
        "a company's own full stop ends the sentence",
        {"company": "Acme Inc."},
        ["at Acme Inc. I especially"],
        ["Inc.."],
    ),
    (
        "a job title typed with 'role' in it",
        {"job_title": "Data Analyst role"},
        ["the Data Analyst role at", "Data Analyst interview"],
        ["role role", "role interview"],
    ),
    (
        "a job title that names its kind of post",
        {"job_title": "Postdoctoral position"},
        ["about the Postdoctoral position at", "Thank you: Postdoctoral interview"],
        ["position role"],
    ),
    (
        "what went well, typed without its 'I'",
        {"highlights": "Loved the office tour and meeting the team."},
        ["I loved the office tour and meeting the team."],
        [],
    ),
    (
        "a reason that opens with the company's name keeps it",
        {"company": "Ledgerly", "why_this_job": "Ledgerly builds the tools I use every day"},
        ["because Ledgerly builds"],
        [],
    ),
    (
        "what they forgot, said once: no 'did not get to mention: I forgot'",
        {"forgot_to_mention": "I forgot to mention that I know some R."},
        ["\n\nI forgot to mention that I know some R."],
        ["did not get to mention"],
    ),
    (
        "a reply to a rejection thanks them for considering you, not for the news",
        {"outcome": "rejected"},
        ["Thank you for considering me for the Data Engineer role at Acme."],
        ["letting me know"],
    ),
    (
        "a card has no subject line",
        {"preferred_medium": "handwritten", "handwriting": "legible", "decision": "later"},
        ["Dear Ana,"],
        ["Thank you: Data Engineer interview"],
    ),
    (
        "long highlights are cut",
        {"highlights": "I " + "really " * 400 + "liked it."},
        [],
        ["really really"],
    ),
]


@pytest.mark.parametrize(("name", "change", "must", "must_not"), WORDS, ids=[w[0] for w in WORDS])
def test_the_words_are_true_to_what_the_reader_gave(
    name: str, change: dict[str, Any], must: list[str], must_not: list[str]
) -> None:
    situation = {**SITUATIONS["good-interview"], **change}
    draft = api.advise(situation)["drafts"][0]
    text = f"{draft['subject']}\n{draft['body']}"
    for word in must:
        assert word in text
    for word in must_not:
        assert word.lower() not in text.lower()
    assert len(draft["body"].split()) <= 150


def test_a_note_to_the_recruiter_names_whom_you_met_as_a_letter_would() -> None:
    situation = {
        "went": "well",
        "outcome": "rejected",
        "interviewers": [{"name": "Mrs. Claire Dunn"}, {"name": "Ana Ruiz"}],
        "recruiter": {"name": "Tom Berg", "email_known": True},
    }
    (draft,) = [d for d in api.advise(situation)["drafts"] if d["to"] == "Tom Berg"]
    assert "I enjoyed meeting Mrs. Dunn and Ana Ruiz" in draft["body"]


def test_the_recruiter_is_asked_to_pass_on_the_notes_the_plan_sends_through_them() -> None:
    people: list[dict[str, Any]] = [
        {"name": "Ana Ruiz", "email_known": True, "topics": ["billing"]},
        {"name": "Dr. Ben Ode", "topics": ["caching"]},
        {"name": "Cy Tan", "topics": ["hiring"]},
    ]
    situation = {
        "went": "well",
        "interviewers": people,
        "recruiter": {"name": "Sam Lee", "email_known": True},
    }
    advice = api.advise(situation)
    routed = [r["name"] for r in advice["plan"]["recipients"] if r["channel"] == "via_recruiter"]
    assert routed == ["Dr. Ben Ode", "Cy Tan"]
    (note,) = [d["body"] for d in advice["drafts"] if d["to"] == "Sam Lee"]
    assert (
        "\n\nI do not have email addresses for Dr. Ode and Cy Tan: could you pass on the notes I am"
        " sending you separately?\n\n"
    ) in note
    # With every address known, nothing to pass on.
    everyone = [{**p, "email_known": True} for p in people]
    alone = api.advise({**situation, "interviewers": everyone})["drafts"]
    assert not any("pass on" in d["body"] for d in alone)


ASK = "Could you let me know when I can expect to hear back?"
# (situation, who asks when they will hear): the recruiter, else the organizer, else the lead;
# never on a card, never when they said when you would hear.
ASKS = [
    ("panel-of-three", "Ana Ruiz"),  # the lead, not the two others
    ("mixed-with-recruiter", "Sam Lee"),  # the recruiter, not the interviewer
    ("panel-no-addresses", "Sam Lee"),  # the recruiter, as organizer
    ("panel-no-addresses-no-recruiter", PLACEHOLDER_ORGANIZER.name),
    ("unsure-but-specific", "Dr. Janet Cole"),
    ("card-with-time", None),  # a card
    ("response-date-given", None),  # they said when
    ("informational", None),
    ("rejected-with-recruiter", None),
    ("disaster-with-recruiter", "Sam Lee"),  # the recruiter's note after a disaster
]


@pytest.mark.parametrize(("name", "asker"), ASKS)
def test_one_note_asks_when_they_will_hear(name: str, asker: str | None) -> None:
    drafts = api.advise(SITUATIONS[name])["drafts"]
    assert [d["to"] for d in drafts if ASK in d["body"]] == ([asker] if asker else [])


@pytest.mark.parametrize(
    ("template", "said_once"),
    [
        ("interviewer", set(drafts.SAID_ONCE)),
        ("informational", {"forgot"}),
        ("coordinator", {"why"}),
        ("recruiter", set()),
        ("withdraw", set()),
        ("helper", set()),
    ],
)
def test_what_each_template_says_of_what_was_told_once(template: str, said_once: set[str]) -> None:
    assert drafts.says_once(knowledge.default().template_dirs, template) == said_once


def test_a_template_that_includes_another_may_say_all_of_it(tmp_path: Path) -> None:
    # Jinja2 does not look into an included template: it is taken to say everything.
    (tmp_path / "withdraw.txt.j2").write_text("{% include 'parts.txt.j2' %}", encoding="utf-8")
    dirs = (str(tmp_path), *knowledge.default().template_dirs)
    assert drafts.says_once(dirs, "withdraw") == set(drafts.SAID_ONCE)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # Which answer it adds to, said first, unless the sentence says so itself.
        (
            "I said I had used SAP, but only its reporting side.",
            "To clarify one of my answers: I said I had used SAP, but only its reporting side.",
        ),
        (
            "When you asked about leases, I mixed up two standards.",
            "When you asked about leases, I mixed up two standards.",
        ),
        (
            "I have since checked the indexing question.",
            "I have since checked the indexing question.",
        ),
    ],
)
def test_an_answer_to_clarify_says_which_it_is(typed: str, said: str) -> None:
    person = {"name": "Ana Ruiz", "email_known": True, "topics": ["invoices"]}
    situation = {"went": "mixed", "clarify": typed, "interviewers": [person]}
    (draft,) = api.advise(situation)["drafts"]
    assert f"\n\n{said}\n\n" in draft["body"]


# After an informational chat there is no job to ask about, withdraw from or be turned down
# for, and no one to thank for a referral: every note thanks the people the reader talked with.
INFORMATIONAL: list[tuple[str, dict[str, Any]]] = [
    ("two people, no addresses", {}),
    ("a recruiter", {"recruiter": {"name": "Sam Lee", "email_known": True}}),
    ("withdrawing", {"interest": "withdrawing"}),
    ("turned down", {"outcome": "rejected"}),
    ("a referrer", {"referrer": {"name": "Kim Ode", "email_known": True}}),
    ("references", {"references": ["Lou Park"]}),
]


@pytest.mark.parametrize(("name", "change"), INFORMATIONAL)
def test_an_informational_chat_gets_informational_notes_only(
    name: str, change: dict[str, Any]
) -> None:
    situation = {
        "went": "well",
        "informational": True,
        "interviewers": [
            {"name": "Ravi Kumar", "topics": ["product management careers"]},
            {"name": "Lena Ortiz", "topics": ["switching from engineering"]},
        ],
        **change,
    }
    notes = api.advise(situation)["drafts"]
    assert [n["to"] for n in notes] == ["Ravi Kumar", "Lena Ortiz"]
    for note in notes:
        for word in ("role", "interview", "withdraw", "considering me", "position"):
            assert word not in note["body"].lower()
    # Each opens and closes its own way: no mail merge with one noun swapped.
    first, second = (n["body"].splitlines() for n in notes)
    assert first[2] != second[2] and first[-4] != second[-4]


def test_a_topic_about_them_in_the_third_person_is_named_to_whoever_else_hears_of_it() -> None:
    # Not in a note to Janet ("how she runs standups" would need "you"), but in the organizer's.
    situation = {
        "went": "well",
        "recruiter": {"name": "Bob Ray", "email_known": True},
        "interviewers": [
            {"name": "Janet Cole", "topics": ["how she runs standups"]},
            {"name": "Mark Diaz", "topics": ["hiring"]},
        ],
    }
    (note,) = api.advise(situation)["drafts"]
    assert "with Janet about how she runs standups and with Mark about hiring." in note["body"]


def test_four_informational_notes_do_not_repeat_the_first() -> None:
    people = [{"name": n, "email_known": True, "topics": [t]} for n, t in
              (("Ravi Kumar", "careers"), ("Lena Ortiz", "courses"), ("Tom Reed", "books"), ("Kai Lu", "jobs"))]  # fmt: skip
    notes = api.advise({"went": "well", "informational": True, "interviewers": people})["drafts"]
    openings = [n["body"].splitlines()[2].split(" about ")[0] for n in notes]
    closings = [n["body"].splitlines()[-4] for n in notes]
    assert openings[3].startswith(openings[0].split(",")[0])  # the fourth opens as the first...
    assert closings[3] != closings[0]  # ...but closes its own way
    assert len(set(closings[:3])) == 3


def test_after_an_informational_chat_no_note_goes_through_the_recruiter() -> None:
    situation = {
        "went": "well",
        "informational": True,
        "recruiter": {"name": "Sam Lee", "email_known": True},
        "interviewers": [{"name": "Ravi Kumar", "topics": ["careers"]}],
    }
    (recipient,) = api.advise(situation)["plan"]["recipients"]
    assert (recipient["name"], recipient["channel"]) == ("Ravi Kumar", "find_address")


def test_a_topic_in_the_third_person_is_not_in_the_recruiters_note() -> None:
    # "especially discussing how she runs standups" would not say who "she" is.
    situation = {
        "went": "well",
        "recruiter": {"name": "Bob Ray", "email_known": True},
        "interviewers": [
            {"name": "Janet Cole", "email_known": True, "topics": ["how she runs standups"]}
        ],
    }
    (note,) = [d for d in api.advise(situation)["drafts"] if d["to"] == "Bob Ray"]
    assert "standups" not in note["body"]
