"""Greetings: whom a note's salutation names, and whether that is the person it is to."""

from __future__ import annotations

import pytest

from sendorskip.greetings import (
    greeted,
    mentions,
    misnamed,
    name_parts,
    other_half,
    short_for,
    titled_full_name,
)

NAME_PARTS = [
    ("Ana Ruiz", ["ana", "ruiz"]),
    ("Dr. Wei Liu", ["wei", "liu"]),  # no honorific
    ("J. Smith", ["smith"]),  # no initial
    ("m.santos@example.com", ["santos"]),  # an address: its local part
    ("Siobhan O\u2019Brien", ["siobhan", "o'brien"]),  # apostrophes straightened
    ("Superintendent Mark Jensen", ["mark", "jensen"]),  # a title leads the name
    ("Ana Judge", ["ana", "judge"]),  # later, the same word is a name
]


@pytest.mark.parametrize(("name", "parts"), NAME_PARTS)
def test_name_parts(name: str, parts: list[str]) -> None:
    assert name_parts(name) == parts


GREETED = [
    # (note, the greeted name, with an honorific)
    ("Dear Ana, thanks.", "Ana", False),
    ("Dear Ms. Ruiz, thanks.", "Ruiz", True),
    ("Subject: Tuesday\n\nGood morning, Dr. Okafor - thanks.", "Okafor", True),
    ("Hi Ruth and Tom,\nthanks.", "Ruth and Tom", False),
    ("Dear Pryia. Thanks.", "Pryia", False),
    ("Dear hiring team, thanks.", None, False),  # a group names nobody
    ("Dear Sir or Madam, thanks.", None, False),
    ("Thanks for your time.", None, False),  # no greeting at all
    ("Dear  " + "a" * 10_000, None, False),  # not a name: no capital
]


@pytest.mark.parametrize(("text", "name", "titled"), GREETED)
def test_greeted(text: str, name: str | None, titled: bool) -> None:
    found = greeted(text)
    if name is None:
        assert found is None
    else:
        assert found is not None
        (start, end), was_titled = found
        assert (text[start:end], was_titled) == (name, titled)


OTHER_HALF = [
    # Given one name, a greeting by the half we were not told may be right.
    ("Kemi", True, True),  # "Dear Ms. Adebayo" to "Kemi"
    ("Kemi", False, False),  # "Dear Tolu" to "Kemi": not her other half
    ("Dr. Liu", False, True),  # "Hi Wei" to "Dr. Liu"
    ("Ana Ruiz", True, False),  # both halves given: nothing is unknown
]


@pytest.mark.parametrize(("to", "titled", "maybe"), OTHER_HALF)
def test_other_half(to: str, titled: bool, maybe: bool) -> None:
    assert other_half(to, titled) is maybe


MISNAMED = [
    # (note, to, the words a reader sees marked)
    ("Dear Ben, hi.", "Ana Ruiz", "Ben"),
    ("Dear Ana Ruis, hi.", "Ana Ruiz", "Ruis"),  # partly theirs, one slip away
    ("Dear Ms. Ruzi, hi.", "Ana Ruiz", "Ruzi"),
    ("Dear Ana, hi.", "Ana Ruiz", None),
    ("Dear Ana Ruiz-Lopez, hi.", "Ana Ruiz", None),  # a double name is no slip
    ("Dear Maria, hi.", "m.santos@example.com", None),  # an address: nothing to compare
    ("Dear Lee, hi.", "[Interviewer]", None),
    ("Dear Lee, hi.", None, None),
    # A short form of their name names them; a slip in it, or in the rest, does not.
    ("Dear Bob, hi.", "Robert Smith", None),
    ("Dear Chris Lee, hi.", "Christopher Lee", None),
    ("Dear Bob Smtih, hi.", "Robert Smith", "Smtih"),
    ("Dear Bbo, hi.", "Robert Smith", "Bbo"),
    ("Dear Pete, hi.", "Peter Jones", None),  # a known short form, though one letter short
    ("Dear Robert, hi.", "Bob Smith", None),  # a known short form, either way round
    # A start the other way round, or of a family name, may be another person.
    ("Dear Christopher, hi.", "Chris Lee", "Christopher"),
    ("Dear Danielle, hi.", "Dan Lee", "Danielle"),
    ("Dear John, hi.", "Priya Johnson", "John"),
    ("Dear Daniel, hi.", "Danielle Ortiz", "Daniel"),  # another name, not a short form
    ("Dear Ali, hi.", "Alice Wong", "Ali"),
    # To several people: any of them, titled or not, may be the recipient.
    ("Dear Dr. Lee and Dr. Kim, hi.", "Dr. Kim", None),
    ("Dear Ruth and Tom, hi.", "Priya Shah", "Ruth and Tom"),
    ("Dear Dr. Lee and Dr. Kim, at Park Street, hi.", "Dr. Park", "Lee and Dr"),
    # "and" or "van" is no slip of "Ana" or "Ivan".
    ("Dear Ms. Ruiz and Mr. Ode, hi.", "Ana Ruiz", None),
    ("Dear Mr. van Dijk, hi.", "Ivan van Dijk", None),
    # With or without its accents, or its umlauts written out, a name is theirs.
    ("Dear José, hi.", "Jose Ortega", None),
    ("Dear Jose, hi.", "José Ortega", None),
    ("Dear Mr. Mueller, hi.", "Jan Müller", None),
    ("Dear Mr. Müller, hi.", "Jan Mueller", None),
    ("Dear Mr. Muller, hi.", "Jan Müller", None),
    ("Dear Ms. Nguyễn, hi.", "Lan Nguyen", None),
    ("Dear Ms. Ngyuen, hi.", "Lan Nguyễn", "Ngyuen"),  # a slip is still one
    ("Dear Debbie, hi.", "Deborah Lane", None),
    ("Dear Ms. Judge, hi.", "Ana Judge", None),  # a family name that is also a title
    ("Dear Lukasz, hi.", "Łukasz Nowak", None),
    ("Dear Ms. Yilmaz, hi.", "Ay\u015fe Y\u0131lmaz", None),
]


@pytest.mark.parametrize(("text", "to", "marked"), MISNAMED)
def test_misnamed(text: str, to: str | None, marked: str | None) -> None:
    span = misnamed(text, to)
    assert (text[span[0] : span[1]] if span else None) == marked


SHORT_FOR = [
    # (greeted word, folded; a word of the recipient's name; a short form of it)
    ("chris", "christopher", True),  # its start
    ("sam", "samantha", True),
    ("bob", "robert", True),  # a known short form (SHORT_FORMS)
    ("pepe", "jose", True),
    ("jo", "joanna", False),  # two letters start too many names
    ("daniel", "danielle", False),  # a start that leaves under three letters is another name
    ("ali", "alice", False),
    ("robert", "bob", True),  # a known short form, either way round
    ("christopher", "chris", False),  # a start, the other way round, may be another name
    ("danielle", "dan", False),
    ("pete", "peter", True),
    ("sophia", "sophie", True),
    ("ana", "ana", False),  # the name itself, not a short form of it
    ("anna", "ana", False),  # longer: a slip, for misnamed to mark
    ("bob", "roberta", False),
]


@pytest.mark.parametrize(("word", "part", "short"), SHORT_FOR)
def test_short_for(word: str, part: str, short: bool) -> None:
    assert short_for(word, part) is short


TITLED_FULL_NAME = [
    # (note, to, the words a reader sees marked)
    ("Dear Ms. Janet Cole, hi.", "Janet Cole", "Janet Cole"),
    ("Dear Mrs. Claire Anne Dunn, hi.", "Claire Dunn", "Claire Anne Dunn"),
    ("Hello Mr. Pieter van Dijk, hi.", "Pieter van Dijk", "Pieter van Dijk"),
    ("Dear Mr. Bob Smith, hi.", "Robert Smith", "Bob Smith"),  # a short form is their first name
    ("Dear Mr. Williams, hi.", "Will Williams", None),  # a family name that starts like the first
    ("Dear Ms. Cole, hi.", "Janet Cole", None),
    ("Dear Janet Cole, hi.", "Janet Cole", None),  # no title
    ("Dear Superintendent Mark Jensen, hi.", "Mark Jensen", "Mark Jensen"),
    # A family name of two words, with a particle or a suffix, is no whole name.
    ("Dear Mr. García Márquez, hi.", "Gabriel García Márquez", None),
    ("Dear Ms. Dos Santos, hi.", "Ana Dos Santos", None),
    ("Dear Mr. van Dijk, hi.", "Pieter van Dijk", None),
    ("Dear Mr. Lee Jr., hi.", "Marcus Lee Jr.", None),
    ("Dear Dr. Lee and Dr. Kim, hi.", "Dr. Kim", None),  # two people, one name each
    # Nothing tells a first name from a family name: no recipient, or one word of their name.
    ("Dear Ms. Janet Cole, hi.", None, None),
    ("Dear Dr. Wei Liu, hi.", "Dr. Liu", None),
    ("Dear Ms. Janet Cole, hi.", "[Interviewer]", None),
]


@pytest.mark.parametrize(("text", "to", "marked"), TITLED_FULL_NAME)
def test_titled_full_name(text: str, to: str | None, marked: str | None) -> None:
    span = titled_full_name(text, to)
    assert (text[span[0] : span[1]] if span else None) == marked


@pytest.mark.parametrize(
    ("text", "name", "anywhere", "as_a_name"),
    [
        ("Karen, thank you.", "Karen Best", True, True),
        ("I will do my best.", "Karen Best", True, False),  # a word, not her name
        ("THANK YOU, KAREN", "Karen Best", True, True),
        ("Dear Ms. O\u2019Brien", "Siobhan O'Brien", True, True),
        ("Gracias, José.", "Jose Ortega", True, True),
        ("thanks, josé", "Jose Ortega", True, False),
        ("Grüße an Herrn Mueller", "Jan Müller", True, True),
        ("Bestwick sends his regards", "Karen Best", False, False),  # part of another word
        ("Merci, M. d'Arcy.", "Jean d'Arcy", True, True),  # a capital further in
        ("Thank you, \uc9c0\ubbfc.", "\uae40 \uc9c0\ubbfc", True, True),  # Hangul: no case
        ("Thanks again, Will.", "Will Turner", True, True),
        ("I will send it. " * 10 + "Thanks again, Will.", "Will Turner", True, False),  # bound
    ],
)
def test_mentions(text: str, name: str, anywhere: bool, as_a_name: bool) -> None:
    parts = name_parts(name)
    assert (mentions(text, parts), mentions(text, parts, capitalised=True)) == (anywhere, as_a_name)
