"""The input: a reader's situation after an interview, its fields, and parsing with collected errors.

Every field is described once, in ``FIELDS``; parsing, the JSON Schema, the CLI flags and the
documentation are all derived from that table. Every cap on the input is in ``capped.CAPS``;
the people in a situation are read by ``people``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .capped import CAPS, boolean, unknown_keys
from .capped import text as text_value
from .countries import ISO_3166_ALPHA2, NAMES, code_of
from .errors import InputError, Problems, choices, shown
from .people import RECRUITER_KEYS, Person, people, person


@dataclass(frozen=True)
class Field:
    name: str
    doc: str
    values: tuple[str, ...] = ()  # an enumeration when non-empty
    kind: str = (
        "enum"  # enum | number | days | bool | text | country | interviewers | recruiter | names
    )
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
    # Not said: the notes name no day ("today" could be wrong by the time they are sent).
    Field("hours_since", "Hours since the interview ended, if you say.", kind="number"),
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
    Field("recruiter", "The recruiter running the process.", kind="recruiter"),
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
    Field("clarify", "An answer you gave that you want to clarify, in a sentence.", kind="text"),
    Field("referrer", "Who referred you for the job.", kind="recruiter"),
    Field(
        "references",
        "The names of the people who agreed to be your references.",
        kind="names",
        default=(),
    ),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}


@dataclass(frozen=True)
class Situation:
    went: str
    interest: str = "keen"
    hours_since: float | None = None
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
    references: tuple[Person, ...] = ()
    answers: tuple[tuple[str, str | bool], ...] = ()  # a career center's own questions
    # Set by the parse, not asked: the only interviewer is the recruiter of a screening call,
    # named where the form asks for the recruiter (which has no question for what you discussed).
    recruiter_held_screen: bool = False


Extra = Mapping[str, tuple[str | bool, ...]]
NO_EXTRA: Extra = MappingProxyType({})
PLACEHOLDER_INTERVIEWER = Person(name="[interviewer's name]")
# Whoever organized the interviews, when no recruiter did: the form does not ask for them.
PLACEHOLDER_ORGANIZER = Person(name="[name of whoever organized your interviews]")


def lead_of(situation: Situation) -> Person:
    """Who led the interview: the one marked lead, else the first named, else a placeholder.

    The one definition: the facts rules test, the plan and the drafts all ask this.
    """
    people = situation.interviewers
    return next((p for p in people if p.lead), people[0] if people else PLACEHOLDER_INTERVIEWER)


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
        code = value.upper() if isinstance(value, str) else value
        if code in ISO_3166_ALPHA2:
            return code
        # The code people guess wrong (ISO gives the United Kingdom GB), or a name written out.
        named = code_of(value) if isinstance(value, str) and len(value) <= 60 else None
        hint = (
            " (the code for the United Kingdom is 'GB')"
            if code == "UK"
            else f" (the code for {NAMES[named]} is '{named}')"
            if named
            else ""
        )
        c.add(
            spec.name,
            f"expected a two-letter ISO 3166-1 country code, such as 'JP' or 'DE';"
            f" got {shown(value)}{hint}.",
        )
    elif spec.kind == "bool":
        return boolean(c, spec.name, value)
    elif spec.kind == "text":
        return text_value(c, spec.name, value, spec.name)
    elif spec.kind == "interviewers":
        return people(c, spec.name, value, "interviewer")
    elif spec.kind == "names":
        return people(c, spec.name, value, "reference")
    elif spec.kind == "recruiter":
        return None if value is None else person(c, spec.name, value, RECRUITER_KEYS)
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
    # A screening call with a recruiter and nobody else named: the recruiter held it, so they
    # are the one to thank (not a placeholder interviewer, with a second note about "the team").
    recruiter = values.get("recruiter")
    if values.get("stage") == "screening" and not values.get("interviewers") and recruiter:
        values["interviewers"] = (values.pop("recruiter"),)
        values["recruiter_held_screen"] = True
    # Named as the recruiter and as an interviewer: one person, one note (the interviewer's
    # entry says what you talked about).
    elif recruiter and any(
        p.name.casefold() == recruiter.name.casefold() for p in values.get("interviewers", ())
    ):
        del values["recruiter"]
    return Situation(**values, answers=answers)
