"""Rules: records that test a situation's facts and, when they fire, shape the advice.

A rule's ``effect`` may set the verdict, the medium, a deadline, who gets a note, a tip for
the plan, a follow-up schedule, short or formal drafts, or a question in one of them; how
fired effects combine is the policy in :mod:`engine`, written once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .conditions import Condition, read_condition
from .errors import choices, shown
from .facts import Fact
from .records import Reader

VERDICTS = ("withdraw", "skip", "recruiter_only", "optional", "send")  # most cautious first
MEDIA = ("email", "handwritten")
RECIPIENT_EFFECTS = ("add-recruiter", "coordinator", "reply", "add-referrer", "add-references")
EFFECT_KEYS = (
    "verdict",
    "medium",
    "within_hours",
    "recipients",
    "tip",
    "follow_up",
    "short",
    "formal",
    "ask_when",
)


@dataclass(frozen=True)
class Effect:
    verdict: str = ""
    medium: str = ""
    within_hours: float | None = None
    recipients: str = ""
    tip: str = ""
    follow_up: bool = False  # the plan gets a follow-up schedule (engine.FOLLOW_UPS)
    short: bool = False  # the drafts keep to the substance, without the extras
    formal: bool = False  # the drafts greet by title and surname, or by full name
    ask_when: bool = False  # one note asks when they will hear (engine.py, 10)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    when: Condition
    effect: Effect
    message: str
    why: str
    voices: tuple[str, ...]
    fires: tuple[Mapping[str, Any], ...]
    silent: tuple[Mapping[str, Any], ...]
    file: str  # where it was read: ours, or a center's file that added or replaced it


def _effect(outer: Reader, item: str, raw: Any) -> Effect:
    if not isinstance(raw, dict):
        outer.problem(
            item,
            "effect",
            f"expected a table with any of {choices(EFFECT_KEYS)}; got {shown(raw)}.",
        )
        return Effect()
    reader = outer.within("effect")
    for key in raw:
        if key not in EFFECT_KEYS:
            reader.problem(item, key, f"unknown effect; valid effects: {choices(EFFECT_KEYS)}.")
    return Effect(
        verdict=reader.choice(item, raw, "verdict", VERDICTS) if "verdict" in raw else "",
        medium=reader.choice(item, raw, "medium", MEDIA) if "medium" in raw else "",
        within_hours=reader.number(item, raw, "within_hours"),
        recipients=reader.choice(item, raw, "recipients", RECIPIENT_EFFECTS)
        if "recipients" in raw
        else "",
        tip=reader.text(item, raw, "tip"),
        follow_up=_flag(reader, item, raw, "follow_up"),
        short=_flag(reader, item, raw, "short"),
        formal=_flag(reader, item, raw, "formal"),
        ask_when=_flag(reader, item, raw, "ask_when"),
    )


def _flag(reader: Reader, item: str, raw: dict[str, Any], key: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        reader.problem(item, key, f"expected true or false; got {shown(value)}.")
        return False
    return value


def read_examples(reader: Reader, item: str, raw: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """``examples.fires`` and ``examples.silent``: inputs that must and must not trigger it."""
    if not isinstance(raw, dict):
        reader.problem(item, "examples", "required: a table with lists 'fires' and 'silent'.")
        return (), ()
    out = []
    for key in ("fires", "silent"):
        value = raw.get(key)
        if not isinstance(value, list) or not value:
            reader.problem(
                item,
                f"examples.{key}",
                f"expected a non-empty list of examples; got {shown(value)}.",
            )
            value = []
        out.append(tuple(value))
    return out[0], out[1]


def read_rules(
    reader: Reader, data: Mapping[str, Any], voices: set[str], facts: Mapping[str, Fact]
) -> list[Rule]:
    rules = []
    for raw in reader.table_list(data, "rule", ("rule", "disable")):
        rid = reader.text("rule ?", raw, "id") or "?"
        item = f"rule {rid} ({raw.get('name', '?')})"
        reader.keys(
            item, raw, ("id", "name", "when", "effect", "message", "why", "voices", "examples"), ()
        )
        fires, silent = read_examples(reader, item, raw.get("examples"))
        rules.append(
            Rule(
                id=rid,
                name=reader.text(item, raw, "name"),
                when=read_condition(reader, item, raw.get("when", {}), facts=facts),
                effect=_effect(reader, item, raw.get("effect", {})),
                message=reader.text(item, raw, "message"),
                why=reader.text(item, raw, "why"),
                voices=reader.ids(item, raw, "voices", sorted(voices), "voice"),
                fires=fires,
                silent=silent,
                file=reader.file,
            )
        )
    return rules
