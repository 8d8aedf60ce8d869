"""Voices: the contract's ids exist, and every quote and attribution is verbatim in its article."""

from __future__ import annotations

import pytest

from sendorskip import knowledge
from sendorskip.voices import SEED_VOICES, Voice

from .conftest import source_texts

KB = knowledge.default()


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
def test_wider_voice_cites_its_own_source_not_an_article(voice: Voice) -> None:
    assert KB.sources[voice.source].kind == "career-center"
    assert not voice.quote  # we hold no verbatim text of their pages


def test_seed_articles_point_at_real_files() -> None:
    texts = source_texts()
    assert {s.file for s in KB.sources.values() if s.kind == "article"} == set(texts)


@pytest.mark.parametrize("voice", list(KB.voices.values()), ids=lambda v: v.id)
def test_last_stance_is_the_default(voice: Voice) -> None:
    assert voice.stances[-1].when == {}
