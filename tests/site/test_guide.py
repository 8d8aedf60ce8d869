"""The decision guide: every path through it gives the engine's advice for the same answers."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from sendorskip import api, knowledge
from sendorskip.labels import WORDS
from sendorskip.site.guide import Path as GuidePath
from sendorskip.site.guide import load_guide, paths, render, situations

from .test_handbook import page_text

KB = knowledge.default()
GUIDE = load_guide()
PATHS = list(paths(GUIDE))


def _label(path: GuidePath) -> str:
    return " > ".join(answer.label for _, answer in path)


def _shown(advice: dict[str, object]) -> object:
    return (advice["verdict"], advice["headline"], advice["reasons"])


def test_the_guide_reaches_every_verdict() -> None:
    verdicts = {api.advise(situations(GUIDE, p)[0], KB)["verdict"] for p in PATHS}
    assert verdicts == {"send", "optional", "skip", "recruiter_only", "withdraw"}


@pytest.mark.parametrize("path", PATHS, ids=_label)
def test_every_answer_on_a_path_gets_the_advice_the_path_shows(path: GuidePath) -> None:
    # An answer such as "Well, or so-so" stands for several values: each must get the same advice.
    first, *others = situations(GUIDE, path)
    shown = _shown(api.advise(first, KB))
    for other in others:
        assert _shown(api.advise(other, KB)) == shown, other


@pytest.mark.parametrize("path", PATHS, ids=_label)
def test_the_page_shows_each_path_with_its_verdict_and_reasons(path: GuidePath) -> None:
    node = ElementTree.fromstring(render(GUIDE, KB, {v: "#" for v in KB.voices}))
    # Follow the path through the nested disclosures, as a reader opening them would.
    for question, answer in path:
        children = list(node)
        asked = [c for c in children if c.get("class") == "sos-guide__question"]
        assert [q.text for q in asked] == [question.text]
        node = next(
            c for c in children if c.tag == "details" and c.findtext("summary") == answer.label
        )
    advice = api.advise(situations(GUIDE, path)[0], KB)
    shown = " ".join(" ".join(node.find("div").itertext()).split())  # type: ignore[union-attr]
    assert shown.startswith(f"{WORDS.verdicts[advice['verdict']]}. {advice['headline']} Why:")
    for reason in advice["reasons"]:
        assert f"{reason['text']} {reason['why']}" in shown


def test_the_built_page_asks_questions_and_never_lists_conditions(built_site: Path) -> None:
    text = page_text(built_site / "decision-guide" / "index.html")
    assert "Do you still want the job?" in text and "How did the interview go?" in text
    assert "; and " not in text and " or the interview went" not in text
