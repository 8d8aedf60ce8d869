"""A reader's file or stdin, read strictly: size, UTF-8, JSON, nesting, repeated keys, long numbers."""

from __future__ import annotations

import io
import math
import sys
from pathlib import Path
from typing import Any

import pytest

from sendorskip.capped import CAPS
from sendorskip.errors import InputError
from sendorskip.intake import decode, json_input, name, parse, read, text_input

LONG = "1" * 41
LONG_SHOWN = "'" + "1" * 40 + "…'"
REFUSED = [
    # (JSON text, every problem)
    ("", ["stdin: expected JSON; got an empty input."]),
    (" \n\t", ["stdin: expected JSON; got an empty input."]),
    ("[1,", ["stdin: not valid JSON: Expecting value at line 1, column 4."]),
    ('{"a":\n "x', ["stdin: not valid JSON: Unterminated string starting at line 2, column 2."]),
    ("[1] x", ["stdin: not valid JSON: Extra data at line 1, column 5."]),
    ("tru", ["stdin: not valid JSON: Expecting value at line 1, column 1."]),
    ("[" * 33 + "]" * 33, ["stdin: expected lists and objects nested at most 32 deep; got 33."]),
    ('{"a": 1, "a": 2}', ["stdin: a: expected each key once in an object; got it 2 times."]),
    ('[{"b": [{"c": 1, "c": 2, "c": 3}]}]', ["stdin: [0].b[0].c: expected each key once in an object; got it 3 times."]),
    ('{"x y": 1, "x y": 2}', ["stdin: 'x y': expected each key once in an object; got it 2 times."]),
    (LONG, [f"stdin: the value: expected a number of at most 40 digits; got 41 digits ({LONG_SHOWN})."]),
    (f'{{"hours_since": -{LONG}}}', [f"stdin: hours_since: expected a number of at most 40 digits; got 41 digits ('-{'1' * 39}…')."]),
    (
        f'{{"a": 1, "a": 2, "n": [{LONG}]}}',
        [
            "stdin: a: expected each key once in an object; got it 2 times.",
            f"stdin: n[0]: expected a number of at most 40 digits; got 41 digits ({LONG_SHOWN}).",
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "problems"), REFUSED)
def test_refused_with_every_problem(text: str, problems: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        parse(text, "stdin")
    assert caught.value.problems == problems


ACCEPTED: list[tuple[str, Any]] = [
    ("[" * 32 + "]" * 32, [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]),
    ('"' + "[" * 34 + '"', "[" * 34),  # brackets in a string do not nest
    ('["\\"' + "[" * 33 + '"]', ['"' + "[" * 33]),  # nor after an escaped quote
    ("-" + "9" * 40, -int("9" * 40)),
    ('{"a": {"a": 1}}', {"a": {"a": 1}}),  # the same key in two objects is no repeat
]


@pytest.mark.parametrize(("text", "value"), ACCEPTED)
def test_accepted(text: str, value: Any) -> None:
    assert parse(text, "stdin") == value


def test_nan_is_left_for_the_api_to_name_with_its_field() -> None:
    assert math.isnan(parse('{"hours_since": NaN}', "stdin")["hours_since"])


def test_past_ten_problems_the_rest_are_counted() -> None:
    with pytest.raises(InputError) as caught:
        parse("[" + ", ".join([LONG] * 13) + "]", "f.json")
    problems = caught.value.problems
    assert len(problems) == 11
    assert problems[9].startswith("f.json: [9]: expected a number of at most 40 digits")
    assert problems[10] == "f.json: 3 more problems like these."


DECODED = [
    (b"\xef\xbb\xbf{}", "{}"),  # a byte-order mark dropped
    ("Zoë".encode(), "Zoë"),
]


@pytest.mark.parametrize(("data", "text"), DECODED)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data, "f.json") == text


NOT_UTF8 = [
    (b"ab\ncd\n\xe9t\xe9", "byte 0xe9 on line 3"),  # Latin-1
    (b"\xef\xbb\xbfa\n\xff", "byte 0xff on line 2"),  # offsets counted after the mark
]


@pytest.mark.parametrize(("data", "where"), NOT_UTF8)
def test_not_utf8_names_the_byte_and_its_line(data: bytes, where: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "f.json")
    assert caught.value.problems == [
        f"f.json: expected UTF-8 text; got {where}, which is not UTF-8 (save the file as UTF-8)."
    ]


@pytest.mark.parametrize(
    ("path", "shown"),
    [("-", "stdin"), ("note.txt", "note.txt"), ("a\x1b[31m.txt", "a\\x1b[31m.txt")],
)
def test_name(path: str, shown: str) -> None:
    assert name(path) == shown


def test_a_file_at_the_cap_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    cap = CAPS["input_bytes"]
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * cap)
    assert len(read(str(path))) == cap
    path.write_bytes(b"a" * (cap + 1))
    with pytest.raises(InputError) as caught:
        read(str(path))
    assert caught.value.problems == [f"{path}: expected at most 2,000,000 bytes; got more."]


def test_a_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read(str(tmp_path / "none.json"))
    assert caught.value.problems == [
        f"{tmp_path / 'none.json'}: cannot read: No such file or directory."
    ]
    with pytest.raises(InputError) as caught:
        read(str(tmp_path))
    assert caught.value.problems == [f"{tmp_path}: cannot read: Is a directory."]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"went": "well"}')))
    assert json_input("-") == {"went": "well"}
    monkeypatch.setattr(sys, "stdin", None)  # as under pythonw, or with stdin closed
    with pytest.raises(InputError) as caught:
        text_input("-")
    assert caught.value.problems == ["stdin: cannot read: there is no standard input."]


def test_files_are_named_by_their_path_in_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"Dear Ana,\r\nthanks.\xe9")
    with pytest.raises(InputError) as caught:
        text_input(str(path))
    assert caught.value.problems[0].startswith(f"{path}: expected UTF-8 text; got byte 0xe9")
    path.write_bytes(b'{"a": 1,\n"a": 2}')
    with pytest.raises(InputError) as caught:
        json_input(str(path))
    assert caught.value.problems == [
        f"{path}: a: expected each key once in an object; got it 2 times."
    ]
