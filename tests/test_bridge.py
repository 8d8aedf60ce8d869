"""The browser's entry point, run in CPython: JSON text in, JSON text out, strict reading."""

from __future__ import annotations

import json

import pytest

from sendorskip import api
from sendorskip.bridge import call

from .conftest import SITUATIONS


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_advise_through_the_bridge_is_the_api(name: str) -> None:
    answer = json.loads(call("advise", json.dumps(SITUATIONS[name])))
    assert answer == {"ok": True, "result": api.advise(SITUATIONS[name])}


BAD: list[tuple[str, str, list[str]]] = [
    (
        "advise",
        '{"went": "well", "went": "poorly"}',
        ["advise: went: expected each key once in an object; got it 2 times."],
    ),
    (
        "advise",
        "[" * 100 + "]" * 100,
        ["advise: expected lists and objects nested at most 32 deep; got 100."],
    ),
    (
        "check",
        "{",
        [
            "check: not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2."
        ],
    ),
    (
        "advise",
        '{"went": "amazing"}',
        ["situation: went: expected one of 'well', 'mixed', 'poorly', 'disaster'; got 'amazing'."],
    ),
    ("delete", "{}", ["bridge: unknown operation 'delete'; valid: advise, check, schema."]),
]


@pytest.mark.parametrize(("op", "text", "problems"), BAD)
def test_bad_requests_come_back_as_problems_never_exceptions(
    op: str, text: str, problems: list[str]
) -> None:
    assert json.loads(call(op, text)) == {"ok": False, "problems": problems}
