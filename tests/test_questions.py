"""A career center's own questions: fields of the situation, facts its rules test, in the schema
and on the command line; every mistake in questions.toml reported together."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sendorskip import api
from sendorskip.errors import DataError, InputError
from sendorskip.knowledge import Knowledge, load

QUESTIONS = """
[[question]]
id = "on_campus"
label = "Was it an on-campus interview?"
help = "Held at the Northfield career center."
type = "yes-no"
default = false

[[question]]
id = "employer_kind"
label = "Who is the employer?"
type = "choice"
choices = ["partner", "other"]
default = "other"
"""
# The example the issue asks for: our employer partners expect handwritten notes after
# on-campus interviews.
RULE = """
[[rule]]
id = "NFC102"
name = "partners-want-cards"
when = { on_campus = true, employer_kind = "partner" }
effect = { medium = "handwritten", tip = "Our employer partners expect a handwritten card." }
message = "After an on-campus interview with one of our employer partners, send a handwritten card."
why = "Our employer relations team: partners expect one."
voices = []
examples.fires = [{ went = "well", on_campus = true, employer_kind = "partner" }]
examples.silent = [{ went = "well", on_campus = true }, { went = "well" }]
"""


@pytest.fixture
def kb(tmp_path: Path) -> Knowledge:
    (tmp_path / "questions.toml").write_text(QUESTIONS, "utf-8")
    (tmp_path / "rules.toml").write_text(RULE, "utf-8")
    return load(tmp_path)


def test_a_centers_question_is_a_fact_its_rule_tests(kb: Knowledge) -> None:
    asked = {"went": "well", "on_campus": True, "employer_kind": "partner"}
    advice = api.advise(asked, kb)
    assert "NFC102" in [r["id"] for r in advice["reasons"]]
    assert advice["plan"]["medium"] == "handwritten"
    assert "NFC102" not in [r["id"] for r in api.advise({"went": "well"}, kb)["reasons"]]


def test_the_schema_lists_the_questions(kb: Knowledge) -> None:
    properties = api.situation_schema(kb)["properties"]
    assert properties["on_campus"] == {
        "type": "boolean",
        "description": "Was it an on-campus interview?",
        "default": False,
    }
    assert properties["employer_kind"]["enum"] == ["partner", "other"]


ANSWERS = [
    (
        {"went": "well", "on_campus": "yes"},
        "situation: on_campus: expected true or false; got 'yes'.",
    ),
    (
        {"went": "well", "employer_kind": "friend"},
        "situation: employer_kind: expected one of 'partner', 'other'; got 'friend'.",
    ),
]


@pytest.mark.parametrize(("situation", "problem"), ANSWERS)
def test_a_bad_answer_names_the_question(kb: Knowledge, situation: object, problem: str) -> None:
    with pytest.raises(InputError) as exc:
        api.advise(situation, kb)
    assert exc.value.problems == [problem]


def test_without_the_questions_the_field_is_unknown() -> None:
    with pytest.raises(InputError) as exc:
        api.advise({"went": "well", "on_campus": True})
    assert exc.value.problems[0].startswith("situation: on_campus: unknown field; valid fields:")


def test_the_cli_takes_answers(tmp_path: Path) -> None:
    (tmp_path / "questions.toml").write_text(QUESTIONS, "utf-8")
    (tmp_path / "rules.toml").write_text(RULE, "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sendorskip",
            "--overrides",
            str(tmp_path),
            "advise",
            "--went",
            "well",
            "--answer",
            "on_campus=true",
            "--answer",
            "employer_kind=partner",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "After an on-campus interview with one of our employer partners" in done.stdout
    schema = subprocess.run(
        [sys.executable, "-m", "sendorskip", "--overrides", str(tmp_path), "schema"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "on_campus" in json.loads(schema.stdout)["properties"]


MISTAKES = [
    (
        '[[question]]\nid = "On Campus"\nlabel = "x"\ntype = "yes-no"\ndefault = false\n',
        "question On Campus: id: expected a name in lower case, letters, digits and underscores, such as"
        " 'on_campus'; got 'On Campus'.",
    ),
    (
        '[[question]]\nid = "went"\nlabel = "x"\ntype = "yes-no"\ndefault = false\n',
        "question went: id: already a field of the situation or a fact; choose another name.",
    ),
    (
        '[[question]]\nid = "fair"\nlabel = "x"\ntype = "yes-no"\ndefault = "no"\n',
        "question fair: default: expected true or false; got 'no'.",
    ),
    (
        '[[question]]\nid = "fair"\nlabel = "x"\ntype = "choice"\nchoices = ["a"]\ndefault = "a"\n',
        "question fair: choices: expected a list of two or more names in lower case, such as"
        " ['career_fair', 'office']; got a list.",
    ),
    (
        '[[question]]\nid = "fair"\nlabel = "x"\ntype = "slider"\ndefault = 1\n',
        "question fair: type: expected one of 'yes-no', 'choice'; got 'slider'.",
    ),
]


def test_every_field_of_a_question_is_reported_at_once(tmp_path: Path) -> None:
    text = '[[question]]\nid = "on-campus"\nlabel = "x"\ntype = "yesno"\ndefault = "no"\n'
    (tmp_path / "questions.toml").write_text(text, "utf-8")
    with pytest.raises(DataError) as exc:
        load(tmp_path)
    where = f"{tmp_path / 'questions.toml'}: question on-campus"
    assert exc.value.problems[:2] == [
        f"{where}: id: expected a name in lower case, letters, digits and underscores, such as"
        " 'on_campus'; got 'on-campus'.",
        # The default's valid values depend on the type, which is unknown: not a word on it.
        f"{where}: type: expected one of 'yes-no', 'choice'; got 'yesno'.",
    ]


@pytest.mark.parametrize(("text", "problem"), MISTAKES)
def test_each_mistake_in_questions_is_reported(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "questions.toml").write_text(text, "utf-8")
    with pytest.raises(DataError) as exc:
        load(tmp_path)
    assert f"{tmp_path / 'questions.toml'}: {problem}" in exc.value.problems
