"""The knowledge base: our data files, merged with a career center's overrides, all validated.

An override directory may hold ``sources.toml``, ``voices.toml``, ``rules.toml``, ``checks.toml``
(records whose id is new are added, records whose id exists replace ours, ``disable = [ids]``
removes ours), ``questions.toml`` and ``labels.toml`` (its own questions; our words replaced by
key) and ``templates/NAME.txt.j2`` (found before ours); any other file is reported
(overrides.py), since a file the loader skipped would be a change that silently did nothing.
Every problem in every file is reported together.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .answers import Screen
from .checks import Check, read_checks
from .errors import DataError, unknown
from .facts import FactValue, facts_of
from .labels import WORDS, Words
from .overrides import SUFFIX, layout_problems, read_toml
from .questions import FILE as QUESTIONS_FILE
from .questions import Asked, Question, answer, read_questions
from .questions import facts as question_facts
from .records import Reader, parse_toml
from .relabel import FILE as LABELS_FILE
from .relabel import read_words
from .rules import Rule, read_rules
from .situation import Situation, parse
from .sources import Source, read_sources
from .voices import Voice, read_voices

OVERRIDES_ENV = "SENDORSKIP_OVERRIDES"
BUNDLED_OVERRIDES = "overrides"  # inside data/: a center's overrides baked into a site's wheel


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)
U = TypeVar("U")


@dataclass(frozen=True)
class Knowledge:
    sources: Mapping[str, Source]
    voices: Mapping[str, Voice]
    rules: tuple[Rule, ...]
    checks: tuple[Check, ...]
    template_dirs: tuple[str, ...]  # searched in order: overrides first
    questions: tuple[Question, ...] = ()  # a career center's own (questions.py)
    words: Words = WORDS  # every word a reader sees, with a center's labels.toml (relabel.py)

    @property
    def extra(self) -> dict[str, tuple[FactValue, ...]]:
        """The center's questions as the situation's extra fields: name -> allowed answers."""
        return {q.id: q.values for q in self.questions}

    @cached_property
    def screen(self) -> Screen:
        """The draft checks whose caveats a note carries about the reader's own words
        (answers.py), made once: the notes of every call share it."""
        return Screen(self.checks)

    def parse(self, data: object, where: str = "situation") -> Situation:
        return parse(data, where, self.extra)

    def facts(self, situation: Situation) -> dict[str, FactValue]:
        """Every fact a rule may test: ours, and the answers to the center's questions."""
        return {**facts_of(situation), **{q.id: answer(situation, q) for q in self.questions}}

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
    try:
        data = read_toml(path, str(path))
    except DataError as exc:
        problems.extend(exc.problems)
        return records
    added = list(read(o_reader, data))
    o_reader.unique(kind, (r.id for r in added))
    disable = data.get("disable", [])
    known = [r.id for r in records]
    if not isinstance(disable, list):
        o_reader.add("disable", f"expected a list of {kind} ids; got a {type(disable).__name__}.")
        disable = []
    for rid in disable:
        if rid not in known:
            o_reader.add("disable", unknown(kind, rid, known))
    problems.extend(o_reader.problems)
    by_id = {r.id: r for r in records if r.id not in disable}
    by_id.update({r.id: r for r in added})
    return list(by_id.values())


def _center_only(
    odir: Path | None,
    name: str,
    read: Callable[[Reader, Mapping[str, Any]], U],
    ours: U,
    problems: list[str],
) -> U:
    """A file only an override directory has (a center's questions, its labels): ``ours``
    without it or when it cannot be read."""
    path = odir / name if odir else None
    if path is None or not path.is_file():
        return ours
    reader = Reader(str(path))
    try:
        found = read(reader, read_toml(path, str(path)))
    except DataError as exc:
        problems.extend(exc.problems)
        return ours
    problems.extend(reader.problems)
    return found


def load(overrides: str | os.PathLike[str] | None = None) -> Knowledge:
    """Load and validate everything; ``overrides`` defaults to $SENDORSKIP_OVERRIDES or the bundle."""
    base = data_dir()
    chosen = overrides or os.environ.get(OVERRIDES_ENV)
    odir = Path(chosen) if chosen else base / BUNDLED_OVERRIDES
    problems: list[str] = []
    if chosen and not odir.is_dir():
        raise DataError([f"{odir}: override directory not found."])
    odir_or_none = odir if odir.is_dir() else None
    if odir_or_none:
        ours = tuple(
            p.name.removesuffix(SUFFIX) for p in sorted((base / "templates").glob("*" + SUFFIX))
        )
        problems += layout_problems(odir_or_none, ours)
    asked = _center_only(odir_or_none, QUESTIONS_FILE, read_questions, Asked(), problems)
    words = _center_only(odir_or_none, LABELS_FILE, read_words, WORDS, problems)
    fact_table = question_facts(asked)
    sources = _merge("sources.toml", "source", base, odir_or_none, read_sources, problems)
    source_ids = {s.id for s in sources}
    voices = _merge(
        "voices.toml",
        "voice",
        base,
        odir_or_none,
        lambda r, d: read_voices(r, d, source_ids, fact_table),
        problems,
    )
    voice_ids = {v.id for v in voices}
    rules = _merge(
        "rules.toml",
        "rule",
        base,
        odir_or_none,
        lambda r, d: read_rules(r, d, voice_ids, fact_table),
        problems,
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
        questions=asked.questions,
        words=words,
    )


@lru_cache(maxsize=1)
def default() -> Knowledge:
    """The knowledge this process uses when none is passed: loaded once, since it never changes."""
    return load()
