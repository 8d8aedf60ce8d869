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
    (
        "delete",
        "{}",
        ["bridge: unknown operation 'delete'; valid: advise, check, schema, calendar."],
    ),
]


@pytest.mark.parametrize(("op", "text", "problems"), BAD)
def test_bad_requests_come_back_as_problems_never_exceptions(
    op: str, text: str, problems: list[str]
) -> None:
    answer = json.loads(call(op, text))
    assert answer["ok"] is False and answer["problems"] == problems
    assert len(answer["records"]) == len(problems)


def test_each_problem_is_also_a_record_naming_its_field() -> None:
    situation = {"went": "well", "hours_since": -5, "interviewers": [{"name": "A"}, {"name": "a"}]}
    answer = json.loads(call("advise", json.dumps(situation)))
    assert answer["problems"] == [
        "situation: hours_since: expected a number from 0 to 8,760 (one year); got -5.",
        "situation: interviewers[1].name: expected each interviewer once; got 'a' again "
        "(the 1st interviewer has that name): if they are two people, add a family name or an initial to tell"
        " them apart.",
    ]
    assert answer["records"] == [
        {
            "file": "situation",
            "item": "",
            "field": "hours_since",
            "message": "Expected a number from 0 to 8,760 (one year); got -5.",
        },
        {
            "file": "situation",
            "item": "",
            "field": "interviewers[1].name",
            "message": "Expected each interviewer once; got 'a' again (the 1st interviewer has that name): if they"
            " are two people, add a family name or an initial to tell them apart.",
        },
    ]


def test_a_problem_without_a_field_is_a_record_of_the_whole_input() -> None:
    answer = json.loads(call("advise", "{"))
    assert answer["records"] == [
        {"file": "", "item": "", "field": "", "message": answer["problems"][0]}
    ]


def test_the_pages_views_add_words_to_the_api_answers() -> None:
    situation = SITUATIONS["panel-of-three"]
    advice = json.loads(call("page-advice", json.dumps(situation)))["result"]
    added = ("plan_lines", "follow_up_lines")
    assert {k: v for k, v in advice.items() if k not in added} == api.advise(situation)
    note = {"notes": [{"text": "Dear [Name], [Name] again. I really need this job."}]}
    groups = json.loads(call("page-findings", json.dumps(note)))["result"]["groups"]
    found = api.check(note)["findings"]
    assert sum(len(g["places"]) for g in groups) == len(found)
    assert len({g["check"] for g in groups}) == len(groups)
