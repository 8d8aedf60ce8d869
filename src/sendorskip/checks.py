"""Draft checks: records over a note's text, each run by one of a few detectors in :mod:`detectors`.

Records hold the words (patterns, thresholds, messages); the detectors hold the little logic
that words cannot express, so a career center can tune a check without touching Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .errors import choices, shown
from .records import Reader
from .rules import read_examples

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Param:
    """One parameter of a detector, declared as yamllint declares a rule's options: its kind,
    its range and its value when absent (``None``: required). A record is checked against its
    detector's declarations before any note is, so a mistake is named, never a traceback."""

    kind: Literal["patterns", "flag", "share", "count", "character"]
    low: float = 0
    high: float = 0
    default: bool | None = None

    def expected(self) -> str:
        if self.kind == "patterns":
            return "a non-empty list of regular expressions"
        if self.kind == "flag":
            return "true or false"
        if self.kind == "character":
            return "one character, such as '!'"
        whole = "a whole number" if self.kind == "count" else "a number"
        return f"{whole} from {self.low:,g} to {self.high:,g}"


# Each detector in detectors.DETECT and the parameters it takes; a test keeps the two in step.
# `unless_specific`: stay silent on a note that says something specific about the conversation
# (one line of thanks is fine). `match_case`: match the note as written, not in lower case (a
# placeholder XX, not a kiss xx). A `threshold` below 0.1 would call any two notes that share
# a phrase copies; `max_words` stops at 5,000, the most words a note within its 10,000-character
# cap can hold, and so does `max`.
DETECTORS: dict[str, dict[str, Param]] = {
    "pattern": {
        "patterns": Param("patterns"),
        "unless_specific": Param("flag", default=False),
        "match_case": Param("flag", default=False),
    },
    "no-specifics": {},
    "near-duplicate": {"threshold": Param("share", 0.1, 1)},
    "too-long": {"max_words": Param("count", 1, 5000)},
    "name-missing": {},
    "wrong-name": {},
    "title-full-name": {},
    "title-missing": {},
    "repeated-mark": {"mark": Param("character"), "max": Param("count", 0, 5000)},
    "said-twice": {"min_words": Param("count", 1, 5000)},
}
# Escapes in a pattern, which may hold capitals (\U0001F300, \S) that are not letters to match.
_ESCAPE = re.compile(r"\\(?:[Uu][0-9A-Fa-f]+|x[0-9A-Fa-f]{2}|N\{[^}]*\}|.)")
FIELDS = ("id", "name", "detector", "severity", "message", "why", "instead", "voices", "examples")


@dataclass(frozen=True)
class Check:
    id: str
    name: str
    detector: str
    params: Mapping[str, Any]
    severity: str
    message: str
    why: str
    instead: str  # what to write instead, in the reader's words (Ruff's "use instead")
    voices: tuple[str, ...]
    fires: tuple[Any, ...]
    silent: tuple[Any, ...]
    file: str  # where it was read: ours, or a center's file that added or replaced it


def _patterns(
    reader: Reader, item: str, value: Any, match_case: bool
) -> tuple[re.Pattern[str], ...]:
    """Compiled as written: the detector lowers the note's case (and straightens apostrophes)
    once, which keeps the regular expression engine's fast search for a leading word; matching
    each pattern without regard to case would make it try every position of the note."""
    if not isinstance(value, list) or not value or not all(isinstance(p, str) for p in value):
        reader.problem(
            item,
            "patterns",
            f"expected a non-empty list of regular expressions; got {shown(value)}.",
        )
        return ()
    compiled = []
    for p in value:
        bare = _ESCAPE.sub("", p)
        if not match_case and ("\u2019" in bare or any(c.isupper() for c in bare)):
            reader.problem(
                item,
                "patterns",
                f"{p!r}: notes are matched in lower case with straight apostrophes; "
                "write the pattern that way.",
            )
        try:
            compiled.append(re.compile(p))
        except re.error as exc:
            reader.problem(item, "patterns", f"{p!r} is not a valid regular expression: {exc}.")
    return tuple(compiled)


def _value(reader: Reader, item: str, key: str, param: Param, value: Any) -> Any:
    """``value`` if it fits ``param``, else a problem naming what was expected."""
    if param.kind == "flag" and isinstance(value, bool):
        return value
    if param.kind == "character" and isinstance(value, str) and len(value) == 1:
        return value
    if param.kind in ("share", "count") and isinstance(value, int | float):
        # A count is whole; TOML may still spell it 150.0.
        whole = param.kind == "share" or isinstance(value, int) or value.is_integer()
        if whole and not isinstance(value, bool) and param.low <= value <= param.high:
            return int(value) if param.kind == "count" else float(value)
    reader.problem(item, key, f"expected {param.expected()}; got {shown(value)}.")
    return param.default


def _params(reader: Reader, item: str, detector: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key, param in DETECTORS.get(detector, {}).items():
        if key not in raw and param.default is None:
            reader.problem(item, key, f"required by detector {detector!r}: {param.expected()}.")
            params[key] = param.default
        elif param.kind == "patterns":
            params[key] = _patterns(reader, item, raw[key], raw.get("match_case") is True)
        else:
            params[key] = _value(reader, item, key, param, raw.get(key, param.default))
    return params


def _unknown(reader: Reader, item: str, detector: str, raw: Mapping[str, Any]) -> None:
    """Name a field that is neither a check's nor its detector's, with what each takes. While
    the detector itself is wrong, any detector's parameter is let through: one mistake, one
    problem."""
    declared = DETECTORS.get(detector)
    if declared is None:
        allowed, takes = set(FIELDS).union(*DETECTORS.values()), ""
    elif declared:
        allowed = {*FIELDS, *declared}
        takes = f"; valid parameters of detector {detector!r}: {choices(declared)}"
    else:
        allowed, takes = set(FIELDS), f"; detector {detector!r} takes no parameters"
    for key in raw:
        if key not in allowed:
            reader.problem(item, key, f"unknown field; valid fields: {choices(FIELDS)}{takes}.")


def read_checks(reader: Reader, data: Mapping[str, Any], voices: set[str]) -> list[Check]:
    checks = []
    for raw in reader.table_list(data, "check", ("check", "disable")):
        cid = reader.text("check ?", raw, "id") or "?"
        item = f"check {cid} ({raw.get('name', '?')})"
        detector = reader.choice(item, raw, "detector", DETECTORS)
        # Unknown fields are named by _unknown, which knows the detector's parameters.
        reader.keys(item, {k: v for k, v in raw.items() if k in FIELDS}, FIELDS, ())
        _unknown(reader, item, detector, raw)
        fires, silent = read_examples(reader, item, raw.get("examples"))
        checks.append(
            Check(
                id=cid,
                name=reader.text(item, raw, "name"),
                detector=detector,
                params=_params(reader, item, detector, raw),
                severity=reader.choice(item, raw, "severity", SEVERITIES),
                message=reader.text(item, raw, "message"),
                why=reader.text(item, raw, "why"),
                instead=reader.text(item, raw, "instead"),
                voices=reader.ids(item, raw, "voices", sorted(voices), "voice"),
                fires=fires,
                silent=silent,
                file=reader.file,
            )
        )
    return checks
