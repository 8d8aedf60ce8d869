"""Material's colour names checked exactly, and a warning for a primary colour below WCAG AA."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip.errors import choices
from sendorskip.site.palette import (
    ACCENTS,
    COLOURS,
    PASSING,
    PRIMARY,
    check_palette,
    contrast,
    readable,
)

FILE = "center.yml"
PRIMARY_IS = f"expected one of {choices(COLOURS)}; got"
ACCENT_IS = f"expected one of {choices(ACCENTS)}; got"
READABLE = f"readable choices: {choices(PASSING)}."

# (palette as a center wrote it, problems, warnings)
CASES: list[tuple[str, Any, list[str], list[str]]] = [
    ("ours", {"primary": "indigo", "accent": "indigo"}, [], []),
    ("no colours at all", {"scheme": "slate"}, [], []),
    (
        "black, white, custom",
        [{"primary": "black"}, {"primary": "white"}, {"primary": "custom"}],
        [],
        [],
    ),
    (
        "an unknown name",
        {"primary": "sea green"},
        [f"{FILE}: theme.palette.primary: {PRIMARY_IS} 'sea green'."],
        [],
    ),
    (
        "capitals",
        [{}, {"primary": "Deep Purple"}],
        [
            f"{FILE}: theme.palette[1].primary: {PRIMARY_IS} 'Deep Purple' (Material knows only "
            "its lower-case spelling, 'deep purple')."
        ],
        [],
    ),
    (
        "a primary colour that is no accent",
        {"accent": "brown"},
        [f"{FILE}: theme.palette.accent: {ACCENT_IS} 'brown'."],
        [],
    ),
    ("a number", {"accent": 7}, [f"{FILE}: theme.palette.accent: {ACCENT_IS} 7."], []),
    (
        "a list",
        {"primary": ["red"]},
        [f"{FILE}: theme.palette.primary: {PRIMARY_IS} a list."],
        [],
    ),
    (
        "hard to read on white",
        [{"scheme": "default", "primary": "teal"}],
        [],
        [
            f"{FILE}: theme.palette[0].primary: 'teal' is hard to read: its text contrast is "
            f"3.8:1, and WCAG AA asks for 4.5:1; {READABLE}"
        ],
    ),
    (
        "no scheme is the light one",
        {"primary": "amber"},
        [],
        [
            f"{FILE}: theme.palette.primary: 'amber' is hard to read: its text contrast is "
            f"1.6:1, and WCAG AA asks for 4.5:1; {READABLE}"
        ],
    ),
    # In the dark scheme links are not the primary colour on white: only the header counts.
    ("amber on slate", {"scheme": "slate", "primary": "amber"}, [], []),
    (
        "cyan is hard to read in both",
        {"scheme": "slate", "primary": "cyan"},
        [],
        [
            f"{FILE}: theme.palette.primary: 'cyan' is hard to read: its text contrast is 2.3:1, "
            f"and WCAG AA asks for 4.5:1; {READABLE}"
        ],
    ),
    ("an entry that is not settings", ["indigo", {"primary": "indigo"}], [], []),
]


@pytest.mark.parametrize(
    ("palette", "problems", "warnings"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_check_palette(palette: Any, problems: list[str], warnings: list[str]) -> None:
    found: tuple[list[str], list[str]] = ([], [])
    check_palette(FILE, palette, *found)
    assert found == (problems, warnings)


CONTRASTS = [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#000000", 21.0),  # either order
    ("#757575", "#757575", 1.0),
    ("#757575", "#ffffff", 4.61),  # Material's grey: the classic just-AA grey
    ("#4051b5", "#ffffff", 6.86),
]


@pytest.mark.parametrize(("a", "b", "ratio"), CONTRASTS)
def test_contrast_is_wcag_2(a: str, b: str, ratio: float) -> None:
    assert contrast(a, b) == pytest.approx(ratio, abs=0.005)


def test_readable_takes_the_worse_of_header_and_links_in_the_light_scheme() -> None:
    # Lime's header has dark text (10.6:1) but its links on white are 1.5:1.
    assert readable("lime", "slate") == pytest.approx(10.61, abs=0.005)
    assert readable("lime", "default") == pytest.approx(1.52, abs=0.005)


def test_the_readable_choices() -> None:
    assert PASSING == ("purple", "deep purple", "indigo", "brown", "grey", "blue grey")


def test_material_names_every_accent_as_a_colour_and_every_measured_one_has_hex() -> None:
    assert set(ACCENTS) < set(COLOURS)
    assert all(len(c) == len(t) == 7 and c[0] == t[0] == "#" for c, t in PRIMARY.values())
