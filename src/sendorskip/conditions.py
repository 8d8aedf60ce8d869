"""``when`` tables: which facts a record tests, validated against the facts' vocabularies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import choices, shown
from .facts import FACT_BY_NAME, Fact, FactValue
from .records import Reader

Condition = Mapping[str, tuple[FactValue, ...]]


def read_condition(
    reader: Reader,
    item: str,
    raw: Any,
    path: str = "when",
    facts: Mapping[str, Fact] = FACT_BY_NAME,
) -> Condition:
    """Each key is a fact (ours, or a center's question); each value one allowed value or a list
    of them (any may match)."""
    if not isinstance(raw, dict):
        reader.problem(item, path, f"expected a table of facts; got {shown(raw)}.")
        return {}
    condition: dict[str, tuple[FactValue, ...]] = {}
    for name, value in raw.items():
        fact = facts.get(name)
        if fact is None:
            reader.problem(item, f"{path}.{name}", f"unknown fact; valid facts: {choices(facts)}.")
            continue
        if not fact.values:
            continue  # a center's question that could not be read: its own problem says why
        wanted = tuple(value) if isinstance(value, list) else (value,)
        bad = [v for v in wanted if v not in fact.values or type(v) is not type(fact.values[0])]
        if bad or not wanted:
            got = shown(value) if not bad else shown(bad[0])
            reader.problem(
                item, f"{path}.{name}", f"expected one of {choices_json(fact.values)}; got {got}."
            )
            continue
        condition[name] = wanted
    return condition


def choices_json(values: tuple[FactValue, ...]) -> str:
    return ", ".join(shown(v) if isinstance(v, bool) else repr(v) for v in values)


def matches(condition: Condition, facts: Mapping[str, FactValue]) -> bool:
    return all(facts[name] in wanted for name, wanted in condition.items())


def describe(condition: Condition) -> str:
    """Human reading of a condition, for the generated decision guide and the CLI."""
    if not condition:
        return "always"
    parts = []
    for name, wanted in condition.items():
        rendered = " or ".join(shown(v) if isinstance(v, bool) else str(v) for v in wanted)
        parts.append(f"{name} is {rendered}")
    return " and ".join(parts)
