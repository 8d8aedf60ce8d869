"""Words in a note: found as whole words, compared as a reader would, offsets kept in place."""

from __future__ import annotations

import pytest

from sendorskip.words import (
    _NO_MARKS,
    MARKS_KEPT,
    at_word,
    comparable,
    fold,
    has_word,
    lowered,
    one_edit_apart,
    unaccented,
)

HAS_WORD = [
    # (text, word, whole, found)
    ("Thank you, Ana.", "ana", True, True),
    ("Thank you, Anastasia.", "ana", True, False),
    ("I loved engineering here.", "engineer", False, True),
    ("I loved engineering here.", "engineer", True, False),
    ("Reengineer it.", "engineer", False, False),  # a word's start only
    ("Don\u2019t worry.", "don't", True, True),  # a curly apostrophe reads as a straight one
    ("ZOË was kind.", "zoë", True, True),
    ("Zoe\u0308 was kind.", "zoë", True, True),  # e + combining diaeresis, composed
    ("snake_case", "snake", True, False),  # an underscore joins a word
]


@pytest.mark.parametrize(("text", "word", "whole", "found"), HAS_WORD)
def test_has_word(text: str, word: str, whole: bool, found: bool) -> None:
    assert has_word(text, word, whole) is found


def test_lowered_keeps_every_character_in_its_place() -> None:
    text = "İstanbul\u2019s Team"  # İ lowers to two characters, so it stays as it is
    low = lowered(text)
    assert len(low) == len(text)
    assert low == "İstanbul's team"


def test_offsets_point_into_the_original_text() -> None:
    text = "Dear Ana, thanks. ANA again."
    spans = list(at_word(lowered(text), "ana"))
    assert [text[a:b] for a, b in spans] == ["Ana", "ANA"]


def test_fold_and_comparable() -> None:
    assert fold("Zoe\u0308\u2019S") == "zoë's"
    assert comparable("ZOE\u0308") == "zoë"


ONE_EDIT = [
    ("ruis", "ruiz", True),  # changed
    ("anna", "ana", True),  # added
    ("pria", "priya", True),  # dropped
    ("pryia", "priya", True),  # two swapped
    ("ruzi", "ruiz", True),  # two swapped at the end
    ("ruiz", "ruiz", False),  # the same
    ("rios", "ruiz", False),  # two changed
    ("ben", "ken", True),
    ("bo", "bob", False),  # too short to call a slip
    ("ruiz-lopez", "ruiz", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), ONE_EDIT)
def test_one_edit_apart(a: str, b: str, expected: bool) -> None:
    assert one_edit_apart(a, b) is expected
    assert one_edit_apart(b, a) is expected


@pytest.mark.parametrize(
    ("text", "umlauts", "plain"),
    [
        ("José", False, "Jose"),
        ("Nguyễn", False, "Nguyen"),
        ("Lefe\u0300vre", False, "Lefevre"),  # an accent typed as its own character
        ("Müller", False, "Muller"),
        ("Müller", True, "Mueller"),
        ("Großmann", True, "Grossmann"),
        ("Ana", True, "Ana"),
        (
            "\u0141ukasz S\u00f8ren Y\u0131lmaz",
            False,
            "Lukasz Soren Yilmaz",
        ),  # no accent to take off
    ],
)
def test_unaccented(text: str, umlauts: bool, plain: str) -> None:
    assert unaccented(text, umlauts) == plain


def test_the_memo_of_marks_keeps_a_bounded_number_of_characters() -> None:
    every = "".join(map(chr, range(0x4E00, 0x4E00 + 2 * MARKS_KEPT))) + "e\u0301"
    assert unaccented(every).endswith("e")
    assert len(_NO_MARKS) <= MARKS_KEPT
