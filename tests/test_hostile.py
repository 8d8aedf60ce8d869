"""Hostile input, all of it: each case through the Python layer and through the command.

Every case names its exact problems. The Python layer is the API (``api.advise``, ``api.check``)
for values; for what exists only as bytes or flags, it is what the command calls: ``intake``
reading stdin, or ``cli.run``. The command must exit 2 with exactly those lines on stderr, then
the count, and print nothing on stdout.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from sendorskip import api, cli, intake
from sendorskip.errors import InputError
from sendorskip.situation import FIELDS

ADVISE = ("advise", "--json", "-")
CHECK = ("check", "--json", "-")
WENT = "expected one of 'well', 'mixed', 'poorly', 'disaster'"
HOURS = "expected a number from 0 to 8,760 (one year)"
LINE = "expected one line of text without control characters"
TEXT = "expected text without control characters (tabs and line breaks are fine)"
UNICODE = "expected valid Unicode text"
NOT_UTF8 = "which is not UTF-8 (save the file as UTF-8)."
ONCE = "expected each key once in an object"
DEEP = "expected lists and objects nested at most 32 deep"
VALID = "valid fields: " + ", ".join(repr(f.name) for f in FIELDS)
PARTS = "expected one of 'role=…', 'email', 'lead', 'topics=a|b', 'add=…'"
WELL = {"went": "well"}


@dataclass(frozen=True)
class Case:
    id: str
    argv: tuple[str, ...]
    stdin: bytes
    python: Callable[[], object]
    problems: tuple[str, ...]


def situation(id: str, data: Any, *problems: str) -> Case:
    return Case(id, ADVISE, json.dumps(data).encode(), lambda: api.advise(data), problems)


def request(id: str, data: Any, *problems: str) -> Case:
    return Case(id, CHECK, json.dumps(data).encode(), lambda: api.check(data), problems)


def advise_text(id: str, raw: str | bytes, *problems: str) -> Case:
    data = raw.encode() if isinstance(raw, str) else raw
    return Case(id, ADVISE, data, lambda: api.advise(intake.json_input("-")), problems)


def check_text(id: str, raw: str, *problems: str) -> Case:
    return Case(id, CHECK, raw.encode(), lambda: api.check(intake.json_input("-")), problems)


def note_file(id: str, raw: bytes, *problems: str) -> Case:
    def python() -> object:
        return api.check({"notes": [{"text": intake.text_input("-")}]})

    return Case(id, ("check", "-"), raw, python, problems)


def flags(id: str, argv: tuple[str, ...], *problems: str, stdin: bytes = b"") -> Case:
    return Case(id, argv, stdin, lambda: cli.run(argv), problems)


def people(n: int, **extra: Any) -> list[dict[str, Any]]:
    return [{"name": f"Person {i}", **extra} for i in range(n)]


def nested(depth: int) -> str:
    """A situation whose company is lists inside lists: ``depth`` levels with the object."""
    return '{"went": "well", "company": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


CASES = [
    # Bytes that are not UTF-8, sizes and emptiness: the command's reading, before any JSON.
    advise_text(
        "latin-1",
        b'{"went": "well", "company": "Caf\xe9"}',
        f"stdin: expected UTF-8 text; got byte 0xe9 on line 1, {NOT_UTF8}",
    ),
    advise_text(
        "utf-16",
        '{"went": "well"}'.encode("utf-16"),
        f"stdin: expected UTF-8 text; got byte 0xff on line 1, {NOT_UTF8}",
    ),
    advise_text(
        "surrogate-encoded-in-utf-8",
        b'{"went": "well", "company": "\xed\xa0\x80"}',
        f"stdin: expected UTF-8 text; got byte 0xed on line 1, {NOT_UTF8}",
    ),
    advise_text(
        "overlong-utf-8",
        b'{"went": "\xc0\xaf"}',
        f"stdin: expected UTF-8 text; got byte 0xc0 on line 1, {NOT_UTF8}",
    ),
    advise_text(
        "cut-off-utf-8",
        b'{"went": "well"}\n\xe2\x82',
        f"stdin: expected UTF-8 text; got byte 0xe2 on line 2, {NOT_UTF8}",
    ),
    advise_text(
        "bad-byte-on-line-3",
        b'{\n"went": "well",\n"company": "\x80"\n}',
        f"stdin: expected UTF-8 text; got byte 0x80 on line 3, {NOT_UTF8}",
    ),
    advise_text(
        "bad-byte-after-a-byte-order-mark",
        b'\xef\xbb\xbf{"went": "well",\n"company": "\xff"}',
        f"stdin: expected UTF-8 text; got byte 0xff on line 2, {NOT_UTF8}",
    ),
    advise_text("empty", b"", "stdin: expected JSON; got an empty input."),
    advise_text("blank", b" \n\t ", "stdin: expected JSON; got an empty input."),
    advise_text(
        "over-2-mb",
        b'{"went": "well", "highlights": "' + b"a" * 2_000_000 + b'"}',
        "stdin: expected at most 2,000,000 bytes; got more.",
    ),
    # Not JSON.
    advise_text(
        "unquoted-keys",
        "{went: well}",
        "stdin: not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2.",
    ),
    advise_text(
        "unterminated-string",
        '{"went": "well',
        "stdin: not valid JSON: Unterminated string starting at line 1, column 10.",
    ),
    advise_text(
        "unterminated-string-of-escaped-quotes",
        '{"went": "' + '\\"' * 50_000,
        "stdin: not valid JSON: Unterminated string starting at line 1, column 10.",
    ),
    advise_text(
        "control-character-in-string",
        '{"went": "we\x01ll"}',
        "stdin: not valid JSON: Invalid control character at line 1, column 13.",
    ),
    advise_text(
        "two-values",
        '{"went": "well"} {"went": "poorly"}',
        "stdin: not valid JSON: Extra data at line 1, column 18.",
    ),
    # Nesting: refused before json.loads, which recurses once per level.
    advise_text("100000-lists-deep", "[" * 100_000, f"stdin: {DEEP}; got 100,000."),
    advise_text("100000-objects-deep", '{"a": ' * 100_000, f"stdin: {DEEP}; got 100,000."),
    advise_text("33-deep", nested(33), f"stdin: {DEEP}; got 33."),
    advise_text(
        "32-deep-reaches-the-api", nested(32), "situation: company: expected a string; got a list."
    ),
    # Duplicate keys and integers too long to convert, each with its path.
    advise_text(
        "duplicate-key",
        '{"went": "well", "went": "poorly"}',
        f"stdin: went: {ONCE}; got it 2 times.",
    ),
    advise_text(
        "duplicate-nested-key",
        '{"went": "well", "interviewers": [{"name": "Ana", "name": "Ana", "name": "Bo"}]}',
        f"stdin: interviewers[0].name: {ONCE}; got it 3 times.",
    ),
    advise_text(
        "duplicates-everywhere",
        "[" + ", ".join(['{"a": 1, "a": 2}'] * 12) + "]",
        *[f"stdin: [{i}].a: {ONCE}; got it 2 times." for i in range(10)],
        "stdin: 2 more problems like these.",
    ),
    advise_text(
        "integer-of-401-digits",
        '{"went": "well", "hours_since": 1' + "0" * 400 + "}",
        "stdin: hours_since: expected a number of at most 40 digits; got 401 digits "
        "('1000000000000000000000000000000000000000…').",
    ),
    advise_text(
        "integer-of-5000-digits",
        '{"went": "well", "company": -' + "9" * 5000 + "}",
        "stdin: company: expected a number of at most 40 digits; got 5,000 digits "
        "('-999999999999999999999999999999999999999…').",
    ),
    advise_text(
        "long-integer-and-duplicate-in-order",
        '{"went": "well", "went": "x", "interviewers": [{"name": "A", "lead": ' + "1" * 50 + "}]}",
        f"stdin: went: {ONCE}; got it 2 times.",
        "stdin: interviewers[0].lead: expected a number of at most 40 digits; got 50 digits "
        "('1111111111111111111111111111111111111111…').",
    ),
    # Numbers that are not finite: json reads them; the API refuses them for every caller.
    advise_text(
        "nan", '{"went": "well", "hours_since": NaN}', f"situation: hours_since: {HOURS}; got NaN."
    ),
    advise_text(
        "infinity",
        '{"went": "well", "hours_since": Infinity}',
        f"situation: hours_since: {HOURS}; got Infinity.",
    ),
    advise_text(
        "minus-infinity-as-a-boolean",
        '{"went": "well", "interviewers": [{"name": "A", "lead": -Infinity}]}',
        "situation: interviewers[0].lead: expected true or false; got -Infinity.",
    ),
    advise_text(
        "1e400",
        '{"went": "well", "hours_since": 1e400}',
        f"situation: hours_since: {HOURS}; got Infinity.",
    ),
    advise_text(
        "lone-surrogate",
        '{"went": "well", "company": "Acme \\ud800"}',
        f"situation: company: {UNICODE}; got 'Acme \\ud800', with the lone surrogate '\\ud800' "
        "at character 6 (half of a character).",
    ),
    advise_text(
        "lone-low-surrogate-in-a-name",
        '{"went": "well", "interviewers": [{"name": "\\udc00Ana"}]}',
        f"situation: interviewers[0].name: {UNICODE}; got '\\udc00Ana', with the lone surrogate "
        "'\\udc00' at character 1 (half of a character).",
    ),
    # Caps on the situation.
    situation(
        "10000-interviewers",
        {"went": "well", "interviewers": [{"name": "A"}] * 10_000},
        "situation: interviewers: expected at most 50 interviewers; got 10,000.",
    ),
    situation(
        "51-interviewers",
        {"went": "well", "interviewers": people(51)},
        "situation: interviewers: expected at most 50 interviewers; got 51.",
    ),
    situation(
        "11-topics",
        {"went": "well", "interviewers": people(1, topics=["caching"] * 11)},
        "situation: interviewers[0].topics: expected at most 10 topics; got 11.",
    ),
    situation(
        "11-references",
        {"went": "well", "references": [f"R{i}" for i in range(11)]},
        "situation: references: expected at most 10 references; got 11.",
    ),
    situation(
        "references-not-a-list",
        {"went": "well", "references": "Ana Ruiz, Ben Ode"},
        "situation: references: expected a list of names; got 'Ana Ruiz, Ben Ode'.",
    ),
    situation(
        "reference-as-object",
        {"went": "well", "references": [{"name": "Ana"}]},
        "situation: references[0]: expected a string; got an object.",
    ),
    situation(
        "reference-twice",
        {"went": "well", "references": ["Ana Ruiz", "ana ruiz"]},
        "situation: references[1]: expected each reference once; got 'ana ruiz' again "
        "(the 1st reference has that name): if they are two people, add a family name or an initial to tell"
        " them apart.",
    ),
    situation(
        "reference-name-of-101",
        {"went": "well", "references": ["A" * 101]},
        "situation: references[0]: expected at most 100 characters; got 101.",
    ),
    situation(
        "name-of-101",
        {"went": "well", "interviewers": [{"name": "A" * 101}]},
        "situation: interviewers[0].name: expected at most 100 characters; got 101.",
    ),
    situation(
        "role-of-101",
        {"went": "well", "interviewers": people(1, role="r" * 101)},
        "situation: interviewers[0].role: expected at most 100 characters; got 101.",
    ),
    situation(
        "topic-of-201",
        {"went": "well", "interviewers": people(1, topics=["t" * 201])},
        "situation: interviewers[0].topics[0]: expected at most 200 characters; got 201.",
    ),
    situation(
        "add-of-301",
        {"went": "well", "interviewers": people(1, add="a" * 301)},
        "situation: interviewers[0].add: expected at most 300 characters; got 301.",
    ),
    situation(
        "recruiter-name-of-101",
        {"went": "well", "recruiter": {"name": "S" * 101}},
        "situation: recruiter.name: expected at most 100 characters; got 101.",
    ),
    situation(
        "titles-and-names-over-their-caps",
        {"went": "well", "job_title": "j" * 201, "company": "c" * 201, "candidate_name": "n" * 101},
        "situation: job_title: expected at most 200 characters; got 201.",
        "situation: company: expected at most 200 characters; got 201.",
        "situation: candidate_name: expected at most 100 characters; got 101.",
    ),
    situation(
        "free-text-over-its-caps",
        {"went": "well", "highlights": "h" * 5001, "forgot_to_mention": "f" * 5001},
        "situation: highlights: expected at most 5,000 characters; got 5,001.",
        "situation: forgot_to_mention: expected at most 5,000 characters; got 5,001.",
    ),
    situation(
        "why-this-job-of-301",
        {"went": "well", "why_this_job": "w" * 301},
        "situation: why_this_job: expected at most 300 characters; got 301.",
    ),
    situation(
        "highlights-of-a-million",
        {"went": "well", "highlights": "h" * 1_000_000},
        "situation: highlights: expected at most 5,000 characters; got 1,000,000.",
    ),
    situation(
        "hours-over-a-year",
        {"went": "well", "hours_since": 8761},
        f"situation: hours_since: {HOURS}; got 8761.",
    ),
    situation(
        "hours-negative-float",
        {"went": "well", "hours_since": -0.5},
        f"situation: hours_since: {HOURS}; got -0.5.",
    ),
    # Characters that have no place in a name, a title or a note.
    situation(
        "line-break-in-a-name",
        {"went": "well", "interviewers": [{"name": "Ana\nRuiz"}]},
        f"situation: interviewers[0].name: {LINE}; got 'Ana\\nRuiz', with '\\n' at character 4.",
    ),
    situation(
        "terminal-escape-in-a-name",
        {"went": "well", "interviewers": [{"name": "\x1b[31mAna"}]},
        f"situation: interviewers[0].name: {LINE}; got '\\x1b[31mAna', with '\\x1b' at character 1.",
    ),
    situation(
        "line-separator-in-company",
        {"went": "well", "company": "Acme\u2028Inc"},
        f"situation: company: {LINE}; got 'Acme\\u2028Inc', with '\\u2028' at character 5.",
    ),
    situation(
        "tab-in-a-topic",
        {"went": "well", "interviewers": people(1, topics=["a\tb"])},
        f"situation: interviewers[0].topics[0]: {LINE}; got 'a\\tb', with '\\t' at character 2.",
    ),
    situation(
        "nul-in-highlights",
        {"went": "well", "highlights": "good\x00day"},
        f"situation: highlights: {TEXT}; got 'good\\x00day', with '\\x00' at character 5.",
    ),
    situation(
        "c1-control-in-forgot-to-mention",
        {"went": "well", "forgot_to_mention": "a\x85b"},
        f"situation: forgot_to_mention: {TEXT}; got 'a\\x85b', with '\\x85' at character 2.",
    ),
    # Shapes that make no sense.
    situation(
        "same-interviewer-twice",
        {"went": "well", "interviewers": [{"name": "Ana Ruiz"}, {"name": "ana ruiz"}]},
        "situation: interviewers[1].name: expected each interviewer once; got 'ana ruiz' again "
        "(the 1st interviewer has that name): if they are two people, add a family name or an initial to tell"
        " them apart.",
    ),
    situation(
        "1000-unknown-fields",
        {"went": "well", **{f"x{i}": 1 for i in range(1000)}},
        *[f"situation: x{i}: unknown field; {VALID}." for i in range(5)],
        "situation: 995 more unknown fields.",
    ),
    situation(
        "key-with-a-terminal-escape",
        {"went": "well", "\x1b[2J": 1},
        f"situation: '\\x1b[2J': unknown field; {VALID}.",
    ),
    situation(
        "key-of-1000-characters",
        {"went": "well", "k" * 1000: 1},
        f"situation: '{'k' * 40}…': unknown field; {VALID}.",
    ),
    situation(
        "went-of-100000-characters",
        {"went": "w" * 100_000},
        f"situation: went: {WENT}; got '{'w' * 40}…'.",
    ),
    situation(
        "topics-not-strings",
        {"went": "well", "interviewers": people(1, topics=[1, None, " "])},
        "situation: interviewers[0].topics[0]: expected a string; got 1.",
        "situation: interviewers[0].topics[1]: expected a string; got null.",
        "situation: interviewers[0].topics[2]: expected some text; got ' '.",
    ),
    situation(
        "recruiter-with-interviewer-fields",
        {"went": "well", "recruiter": {"name": "Sam", "role": "HR", "add": "x"}},
        "situation: recruiter.role: unknown field; valid fields: 'name', 'email_known'.",
        "situation: recruiter.add: unknown field; valid fields: 'name', 'email_known'.",
    ),
    situation(
        "everything-wrong-at-once",
        {"went": "great", "hours_since": float("nan"), "interviewers": people(1, lead="yes")},
        f"situation: went: {WENT}; got 'great'.",
        f"situation: hours_since: {HOURS}; got NaN.",
        "situation: interviewers[0].lead: expected true or false; got 'yes'.",
    ),
    # Draft-check requests.
    request(
        "21-notes",
        {"notes": [{"text": "Thank you."}] * 21},
        "check: notes: expected at most 20 notes; got 21.",
    ),
    request(
        "note-of-10001",
        {"notes": [{"text": "a" * 10_001}]},
        "check: notes[0].text: expected at most 10,000 characters; got 10,001.",
    ),
    request(
        "two-notes-of-100-kb",
        {"notes": [{"text": "a" * 100_000}, {"text": "a" * 100_000 + "b"}]},
        "check: notes[0].text: expected at most 10,000 characters; got 100,000.",
        "check: notes[1].text: expected at most 10,000 characters; got 100,001.",
    ),
    request(
        "blank-note",
        {"notes": [{"text": "  \n\t "}]},
        "check: notes[0].text: expected some text; got '  \\n\\t '.",
    ),
    request(
        "empty-note",
        {"notes": [{"text": "Thank you.", "to": "Ana"}, {"text": ""}]},
        "check: notes[1].text: expected some text; got ''.",
    ),
    request(
        "nul-in-a-note",
        {"notes": [{"text": "Dear Ana,\x00"}]},
        f"check: notes[0].text: {TEXT}; got 'Dear Ana,\\x00', with '\\x00' at character 10.",
    ),
    request(
        "lone-surrogate-in-a-note",
        {"notes": [{"text": "Thanks \ud83d"}]},
        f"check: notes[0].text: {UNICODE}; got 'Thanks \\ud83d', with the lone surrogate "
        "'\\ud83d' at character 8 (half of a character).",
    ),
    request(
        "to-of-101",
        {"notes": [{"text": "Thank you.", "to": "A" * 101}]},
        "check: notes[0].to: expected at most 100 characters; got 101.",
    ),
    request(
        "line-break-in-to",
        {"notes": [{"text": "Thank you.", "to": "Ana\r\nBcc: x"}]},
        f"check: notes[0].to: {LINE}; got 'Ana\\r\\nBcc: x', with '\\r' at character 4.",
    ),
    request(
        "to-a-number",
        {"notes": [{"text": "Thank you.", "to": 7}]},
        "check: notes[0].to: expected a string; got 7.",
    ),
    request(
        "notes-a-string",
        {"notes": "hello"},
        "check: notes: expected a non-empty list of {to, text} objects; got 'hello'.",
    ),
    request(
        "note-not-an-object",
        {"notes": [5]},
        "check: notes[0]: expected an object with fields 'to', 'text'; got 5.",
    ),
    request("request-a-list", [], "check: expected a JSON object with 'notes'; got a list."),
    request(
        "1000-unknown-fields-in-a-note",
        {"notes": [{"text": "Hi.", **{f"x{i}": 1 for i in range(1000)}}]},
        *[f"check: notes[0].x{i}: unknown field; valid fields: 'to', 'text'." for i in range(5)],
        "check: notes[0]: 995 more unknown fields.",
    ),
    request(
        "situation-for-a-check-with-nan",
        {"notes": [{"text": "Thank you."}], "situation": {"hours_since": float("nan")}},
        f"check: situation: hours_since: {HOURS}; got NaN.",
    ),
    request(
        "situation-for-a-check-with-10000-interviewers",
        {
            "notes": [{"text": "Thank you."}],
            "situation": {"interviewers": [{"name": "A"}] * 10_000},
        },
        "check: situation: interviewers: expected at most 50 interviewers; got 10,000.",
    ),
    check_text(
        "duplicate-key-in-a-note",
        '{"notes": [{"text": "a", "text": "b"}]}',
        f"stdin: notes[0].text: {ONCE}; got it 2 times.",
    ),
    # A note as a plain-text file.
    note_file(
        "latin-1-note",
        b"Dear Ana,\nThank you for the caf\xe9 chat.",
        f"stdin: expected UTF-8 text; got byte 0xe9 on line 2, {NOT_UTF8}",
    ),
    # Said by the command, which reads the file, before the API would ("notes[0].text").
    flags("empty-note-file", ("check", "-"), "stdin: expected a note; got an empty file."),
    note_file(
        "note-file-of-10001",
        b"a" * 10_001,
        "check: notes[0].text: expected at most 10,000 characters; got 10,001.",
    ),
    note_file(
        "escape-in-a-note-file",
        b"Dear Ana,\x1b[2J",
        f"check: notes[0].text: {TEXT}; got 'Dear Ana,\\x1b[2J', with '\\x1b' at character 10.",
    ),
    # Flags.
    flags(
        "engaged-ture",
        ("advise", "--went", "well", "--interviewer-engaged", "ture"),
        "--interviewer-engaged: expected one of 'true', 'false'; got 'ture'.",
    ),
    flags(
        "informational-yes",
        ("advise", "--went", "well", "--informational", "yes"),
        "--informational: expected one of 'true', 'false'; got 'yes'.",
    ),
    flags(
        "informational-capitalised",
        ("advise", "--went", "well", "--informational", "True"),
        "--informational: expected one of 'true', 'false'; got 'True'.",
    ),
    flags(
        "hours-nan",
        ("advise", "--went", "well", "--hours-since", "nan"),
        "--hours-since: expected a number; got 'nan'.",
    ),
    flags(
        "hours-inf",
        ("advise", "--went", "well", "--hours-since", "inf"),
        "--hours-since: expected a number; got 'inf'.",
    ),
    flags(
        "hours-with-underscore",
        ("advise", "--went", "well", "--hours-since", "1_000"),
        "--hours-since: expected a number; got '1_000'.",
    ),
    flags(
        "hours-of-401-digits",
        ("advise", "--went", "well", "--hours-since", "1" + "0" * 400),
        f"--hours-since: expected a number; got '1{'0' * 39}…'.",
    ),
    flags(
        "hours-over-a-year-flag",
        ("advise", "--went", "well", "--hours-since", "9000.5"),
        f"--hours-since: {HOURS}; got 9000.5.",
    ),
    flags(
        "hours-negative-flag",
        ("advise", "--went", "well", "--hours-since", "-5"),
        f"--hours-since: {HOURS}; got -5.",
    ),
    flags(
        "json-and-went",
        ("advise", "--json", "-", "--went", "well"),
        "advise: --json: expected no other situation flags (the JSON holds the whole situation); "
        "got --went.",
        stdin=b'{"went": "poorly"}',
    ),
    flags(
        "json-and-three-flags",
        ("advise", "--interviewer", "Ana", "--json", "-", "--went", "well"),
        "advise: --json: expected no other situation flags (the JSON holds the whole situation); "
        "got --went, --interviewer.",
        stdin=b'{"went": "poorly"}',
    ),
    flags(
        "flag-and-api-problems-together",
        ("advise", "--went", "amazing", "--interviewer-engaged", "ture"),
        "--interviewer-engaged: expected one of 'true', 'false'; got 'ture'.",
        f"--went: {WENT}; got 'amazing'.",
    ),
    flags(
        "interviewer-unknown-part",
        ("advise", "--went", "well", "--interviewer", "Ana;mail"),
        f"--interviewer 'Ana;mail': 'mail': {PARTS}.",
    ),
    flags(
        "interviewer-role-without-value",
        ("advise", "--went", "well", "--interviewer", "Ana;role="),
        f"--interviewer 'Ana;role=': 'role=': {PARTS}.",
    ),
    flags(
        "interviewer-email-with-value",
        ("advise", "--went", "well", "--interviewer", "Ana;email=yes", "--interviewer", "Bo;"),
        f"--interviewer 'Ana;email=yes': 'email=yes': {PARTS}.",
        f"--interviewer 'Bo;': '': {PARTS}.",
    ),
    flags(
        "recruiter-as-lead",
        ("advise", "--went", "well", "--recruiter", "Sam;lead"),
        "--recruiter 'Sam;lead': 'lead': expected 'email'.",
    ),
    flags(
        "interviewer-name-of-101",
        ("advise", "--went", "well", "--interviewer", "A" * 101),
        "--interviewer (the 1st): name: expected at most 100 characters; got 101.",
    ),
    flags(
        "interviewer-without-name",
        ("advise", "--went", "well", "--interviewer", ";email"),
        "--interviewer (the 1st): name: expected some text; got ''.",
    ),
    flags(
        "unknown-flag",
        ("advise", "--went", "well", "--mood", "happy"),
        "sendorskip advise: unrecognized arguments: --mood happy; see 'sendorskip advise --help'.",
    ),
    flags(
        "abbreviated-flag",
        ("advise", "--went", "well", "--hours", "5"),
        "sendorskip advise: unrecognized arguments: --hours 5; see 'sendorskip advise --help'.",
    ),
    flags(
        "flag-without-value",
        ("advise", "--went"),
        "sendorskip advise: argument --went: expected one argument; "
        "see 'sendorskip advise --help'.",
    ),
    flags(
        "check-json-and-a-file",
        ("check", "--json", "-", "note.txt", "--to", "Ana"),
        "check: --json: expected no note files or --to (the JSON holds every note); "
        "got 'note.txt', --to.",
    ),
    flags(
        "more-to-than-notes",
        ("check", "-", "--to", "Ana", "--to", "Bo"),
        "check: --to: expected at most one per note (1); got 2.",
    ),
    flags("21-note-files", ("check", *["-"] * 21), "check: expected at most 20 notes; got 21."),
    flags(
        "missing-note-file",
        ("check", "/nonexistent/note.txt", "/"),
        "/nonexistent/note.txt: cannot read: No such file or directory.",
        "/: cannot read: Is a directory.",
    ),
    flags(
        "missing-json-file",
        ("advise", "--json", "/nonexistent/situation.json"),
        "/nonexistent/situation.json: cannot read: No such file or directory.",
    ),
]
IDS = [case.id for case in CASES]


def stdin(data: bytes) -> io.TextIOWrapper:
    """A standard input with bytes underneath, as the command reads a real one."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def test_there_are_at_least_60_cases_with_unique_names() -> None:
    assert len(CASES) >= 60 and len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_python_layer_raises_exactly_these_problems(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", stdin(case.stdin))
    with pytest.raises(InputError) as exc:
        case.python()
    assert exc.value.problems == list(case.problems)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_command_exits_2_with_exactly_these_lines(
    case: Case, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", stdin(case.stdin))
    assert cli.main(list(case.argv)) == 2
    out, err = capsys.readouterr()
    noun = "problem" if len(case.problems) == 1 else "problems"
    assert out == ""
    assert err == "\n".join([*case.problems, f"Aborted: {len(case.problems)} {noun} found."]) + "\n"


# A few cases again in a real process: real stdin bytes, real stderr, nothing in between.
IN_A_PROCESS = [
    "latin-1",
    "100000-lists-deep",
    "integer-of-5000-digits",
    "lone-surrogate",
    "engaged-ture",
]


@pytest.mark.parametrize("case", [c for c in CASES if c.id in IN_A_PROCESS], ids=IN_A_PROCESS)
def test_in_a_real_process_there_is_no_traceback(case: Case) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sendorskip", *case.argv],
        input=case.stdin,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().splitlines()[:-1] == list(case.problems)


def test_a_huge_int_from_python_is_shown_without_converting_it() -> None:
    with pytest.raises(InputError) as exc:
        api.advise({"went": "well", "hours_since": 10**5000})
    assert exc.value.problems == [
        f"situation: hours_since: {HOURS}; got a number of more than 40 digits."
    ]


# Near misses that are fine: the strictness above must not cost a reader anything legitimate.
ACCEPTED = {
    "byte-order-mark": b'\xef\xbb\xbf{"went": "well"}',
    "brackets-inside-strings": b'{"went": "well", "company": "' + b"[{" * 100 + b'"}',
    "escaped-quotes-and-backslashes": b'{"went": "well", "company": "A \\"B\\" \\\\"}',
    "crlf-and-escaped-tabs": b'{\r\n"went": "well",\r\n"highlights": "a\\tb\\nc"\r\n}',
    "surrogate-pair-escape": b'{"went": "well", "company": "Caf\\u00e9 \\ud83d\\ude00"}',
    "hours-in-exponent-notation": b'{"went": "well", "hours_since": 1.5e3}',
}


@pytest.mark.parametrize("raw", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_near_misses_are_accepted(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", stdin(raw))
    assert api.advise(intake.json_input("-"))["verdict"]


def test_a_surrogate_pair_escape_is_one_character(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", stdin(ACCEPTED["surrogate-pair-escape"]))
    assert intake.json_input("-")["company"] == "Café 😀"
