"""The situation the command line's flags make, before the API checks it. What the command
prints for each problem, with its exit status, is pinned in test_hostile.py."""

from __future__ import annotations

import argparse
import shlex
from typing import Any

import pytest

from sendorskip.flags import (
    LIST_FLAGS,
    add_situation_flags,
    as_flags,
    flag_for,
    flags_given,
    situation_from_flags,
)
from sendorskip.situation import FIELDS


def parse(argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_situation_flags(parser)
    return parser.parse_args(shlex.split(argv))


# flags: (the situation they give, the problems only a command line can have, in the order of
# the situation's fields)
SITUATIONS: dict[str, tuple[dict[str, Any], list[str]]] = {
    "": ({}, []),
    "--went well --company Acme": ({"went": "well", "company": "Acme"}, []),
    # Enumerations and text pass as written: the API checks them, with every other problem.
    "--went great": ({"went": "great"}, []),
    "--informational true --interviewer-engaged false": (
        {"informational": True, "interviewer_engaged": False},
        [],
    ),
    "--hours-since 5.5 --response-expected-in-days 12": (
        {"hours_since": 5.5, "response_expected_in_days": 12},
        [],
    ),
    "--hours-since -3 --response-expected-in-days 1e1": (
        {"hours_since": -3, "response_expected_in_days": 10.0},
        [],
    ),
    "--interviewer 'Ana Ruiz;role=CTO;email;lead;topics=caching | hiring' --interviewer Bo": (
        {
            "interviewers": [
                {
                    "name": "Ana Ruiz",
                    "role": "CTO",
                    "email_known": True,
                    "lead": True,
                    "topics": ["caching", "hiring"],
                },
                {"name": "Bo"},
            ]
        },
        [],
    ),
    "--interviewer 'Ana;add=I led the same migration at Acme.'": (
        {"interviewers": [{"name": "Ana", "add": "I led the same migration at Acme."}]},
        [],
    ),
    "--recruiter 'Sam Lee;email' --reference 'Dr. Maria Lopez' --reference 'Ben Ode'": (
        {
            "recruiter": {"name": "Sam Lee", "email_known": True},
            "references": ["Dr. Maria Lopez", "Ben Ode"],
        },
        [],
    ),
    "--answer on_campus=true --answer ' track = design '": (
        {"on_campus": True, "track": "design"},
        [],
    ),
    "--informational maybe --hours-since 1_000 --response-expected-in-days inf": (
        {},
        [
            "--hours-since: expected a number; got '1_000'.",
            "--informational: expected one of 'true', 'false'; got 'maybe'.",
            "--response-expected-in-days: expected a number; got 'inf'.",
        ],
    ),
    "--informational yes --interviewer 'Ana;role' --recruiter 'Sam;lead' --answer =x": (
        {"interviewers": [{"name": "Ana"}], "recruiter": {"name": "Sam"}},
        [
            "--informational: expected one of 'true', 'false'; got 'yes'.",
            "--interviewer 'Ana;role': 'role': expected one of 'role=…', 'email', 'lead', "
            "'topics=a|b', 'add=…'.",
            "--recruiter 'Sam;lead': 'lead': expected 'email'.",
            "--answer: expected NAME=VALUE, such as on_campus=true; got '=x'.",
        ],
    ),
}


@pytest.mark.parametrize("argv", SITUATIONS)
def test_flags_make_the_situation(argv: str) -> None:
    assert situation_from_flags(parse(argv)) == SITUATIONS[argv]


def test_every_field_has_a_flag() -> None:
    fields = {LIST_FLAGS.get(f.name, f.name) for f in FIELDS}
    assert set(vars(parse(""))) == fields | {"answer"}


def test_flags_given_names_each_flag_as_written() -> None:
    given = flags_given(parse("--went well --interviewer Ana --reference Bo --answer a=b"))
    assert given == ["--went", "--interviewer", "--reference", "--answer"]


@pytest.mark.parametrize(
    ("field", "flag"),
    [
        ("topics", "--interviewer 'NAME;topics=a|b'"),  # asked of each interviewer
        ("add", "--interviewer 'NAME;add=…'"),
        ("interviewers.name", "--interviewer 'NAME'"),
        ("interviewers.email_known", "--interviewer 'NAME;email'"),
        ("recruiter.email_known", "--recruiter 'NAME;email'"),
        ("referrer.name", "--referrer 'NAME'"),
        ("candidate_name", "--candidate-name"),
        ("references", "--reference"),
        ("notes.text", None),  # not a situation's field
        ("interviewers.shoe_size", None),
    ],
)
def test_flag_for_a_field_the_form_asks(field: str, flag: str | None) -> None:
    assert flag_for(field) == flag


@pytest.mark.parametrize(
    ("problem", "said"),
    [
        ("situation: stage: expected one of 'final'; got 'x'.", "--stage: expected one of 'final'; got 'x'."),
        ("situation: interviewers[1].name: expected some text; got ''.", "--interviewer (the 2nd): name: expected some text; got ''."),
        ("situation: recruiter.name: expected some text; got ''.", "--recruiter: name: expected some text; got ''."),
        ("situation: references[0]: expected some text; got ''.", "--reference (the 1st): expected some text; got ''."),
        # No flag of ours: a center's question, named as --answer gave it.
        ("situation: on_campus: unknown field; valid fields: 'went'.", "situation: on_campus: unknown field; valid fields: 'went'."),
    ],
)  # fmt: skip
def test_a_problem_the_api_finds_is_named_by_its_flag(problem: str, said: str) -> None:
    assert as_flags(problem) == said
