"""The knowledge base: our data files, merged with a career center's overrides, all validated.

An override directory may hold ``sources.toml``, ``voices.toml``, ``rules.toml``, ``checks.toml``
(records whose id is new are added, records whose id exists replace ours, ``disable = [ids]``
removes ours) and ``templates/*.j2`` (found before ours). Every problem in every file is
reported together.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .checks import Check, read_checks
from .errors import DataError, choices
from .records import Reader, parse_toml
from .rules import Rule, read_rules
from .sources import Source, read_sources
from .voices import Voice, read_voices

OVERRIDES_ENV = "SENDORSKIP_OVERRIDES"
BUNDLED_OVERRIDES = "overrides"  # inside data/: a center's overrides baked into a site's wheel


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


@dataclass(frozen=True)
class Knowledge:
    sources: Mapping[str, Source]
    voices: Mapping[str, Voice]
    rules: tuple[Rule, ...]
    checks: tuple[Check, ...]
    template_dirs: tuple[str, ...]  # searched in order: overrides first

    def rule(self, rid: str) -> Rule:
        return next(r for r in self.rules if r.id == rid)


def data_dir() -> Path:
    return Path(str(resources.files("sendorskip") / "data"))


def _merge(
    name: str,
    kind: str,
    base_dir: Path,
    override_dir: Path | None,
    read: Callable[[Reader, Mapping[str, Any]], Sequence[T]],
    problems: list[str],
) -> list[T]:
    reader = Reader(f"{name}")
    records = list(read(reader, parse_toml(name, (base_dir / name).read_text("utf-8"))))
    reader.unique(kind, (r.id for r in records))
    problems.extend(reader.problems)
    if override_dir is None or not (override_dir / name).is_file():
        return records
    path = override_dir / name
    o_reader = Reader(str(path))
    data = parse_toml(str(path), path.read_text("utf-8"))
    added = list(read(o_reader, data))
    o_reader.unique(kind, (r.id for r in added))
    disable = data.get("disable", [])
    known = [r.id for r in records]
    if not isinstance(disable, list):
        o_reader.problems.append(
            f"{path}: disable: expected a list of {kind} ids; got a {type(disable).__name__}."
        )
        disable = []
    for rid in disable:
        if rid not in known:
            o_reader.problems.append(
                f"{path}: disable: unknown {kind} {rid!r}; valid {kind}s: {choices(known)}."
            )
    problems.extend(o_reader.problems)
    by_id = {r.id: r for r in records if r.id not in disable}
    by_id.update({r.id: r for r in added})
    return list(by_id.values())


def load(overrides: str | os.PathLike[str] | None = None) -> Knowledge:
    """Load and validate everything; ``overrides`` defaults to $SENDORSKIP_OVERRIDES or the bundle."""
    base = data_dir()
    chosen = overrides or os.environ.get(OVERRIDES_ENV)
    odir = Path(chosen) if chosen else base / BUNDLED_OVERRIDES
    problems: list[str] = []
    if chosen and not odir.is_dir():
        raise DataError([f"{odir}: override directory not found."])
    odir_or_none = odir if odir.is_dir() else None
    sources = _merge("sources.toml", "source", base, odir_or_none, read_sources, problems)
    source_ids = {s.id for s in sources}
    voices = _merge(
        "voices.toml",
        "voice",
        base,
        odir_or_none,
        lambda r, d: read_voices(r, d, source_ids),
        problems,
    )
    voice_ids = {v.id for v in voices}
    rules = _merge(
        "rules.toml", "rule", base, odir_or_none, lambda r, d: read_rules(r, d, voice_ids), problems
    )
    checks = _merge(
        "checks.toml",
        "check",
        base,
        odir_or_none,
        lambda r, d: read_checks(r, d, voice_ids),
        problems,
    )
    if problems:
        raise DataError(problems)
    template_dirs = [str(base / "templates")]
    if odir_or_none and (odir_or_none / "templates").is_dir():
        template_dirs.insert(0, str(odir_or_none / "templates"))
    return Knowledge(
        sources={s.id: s for s in sources},
        voices={v.id: v for v in voices},
        rules=tuple(sorted(rules, key=lambda r: r.id)),
        checks=tuple(sorted(checks, key=lambda c: c.id)),
        template_dirs=tuple(template_dirs),
    )


@lru_cache(maxsize=1)
def default() -> Knowledge:
    """The knowledge this process uses when none is passed: loaded once, since it never changes."""
    return load()
