"""The situation as command-line flags: a flag for each field of the situation, and the
situation (with the problems only a command line can have) that the given flags make.

Values are checked after parsing, so that every problem is reported at once, in our words.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from .errors import choices, shown
from .intake import MAX_DIGITS
from .people import ordinal
from .situation import FIELDS, Field

# The words a boolean flag takes: JSON's, as the README documents; anything else is an error.
BOOLEANS = {"true": True, "false": False}
# A number on the command line is written as in JSON (no 'nan', 'inf', '1_000' or spaces).
NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
# The parts each person flag takes after the name, as the help shows them.
PERSON_PARTS = {
    "--interviewer": {
        "role": "role=…",
        "email": "email",
        "lead": "lead",
        "topics": "topics=a|b",
        "add": "add=…",
    },
    "--recruiter": {"email": "email"},
    "--referrer": {"email": "email"},
}
# Fields that hold a list of people take one flag per person, named in the singular.
LIST_FLAGS = {"interviewers": "interviewer", "references": "reference"}


def _dest(spec: Field) -> str:
    return LIST_FLAGS.get(spec.name, spec.name)


def _flag(spec: Field) -> str:
    return "--" + _dest(spec).replace("_", "-")


def _person(spec: str, flag: str, problems: list[str]) -> dict[str, Any]:
    """'Name' or 'Name;role=CTO;email;lead;topics=caching|hiring;add=I shipped…' for
    --interviewer. A sentence to add holds no ';' (it would end the part)."""
    name, *parts = [p.strip() for p in spec.split(";")]
    person: dict[str, Any] = {"name": name}
    allowed = PERSON_PARTS[flag]
    for part in parts:
        key, eq, value = part.partition("=")
        takes_value = key in ("role", "topics", "add")
        if key not in allowed or (not value if takes_value else bool(eq)):
            expected = ("one of " if len(allowed) > 1 else "") + choices(allowed.values())
            problems.append(f"{flag} {shown(spec)}: {shown(part)}: expected {expected}.")
        elif key == "topics":
            person["topics"] = [t.strip() for t in value.split("|")]
        elif key in ("role", "add"):
            person[key] = value
        else:
            person["email_known" if key == "email" else "lead"] = True
    return person


def _number(value: str) -> int | float | None:
    if len(value) > MAX_DIGITS or not NUMBER.fullmatch(value):
        return None
    return int(value) if value.lstrip("-").isdigit() else float(value)


def situation_from_flags(args: argparse.Namespace) -> tuple[dict[str, Any], list[str]]:
    """The situation the flags give, and the problems only the command line can have."""
    data: dict[str, Any] = {}
    problems: list[str] = []
    for spec in FIELDS:
        value = getattr(args, spec.name, None)
        if value is None or spec.kind in ("interviewers", "recruiter", "names"):
            continue
        if spec.kind == "bool":
            if value in BOOLEANS:
                data[spec.name] = BOOLEANS[value]
            else:
                problems.append(
                    f"{_flag(spec)}: expected one of {choices(BOOLEANS)}; got {shown(value)}."
                )
        elif spec.kind in ("number", "days"):
            number = _number(value)
            if number is None:
                problems.append(f"{_flag(spec)}: expected a number; got {shown(value)}.")
            else:
                data[spec.name] = number
        else:
            data[spec.name] = value  # enumerations and text: the API checks them
    for spec in FIELDS:
        given = getattr(args, _dest(spec))
        if spec.kind == "interviewers" and given:
            data[spec.name] = [_person(s, _flag(spec), problems) for s in given]
        elif spec.kind == "names" and given:
            data[spec.name] = given
        elif spec.kind == "recruiter" and given:
            data[spec.name] = _person(given, _flag(spec), problems)
    for given in args.answer or ():
        # A career center's own question: NAME=VALUE, true/false for a yes-no one.
        name, eq, value = given.partition("=")
        if not eq or not name:
            problems.append(
                f"--answer: expected NAME=VALUE, such as on_campus=true; got {shown(given)}."
            )
        else:
            data[name.strip()] = BOOLEANS.get(value.strip(), value.strip())
    return data, problems


def flag_for(field: str) -> str | None:
    """How the command line gives a field the form asks for ("topics" ->
    "--interviewer 'NAME;topics=a|b'"), or None if it cannot (a center's own question)."""
    owner, dot, key = field.rpartition(".")
    if not dot and field in ("topics", "add"):
        owner, key = "interviewers", field  # asked of each interviewer
    people = {f.name: _flag(f) for f in FIELDS if f.kind in ("interviewers", "recruiter")}
    if owner in people:
        flag = people[owner]
        part = PERSON_PARTS[flag].get(key.removesuffix("_known"))
        return f"{flag} 'NAME;{part}'" if part else f"{flag} 'NAME'" if key == "name" else None
    spec = next((f for f in FIELDS if f.name == field), None)
    return _flag(spec) if spec else None


# "situation: interviewers[1].name: …", as the API names a field, for the flag's own naming.
_API_PATH = re.compile(r"^situation: (?P<field>\w+)(?:\[(?P<i>\d+)\])?(?:\.(?P<key>\w+))?: ")


def as_flags(problem: str) -> str:
    """A problem the API found in a situation given by flags, named by its flag ("--stage: …",
    "--interviewer (the 2nd): name: …"); a field with no flag keeps the API's name."""
    m = _API_PATH.match(problem)
    spec = next((f for f in FIELDS if m and f.name == m["field"]), None)
    if not m or not spec:
        return problem
    where = _flag(spec) + (f" (the {ordinal(int(m['i']) + 1)})" if m["i"] else "")
    return f"{where}: {m['key'] + ': ' if m['key'] else ''}{problem[m.end() :]}"


def flags_given(args: argparse.Namespace) -> list[str]:
    given = [_flag(spec) for spec in FIELDS if getattr(args, _dest(spec)) is not None]
    return given + (["--answer"] if args.answer else [])


def add_situation_flags(p: argparse.ArgumentParser) -> None:
    for spec in FIELDS:
        flag = _flag(spec)
        if spec.kind == "enum":
            p.add_argument(flag, metavar="|".join(spec.values), help=spec.doc)
        elif spec.kind in ("number", "days"):
            p.add_argument(flag, metavar="NUMBER", help=spec.doc)
        elif spec.kind == "bool":
            p.add_argument(flag, metavar="|".join(BOOLEANS), help=spec.doc)
        elif spec.kind in ("text", "country"):
            p.add_argument(flag, help=spec.doc)
        elif spec.kind == "recruiter":
            p.add_argument(flag, metavar="'NAME[;email]'", help=spec.doc)
    p.add_argument(
        "--answer",
        action="append",
        metavar="NAME=VALUE",
        help="An answer to one of a career center's own questions; repeat for several.",
    )
    p.add_argument(
        "--interviewer",
        action="append",
        metavar="'NAME[;role=R][;email][;lead][;topics=a|b][;add=SENTENCE]'",
        help="An interviewer; repeat for a panel. add=: one more thing you would tell them, as a"
        " sentence.",
    )
    p.add_argument(
        "--reference",
        action="append",
        metavar="NAME",
        help="Someone who agreed to be your reference; repeat for several.",
    )
