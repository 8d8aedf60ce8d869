"""Countries: which custom each code falls under, as the sources tell them apart."""

from __future__ import annotations

import pytest

from sendorskip.countries import (
    CUSTOMS,
    EUROPE,
    ISO_3166_ALPHA2,
    NAMES,
    USUAL,
    by_name,
    code_of,
    custom,
)

CUSTOM = [
    ("JP", "japan"),
    ("GB", "uk"),  # its sources disagree, so not counted with Europe
    ("DE", "europe"),
    ("FR", "europe"),
    ("US", "usual"),
    ("PR", "usual"),  # a US territory
    ("BR", "elsewhere"),  # no source names it
    ("IN", "elsewhere"),
    ("CA", "usual"),  # a survey there: HR managers weigh a note
    (None, "usual"),
]


@pytest.mark.parametrize(("code", "expected"), CUSTOM)
def test_custom(code: str | None, expected: str) -> None:
    assert custom(code) == expected


def test_every_custom_is_a_valid_choice_and_europe_is_real_codes() -> None:
    assert {custom(code) for code in ISO_3166_ALPHA2} == set(CUSTOMS)
    assert EUROPE <= ISO_3166_ALPHA2
    assert "GB" not in EUROPE
    assert USUAL <= ISO_3166_ALPHA2
    assert len(ISO_3166_ALPHA2) == 249


NAMED = [
    ("Denmark", "DK"),
    ("  denmark ", "DK"),
    ("ÅLAND ISLANDS", "AX"),
    ("Aland Islands", "AX"),  # accents aside
    ("Cote d\u2019Ivoire", "CI"),
    ("Cote d'Ivoire", "CI"),  # the apostrophe a keyboard types
    ("United Kingdom", "GB"),
    ("UK", None),  # a code, not a name
    ("De", None),
    ("Atlantis", None),
]


@pytest.mark.parametrize(("name", "code"), NAMED)
def test_code_of_a_name(name: str, code: str | None) -> None:
    assert code_of(name) == code


def test_every_name_leads_back_to_its_code_and_the_list_is_alphabetical() -> None:
    assert all(code_of(name) == code for code, name in NAMES.items())
    assert len(set(NAMES.values())) == len(NAMES)
    listed = [name for _, name in by_name()]
    assert listed[:3] == ["Afghanistan", "Åland Islands", "Albania"] and listed[-1] == "Zimbabwe"
