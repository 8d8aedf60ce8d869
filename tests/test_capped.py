"""Single values read within their caps: what was expected and what was received, by path."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip.capped import CAPS, boolean, text, unknown_keys, within_cap
from sendorskip.errors import Problems

ONE_LINE = "expected one line of text without control characters"
MULTILINE = "expected text without control characters (tabs and line breaks are fine)"
TEXTS: list[tuple[str, Any, str, bool, str | None, list[str]]] = [
    # (case, value, cap, required, what is kept, problems)
    ("kept stripped", "  Ana Ruiz \n", "name", False, "Ana Ruiz", []),
    ("at the cap", "a" * 100, "name", False, "a" * 100, []),
    ("one past the cap", "a" * 101, "name", False, None, ["expected at most 100 characters; got 101."]),
    ("a long note counted with commas", "a" * 10_001, "note", False, None, ["expected at most 10,000 characters; got 10,001."]),
    ("not a string", 3, "name", False, None, ["expected a string; got 3."]),
    ("null", None, "name", False, None, ["expected a string; got null."]),
    ("blank, not required", "   ", "role", False, None, []),
    ("blank, required", "   ", "name", True, None, ["expected some text; got '   '."]),
    ("a line break in a name", "Ana\nRuiz", "name", False, None, [f"{ONE_LINE}; got 'Ana\\nRuiz', with '\\n' at character 4."]),
    ("a line separator in a topic", "a\u2028b", "topic", False, None, [f"{ONE_LINE}; got 'a\\u2028b', with '\\u2028' at character 2."]),
    ("a tab in a name", "Ana\tRuiz", "name", False, None, [f"{ONE_LINE}; got 'Ana\\tRuiz', with '\\t' at character 4."]),
    ("line breaks and tabs in free text", "Hi,\r\n\tthanks.\u2028", "highlights", False, "Hi,\r\n\tthanks.", []),
    ("a NUL in free text", "Hi\x00", "note", False, None, [f"{MULTILINE}; got 'Hi\\x00', with '\\x00' at character 3."]),
    ("a C1 control in free text", "Hi\x85there", "note", False, None, [f"{MULTILINE}; got 'Hi\\x85there', with '\\x85' at character 3."]),
    # Counted in what was sent, leading blanks included, so the reader can find it.
    ("where, counted from the start", "  Ana\x1b", "name", False, None, [f"{ONE_LINE}; got '  Ana\\x1b', with '\\x1b' at character 6."]),
    ("a lone surrogate", "Zo\ud800", "name", False, None, ["expected valid Unicode text; got 'Zo\\ud800', with the lone surrogate '\\ud800' at character 3 (half of a character)."]),
    ("a lone surrogate in free text", "\udc00", "note", False, None, ["expected valid Unicode text; got '\\udc00', with the lone surrogate '\\udc00' at character 1 (half of a character)."]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "cap", "required", "kept", "problems"),
    [t[1:] for t in TEXTS],
    ids=[t[0] for t in TEXTS],
)
def test_text(value: Any, cap: str, required: bool, kept: str | None, problems: list[str]) -> None:
    c = Problems("situation")
    assert text(c, "interviewers[0].name", value, cap, required=required) == kept
    assert c.problems == [f"situation: interviewers[0].name: {p}" for p in problems]


@pytest.mark.parametrize(
    ("value", "kept", "problem"),
    [
        (True, True, None),
        (False, False, None),
        (1, False, "expected true or false; got 1."),
        ("true", False, "expected true or false; got 'true'."),
        (None, False, "expected true or false; got null."),
    ],
)
def test_boolean(value: Any, kept: bool, problem: str | None) -> None:
    c = Problems("situation")
    assert boolean(c, "panel", value) is kept
    assert c.problems == ([f"situation: panel: {problem}"] if problem else [])


def test_within_cap() -> None:
    c = Problems("situation")
    assert within_cap(c, "interviewers[0].topics", ["t"] * CAPS["topics"], "topics")
    assert not within_cap(c, "interviewers", [{}] * 1_051, "interviewers")
    assert c.problems == ["situation: interviewers: expected at most 50 interviewers; got 1,051."]


UNKNOWN_KEYS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("", {"went": 1}, []),
    ("", {"wnet": 1, "x y": 2}, ["wnet: unknown field", "'x y': unknown field"]),
    ("recruiter", {"went": 1, "role": 2}, ["recruiter.role: unknown field"]),
    # The first five by name, the rest counted: the output stays bounded.
    (
        "recruiter",
        {f"k{i}": i for i in range(8)},
        [f"recruiter.k{i}: unknown field" for i in range(5)]
        + ["recruiter: 3 more unknown fields."],
    ),
]


@pytest.mark.parametrize(("path", "obj", "problems"), UNKNOWN_KEYS)
def test_unknown_keys(path: str, obj: dict[str, Any], problems: list[str]) -> None:
    c = Problems("situation")
    unknown_keys(c, path, obj, ("went", "name"))
    valid = "; valid fields: 'went', 'name'."
    assert c.problems == [
        f"situation: {p}" if p.endswith(".") else f"situation: {p}{valid}" for p in problems
    ]


def test_every_cap_is_a_positive_whole_number() -> None:
    assert all(isinstance(v, int) and v > 0 for v in CAPS.values())
    with pytest.raises(TypeError):
        CAPS["name"] = 1_000  # type: ignore[index]
