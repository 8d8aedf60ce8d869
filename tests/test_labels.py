"""Reader words: one table feeds the CLI, the pages and the browser, and the plan's words cover
what the engine says."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from html import escape

import pytest

from sendorskip import api
from sendorskip.labels import CHANNELS, KINDS, PHRASES, WORDS, Words
from sendorskip.page import advice, findings

from .conftest import HERE, SITUATIONS

DEADLINES: list[tuple[float | None, str]] = [
    (None, PHRASES["soon"]),
    (0, PHRASES["now"]),
    (0.5, PHRASES["within_an_hour"]),
    (24, PHRASES["within_hours"].format(n=24)),
    (120, PHRASES["within_days"].format(n=5)),
]


@pytest.mark.parametrize(("hours", "words"), DEADLINES)
def test_deadline_in_words(hours: float | None, words: str) -> None:
    assert WORDS.deadline(hours) == words


# A center may reword the fallback (labels.toml); only it is escaped, never the caller's names.
OURS_AND_YOURS = dataclasses.replace(WORDS, phrases={**PHRASES, "our_reading": "ours & yours"})
CITED = [
    (WORDS, [], str, "our reading"),
    (WORDS, ["Ana"], str, "Ana"),
    (WORDS, ["Ana", "<a href='#x'>Bo</a>"], escape, "Ana, <a href='#x'>Bo</a>"),
    (OURS_AND_YOURS, [], escape, "ours &amp; yours"),
    (OURS_AND_YOURS, [], str, "ours & yours"),
]


@pytest.mark.parametrize(("words", "names", "escaped", "shown"), CITED)
def test_a_reason_cites_its_voices_or_our_reading(
    words: Words, names: list[str], escaped: Callable[[str], str], shown: str
) -> None:
    assert words.cited(names, escaped) == shown


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_the_plan_is_worded_for_every_situation(name: str) -> None:
    shown = advice(SITUATIONS[name])
    plan = api.advise(SITUATIONS[name])["plan"]
    assert len(shown["plan_lines"]) == len(plan["recipients"])
    for line, r in zip(shown["plan_lines"], plan["recipients"], strict=True):
        assert line == WORDS.plan_line(r, plan["send_within_hours"])
        assert CHANNELS[r["channel"]] in line and KINDS[r["kind"]] in line


def test_an_email_is_said_once() -> None:
    line = WORDS.plan_line({"name": "Ana", "kind": "interviewer", "channel": "email"}, 24)
    assert line == "Ana (interviewer): an email, within 24 hours."


@pytest.mark.parametrize("kind", ["referrer", "reference"])
def test_whoever_helped_you_gets_no_deadline_the_sources_never_set(kind: str) -> None:
    helper = {"name": "Sam", "kind": kind, "channel": "email", "purpose": "helper"}
    assert WORDS.plan_line(helper, 24) == (
        f"Sam ({KINDS[kind]}): an email, when you can (the sources set no deadline)."
    )


def test_findings_are_grouped_worst_first() -> None:
    text = "Hi [Name]! Thanks for your time. [Company] is great. I really need this job."
    groups = findings({"notes": [{"text": text}]})["groups"]
    order = ["error", "warning", "info"]
    assert [order.index(g["severity"]) for g in groups] == sorted(
        order.index(g["severity"]) for g in groups
    )
    placeholder = next(g for g in groups if len(g["places"]) == 2)
    assert placeholder["where"] == PHRASES["places"].format(n=2)


def test_every_reader_word_is_pinned(update_golden: bool) -> None:
    # The browser tests check that the page shows the package's words; this pins the words
    # themselves, so a changed label, verdict word or deadline phrase fails until it is meant
    # (pytest --update-golden rewrites the file).
    path = HERE / "golden" / "words.json"
    text = (
        json.dumps(dataclasses.asdict(WORDS), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    )
    if update_golden:
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8")
