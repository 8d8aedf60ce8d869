"""Facts that rules test: the situation's own fields plus a few derived ones, each defined once.

A rule's ``when`` table names facts; its values must be in the fact's vocabulary, so a typo in
a career center's rule is caught when the data is loaded, not silently never matched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .countries import CUSTOMS, custom
from .situation import FIELDS, Situation, lead_of

FactValue = str | bool

LATE_AFTER_HOURS = 24  # "opt for an email within 24 hours" (Yea or Nay?)


@dataclass(frozen=True)
class Fact:
    name: str
    doc: str
    values: tuple[FactValue, ...]
    get: Callable[[Situation], FactValue]


# After an informational interview there is no job to want or be turned down for: rules read
# these answers as their defaults there, so the advice about the conversation holds whatever
# was chosen (no withdrawal, no reply to a rejection).
NO_JOB: dict[str, str] = {"interest": "keen", "outcome": "pending"}


def _field_fact(name: str, doc: str, values: tuple[str, ...]) -> Fact:
    if name in NO_JOB:
        doc = f"{doc} Read as {NO_JOB[name]!r} after an informational interview."
        return Fact(
            name, doc, values, lambda s: NO_JOB[name] if s.informational else str(getattr(s, name))
        )
    return Fact(name, doc, values, lambda s: str(getattr(s, name)))


def _flag(name: str, doc: str, get: Callable[[Situation], bool]) -> Fact:
    return Fact(name, doc, (True, False), get)


FACTS: tuple[Fact, ...] = (
    *(_field_fact(f.name, f.doc, f.values) for f in FIELDS if f.kind == "enum"),
    _flag(
        "interviewer_engaged",
        "The interviewer took part properly.",
        lambda s: s.interviewer_engaged,
    ),
    _flag("informational", "An informational interview.", lambda s: s.informational),
    _flag(
        "card_fits",
        "You would write by hand, legibly, and the decision is more than a week away.",
        lambda s: s.preferred_medium == "handwritten"
        and s.handwriting == "legible"
        and s.decision == "later",
    ),
    _flag("panel", "More than one interviewer.", lambda s: len(s.interviewers) > 1),
    _flag(
        "has_recruiter",
        "A recruiter runs the process (none does after an informational interview).",
        lambda s: s.recruiter is not None and not s.informational,
    ),
    _flag(
        "late",
        f"More than {LATE_AFTER_HOURS} hours have passed.",
        lambda s: (s.hours_since or 0) > LATE_AFTER_HOURS,
    ),
    _flag(
        "lead_email_known",
        "You have the email of the person who led the interview.",
        lambda s: bool(s.interviewers) and lead_of(s).email_known,
    ),
    Fact(
        "custom",
        "How the sources describe the custom where the job is (countries.py).",
        CUSTOMS,
        lambda s: custom(s.country),
    ),
    _flag("has_referrer", "Someone referred you for the job.", lambda s: s.referrer is not None),
    _flag("has_references", "Someone agreed to be your reference.", lambda s: bool(s.references)),
    _flag("has_promised", "You said you would send something.", lambda s: bool(s.promised)),
    _flag("has_clarify", "You want to clarify an answer you gave.", lambda s: bool(s.clarify)),
    _flag(
        "response_date_known",
        "They said when you would hear.",
        lambda s: s.response_expected_in_days is not None,
    ),
    _flag(
        "no_interviewer_email",
        "You have no interviewer's email address.",
        lambda s: bool(s.interviewers) and not any(p.email_known for p in s.interviewers),
    ),
)
FACT_BY_NAME = {f.name: f for f in FACTS}


def facts_of(situation: Situation) -> dict[str, FactValue]:
    return {f.name: f.get(situation) for f in FACTS}
