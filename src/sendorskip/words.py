"""Words in a note: folded for comparing, found as whole words, every offset kept in place.

The draft checks look for words in the reader's own text, which has curly apostrophes, accents
and capitals; these helpers compare it as a reader would, without moving any character, so
that what they find can be highlighted exactly where it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

Span = tuple[int, int]

# A word: letters, with apostrophes or hyphens inside it (O'Brien, on-call, team's).
TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
APOSTROPHES = ("\u2019", "\u2018", "\u02bc")


def straight(text: str) -> str:
    """Curly apostrophes made straight, each character in its place (replace is faster than
    translate here)."""
    for curly in APOSTROPHES:
        text = text.replace(curly, "'")
    return text


def fold(text: str) -> str:
    """For comparing words, never for offsets: composed accents, straight apostrophes, no case."""
    return straight(unicodedata.normalize("NFC", text)).lower()


# How a German umlaut is written without it: "Müller" is also "Mueller".
UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
# Letters that are not a letter and an accent, so Unicode cannot take one off: written plain.
PLAIN = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "\u0131": "i", "æ": "ae",
        "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ħ": "h",
    }
)  # fmt: skip


def unaccented(text: str, umlauts: bool = False) -> str:
    """For comparing names, never for offsets: without accents ("José" is "Jose", "Nguyễn"
    "Nguyen"), and with ``umlauts`` written out first ("Müller" is "Mueller")."""
    if text.isascii():
        return text
    text = (text.translate(UMLAUTS) if umlauts else text).translate(PLAIN)
    # Composed again after: a script whose letters decompose into letters, not marks (Hangul
    # syllables into jamo), must compare with text as it is written.
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_NO_MARKS))


class _Marks(dict[int, int | None]):
    """For str.translate: a combining mark to nothing, any other character to itself, each
    character's answer worked out once, so a long note is stripped at the speed of C. It keeps
    the first MARKS_KEPT characters it meets (a few hundred in any real note): a note of every
    character Unicode has would otherwise keep a million."""

    def __missing__(self, code: int) -> int | None:
        mark = None if unicodedata.combining(chr(code)) else code
        if len(self) < MARKS_KEPT:
            self[code] = mark
        return mark


MARKS_KEPT = 4096


_NO_MARKS = _Marks()


@lru_cache(maxsize=64)
def lowered(text: str) -> str:
    """The text in lower case with straight apostrophes, each character still in its place."""
    text = straight(text)
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few letters lower to two characters (İ); those stay as they are.
    return "".join(c if len(c.lower()) > 1 else c.lower() for c in text)


def starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (wordish(text[start - 1]) and wordish(text[start]))


def wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=64)
def comparable(text: str) -> str:
    """The note lowered, accents composed: what names and titles are looked for in."""
    low = lowered(text)
    return low if low.isascii() else unicodedata.normalize("NFC", low)


def at_word(low: str, word: str, whole: bool = True) -> Iterator[Span]:
    """Where ``word`` is in ``low`` as a word of its own (or, not ``whole``, as a word's start:
    engineer in engineering): a plain substring search, then a look at both ends."""
    for m in re.finditer(re.escape(word), low):
        start, end = m.span()
        if starts_a_word(low, start) and (not whole or end == len(low) or not wordish(low[end])):
            yield start, end


def has_word(text: str, word: str, whole: bool = True) -> bool:
    return next(at_word(comparable(text), word, whole), None) is not None


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter changed, added, dropped or two swapped: a slip of
    the keyboard ("Ruis" for "Ruiz", "Pryia" for "Priya"). Linear: find the first difference,
    then compare what follows it once."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 3:
        return False
    head = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    tail_a, tail_b = a[head:], b[head:]
    if len(a) == len(b):
        # One letter changed, or two neighbours swapped.
        return tail_a[1:] == tail_b[1:] or (
            tail_a[:2] == tail_b[1::-1] and tail_a[2:] == tail_b[2:]
        )
    longer, shorter = (tail_a, tail_b) if len(a) > len(b) else (tail_b, tail_a)
    return longer[1:] == shorter
