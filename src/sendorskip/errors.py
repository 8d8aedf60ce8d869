"""Errors that carry every problem found, so a reader can fix them all at once."""

from __future__ import annotations

from collections.abc import Iterable


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


def shown(value: object) -> str:
    """Show a received value as the reader wrote it: JSON spelling, strings in quotes."""
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return str(value)
