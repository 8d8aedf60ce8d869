"""Countries: which custom each code falls under, as the sources tell them apart."""

from __future__ import annotations

import pytest

from sendorskip.countries import CUSTOMS, EUROPE, ISO_3166_ALPHA2, custom

CUSTOM = [
    ("JP", "japan"),
    ("GB", "uk"),  # its sources disagree, so not counted with Europe
    ("DE", "europe"),
    ("FR", "europe"),
    ("US", "usual"),
    ("BR", "usual"),
    (None, "usual"),
]


@pytest.mark.parametrize(("code", "expected"), CUSTOM)
def test_custom(code: str | None, expected: str) -> None:
    assert custom(code) == expected


def test_every_custom_is_a_valid_choice_and_europe_is_real_codes() -> None:
    assert {custom(code) for code in ISO_3166_ALPHA2} == set(CUSTOMS)
    assert EUROPE <= ISO_3166_ALPHA2
    assert "GB" not in EUROPE
    assert len(ISO_3166_ALPHA2) == 249
