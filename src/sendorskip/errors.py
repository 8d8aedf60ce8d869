"""Errors that carry every problem found, so a reader can fix them all at once."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

# A received value is shown up to this many characters: enough to recognise, never a flood.
SHOWN_CHARS = 40
# A key shown bare in a path (``interviewers[0].name``); any other key is shown quoted.
_BARE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")


class Problem(str):
    """One problem: its whole sentence (what the CLI prints and the tests pin), which also knows
    where it is (the file, or the input such as ``situation``; the item in it; the field) and its
    message without prefixes, so a form can show the message under that field. Being a ``str``,
    it travels through every list of problems unchanged."""

    file: str
    item: str  # a record such as ``rule SOS104 (panel-customise-each)``; empty if none
    field: str  # a path such as ``interviewers[0].name``; empty for the item as a whole
    message: str

    def __new__(cls, file: str, item: str, field: str, message: str) -> Problem:
        sentence = ": ".join([*(part for part in (file, item, field) if part), message])
        self = super().__new__(cls, sentence)
        self.file, self.item, self.field, self.message = file, item, field, message
        return self

    def record(self) -> dict[str, str]:
        """``{file, item, field, message}``, the message starting as a sentence does."""
        message = self.message[:1].upper() + self.message[1:]
        return {"file": self.file, "item": self.item, "field": self.field, "message": message}


def record(problem: str) -> dict[str, str]:
    """A problem as ``{file, item, field, message}``: a plain string is all message."""
    if isinstance(problem, Problem):
        return problem.record()
    return {"file": "", "item": "", "field": "", "message": problem}


class Problems:
    """The one collector: the situation's parser, the data loaders (records.Reader) and a
    center's settings all gather their problems here, so each is a :class:`Problem`."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[str] = []

    def add(self, field: str, message: str, item: str = "") -> None:
        self.problems.append(Problem(self.file, item, field, message))


class SendOrSkipError(Exception):
    """Base class: one or more problems, each a complete sentence for a person to act on."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    def report(self) -> str:
        """The problems, one a line, then a count (the format the CLI prints on stderr)."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join([*self.problems, f"Aborted: {count} {noun} found."])


class InputError(SendOrSkipError):
    """The reader's input (a situation or a draft-check request) is malformed."""


class DataError(SendOrSkipError):
    """The knowledge files (ours or a career center's overrides) are invalid."""


def choices(values: Iterable[object]) -> str:
    """Render valid choices the way every message does: 'a', 'b', 'c'."""
    return ", ".join(repr(v) for v in values)


def unknown(kind: str, value: object, valid: Sequence[str]) -> str:
    """An id that is not one of ``valid``; one that differs only in case ("sos112") is named."""
    same = [v for v in valid if isinstance(value, str) and v.casefold() == value.casefold()]
    hint = f" (ids are matched exactly: did you mean {same[0]!r}?)" if same else ""
    return f"unknown {kind} {value!r}{hint}; valid {kind}s: {choices(valid)}."


def shown(value: object) -> str:
    """Show a received value as the reader wrote it: JSON spelling, strings in quotes.

    Long values are cut with an ellipsis and strings are shown with ``repr``, which escapes
    control characters and lone surrogates: a message never carries one raw to a terminal.
    """
    if isinstance(value, str):
        return repr(value if len(value) <= SHOWN_CHARS else value[:SHOWN_CHARS] + "…")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, int) and abs(value) >= 10**SHOWN_CHARS:
        # str() of a huge int is slow and, past 4,300 digits, raises: say what it is instead.
        return f"a number of more than {SHOWN_CHARS} digits"
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def named(key: object) -> str:
    """A key as one step of a path: bare when it looks like a field name, else quoted and cut."""
    return key if isinstance(key, str) and _BARE_KEY.fullmatch(key) else shown(key)


def printable(text: str) -> str:
    """``text`` with each non-printable character escaped (``\\x1b``), for echoing a name raw."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
