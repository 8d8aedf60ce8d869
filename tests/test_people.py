"""The people in a situation: interviewers as objects, references as names, a recruiter."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip.errors import Problems
from sendorskip.people import RECRUITER_KEYS, Person, ordinal, people, person

INTERVIEWER_FIELDS = "'name', 'role', 'email_known', 'lead', 'topics', 'add'"
INTERVIEWERS: list[tuple[str, Any, tuple[Person, ...], list[str]]] = [
    # (case, the list as sent, the people read, problems)
    (
        "every field",
        [{"name": " Ana Ruiz ", "role": "EM", "email_known": True, "lead": True, "topics": ["caching", "on-call"], "add": "I led it."}],
        (Person("Ana Ruiz", True, "EM", True, ("caching", "on-call"), "I led it."),),
        [],
    ),
    ("a name alone", [{"name": "Ana"}], (Person("Ana"),), []),
    ("not a list", "Ana", (), ["interviewers: expected a list of interviewers; got 'Ana'."]),
    ("a name for an object", ["Ana"], (), [f"interviewers[0]: expected an object with fields {INTERVIEWER_FIELDS}; got 'Ana'."]),
    ("no name", [{"email_known": True}], (), ["interviewers[0].name: required; expected some text."]),
    ("a blank name", [{"name": " "}], (), ["interviewers[0].name: expected some text; got ' '."]),
    ("an unknown field", [{"name": "Ana", "mail": "a@b"}], (Person("Ana"),), [f"interviewers[0].mail: unknown field; valid fields: {INTERVIEWER_FIELDS}."]),
    ("topics as text", [{"name": "Ana", "topics": "caching"}], (Person("Ana"),), ["interviewers[0].topics: expected a list of strings; got 'caching'."]),
    (
        "a blank topic and a number among topics",
        [{"name": "Ana", "topics": ["caching", " ", 3]}],
        (Person("Ana", topics=("caching",)),),
        ["interviewers[0].topics[1]: expected some text; got ' '.", "interviewers[0].topics[2]: expected a string; got 3."],
    ),
    ("topics past the cap", [{"name": "Ana", "topics": ["t"] * 11}], (Person("Ana"),), ["interviewers[0].topics: expected at most 10 topics; got 11."]),
    ("lead as text", [{"name": "Ana", "lead": "yes"}], (Person("Ana"),), ["interviewers[0].lead: expected true or false; got 'yes'."]),
    (
        "the same person twice, in another case",
        [{"name": "Ana Ruiz"}, {"name": "Bo Li"}, {"name": "ana ruiz"}],
        (Person("Ana Ruiz"), Person("Bo Li"), Person("ana ruiz")),
        ["interviewers[2].name: expected each interviewer once; got 'ana ruiz' again (the 1st interviewer has that name): if they are two people, add a family name or an initial to tell them apart."],
    ),
    ("past the cap", [{"name": "A"}] * 51, (), ["interviewers: expected at most 50 interviewers; got 51."]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "found", "problems"), [i[1:] for i in INTERVIEWERS], ids=[i[0] for i in INTERVIEWERS]
)
def test_interviewers(value: Any, found: tuple[Person, ...], problems: list[str]) -> None:
    c = Problems("situation")
    assert people(c, "interviewers", value, "interviewer") == found
    assert c.problems == [f"situation: {p}" for p in problems]


REFERENCES: list[tuple[str, Any, tuple[Person, ...], list[str]]] = [
    # You gave them as references, so you can reach them: each note goes by email.
    ("names", ["Sam Lee", " Kim "], (Person("Sam Lee", True), Person("Kim", True)), []),
    ("not a list", "Sam", (), ["references: expected a list of names; got 'Sam'."]),
    ("an object for a name", [{"name": "Sam"}], (), ["references[0]: expected a string; got an object."]),
    ("a blank name", ["Sam", ""], (Person("Sam", True),), ["references[1]: expected some text; got ''."]),
    (
        "the same name twice",
        ["Sam", "SAM"],
        (Person("Sam", True), Person("SAM", True)),
        ["references[1]: expected each reference once; got 'SAM' again (the 1st reference has that name): if they are two people, add a family name or an initial to tell them apart."],
    ),
    ("past the cap", ["Sam"] * 11, (), ["references: expected at most 10 references; got 11."]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "found", "problems"), [r[1:] for r in REFERENCES], ids=[r[0] for r in REFERENCES]
)
def test_references(value: Any, found: tuple[Person, ...], problems: list[str]) -> None:
    c = Problems("situation")
    assert people(c, "references", value, "reference") == found
    assert c.problems == [f"situation: {p}" for p in problems]


RECRUITER_FIELDS = "'name', 'email_known'"
RECRUITERS: list[tuple[str, Any, Person | None, list[str]]] = [
    ("a name and an address", {"name": "Sam Lee", "email_known": True}, Person("Sam Lee", True), []),
    ("a name for an object", "Sam", None, [f"recruiter: expected an object with fields {RECRUITER_FIELDS}; got 'Sam'."]),
    ("no name", {}, None, ["recruiter.name: required; expected some text."]),
    # Only reported as unknown: not also read as an interviewer's, nor kept.
    ("an interviewer's field", {"name": "Sam", "role": "HR"}, Person("Sam"), [f"recruiter.role: unknown field; valid fields: {RECRUITER_FIELDS}."]),
    ("an interviewer's field, wrongly typed", {"name": "Sam", "lead": "yes"}, Person("Sam"), [f"recruiter.lead: unknown field; valid fields: {RECRUITER_FIELDS}."]),
    ("email_known as text", {"name": "Sam", "email_known": "yes"}, Person("Sam"), ["recruiter.email_known: expected true or false; got 'yes'."]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "found", "problems"), [r[1:] for r in RECRUITERS], ids=[r[0] for r in RECRUITERS]
)
def test_recruiter(value: Any, found: Person | None, problems: list[str]) -> None:
    c = Problems("situation")
    assert person(c, "recruiter", value, RECRUITER_KEYS) == found
    assert c.problems == [f"situation: {p}" for p in problems]


@pytest.mark.parametrize(
    ("n", "said"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (21, "21st")],
)
def test_a_person_is_counted_as_a_reader_counts(n: int, said: str) -> None:
    assert ordinal(n) == said
