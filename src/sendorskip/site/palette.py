"""Material's colour names, exactly as Material spells them, and whether a palette can be read.

Material silently falls back to indigo for a name it does not know (``Green``, ``sea green``),
so names are checked exactly. Its primary colour is both the header (with white or near-black
text on it) and, in the light scheme, the colour of every link on the white page: a primary
colour below WCAG AA contrast (4.5:1 for body text) makes the site hard to read, so the build
warns. The hex values are Material 9.7's (``palette.css``), the version requirements-dev.txt pins.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import choices, shown

# name -> (primary colour, text colour on it)
WHITE, INK = "#ffffff", "#212121"  # INK: Material's black at 87 % opacity, over white
PRIMARY: dict[str, tuple[str, str]] = {
    "red": ("#ef5552", WHITE),
    "pink": ("#e92063", WHITE),
    "purple": ("#ab47bd", WHITE),
    "deep purple": ("#7e56c2", WHITE),
    "indigo": ("#4051b5", WHITE),
    "blue": ("#2094f3", WHITE),
    "light blue": ("#02a6f2", WHITE),
    "cyan": ("#00bdd6", WHITE),
    "teal": ("#009485", WHITE),
    "green": ("#4cae4f", WHITE),
    "light green": ("#8bc34b", WHITE),
    "lime": ("#cbdc38", INK),
    "yellow": ("#ffec3d", INK),
    "amber": ("#ffc105", INK),
    "orange": ("#ffa724", INK),
    "deep orange": ("#ff6e42", WHITE),
    "brown": ("#795649", WHITE),
    "grey": ("#757575", WHITE),
    "blue grey": ("#546d78", WHITE),
}
# "black", "white" and "custom" (your own CSS) are valid but have no one colour to measure.
COLOURS = (*PRIMARY, "black", "white", "custom")
ACCENTS = tuple(c for c in COLOURS if c not in ("brown", "grey", "blue grey", "black", "white"))
AA = 4.5


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(name: str, scheme: str) -> float:
    """The lowest contrast a primary colour gives: header text, and links on a white page."""
    colour, text = PRIMARY[name]
    pairs = [(colour, text)] + ([(colour, WHITE)] if scheme != "slate" else [])
    return min(contrast(a, b) for a, b in pairs)


PASSING = tuple(name for name in PRIMARY if readable(name, "default") >= AA)


def check_palette(file: str, palettes: Any, problems: list[str], warnings: list[str]) -> None:
    """Exact names for ``primary`` and ``accent``; a warning for a primary below WCAG AA."""
    entries = palettes if isinstance(palettes, list) else [palettes]
    for i, palette in enumerate(entries):
        if not isinstance(palette, Mapping):
            continue
        where = f"{file}: theme.palette" + (f"[{i}]" if isinstance(palettes, list) else "")
        for key, valid in (("primary", COLOURS), ("accent", ACCENTS)):
            value = palette.get(key)
            if value is None or value in valid:
                continue
            hint = (
                f" (Material knows only its lower-case spelling, {str(value).lower()!r})"
                if str(value).lower() in valid
                else ""
            )
            problems.append(
                f"{where}.{key}: expected one of {choices(valid)}; got {shown(value)}{hint}."
            )
        primary = palette.get("primary")
        if isinstance(primary, str) and primary in PRIMARY:  # a list or table is unhashable
            ratio = readable(primary, str(palette.get("scheme", "default")))
            if ratio < AA:
                warnings.append(
                    f"{where}.primary: {primary!r} is hard to read: its text contrast is "
                    f"{ratio:.1f}:1, and WCAG AA asks for {AA}:1; readable choices: "
                    f"{choices(PASSING)}."
                )
