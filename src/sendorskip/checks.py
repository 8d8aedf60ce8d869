"""Draft checks: records over a note's text, each run by one of a few detectors in :mod:`detectors`.

Records hold the words (patterns, thresholds, messages); the detectors hold the little logic
that words cannot express, so a career center can tune a check without touching Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import shown
from .records import Reader
from .rules import read_examples

SEVERITIES = ("error", "warning", "info")
# Which parameters each detector requires; read here so records are validated before use.
DETECTORS: dict[str, tuple[str, ...]] = {
    "pattern": ("patterns",),
    "no-specifics": (),
    "near-duplicate": ("threshold",),
    "too-long": ("max_words",),
    "name-missing": (),
    "title-missing": (),
    "repeated-mark": ("mark", "max"),
}
# Parameters a detector may take, and their values when absent. `unless_specific`: stay silent
# on a note that says something specific about the conversation (one line of thanks is fine).
# `match_case`: match the note as written, not in lower case (a placeholder XX, not a kiss xx).
OPTIONAL: dict[str, dict[str, Any]] = {"pattern": {"unless_specific": False, "match_case": False}}
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


def _params(reader: Reader, item: str, detector: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key in DETECTORS.get(detector, ()):
        value = raw.get(key)
        if key == "patterns":
            params[key] = _patterns(reader, item, value, raw.get("match_case") is True)
        elif key == "mark":
            if not isinstance(value, str) or not value:
                reader.problem(item, key, f"expected a character; got {shown(value)}.")
            params[key] = value
        else:
            number = reader.number(item, raw, key)
            if number is None:
                reader.problem(item, key, "required: a number.")
            params[key] = number
    for key, default in OPTIONAL.get(detector, {}).items():
        value = raw.get(key, default)
        if not isinstance(value, bool):
            reader.problem(item, key, f"expected true or false; got {shown(value)}.")
        params[key] = value is True
    return params


def read_checks(reader: Reader, data: Mapping[str, Any], voices: set[str]) -> list[Check]:
    checks = []
    for raw in reader.table_list(data, "check", ("check", "disable")):
        cid = reader.text("check ?", raw, "id") or "?"
        item = f"check {cid} ({raw.get('name', '?')})"
        detector = reader.choice(item, raw, "detector", DETECTORS)
        reader.keys(item, raw, FIELDS, (*DETECTORS.get(detector, ()), *OPTIONAL.get(detector, {})))
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
            )
        )
    return checks
