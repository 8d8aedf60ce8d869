"""The draft checker: runs each check's detector over the reader's notes.

Findings carry character offsets into the note they concern, so the browser can highlight them
in place; the text itself never leaves this function.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .checks import Check
from .situation import Situation

WORD = re.compile(r"\S+")
SIGNIFICANT = re.compile("[A-Za-z][A-Za-z'\u2019-]{3,}")


@dataclass(frozen=True)
class Note:
    text: str
    to: str | None = None


@dataclass(frozen=True)
class Finding:
    check: Check
    note: int
    start: int
    end: int


Span = tuple[int, int]
Detector = Callable[[Check, Sequence[Note], int, Situation | None], Iterator[Span]]


def _pattern(check: Check, notes: Sequence[Note], i: int, _: Situation | None) -> Iterator[Span]:
    for pattern in check.params["patterns"]:
        for m in pattern.finditer(notes[i].text):
            yield m.span()


def _whole(text: str) -> Span:
    return (0, len(text))


def _first_line(text: str) -> Span:
    return (0, len(text.split("\n", 1)[0]))


def _terms(situation: Situation, to: str | None) -> set[str]:
    """Words from what the reader said they discussed: a note using any of them is specific."""
    people = [
        p for p in situation.interviewers if to is None or p.name == to
    ] or situation.interviewers
    said = [t for p in people for t in p.topics]
    said += [situation.highlights or "", situation.forgot_to_mention or ""]
    return {w.lower() for text in said for w in SIGNIFICANT.findall(text)}


def _no_specifics(
    check: Check, notes: Sequence[Note], i: int, situation: Situation | None
) -> Iterator[Span]:
    text = notes[i].text
    if any(p.search(text) for p in check.params["patterns"]):
        return
    if situation is not None:
        terms = _terms(situation, notes[i].to)
        if terms & {w.lower() for w in SIGNIFICANT.findall(text)}:
            return
    yield _whole(text)


def _normalised(note: Note) -> str:
    text = note.text.lower()
    for part in (note.to or "").lower().split():
        text = text.replace(part, "")
    return " ".join(text.split())


def _near_duplicate(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    mine = _normalised(notes[i])
    for other in notes[:i]:
        ratio = difflib.SequenceMatcher(None, mine, _normalised(other), autojunk=False).ratio()
        if mine and ratio >= check.params["threshold"]:
            yield _whole(notes[i].text)
            return


def _too_long(check: Check, notes: Sequence[Note], i: int, _: Situation | None) -> Iterator[Span]:
    text = notes[i].text
    words = list(WORD.finditer(text))
    limit = int(check.params["max_words"])
    if len(words) > limit:
        yield (words[limit].start(), len(text))


def _name_missing(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    note = notes[i]
    if not note.to or note.to.startswith("["):
        return
    parts = [p for p in re.split(r"[\s.]+", note.to) if len(p) > 1]
    if not any(re.search(rf"\b{re.escape(p)}\b", note.text, re.IGNORECASE) for p in parts):
        yield _first_line(note.text)


def _title_missing(
    check: Check, notes: Sequence[Note], i: int, situation: Situation | None
) -> Iterator[Span]:
    title = situation.job_title if situation else None
    if title and title.lower() not in notes[i].text.lower():
        yield _first_line(notes[i].text)


def _repeated_mark(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    mark, text = check.params["mark"], notes[i].text
    places = [m.start() for m in re.finditer(re.escape(mark), text)]
    if len(places) > check.params["max"]:
        yield from ((p, p + len(mark)) for p in places)


DETECT: dict[str, Detector] = {
    "pattern": _pattern,
    "no-specifics": _no_specifics,
    "near-duplicate": _near_duplicate,
    "too-long": _too_long,
    "name-missing": _name_missing,
    "title-missing": _title_missing,
    "repeated-mark": _repeated_mark,
}


def run(
    checks: Sequence[Check], notes: Sequence[Note], situation: Situation | None
) -> list[Finding]:
    findings = [
        Finding(check, i, start, end)
        for i in range(len(notes))
        for check in checks
        for start, end in DETECT[check.detector](check, notes, i, situation)
    ]
    return sorted(findings, key=lambda f: (f.note, f.start, f.end, f.check.id))
