"""Scenarios: the matrix's columns, validated like every other data file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import DataError, InputError
from ..knowledge import data_dir
from ..records import Reader, parse_toml
from ..situation import Situation, parse

GROUPS = ("seed", "wider")


@dataclass(frozen=True)
class Scenario:
    id: str
    label: str
    page: str
    group: str  # seed: the two articles' voices; wider: the voices beyond them
    raw: Mapping[str, Any]
    situation: Situation


def load_scenarios() -> list[Scenario]:
    name = "scenarios.toml"
    reader = Reader(name)
    out = []
    for raw in reader.table_list(
        parse_toml(name, (data_dir() / name).read_text("utf-8")), "scenario", ("scenario",)
    ):
        sid = reader.text("scenario ?", raw, "id") or "?"
        item = f"scenario {sid}"
        reader.keys(item, raw, ("id", "label", "page", "situation"), ("group",))
        try:
            situation = parse(raw.get("situation"), where=f"{name}: {item}: situation")
        except InputError as exc:
            reader.problems.extend(exc.problems)
            continue
        out.append(
            Scenario(
                sid,
                reader.text(item, raw, "label"),
                reader.text(item, raw, "page"),
                reader.choice(item, raw, "group", GROUPS, default="seed"),
                raw["situation"],
                situation,
            )
        )
    reader.unique("scenario", (s.id for s in out))
    if reader.problems:
        raise DataError(reader.problems)
    return out
