"""Markers in the handbook's Markdown: ``<!-- sendorskip: NAME [ARG] -->`` on a line of its own.

An unknown marker, a missing or unknown id, fails the build with the page and line, so a page
can never silently lose its generated part.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..errors import DataError, choices

# One line, as the docs and every message say: one spread over lines is reported, not guessed at.
MARKER = re.compile(
    r"^<!--[ \t]*sendorskip:[ \t]*(?P<name>[\w-]+)(?:[ \t]+(?P<arg>[^\s>]+))?[ \t]*-->[ \t]*$",
    re.M,
)
# A page saved on Windows: MkDocs reads it with universal newlines, and so do we.
NEWLINES = re.compile(r"\r\n?")
# Anything that looks meant as a marker, in any case: one that MARKER does not match is reported.
LOOSE = re.compile(r"<!--\s*send\s*or\s*skip\b.*?-->", re.S | re.I)
# Code shows markers rather than using them: fenced blocks and inline code are left alone.
CODE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}).*?^(?P=indent)(?P=fence)[ \t]*$|`[^`\n]+`",
    re.M | re.S,
)

# name -> (renderer taking the argument or None, whether the marker needs an argument)
Renderer = Callable[[str | None], str]
# Every marker, and whether it takes an id: the plugin renders these, and the whole site is
# checked against this table before any page is built.
TAKES_ID = {
    "voice": True,
    "matrix": False,
    "matrix-wider": False,
    "decision-guide": False,
    "rules-reference": False,
    "checks-reference": False,
    "sources": False,
    "checker": False,
    "contact": False,
}


class AnyId(list[str]):
    """The ids when they cannot be known (the knowledge did not load): any id passes."""

    def __contains__(self, item: object) -> bool:
        return True


def check(markdown: str, page: str, voice_ids: list[str] | None) -> list[str]:
    """Every marker problem on one page, without rendering anything."""
    ids = {"voice": lambda: AnyId() if voice_ids is None else voice_ids}
    try:
        expand(markdown, page, {name: (lambda _: "", arg) for name, arg in TAKES_ID.items()}, ids)
    except DataError as exc:
        return exc.problems
    return []


def expand(
    markdown: str,
    page: str,
    renderers: Mapping[str, tuple[Renderer, bool]],
    ids: Mapping[str, Callable[[], list[str]]],
) -> str:
    """Replace every marker; collect every problem on the page and raise them together."""
    problems: list[str] = []
    code: list[str] = []

    def hide(m: re.Match[str]) -> str:
        code.append(m[0])
        # Same number of lines, so the line numbers in messages stay right.
        return f"\x00{len(code) - 1}\x00" + "\n" * m[0].count("\n")

    hidden = CODE.sub(hide, NEWLINES.sub("\n", markdown))

    def line_of(pos: int) -> int:  # a position in ``hidden``, which keeps every line
        return hidden.count("\n", 0, pos) + 1

    proper: set[int] = set()  # where the sound markers start: the loose search skips them

    def replace(m: re.Match[str]) -> str:
        proper.add(m.start())
        name, arg = m["name"], m["arg"]
        where = f"{page}:{line_of(m.start())}: marker '{name}'"
        if name not in renderers:
            problems.append(f"{where}: unknown marker; valid markers: {choices(renderers)}.")
            return ""
        render, needs_arg = renderers[name]
        if needs_arg and not arg:
            problems.append(f"{where}: expected an id; valid ids: {choices(ids[name]())}.")
            return ""
        if not needs_arg and arg:
            problems.append(f"{where}: takes no argument; got {arg!r}.")
            return ""
        if arg and arg not in ids[name]():
            problems.append(f"{where}: unknown id {arg!r}; valid ids: {choices(ids[name]())}.")
            return ""
        return render(arg)

    out = MARKER.sub(replace, hidden)
    for m in LOOSE.finditer(hidden):
        if m.start() in proper:
            continue
        problems.append(
            f"{page}:{line_of(m.start())}: malformed marker {m[0]!r}; "
            "expected '<!-- sendorskip: NAME [ID] -->' on a line of its own, not indented."
        )
    if problems:
        raise DataError(problems)
    for i, block in enumerate(code):
        out = out.replace(f"\x00{i}\x00" + "\n" * block.count("\n"), block, 1)
    return out
