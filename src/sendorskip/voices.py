"""Voices: the experts (and the articles' own editorial advice) and what each would say.

A voice's ``stance`` is a list of ``{when, stance, why, passage}`` entries read top to bottom;
the first whose ``when`` matches the situation is what the voice says, and the last has no
``when``. Every stance but ``silent`` rests on a passage of the voice's source, quoted verbatim.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .conditions import Condition, matches, read_condition
from .errors import choices, shown
from .facts import Fact, FactValue
from .records import Reader

STANCES = ("send", "skip", "neutral", "silent")
SILENT = "silent"  # the source does not address the situation: no passage to rest on
STANCE_KEYS = ("when", "stance", "why", "passage")
SEED_VOICES = (
    "neece",
    "sarikas",
    "mcclure",
    "goldman",
    "green",
    "siegel",
    "dunkerton",
    "when-to-send",
    "yea-or-nay",
)


@dataclass(frozen=True)
class Stance:
    when: Condition
    stance: str
    why: str
    passage: str  # verbatim from the voice's source; empty only when silent


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    role: str
    organisation: str
    attribution: str  # how the article introduces them, verbatim
    source: str
    via: str
    seed: bool
    view: str
    quote: str
    stances: tuple[Stance, ...]

    def stance_for(self, facts: Mapping[str, FactValue]) -> Stance:
        return next(s for s in self.stances if matches(s.when, facts))

    @property
    def cited_as(self) -> str:
        """The name inside a sentence or a list of citations (see :func:`in_sentence`)."""
        return in_sentence(self.name)


def in_sentence(name: str) -> str:
    """A name as written inside a sentence: a description ("The first article", "The author of
    'Yea or Nay?'") takes a small "the"; a title ("The Lawyer Whisperer") keeps its capital."""
    first, _, rest = name.partition(" ")
    return f"the {rest}" if first == "The" and rest[:1].islower() else name


def _stances(reader: Reader, item: str, raw: Any, facts: Mapping[str, Fact]) -> tuple[Stance, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(r, dict) for r in raw):
        reader.problem(item, "stance", f"expected a non-empty list of tables; got {shown(raw)}.")
        return (Stance({}, SILENT, "", ""),)
    out = []
    for i, entry in enumerate(raw):
        at = reader.within(f"stance[{i}]")
        is_last = i == len(raw) - 1
        for key in entry:
            if key not in STANCE_KEYS:
                at.problem(item, key, f"unknown field; valid fields: {choices(STANCE_KEYS)}.")
        if is_last and "when" in entry:
            at.problem(item, "when", "the last stance is the default: remove its 'when'.")
        if not is_last and "when" not in entry:
            at.problem(item, "when", "required on every stance but the last.")
        when = read_condition(at, item, entry.get("when", {}), "when", facts)
        stance = at.choice(item, entry, "stance", STANCES)
        why = at.text(item, entry, "why")
        if not why:
            at.problem(item, "why", "required; say in one sentence why.")
        passage = at.text(item, entry, "passage")
        if stance in STANCES and stance != SILENT and not passage:
            at.problem(
                item,
                "passage",
                f"required for {stance!r}: the source's own words it rests on, verbatim;"
                " if the source does not address this situation, use 'silent'.",
            )
        out.append(Stance(when, stance, why, passage))
    return tuple(out)


def read_voices(
    reader: Reader, data: Mapping[str, Any], sources: set[str], facts: Mapping[str, Fact]
) -> list[Voice]:
    voices = []
    for raw in reader.table_list(data, "voice", ("voice", "disable")):
        vid = reader.text("voice ?", raw, "id") or "?"
        item = f"voice {vid}"
        reader.keys(
            item,
            raw,
            ("id", "name", "source", "view", "stance"),
            ("role", "organisation", "attribution", "via", "seed", "quote"),
        )
        seed = raw.get("seed", False)
        if not isinstance(seed, bool):
            reader.problem(item, "seed", f"expected true or false; got {shown(seed)}.")
        via = reader.text(item, raw, "via")
        voices.append(
            Voice(
                id=vid,
                name=reader.text(item, raw, "name"),
                role=reader.text(item, raw, "role"),
                organisation=reader.text(item, raw, "organisation"),
                attribution=reader.text(item, raw, "attribution"),
                source=reader.choice(item, raw, "source", sorted(sources)),
                via=reader.choice(item, raw, "via", sorted(sources)) if via else "",
                seed=seed is True,
                view=reader.text(item, raw, "view"),
                quote=reader.text(item, raw, "quote"),
                stances=_stances(reader, item, raw.get("stance"), facts),
            )
        )
    return voices
