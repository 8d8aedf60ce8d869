"""The draft checker: runs each check's detector over the reader's notes.

Findings carry offsets into the note they concern, so the page can highlight them in place: in
code points (Python's indexing) and in UTF-16 code units (JavaScript's), widened so that a
highlight never splits an emoji from its modifiers or a letter from its accent. The text itself
never leaves this function. Every detector is linear in the length of a note; the near-duplicate
one compares each pair of notes, and a request holds few notes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .checks import Check
from .greetings import (
    greeted,
    mentions,
    misnamed,
    name_parts,
    names,
    other_half,
    titled_full_name,
)
from .situation import Situation
from .specifics import specific
from .words import (
    TOKEN,
    Span,
    comparable,
    fold,
    has_word,
    lowered,
    starts_a_word,
)

WORD = re.compile(r"\S+")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
ZWJ = "\u200d"
# A hostile note ("!" ten thousand times) would otherwise give a finding per character; the
# reader needs the first few to see the point, and the bound keeps a request fast at its caps.
MAX_PLACES = 20
LEVELS = frozenset({"senior", "sr", "junior", "jr", "i", "ii", "iii", "iv"})


@dataclass(frozen=True)
class Note:
    text: str
    to: str | None = None


# One problem, one finding: a greeting to someone else is also a note that does not name its
# recipient, and wrong-name says which. Name-missing yields to it on the same note, and still
# reports the note where a center has switched wrong-name off.
YIELDS_TO = {"name-missing": "wrong-name"}


@dataclass(frozen=True)
class Finding:
    check: Check
    note: int
    start: int
    end: int
    start_utf16: int
    end_utf16: int


Detector = Callable[[Check, Sequence[Note], int, Situation | None], Iterator[Span]]


def _pattern(check: Check, notes: Sequence[Note], i: int, s: Situation | None) -> Iterator[Span]:
    """Matches of the check's patterns. One starting inside a word is skipped, so patterns need
    no leading \\b (which would cost the engine its fast search for their first word)."""
    if check.params["unless_specific"] and specific(notes[i].text, notes[i].to, s):
        return
    text = notes[i].text if check.params["match_case"] else lowered(notes[i].text)
    for pattern in check.params["patterns"]:
        for m in pattern.finditer(text):
            if starts_a_word(text, m.start()):
                yield m.span()


def _whole(text: str) -> Span:
    return (0, len(text))


def _first_line(text: str) -> Span:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return (start, len(text) if end < 0 else end)


def _no_specifics(
    check: Check, notes: Sequence[Note], i: int, situation: Situation | None
) -> Iterator[Span]:
    if not specific(notes[i].text, notes[i].to, situation):
        yield _whole(notes[i].text)


@lru_cache(maxsize=64)
def _shingles(note: Note) -> frozenset[int]:
    """Three-word sequences of the note (hashed), without the recipient's name: set operations
    on these cost time linear in the note's length, where an edit distance costs its square."""
    low = comparable(note.text)
    parts = sorted(name_parts(note.to or ""), key=len, reverse=True)
    if parts:  # one pass for every word of the name, each a word of its own
        either = "|".join(map(re.escape, parts))
        low = re.sub(rf"(?<!\w)(?:{either})(?!\w)", " ", low)
    words = low.split()
    return frozenset(map(hash, zip(words, words[1:], words[2:], strict=False)))


def _near_duplicate(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    mine, threshold = _shingles(notes[i]), check.params["threshold"]
    for other in map(_shingles, notes[:i]):
        small, large = sorted((len(mine), len(other)))
        if not mine or small < threshold * large:
            continue  # the overlap cannot reach the threshold: skip counting it
        shared = len(mine & other)
        if shared / (small + large - shared) >= threshold:
            yield _whole(notes[i].text)
            return


# A line that closes a letter ("Kind regards,"): what follows it is the signature, if it is
# short and holds no postscript ("P.S."), which the reader reads as part of the note.
SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:best|kind|warm|warmest|kindest|with (?:best|kind|warm)) (?:regards|wishes)|"
    r"best|regards|warmly|sincerely(?: yours)?|yours (?:sincerely|truly|faithfully)|"
    r"respectfully(?: yours)?|(?:many )?thanks(?: again)?|with thanks|thank you(?: again)?|"
    r"cheers|all the best|take care)[ \t]*[,.!]?[ \t]*\r?$",
    re.I | re.M,
)
SIGNATURE_WORDS = 40
POSTSCRIPT = re.compile(r"^[ \t]*p\.?[ \t]?s\b", re.I | re.M)


def _too_long(check: Check, notes: Sequence[Note], i: int, _: Situation | None) -> Iterator[Span]:
    """Words past the limit, up to the sign-off: a signature's name, title, phone and address
    are no part of what the reader reads as the note."""
    text = notes[i].text
    signed = list(SIGN_OFF.finditer(text))
    tail = text[signed[-1].end() :] if signed else ""
    short = len(tail.split()) <= SIGNATURE_WORDS and not POSTSCRIPT.search(tail)
    end = signed[-1].start() if signed and short else len(text)
    limit = int(check.params["max_words"])
    beyond = next(islice(WORD.finditer(text, 0, end), limit, None), None)
    if beyond:
        yield (beyond.start(), len(text[:end].rstrip()))  # to the last word, not the blank after


def _wrong_name(check: Check, notes: Sequence[Note], i: int, _: Situation | None) -> Iterator[Span]:
    span = misnamed(notes[i].text, notes[i].to)
    if span:
        yield span


def _title_full_name(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    span = titled_full_name(notes[i].text, notes[i].to)
    if span:
        yield span


def _name_missing(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    note = notes[i]
    if not note.to or note.to.startswith("["):
        return
    found = greeted(note.text) if "@" not in note.to else None
    if found and other_half(note.to, found[1]):
        return  # "Dear Ms. Adebayo" to "Kemi" may well name her
    parts = name_parts(note.to)
    if found and names(note.text[slice(*found[0])], parts):
        return  # "Dear Bob" to Robert Smith
    # A sign-off's words name no one ("Best regards" to Karen Best), nor a word in lower case.
    if not mentions(SIGN_OFF.sub("", note.text), parts, capitalised=True):
        yield _first_line(note.text)


def _title_missing(
    check: Check, notes: Sequence[Note], i: int, situation: Situation | None
) -> Iterator[Span]:
    """The title's words, each as the start of a word (engineer: engineering), level words
    (Senior, II) optional."""
    title = situation.job_title if situation else None
    if not title:
        return
    title = fold(title).replace("-", " ")
    wanted = [w for w in TOKEN.findall(title) if w not in LEVELS] or [title.strip()]
    stems = [w[: max(4, len(w) - 2)] for w in wanted]
    if not all(has_word(notes[i].text, stem, whole=False) for stem in stems):
        yield _first_line(notes[i].text)


def _repeated_mark(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    # Not the mark of an operator a note may quote ("if x != null"); a run ("!!!") is one place
    # to fix, so one highlight.
    one = f"{re.escape(check.params['mark'])}(?!=)"
    text = notes[i].text
    if len(re.findall(one, text)) > check.params["max"]:
        yield from (m.span() for m in re.finditer(f"(?:{one})+", text))


# A sentence, or a line without a full stop ("Best regards,"): what a note says once.
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def _said_twice(check: Check, notes: Sequence[Note], i: int, _: Situation | None) -> Iterator[Span]:
    """Each run of sentences the note has already said (a note pasted in twice is one run), if
    the run holds one of at least ``min_words`` words: "Thank you. Thank you." is left alone."""
    least = check.params["min_words"]
    seen: set[str] = set()
    start = end = -1  # the run so far; -1: none
    long = False
    for m in SENTENCE.finditer(lowered(notes[i].text)):  # lowered keeps every offset
        words = m[0].split()
        key = " ".join(words).rstrip(".!?")
        if not key:
            continue
        if key not in seen:
            if start >= 0 and long:
                yield start, end
            start, long = -1, False
            seen.add(key)
            continue
        if start < 0:
            start = m.start() + len(m[0]) - len(m[0].lstrip())
        end, long = m.end(), long or len(words) >= least
    if start >= 0 and long:
        yield start, end


DETECT: dict[str, Detector] = {
    "pattern": _pattern,
    "no-specifics": _no_specifics,
    "near-duplicate": _near_duplicate,
    "too-long": _too_long,
    "name-missing": _name_missing,
    "wrong-name": _wrong_name,
    "title-full-name": _title_full_name,
    "title-missing": _title_missing,
    "repeated-mark": _repeated_mark,
    "said-twice": _said_twice,
}


def _joins_previous(text: str, i: int) -> bool:
    """Is ``text[i]`` part of the same visible character as ``text[i - 1]``? Accents and other
    combining marks, variation selectors, skin tones, emoji tags, and either side of a
    zero-width joiner (a family emoji is several joined)."""
    ch = text[i]
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or ch == ZWJ
        or text[i - 1] == ZWJ
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
        or "\U000e0020" <= ch <= "\U000e007f"
    )


def _widen(text: str, start: int, end: int) -> Span:
    while 0 < start < len(text) and _joins_previous(text, start):
        start -= 1
    while 0 < end < len(text) and _joins_previous(text, end):
        end += 1
    return start, end


def _utf16(text: str) -> Callable[[int], int]:
    """Code-point offset -> UTF-16 offset: each character beyond U+FFFF before it adds one."""
    astral = [m.start() for m in ASTRAL.finditer(text)]
    return lambda offset: offset + bisect_left(astral, offset)


def run(
    checks: Sequence[Check], notes: Sequence[Note], situation: Situation | None
) -> list[Finding]:
    found: dict[tuple[int, int, int, str], Finding] = {}
    for i, note in enumerate(notes):
        utf16 = _utf16(note.text)
        for check in checks:
            for span in islice(DETECT[check.detector](check, notes, i, situation), MAX_PLACES):
                start, end = _widen(note.text, *span)
                found[i, start, end, check.id] = Finding(
                    check, i, start, end, utf16(start), utf16(end)
                )
    # Two patterns of one check may match the same words: the key keeps one finding.
    kept = [found[key] for key in sorted(found)]
    seen = {(f.note, f.check.detector) for f in kept}
    return [f for f in kept if (f.note, YIELDS_TO.get(f.check.detector)) not in seen]
