"""What the CLI prints: advice and findings as text, from the API's own answers."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip.knowledge import Knowledge
from sendorskip.report import PLACES_SHOWN, advice_text, findings_text


def _advice(**changes: Any) -> dict[str, Any]:
    """An answer shaped as api.advise gives it: one reason, one voice, one recipient, one draft."""
    plan = {
        "medium": "email",
        "send_within_hours": 24.0,
        "recipients": [
            {
                "name": "Ana Ruiz",
                "kind": "interviewer",
                "channel": "email",
                "purpose": "interviewer",
            }
        ],
        "tips": [],
        "follow_ups": [],
    }
    advice: dict[str, Any] = {
        "verdict": "send",
        "headline": "Send a note by email.",
        "reasons": [{"id": "SOS101", "text": "Send a note.", "why": "", "voices": ["neece"]}],
        "panel": [{"voice": "neece", "name": "Michael Neece", "stance": "send", "why": "Do."}],
        "plan": {**plan, **changes.pop("plan", {})},
        "drafts": [
            {"to": "Ana Ruiz", "subject": "Thank you", "body": "Dear Ana,", "suggestions": []}
        ],
    }
    return {**advice, **changes}


def test_the_whole_advice_in_order(kb: Knowledge) -> None:
    assert advice_text(_advice(), kb).splitlines() == [
        "SEND: Send a note by email.",
        "",
        "Why:",
        "  SOS101 Send a note. (Michael Neece)",
        "",
        "What the experts would say:",
        "  [Send] Michael Neece: Do.",
        "",
        "Plan:",
        "  Ana Ruiz (interviewer): an email, within 24 hours.",
        "",
        "--- Draft to Ana Ruiz: Thank you",
        "Dear Ana,",
    ]


def test_what_a_draft_could_not_use_follows_it(kb: Knowledge) -> None:
    # The page lists them under the draft; the terminal does too, or "[Your name]" goes unsaid.
    draft = {"to": "Ana Ruiz", "subject": "", "body": "Dear Ana,", "suggestions": ["Fill A.", "B."]}
    lines = advice_text(_advice(drafts=[draft]), kb).splitlines()
    assert lines[-5:] == ["--- Draft to Ana Ruiz", "Dear Ana,", "", "  * Fill A.", "  * B."]


CITED = [
    # (a reason's voices, how the reason's line ends)
    (["neece", "sarikas"], "(Michael Neece, Lynne Sarikas)"),
    # A description takes a small "the" inside the parentheses; a title keeps its capital.
    (["green", "when-to-send"], "(Alison Green, the first article)"),
    (["lawyer-whisperer"], "(The Lawyer Whisperer)"),
    ([], "(our reading)"),  # a rule that rests on no source says so
    (["no-such-voice"], "(our reading)"),  # an id the knowledge lacks is left out, not printed
]


@pytest.mark.parametrize(("voices", "ending"), CITED)
def test_a_reason_names_who_says_it(kb: Knowledge, voices: list[str], ending: str) -> None:
    reasons = [{"id": "SOS101", "text": "Send a note.", "why": "", "voices": voices}]
    lines = advice_text(_advice(reasons=reasons), kb).splitlines()
    assert lines[3] == f"  SOS101 Send a note. {ending}"


ANA = "  Ana Ruiz (interviewer): an email"
PLANS: list[tuple[str, dict[str, Any], list[str]]] = [
    (
        "a skip names no medium and no deadline",
        {"recipients": [], "medium": "email", "send_within_hours": 24.0},
        ["Plan: No note to send."],
    ),
    # Each recipient in the page's words (labels.Words.plan_line), a center's labels included.
    ("a deadline", {}, ["Plan:", f"{ANA}, within 24 hours."]),
    (
        "no deadline",
        {"send_within_hours": None},
        ["Plan:", f"{ANA}, soon (the sources set no deadline)."],
    ),
    ("late already", {"send_within_hours": 0}, ["Plan:", f"{ANA}, now."]),
    (
        "a helper's note has no deadline",
        {
            "recipients": [
                {
                    "name": "Bo Li",
                    "kind": "referrer",
                    "channel": "find_address",
                    "purpose": "helper",
                }
            ]
        },
        [
            "Plan:",
            "  Bo Li (who referred you): an email (ask the recruiter or the front desk for their"
            " address), when you can (the sources set no deadline).",
        ],
    ),
    (
        "tips after the recipients",
        {"tips": ["Keep it short.", "Proofread."]},
        ["Plan:", f"{ANA}, within 24 hours.", "  tip: Keep it short.", "  tip: Proofread."],
    ),
]


@pytest.mark.parametrize(("plan", "lines"), [p[1:] for p in PLANS], ids=[p[0] for p in PLANS])
def test_the_plan(kb: Knowledge, plan: dict[str, Any], lines: list[str]) -> None:
    text = advice_text(_advice(plan=plan, drafts=[]), kb)
    assert text.split("\n\n")[-1].splitlines() == lines


FOLLOW_UPS = [
    # (days from now, as the engine counts them, less the hours since; the line printed)
    (7.0, "  In 7 days, if you have heard nothing: an email to ask where things stand."),
    (
        5.666666666666666,
        "  In 6 days, if you have heard nothing: an email to ask where things stand.",
    ),
    (1.0, "  Tomorrow, if you have heard nothing: an email to ask where things stand."),
    (0.0, "  Today, if you have heard nothing: an email to ask where things stand."),
]


@pytest.mark.parametrize(("in_days", "line"), FOLLOW_UPS)
def test_a_follow_up_is_in_whole_days_as_the_page_says_it(
    kb: Knowledge, in_days: float, line: str
) -> None:
    follow_up = {"in_days": in_days, "channel": "email", "purpose": "ask where things stand"}
    text = advice_text(_advice(plan={"follow_ups": [follow_up]}, drafts=[]), kb)
    assert text.splitlines()[-1] == line
    assert line.strip() == kb.words.follow_up_line(follow_up)


def test_a_draft_without_a_subject_has_no_colon(kb: Knowledge) -> None:
    drafts = [{"to": "Sam Lee", "subject": "", "body": "Hello Sam.\n\nBest,", "suggestions": []}]
    text = advice_text(_advice(drafts=drafts), kb)
    assert text.endswith("\n\n--- Draft to Sam Lee\nHello Sam.\n\nBest,")


def test_the_verdict_is_said_in_the_knowledge_words(kb: Knowledge) -> None:
    line = advice_text(_advice(verdict="recruiter_only"), kb).splitlines()[0]
    assert line == "RECRUITER ONLY: Send a note by email."


def _finding(note: int, start: int, end: int, check: str = "SOS210") -> dict[str, Any]:
    return {
        "check": check,
        "severity": "warning",
        "message": "Too loud.",
        "instead": "Be calm.",
        "note": note,
        "start": start,
        "end": end,
    }


def test_no_findings() -> None:
    assert findings_text({"findings": []}, [{"text": "Hi."}]) == "No problems found."


def test_a_finding_names_its_note_and_line_and_quotes_the_place() -> None:
    notes = [{"text": "Hi."}, {"text": "Dear Ana,\nThanks!!\nBest"}]
    start = notes[1]["text"].index("!!")
    assert findings_text({"findings": [_finding(1, start, start + 2)]}, notes).splitlines() == [
        "note 2, line 2: SOS210 warning: Too loud.",
        "    “!!”",
        "    instead: Be calm.",
    ]


def test_a_long_place_is_shortened_and_an_empty_one_is_not_quoted() -> None:
    text = "word " * 30
    found = {"findings": [_finding(0, 0, len(text)), _finding(0, 5, 5, check="SOS202")]}
    lines = findings_text(found, [{"text": text}]).splitlines()
    assert lines[1] == "    “" + " ".join(["word"] * 12) + "…”"  # 60 characters at most
    assert lines[3:] == ["note 1, line 1: SOS202 warning: Too loud.", "    instead: Be calm."]


def test_a_problem_in_many_places_is_listed_once_with_its_lines() -> None:
    text = "\n".join(f"Line {i}!!" for i in range(8))
    found = [_finding(0, text.index(f"{i}!!") + 1, text.index(f"{i}!!") + 3) for i in range(8)]
    lines = findings_text({"findings": found}, [{"text": text}], ["ana.txt"]).splitlines()
    assert lines == [
        "ana.txt: SOS210 warning: Too loud. (8 places)",
        *[f"    line {i + 1}: “!!”" for i in range(PLACES_SHOWN)],
        "    … and 3 more",
        "    instead: Be calm.",
    ]


def test_the_same_words_twice_on_a_line_are_one_place() -> None:
    text = "Thanks!!! It was great!!!\nBest"
    found = [_finding(0, m, m + 3) for m in (6, 22)]
    assert findings_text({"findings": found}, [{"text": text}]).splitlines() == [
        "note 1, line 1: SOS210 warning: Too loud.",
        "    “!!!”",
        "    instead: Be calm.",
    ]
