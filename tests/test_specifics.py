"""Does a note say something about the conversation, beyond a stock note's words?"""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip.knowledge import default
from sendorskip.specifics import specific

KB = default()
PANEL: dict[str, Any] = {
    "went": "well",
    "interviewers": [{"name": "Ana Ruiz", "topics": ["the billing migration"]}],
    "recruiter": {"name": "Sam Lee"},
}
SPECIFIC = [
    (
        "details of the conversation",
        "Your point about idempotent retries in the ledger service, and how backfills interact"
        " with nightly reconciliation jobs, stayed with me.",
        "Ana Ruiz",
        PANEL,
        True,
    ),
    (
        "acronyms count as topics",
        "Our chat about SQL, ETL, ICU, HIPAA, EHR and FHIR was great.",
        "Ana Ruiz",
        PANEL,
        True,
    ),
    (
        "a stock note",
        "Thank you so much for your time; I really enjoyed meeting the whole team and learning"
        " about the role and the company.",
        "Ana Ruiz",
        PANEL,
        False,
    ),
    (
        "capitalized words are names, not topics",
        "Thanks! It was great to meet the Team at Acme Analytics and learn about the Senior Data"
        " Engineer Role.",
        "Ana Ruiz",
        PANEL,
        False,
    ),
    (
        "a topic named, nothing said",
        "Thanks for the talk about the billing migration.",
        "Ana Ruiz",
        PANEL,
        False,
    ),
    ("a withdrawal", "I am writing to withdraw my application.", "Ana Ruiz", PANEL, True),
    (
        "to the recruiter, who was not in the room",
        "Thanks for arranging the day.",
        "Sam Lee",
        PANEL,
        True,
    ),
    (
        "a reply to a rejection",
        "Thanks for letting me know.",
        None,
        {"went": "well", "outcome": "rejected"},
        True,
    ),
    ("no situation given", "Thank you for your time today.", None, None, False),
]


@pytest.mark.parametrize(
    ("text", "to", "situation", "expected"), [s[1:] for s in SPECIFIC], ids=[s[0] for s in SPECIFIC]
)
def test_specific(
    text: str, to: str | None, situation: dict[str, Any] | None, expected: bool
) -> None:
    parsed = KB.parse(situation) if situation is not None else None
    assert specific(text, to, parsed) is expected
