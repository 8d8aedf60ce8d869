"""A career center's override directory as files: what may be in it, read in plain words.

Anything the loader would otherwise skip in silence is named here: a template in the wrong
folder, under an unknown name or extension, an empty one, a file saved in a Windows encoding,
TOML that does not parse (said without the parser's jargon, with its line).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import DataError, choices

DATA_FILES = (
    "sources.toml",
    "voices.toml",
    "rules.toml",
    "checks.toml",
    "questions.toml",
    "labels.toml",
)
TEMPLATES_DIR = "templates"
SUFFIX = ".txt.j2"
# Kept out of the check: notes to self and what editors and file managers leave behind.
IGNORED = re.compile(r"^(\..*|README(\..+)?|.*~)$", re.I)
# tomllib's words -> what to do about it.
_TOML_PLAIN = (
    ("Expected '=' after a key", "expected 'name = value'"),
    (
        "Invalid value",
        "a value must be text in quotes, a number, true, false, [a list] or { a table }",
    ),
    ("Unclosed array", "a list opened with '[' is not closed with ']'"),
    ("Unclosed inline table", "a table opened with '{' is not closed with '}' on the same line"),
    (
        "Illegal character",
        'text in quotes must end on the line it starts (use """ for several lines)',
    ),
    (
        "Unterminated string",
        'text in quotes must end on the line it starts (use """ for several lines)',
    ),
    ("Cannot overwrite a value", "this name is given a value twice"),
    ("Cannot declare", "this table is declared twice"),
    ("Invalid statement", "expected 'name = value' or a [table] heading"),
    ("Expected ']]'", "a [[table]] heading must end with ']]'"),
    # Most often a quote inside text in quotes, which ends the text early.
    (
        "Expected newline or end of document",
        'expected the line to end after its value (a " inside text in quotes ends the text:'
        " write \\\" for it, or put the text in ' quotes)",
    ),
)
CURLY = re.compile("[\u201c\u201d\u2018\u2019]")
CURLY_HINT = (
    " (curly quotes \u201c \u201d \u2018 \u2019 are not quotes in TOML: type straight ones,"
    " \" or ')"
)
_AT = re.compile(
    r"^(?P<message>.*?) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$"
)


def read_text(path: Path, shown_as: str) -> str:
    """A file's text, which must be UTF-8: a Windows encoding is named, with its line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.object, not data: after a byte-order mark, offsets count from the end of it.
        undecoded = bytes(exc.object)
        line = undecoded[: exc.start].count(b"\n") + 1
        raise DataError(
            [
                f"{shown_as}: line {line}: the file is not saved as UTF-8 (byte 0x{undecoded[exc.start]:02x}, "
                "perhaps an accented letter saved in a Windows encoding); save it again choosing "
                "the encoding UTF-8."
            ]
        ) from None


def _unclosed(text: str) -> tuple[str, str] | None:
    """Where text of several lines opens and never closes, which the parser only finds at the
    end of the file: the line of the last triple quote, when there is an odd number of them."""
    for quotes in ('"""', "'''"):
        if text.count(quotes) % 2:
            line = text[: text.rindex(quotes)].count("\n") + 1
            return f"line {line}", f"text opened with {quotes} here is not closed with {quotes}"
    return None


def read_toml(path: Path, shown_as: str) -> dict[str, Any]:
    text = read_text(path, shown_as)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _AT.match(str(exc))
        raw = m["message"] if m else str(exc)
        plain = next((words for start, words in _TOML_PLAIN if raw.startswith(start)), raw)
        where = f"line {m['line']}, column {m['column']}" if m and m["line"] else "at the end"
        if where == "at the end":
            where, plain = _unclosed(text) or (where, plain)
        elif m and CURLY.match(text.split("\n")[int(m["line"]) - 1], int(m["column"]) - 1):
            # A word processor's quote where a value starts: the line looks right, so say
            # what is wrong with it.
            plain += CURLY_HINT
        raise DataError([f"{shown_as}: {where}: cannot read this: {plain}."]) from None
    except RecursionError:  # tomllib reads nested lists and tables by recursion
        raise DataError(
            [f"{shown_as}: cannot read this: lists or tables nested too deeply."]
        ) from None


def layout_problems(odir: Path, templates: tuple[str, ...]) -> list[str]:
    """Every file in ``odir`` that would be ignored or misread, and why."""
    problems: list[str] = []
    valid_top = (*DATA_FILES, f"{TEMPLATES_DIR}/")
    for path in sorted(odir.iterdir()):
        name = path.name
        if IGNORED.match(name) or name in DATA_FILES or (name == TEMPLATES_DIR and path.is_dir()):
            continue
        # "notes.txt" is no template; "interviewer.txt" is one in the wrong place.
        if name.endswith(".j2") or (name.endswith(".txt") and name.split(".")[0] in templates):
            problems.append(
                f"{odir / name}: a template belongs in {odir / TEMPLATES_DIR}/; move it there."
            )
        else:
            problems.append(f"{odir / name}: unknown file; valid files: {choices(valid_top)}.")
    tdir = odir / TEMPLATES_DIR
    if not tdir.is_dir():
        return problems
    valid = tuple(t + SUFFIX for t in templates)
    for path in sorted(tdir.rglob("*")):
        shown_as = str(path)
        if IGNORED.match(path.name) or path.is_dir():
            continue
        stem = path.name.split(".")[0]
        if path.parent != tdir and stem in templates:
            problems.append(
                f"{shown_as}: a template in a folder inside {tdir}/ is not read; move it to"
                f" {tdir}/."
            )
            continue
        if path.parent != tdir or path.name not in valid:
            expected = f"{stem}{SUFFIX}" if stem in templates and path.parent == tdir else None
            problems.append(
                f"{shown_as}: expected the file name {expected!r}; got {path.name!r}."
                if expected
                else f"{shown_as}: unknown template; valid templates: {choices(valid)}."
            )
            continue
        try:
            if not read_text(path, shown_as).strip():
                problems.append(
                    f"{shown_as}: the template is empty; write the note's wording in it, "
                    "or delete the file to use ours."
                )
        except DataError as exc:
            problems += exc.problems
    return problems
