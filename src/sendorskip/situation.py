"""The input: a reader's situation after an interview, its fields, and parsing with collected errors.

Every field is described once, in ``FIELDS``; parsing, the JSON Schema, the CLI flags and the
documentation are all derived from that table. Every cap on the input is in ``CAPS``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final

from .countries import ISO_3166_ALPHA2
from .errors import InputError, Problems, choices, named, shown

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
        "clarify": 300,  # an answer you want to clarify or add to
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


@dataclass(frozen=True)
class Field:
    name: str
    doc: str
    values: tuple[str, ...] = ()  # an enumeration when non-empty
    kind: str = "enum"  # enum | number | days | bool | text | country | interviewers | recruiter
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
    Field("why_this_job", "Why you want this job, in a sentence (said once).", kind="text"),
    Field(
        "stage",
        "Which round it was.",
        ("screening", "first_round", "later_round", "final", "unknown"),
        default="unknown",
    ),
    Field("format", "How it was held.", ("in_person", "video", "phone"), default="in_person"),
    Field("outcome", "Whether you have heard back.", ("pending", "rejected"), default="pending"),
    Field("country", "Where the job is: an ISO 3166-1 alpha-2 code such as 'JP'.", kind="country"),
    Field(
        "response_expected_in_days",
        "When they said you would hear, in days after the interview.",
        kind="days",
    ),
    Field("promised", "What you said you would send (a link, samples, references).", kind="text"),
    Field("clarify", "An answer you want to clarify or add to, in a sentence.", kind="text"),
    Field("referrer", "Who referred you for the job, or null.", kind="recruiter"),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}

INTERVIEWER_KEYS = ("name", "role", "email_known", "lead", "topics", "add")
RECRUITER_KEYS = ("name", "email_known")


@dataclass(frozen=True)
class Person:
    name: str
    email_known: bool = False
    role: str | None = None
    lead: bool = False
    topics: tuple[str, ...] = ()
    add: str | None = None  # one thing to add or clarify for this person


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
    why_this_job: str | None = None
    stage: str = "unknown"
    format: str = "in_person"
    outcome: str = "pending"
    country: str | None = None
    response_expected_in_days: float | None = None
    promised: str | None = None
    clarify: str | None = None
    referrer: Person | None = None
    answers: tuple[tuple[str, str | bool], ...] = ()  # a career center's own questions


Extra = Mapping[str, tuple[str | bool, ...]]
NO_EXTRA: Extra = MappingProxyType({})
PLACEHOLDER_INTERVIEWER = Person(name="[interviewer's name]")


def lead_of(situation: Situation) -> Person:
    """Who led the interview: the one marked lead, else the first named, else a placeholder.

    The one definition: the facts rules test, the plan and the drafts all ask this.
    """
    people = situation.interviewers
    return next((p for p in people if p.lead), people[0] if people else PLACEHOLDER_INTERVIEWER)


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
        c.add(path, f"expected a non-empty string; got {shown(value)}.")
    return stripped or None


def _bool(c: Problems, path: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    c.add(path, f"expected true or false; got {shown(value)}.")
    return False


def _count(c: Problems, path: str, items: list[Any], cap: str) -> bool:
    """Whether ``items`` is within its cap; beyond it, the items are not read one by one."""
    if len(items) <= CAPS[cap]:
        return True
    c.add(path, f"expected at most {CAPS[cap]} {cap}; got {len(items):,}.")
    return False


def _person(c: Problems, path: str, value: object, allowed: tuple[str, ...]) -> Person | None:
    if not isinstance(value, dict):
        c.add(path, f"expected an object with fields {choices(allowed)}; got {shown(value)}.")
        return None
    unknown_keys(c, path, value, allowed)
    if "name" not in value:
        c.add(f"{path}.name", "required; expected a non-empty string.")
    name = (
        text(c, f"{path}.name", value["name"], "name", required=True) if "name" in value else None
    )
    email_known = _bool(c, f"{path}.email_known", value.get("email_known", False))
    role = text(c, f"{path}.role", value["role"], "role") if "role" in value else None
    lead = _bool(c, f"{path}.lead", value.get("lead", False))
    topics: list[str] = []
    raw_topics = value.get("topics", [])
    if not isinstance(raw_topics, list):
        c.add(f"{path}.topics", f"expected a list of strings; got {shown(raw_topics)}.")
    elif _count(c, f"{path}.topics", raw_topics, "topics"):
        for i, topic in enumerate(raw_topics):
            said = text(c, f"{path}.topics[{i}]", topic, "topic", required=True)
            if said:
                topics.append(said)
    add = text(c, f"{path}.add", value["add"], "add") if "add" in value else None
    if name is None:
        return None
    return Person(
        name=name, email_known=email_known, role=role, lead=lead, topics=tuple(topics), add=add
    )


def _interviewers(c: Problems, value: object) -> tuple[Person, ...]:
    if not isinstance(value, list):
        c.add("interviewers", f"expected a list of interviewers; got {shown(value)}.")
        return ()
    if not _count(c, "interviewers", value, "interviewers"):
        return ()
    people: list[Person] = []
    first: dict[str, int] = {}  # each name, compared without case, to where it was first given
    for i, raw in enumerate(value):
        person = _person(c, f"interviewers[{i}]", raw, INTERVIEWER_KEYS)
        if person is None:
            continue
        seen = first.setdefault(person.name.casefold(), i)
        if seen != i:
            # One person twice gets two notes, which our own check then flags as the same note.
            c.add(
                f"interviewers[{i}].name",
                f"expected each interviewer once; got {shown(person.name)} again "
                f"(as in interviewers[{seen}]).",
            )
        people.append(person)
    return tuple(people)


def _hours(c: Problems, spec: Field, value: object) -> float:
    bound = CAPS[spec.name]
    # NaN and the infinities fail this comparison too; an int is never turned into a float.
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= bound:
        return value
    c.add(spec.name, f"expected a number from 0 to {bound:,} (one year); got {shown(value)}.")
    return 0


def _value(c: Problems, spec: Field, value: object) -> Any:
    if spec.kind == "enum":
        if isinstance(value, str) and value in spec.values:
            return value
        c.add(spec.name, f"expected one of {choices(spec.values)}; got {shown(value)}.")
    elif spec.kind in ("number", "days"):
        return _hours(c, spec, value)
    elif spec.kind == "country":
        if isinstance(value, str) and value in ISO_3166_ALPHA2:
            return value
        c.add(
            spec.name,
            f"expected a two-letter ISO 3166-1 country code in capitals, such as 'JP' or 'DE';"
            f" got {shown(value)}.",
        )
    elif spec.kind == "bool":
        return _bool(c, spec.name, value)
    elif spec.kind == "text":
        return text(c, spec.name, value, spec.name)
    elif spec.kind == "interviewers":
        return _interviewers(c, value)
    elif spec.kind == "recruiter":
        return None if value is None else _person(c, spec.name, value, RECRUITER_KEYS)
    return spec.default


def _answer(c: Problems, name: str, value: object, allowed: tuple[str | bool, ...]) -> bool:
    if value in allowed and type(value) is type(allowed[0]):
        return True
    expected = "true or false" if allowed == (True, False) else f"one of {choices(allowed)}"
    c.add(name, f"expected {expected}; got {shown(value)}.")
    return False


def parse(data: object, where: str = "situation", extra: Extra = NO_EXTRA) -> Situation:
    """Build a Situation from JSON-like data, or raise InputError listing every problem.

    ``extra`` holds a career center's own questions (questions.py): name -> allowed answers.
    """
    c = Problems(where)
    if not isinstance(data, dict):
        raise InputError([f"{where}: expected a JSON object; got {shown(data)}."])
    unknown_keys(c, "", data, (*FIELD_BY_NAME, *extra))
    values: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.name in data:
            values[spec.name] = _value(c, spec, data[spec.name])
        elif spec.required:
            c.add(spec.name, f"required; expected one of {choices(spec.values)}.")
    answers = tuple(
        (name, data[name])
        for name, allowed in extra.items()
        if name in data and _answer(c, name, data[name], allowed)
    )
    if c.problems:
        raise InputError(c.problems)
    return Situation(**values, answers=answers)
