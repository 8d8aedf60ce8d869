"""Every cap on what a reader can send, and the readers of single values that enforce them.

Each reader reports what it expected and what it got to a ``Problems`` collector, so that one
parse lists every problem at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from .errors import Problems, choices, named, shown

# Every cap on what a reader can send, in one table (the README's situation table repeats it).
# Each bounds the work one input can cause, so the engine and the checker stay fast at the caps,
# and sits far above any real interview. Lengths count characters (code points).
CAPS: Final = MappingProxyType(
    {
        # A whole request or note file, as the CLI reads it: a request at every cap below fits
        # even when every character takes 4 bytes of UTF-8.
        "input_bytes": 2_000_000,
        "nesting": 32,  # lists and objects inside one another; a draft-check request needs 5
        "hours_since": 8_760,  # one year
        "interviewers": 50,
        "references": 10,  # people who agreed to vouch for you
        "topics": 10,  # per interviewer
        "name": 100,  # an interviewer's, the recruiter's, and a checked note's 'to'
        "role": 100,
        "topic": 200,
        "add": 300,  # one thing an interviewer should hear added or clarified: a sentence
        "job_title": 200,
        "company": 200,
        "candidate_name": 100,
        "highlights": 5_000,
        "forgot_to_mention": 5_000,
        "why_this_job": 300,
        "promised": 300,  # what you said you would send: a link, samples, references
        "clarify": 300,  # an answer you gave that you want to clarify
        "response_expected_in_days": 365,
        "notes": 20,  # in one draft-check request
        "note": 10_000,  # the text of one note
    }
)
# Fields that hold free text may span lines; names, titles and topics are one line each, since
# they go into salutations, subject lines and mailto: links.
MULTILINE = ("highlights", "forgot_to_mention", "note")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_UNSAFE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_WITHOUT_CONTROLS = {
    False: "one line of text without control characters",
    True: "text without control characters (tabs and line breaks are fine)",
}
# Unknown keys listed one by one per object; the rest are counted, so output stays bounded.
_UNKNOWN_SHOWN = 5


def _join(path: str, key: object) -> str:
    return f"{path}.{named(key)}" if path else named(key)


def unknown_keys(c: Problems, path: str, obj: Mapping[Any, Any], allowed: tuple[str, ...]) -> None:
    """Report keys outside ``allowed``: the first few by name, then how many more."""
    unknown = [key for key in obj if key not in allowed]
    for key in unknown[:_UNKNOWN_SHOWN]:
        c.add(_join(path, key), f"unknown field; valid fields: {choices(allowed)}.")
    if len(unknown) > _UNKNOWN_SHOWN:
        c.add(path, f"{len(unknown) - _UNKNOWN_SHOWN:,} more unknown fields.")


def text(c: Problems, path: str, value: object, cap: str, *, required: bool = False) -> str | None:
    """A string within ``CAPS[cap]`` and free of control characters, stripped; None if blank."""
    if not isinstance(value, str):
        c.add(path, f"expected a string; got {shown(value)}.")
        return None
    if len(value) > CAPS[cap]:
        c.add(path, f"expected at most {CAPS[cap]:,} characters; got {len(value):,}.")
        return None
    stripped = value.strip()
    # Only what is kept is checked: a line break around a name is stripped, not refused.
    lead = len(value) - len(value.lstrip())
    bad = (_UNSAFE_TEXT if cap in MULTILINE else _UNSAFE_LINE).search(
        value, lead, lead + len(stripped)
    )
    if bad:
        char = bad.group()
        surrogate = "\ud800" <= char <= "\udfff"
        if surrogate:
            expected, found = "valid Unicode text", f"the lone surrogate {shown(char)}"
        else:
            expected, found = _WITHOUT_CONTROLS[cap in MULTILINE], shown(char)
        half = " (half of a character)" if surrogate else ""
        c.add(
            path,
            f"expected {expected}; got {shown(value)}, with {found} "
            f"at character {bad.start() + 1:,}{half}.",
        )
        return None
    if required and not stripped:
        c.add(path, f"expected some text; got {shown(value)}.")
    return stripped or None


def boolean(c: Problems, path: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    c.add(path, f"expected true or false; got {shown(value)}.")
    return False


def within_cap(c: Problems, path: str, items: list[Any], cap: str) -> bool:
    """Whether ``items`` is within its cap; beyond it, the items are not read one by one."""
    if len(items) <= CAPS[cap]:
        return True
    c.add(path, f"expected at most {CAPS[cap]} {cap}; got {len(items):,}.")
    return False
