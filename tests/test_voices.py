"""Voices: the contract's ids exist, and every quote and attribution is verbatim in its article."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest

from sendorskip import knowledge
from sendorskip.facts import facts_of
from sendorskip.site.guide import load_guide, paths, situations
from sendorskip.site.scenarios import load_scenarios
from sendorskip.situation import parse
from sendorskip.voices import SEED_VOICES, Voice, in_sentence

from .conftest import SITUATIONS, source_texts, wider_topics

KB = knowledge.default()
# How a silent stance's one line says that its source does not address the situation.
SAYS_SILENT = re.compile(r"\b(did not speak to|does not say|only)\b")


def test_every_seed_voice_exists_and_is_marked_seed() -> None:
    assert [v.id for v in KB.voices.values() if v.seed] == list(SEED_VOICES)


@pytest.mark.parametrize("voice", [v for v in KB.voices.values() if v.seed], ids=lambda v: v.id)
def test_seed_voice_text_is_verbatim_in_its_article(voice: Voice) -> None:
    texts = source_texts()
    article = texts[KB.sources[voice.source].file]
    for field in ("quote", "attribution", "role", "organisation"):
        value = getattr(voice, field)
        assert value == "" or value in article, f"{voice.id}.{field} is not verbatim in its article"
    assert voice.quote and voice.view


@pytest.mark.parametrize("voice", [v for v in KB.voices.values() if not v.seed], ids=lambda v: v.id)
def test_wider_voice_cites_its_own_page_verbatim(voice: Voice) -> None:
    source = KB.sources[voice.source]
    assert source.kind in ("career-center", "guide") and source.url.startswith("http")
    notes = wider_topics()
    # Its words, checked against the research notes that quote the page, with the page's address
    # (as it stands there, or inside the address of the proxy the page was read through).
    for text in (voice.quote, *(s.passage for s in voice.stances)):
        assert text in notes, f"{voice.id}: not verbatim in wider_topics.md: {text!r}"
    assert source.url in notes or quote(source.url, safe="") in notes


def test_seed_articles_point_at_real_files() -> None:
    texts = source_texts()
    assert {s.file for s in KB.sources.values() if s.kind == "article"} == set(texts)


@pytest.mark.parametrize("voice", list(KB.voices.values()), ids=lambda v: v.id)
def test_last_stance_is_the_default(voice: Voice) -> None:
    assert voice.stances[-1].when == {}


def _situations() -> list[tuple[str, Any]]:
    """Every situation a stance is shown for: the matrix's columns, the tests' table, the guide."""
    out: list[tuple[str, Any]] = [(f"scenario {s.id}", s.raw) for s in load_scenarios()]
    out += sorted(SITUATIONS.items())
    guide = load_guide()
    for path in paths(guide):
        label = "guide: " + " > ".join(a.label for _, a in path)
        out += [(label, s) for s in situations(guide, path)]
    return out


@pytest.mark.parametrize(
    ("where", "raw"), _situations(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_stance_shown_rests_on_a_verbatim_passage(where: str, raw: Any) -> None:
    texts = source_texts()
    facts = facts_of(parse(raw))
    for voice in (v for v in KB.voices.values() if v.seed):
        stance = voice.stance_for(facts)
        if stance.stance == "silent":
            assert SAYS_SILENT.search(stance.why), f"{voice.id} ({where}): say the source is silent"
            continue
        article = texts[KB.sources[voice.source].file]
        assert stance.passage, f"{voice.id} ({where}): {stance.stance} names no passage"
        assert stance.passage in article, f"{voice.id}: passage not verbatim: {stance.passage!r}"


@pytest.mark.parametrize("voice", [v for v in KB.voices.values() if v.seed], ids=lambda v: v.id)
def test_every_passage_is_verbatim_even_if_no_situation_reaches_it(voice: Voice) -> None:
    article = source_texts()[KB.sources[voice.source].file]
    for stance in voice.stances:
        assert stance.stance == "silent" or stance.passage in article, stance.passage
        assert stance.stance != "silent" or not stance.passage


STANCES_ALL = [
    (f"{voice.id} stance {i + 1}", stance)
    for voice in KB.voices.values()
    for i, stance in enumerate(voice.stances)
]


@pytest.mark.parametrize(("where", "stance"), STANCES_ALL, ids=[w for w, _ in STANCES_ALL])
def test_a_stance_on_what_the_voice_never_spoke_to_is_silent_or_our_reading(
    where: str, stance: Any
) -> None:
    # "He did not speak to late notes, but ..." filed under Send stretches the source; if a
    # stance is taken anyway, its line must say that taking it is our reading.
    if stance.stance != "silent" and re.search(r"\b(did|does) not speak to\b", stance.why):
        assert "Our reading" in stance.why, f"{where}: {stance.why}"


@pytest.mark.parametrize("went", ["well", "mixed", "poorly", "disaster"])
@pytest.mark.parametrize(
    "extra", [{}, {"hours_since": 96}, {"interviewers": [{"name": "A"}, {"name": "B"}]}]
)
def test_after_a_rejection_every_seed_voice_is_silent(went: str, extra: dict[str, Any]) -> None:
    # Neither article speaks of replying to a rejection, whatever else is true (late, a panel).
    facts = facts_of(parse({"went": went, "outcome": "rejected", **extra}))
    taken = {v.id: v.stance_for(facts).stance for v in KB.voices.values() if v.seed}
    assert taken == dict.fromkeys(SEED_VOICES, "silent")


@pytest.mark.parametrize("country", ["JP", "DE", "GB", "IN"])
@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"hours_since": 96},
        {"went": "disaster"},
        {"interviewers": [{"name": "A"}, {"name": "B"}]},
    ],
)
def test_where_the_custom_differs_every_seed_voice_is_silent(
    country: str, extra: dict[str, Any]
) -> None:
    # Neither article speaks of other countries' customs: showing their general views as Send
    # next to Japan's Optional verdict would read as if they had spoken to it.
    facts = facts_of(parse({"went": "well", "country": country, **extra}))
    taken = {v.id: v.stance_for(facts) for v in KB.voices.values() if v.seed}
    assert {k: s.stance for k, s in taken.items()} == dict.fromkeys(SEED_VOICES, "silent")
    assert all("country to country" in s.why for s in taken.values())


IN_SENTENCE = [
    ("The first article", "the first article"),
    ("The author of \u2018Yea or Nay?\u2019", "the author of \u2018Yea or Nay?\u2019"),
    ("The Lawyer Whisperer", "The Lawyer Whisperer"),  # a title keeps its capital
    ("Michael Neece", "Michael Neece"),
    ("Theo Ruiz", "Theo Ruiz"),
    ("The", "The"),
]


@pytest.mark.parametrize(("name", "written"), IN_SENTENCE)
def test_a_name_inside_a_sentence(name: str, written: str) -> None:
    assert in_sentence(name) == written
