"""Drafts: golden files byte for byte, and the properties every draft must have.

Update the golden files after a deliberate wording change with ``pytest --update-golden``.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from sendorskip import api

from .conftest import HERE, SITUATIONS

GOLDEN = HERE / "golden"
BANNED = re.compile(
    r"thank you for your time|sorry|apologi[sz]e|please (give|consider)|I need this job", re.I
)


def _render(name: str) -> str:
    advice = api.advise(SITUATIONS[name])
    parts = [f"To: {d['to']}\nSubject: {d['subject']}\n\n{d['body']}\n" for d in advice["drafts"]]
    return "\n----\n".join(parts) if parts else "(no drafts)\n"


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_golden(name: str, update_golden: bool) -> None:
    path: Path = GOLDEN / f"{name}.txt"
    text = _render(name)
    if update_golden:
        path.write_text(text, "utf-8")
    assert path.is_file(), f"no golden file {path.name}: run pytest --update-golden"
    assert text == path.read_text("utf-8")


def test_panel_of_three_gives_three_pairwise_different_bodies() -> None:
    drafts = api.advise(SITUATIONS["panel-of-three"])["drafts"]
    bodies = [d["body"] for d in drafts]
    assert len(bodies) == 3
    for a, b in itertools.combinations(bodies, 2):
        # Different in substance, not just the name: remove names and compare.
        strip = lambda t: re.sub(r"Ana Ruiz|Ben Ode|Cy Tan", "", t)  # noqa: E731
        assert strip(a) != strip(b)


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_draft_properties(name: str) -> None:
    situation = SITUATIONS[name]
    advice = api.advise(situation)
    for draft in advice["drafts"]:
        body = draft["body"]
        assert len(body.split()) <= 150
        assert not BANNED.search(body)
        assert not body.lower().startswith("thank")
        if not draft["to"].startswith("["):
            assert draft["to"] in body


def test_missing_details_are_visible_placeholders_never_invented() -> None:
    body = api.advise({"went": "well", "interviewers": [{"name": "Ana", "email_known": True}]})[
        "drafts"
    ][0]["body"]
    for placeholder in (
        "[job title]",
        "[company]",
        "[Your name]",
        "[One sentence about something specific",
    ):
        assert placeholder in body


def test_complete_drafts_pass_our_own_checker() -> None:
    situation = SITUATIONS["panel-of-three"]
    drafts = api.advise(situation)["drafts"]
    notes = [{"to": d["to"], "text": d["body"]} for d in drafts]
    findings = api.check({"notes": notes, "situation": situation})["findings"]
    assert [(f["check"], f["note"]) for f in findings if f["severity"] != "info"] == []
