"""The input: a reader's situation after an interview, its fields, and parsing with collected errors.

Every field is described once, in ``FIELDS``; parsing, the JSON Schema, the CLI flags and the
documentation are all derived from that table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import InputError, choices, shown


@dataclass(frozen=True)
class Field:
    name: str
    doc: str
    values: tuple[str, ...] = ()  # an enumeration when non-empty
    kind: str = "enum"  # enum | number | bool | text | interviewers | recruiter
    default: Any = None
    required: bool = False


FIELDS: tuple[Field, ...] = (
    Field(
        "went", "How the interview went.", ("well", "mixed", "poorly", "disaster"), required=True
    ),
    Field(
        "interest",
        "Whether you still want the job.",
        ("keen", "unsure", "withdrawing"),
        default="keen",
    ),
    Field("hours_since", "Hours since the interview ended.", kind="number", default=0),
    Field(
        "decision",
        "When they said they would decide.",
        ("same_day", "within_week", "later", "unknown"),
        default="unknown",
    ),
    Field(
        "preferred_medium",
        "How you would like to send it.",
        ("email", "handwritten", "no_preference"),
        default="no_preference",
    ),
    Field(
        "writing_confidence",
        "How sure you are of your writing.",
        ("confident", "not_confident"),
        default="confident",
    ),
    Field(
        "handwriting", "How legible your handwriting is.", ("legible", "poor"), default="legible"
    ),
    Field(
        "interviewer_engaged",
        "false if the interviewer limped through it and you may have been filler.",
        kind="bool",
        default=True,
    ),
    Field(
        "informational",
        "true for an informational interview (a conversation, not a job).",
        kind="bool",
        default=False,
    ),
    Field("interviewers", "The people who interviewed you.", kind="interviewers", default=()),
    Field("recruiter", "The recruiter running the process, or null.", kind="recruiter"),
    Field("job_title", "The job's title.", kind="text"),
    Field("company", "The company's name.", kind="text"),
    Field("candidate_name", "Your name, to sign the notes.", kind="text"),
    Field("highlights", "What went well or what you want them to remember.", kind="text"),
    Field("forgot_to_mention", "Something relevant you forgot to say.", kind="text"),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}

INTERVIEWER_KEYS = ("name", "role", "email_known", "lead", "topics")
RECRUITER_KEYS = ("name", "email_known")


@dataclass(frozen=True)
class Person:
    name: str
    email_known: bool = False
    role: str | None = None
    lead: bool = False
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Situation:
    went: str
    interest: str = "keen"
    hours_since: float = 0
    decision: str = "unknown"
    preferred_medium: str = "no_preference"
    writing_confidence: str = "confident"
    handwriting: str = "legible"
    interviewer_engaged: bool = True
    informational: bool = False
    interviewers: tuple[Person, ...] = ()
    recruiter: Person | None = None
    job_title: str | None = None
    company: str | None = None
    candidate_name: str | None = None
    highlights: str | None = None
    forgot_to_mention: str | None = None


class _Collector:
    """Gathers problems under a common prefix so a reader sees all of them at once."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.problems: list[str] = []

    def add(self, path: str, text: str) -> None:
        self.problems.append(f"{self.where}: {path}: {text}")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(c: _Collector, path: str, value: object, *, required: bool = False) -> str | None:
    if isinstance(value, str) and (value.strip() or not required):
        return value.strip() or None
    c.add(path, f"expected {'a non-empty' if required else 'a'} string; got {shown(value)}.")
    return None


def _bool(c: _Collector, path: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    c.add(path, f"expected true or false; got {shown(value)}.")
    return False


def _keys(c: _Collector, path: str, obj: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    for key in obj:
        if key not in allowed:
            c.add(f"{path}.{key}", f"unknown field; valid fields: {choices(allowed)}.")


def _person(c: _Collector, path: str, value: object, allowed: tuple[str, ...]) -> Person | None:
    if not isinstance(value, dict):
        c.add(path, f"expected an object with fields {choices(allowed)}; got {shown(value)}.")
        return None
    _keys(c, path, value, allowed)
    if "name" not in value:
        c.add(f"{path}.name", "required; expected a non-empty string.")
    name = (
        _text(c, f"{path}.name", value.get("name", ""), required=True) if "name" in value else None
    )
    email_known = _bool(c, f"{path}.email_known", value.get("email_known", False))
    role = _text(c, f"{path}.role", value["role"]) if "role" in value else None
    lead = _bool(c, f"{path}.lead", value.get("lead", False))
    topics: list[str] = []
    raw_topics = value.get("topics", [])
    if not isinstance(raw_topics, list):
        c.add(f"{path}.topics", f"expected a list of strings; got {shown(raw_topics)}.")
    else:
        for i, topic in enumerate(raw_topics):
            text = _text(c, f"{path}.topics[{i}]", topic, required=True)
            if text:
                topics.append(text)
    if name is None:
        return None
    return Person(name=name, email_known=email_known, role=role, lead=lead, topics=tuple(topics))


def _value(c: _Collector, spec: Field, value: object) -> Any:
    if spec.kind == "enum":
        if isinstance(value, str) and value in spec.values:
            return value
        c.add(spec.name, f"expected one of {choices(spec.values)}; got {shown(value)}.")
    elif spec.kind == "number":
        if _is_number(value) and value >= 0 and value == value:  # type: ignore[operator]
            return value
        c.add(spec.name, f"expected a number ≥ 0; got {shown(value)}.")
    elif spec.kind == "bool":
        return _bool(c, spec.name, value)
    elif spec.kind == "text":
        return _text(c, spec.name, value)
    elif spec.kind == "interviewers":
        if not isinstance(value, list):
            c.add(spec.name, f"expected a list of interviewers; got {shown(value)}.")
            return ()
        people = [_person(c, f"{spec.name}[{i}]", v, INTERVIEWER_KEYS) for i, v in enumerate(value)]
        return tuple(p for p in people if p is not None)
    elif spec.kind == "recruiter":
        return None if value is None else _person(c, spec.name, value, RECRUITER_KEYS)
    return spec.default


def parse(data: object, where: str = "situation") -> Situation:
    """Build a Situation from JSON-like data, or raise InputError listing every problem."""
    c = _Collector(where)
    if not isinstance(data, dict):
        raise InputError([f"{where}: expected a JSON object; got {shown(data)}."])
    values: dict[str, Any] = {}
    for key in data:
        if key not in FIELD_BY_NAME:
            c.add(key, f"unknown field; valid fields: {choices(FIELD_BY_NAME)}.")
    for spec in FIELDS:
        if spec.name in data:
            values[spec.name] = _value(c, spec, data[spec.name])
        elif spec.required:
            c.add(spec.name, f"required; expected one of {choices(spec.values)}.")
    if c.problems:
        raise InputError(c.problems)
    return Situation(**values)
