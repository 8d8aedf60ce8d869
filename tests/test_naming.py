"""How a note names a person: the greeting it writes and whether a text names them."""

from __future__ import annotations

import pytest

from sendorskip.naming import names_person, salutation_name

SALUTATIONS = [
    # (name as given, formal, greeting)
    ("Ana Ruiz", False, "Ana"),
    ("Ana Ruiz", True, "Ana Ruiz"),
    ("Dr. Janet Cole", False, "Dr. Cole"),
    ("Dr. Janet Cole", True, "Dr. Cole"),
    ("Ms. Tanaka", True, "Ms. Tanaka"),
    ("Yuki  Tanaka", True, "Yuki Tanaka"),
    ("Ana", True, "Ana"),
    ("[interviewer's name]", True, "[interviewer's name]"),
    ("Prof Jane Doe", False, "Prof Doe"),  # a title without its full stop
    ("dr. jane doe", False, "dr. doe"),  # as they typed it
    ("Drew Barry", False, "Drew"),  # a name that starts like a title is a name
    ("Ana", False, "Ana"),
    ("", False, ""),
    # The family name keeps its particle and its suffix.
    ("Mr. Pieter van Dijk", False, "Mr. van Dijk"),
    ("Ms. Ana dos Santos", True, "Ms. dos Santos"),
    # A capital may start a given name as well as a family name: only the last word is sure.
    ("Ms. Ana Dos Santos", True, "Ms. Santos"),
    ("Mr. Minh Van Nguyen", True, "Mr. Nguyen"),
    ("Ms. Maria do Carmo Silva", True, "Ms. Silva"),
    ("Dr. Ana Ruiz, MD", False, "Dr. Ruiz"),  # what follows a comma is no name
    ("Dr. , MD", False, "Dr. MD"),  # nothing before it: the words as typed, the last kept
    ("Mr. Marcus Lee Jr.", False, "Mr. Lee Jr."),
    ("Dr. Lee", False, "Dr. Lee"),
    ("Mr. Lee Jr.", False, "Mr. Lee Jr."),
    # Titles of other callings, greeted the same way.
    ("Superintendent Mark Jensen", False, "Superintendent Jensen"),
    ("Father Tom Walsh", False, "Father Walsh"),
    ("Chef Ana Ruiz", False, "Chef Ruiz"),
    ("Dean Smith", False, "Dean"),  # a given name, not a title
    ("Imam Hossain Khan", False, "Imam"),
    ("Miss Jane Doe", False, "Miss Doe"),
    ("Mme. Marie Curie", False, "Mme. Curie"),  # and other languages' titles
    ("Herr Jan Müller", True, "Herr Müller"),
    # Knights and dames are greeted by title and given name.
    ("Sir David Attenborough", False, "Sir David"),
    ("Dame Judi Dench", True, "Dame Judi"),
    ("Sir Ana", False, "Sir Ana"),
    # A degree after a comma is no part of the greeting; an initial is no name to greet by.
    ("Ana Ruiz, MD", True, "Ana Ruiz"),
    ("Martin Luther King, Jr.", True, "Martin Luther King, Jr."),  # a suffix is part of it
    ("Ana Ruiz, MD", False, "Ana"),
    ("J. Robert Oppenheimer", False, "J. Robert Oppenheimer"),
    ("A. Kumar", False, "A. Kumar"),
    ("A Kumar", False, "A Kumar"),
]


@pytest.mark.parametrize(("name", "formal", "greeting"), SALUTATIONS)
def test_salutation_name(name: str, formal: bool, greeting: str) -> None:
    assert salutation_name(name, formal=formal) == greeting


@pytest.mark.parametrize(
    ("text", "name", "named"),
    [
        ("When Mark asked about leases, I mixed them up.", "Mark Delaney", True),
        ("I told Mark Delaney I had used SAP.", "Mark Delaney", True),
        ("When Dr. Lee asked, I said two years.", "Dr. Wei Lee", True),
        ("When Marko asked, I said two years.", "Mark Delaney", False),  # another name
        ("Please mark it as three years.", "Mark Delaney", False),  # a word, not the name
        ("Jean-Luc asked about it.", "Jean Dupont", False),  # another name, hyphenated
        ("I said I could start in June.", "June Park", False),  # a month
    ],
)
def test_names_person(text: str, name: str, named: bool) -> None:
    assert names_person(text, name) is named
