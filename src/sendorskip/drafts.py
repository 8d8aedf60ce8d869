"""Drafts: Jinja2 templates rendered from what the reader told us, and nothing else.

Templates are looked up in a career center's override directory first, then ours. Undefined
variables are errors (StrictUndefined), so a misspelt name in an override fails loudly at
validation instead of printing an empty gap in someone's note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from . import phrases
from .engine import Decision, Recipient
from .labels import Words
from .people import Person
from .situation import Situation, lead_of

TEMPLATES = (
    "interviewer",
    "rejection",
    "helper",
    "informational",
    "recruiter",
    "coordinator",
    "withdraw",
    "recover",
    "headline",
)
SUFFIX = ".txt.j2"
# What the reader wrote that a short note leaves out: said, so nothing they wrote goes unseen.
EXTRAS = ("remember", "add", "clarify", "forgot")


@dataclass(frozen=True)
class Draft:
    to: str
    subject: str
    body: str
    suggestions: tuple[str, ...] = ()  # what the reader gave that the note could not use


def and_join(items: Iterable[str]) -> str:
    words = list(items)
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


@lru_cache(maxsize=8)
def environment(template_dirs: Sequence[str]) -> jinja2.Environment:
    # Cached: building an environment and compiling templates costs milliseconds per call.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(template_dirs)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text for mail clients; the browser writes it with textContent
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["and_join"] = and_join
    return env


def render(template_dirs: Sequence[str], name: str, context: Mapping[str, Any]) -> str:
    return environment(tuple(template_dirs)).get_template(name + SUFFIX).render(context)


def split_subject(text: str) -> tuple[str, str]:
    """A template may start with 'Subject: ...' and a blank line; a card has no subject."""
    text = text.strip()
    first, _, rest = text.partition("\n")
    if first.startswith("Subject:"):
        return first.removeprefix("Subject:").strip(), rest.strip()
    return "", text


def _tidy(body: str) -> str:
    # Templates are easier to read with conditionals on their own lines; collapse what they leave.
    lines = [line.rstrip() for line in body.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


@dataclass(frozen=True)
class _Reader:
    """What the reader told us, sorted into what a note can use and what it can only suggest."""

    topics: list[str]
    add: str | None
    suggestions: list[str]


def _sentence(raw: str | None, label: str, suggestions: list[str]) -> str | None:
    """The reader's sentence, tidied, or None with a suggestion saying why it was left out."""
    if not raw:
        return None
    got = phrases.sentence(raw)
    if got.usable:
        return got.text
    suggestions.append(
        f"You wrote “{got.text}” as {label}: {got.why}, so it is not in the note."
        " Write it as a sentence, starting with “I”, or add it yourself."
    )
    return None


def _to_them(text: str, person: Person, suggestions: list[str]) -> bool:
    """Whether a note to ``person`` can say ``text``: not if it speaks of them as "she" or "his",
    which in a note to them would have to be "you" or "your" (a suggestion says so)."""
    found = phrases.third_person(text)
    if found:
        suggestions.append(
            f"You wrote “{text}” about {person.name}, who will read this note, so “{found[0]}”"
            f" would have to be “{found[1]}”: it is not in the note. Write it that way, and it"
            " will be."
        )
    return found is None


def _usable(person: Person) -> _Reader:
    topics, suggestions = [], []
    for raw in person.topics:
        got = phrases.topic(raw)
        if not got.usable:
            suggestions.append(
                f"You wrote “{got.text}” about what you discussed with {person.name}: {got.why},"
                " so it is not in the note. Put it as a short topic, such as “the billing"
                " migration”, or write the sentence into the note yourself."
            )
        elif _to_them(got.text, person, suggestions):
            topics.append(got.text)
    add = _sentence(person.add, f"something to add for {person.name}", suggestions)
    if add and not _to_them(add, person, suggestions):
        add = None
    if len(topics) > 3:
        left = and_join(f"“{t}”" for t in topics[3:])
        suggestions.append(
            f"Three topics make a note for {person.name}; {left} is not in it. Swap it in for"
            " another if it matters more."
        )
    return _Reader(topics[:3], add, suggestions)


@dataclass(frozen=True)
class _Prepared:
    """What every note of one piece of advice shares, worked out once (linear in the panel)."""

    lead: Person
    readers: dict[str, _Reader]  # by interviewer name (names are unique)
    shapes: dict[str, int]  # each panelist's place among those who did not lead: a note's shape
    panel: list[dict[str, Any]]
    why: str | None
    remember: str | None  # what went well, for the lead's note
    forgot: str | None  # something they forgot to say, for the lead's note
    promised: str | None  # what they said they would send, for the lead's note
    clarify: str | None  # an answer they want to add to, for the lead's note
    suggestions: list[str]  # about the fields said once, shown with the lead's note


@lru_cache(maxsize=4)
def _prepared(situation: Situation, formal: bool) -> _Prepared:
    readers = {p.name: _usable(p) for p in situation.interviewers}
    panel = [
        {
            "name": p.name,
            "greet": phrases.salutation_name(p.name, formal=formal),
            "topics": readers[p.name].topics,
        }
        for p in situation.interviewers
    ]
    suggestions: list[str] = []
    why = None
    if situation.why_this_job:
        got = phrases.reason(situation.why_this_job, (situation.company or "",))
        if got.usable:
            why = got.text
        else:
            suggestions.append(
                f"You wrote “{got.text}” as why you want the job: {got.why}, so it is not in"
                " the note. Write it as a sentence starting with “I”, such as “I want to build"
                " tools for analysts”."
            )
    remember = _sentence(situation.highlights, "what went well", suggestions)
    forgot = _sentence(situation.forgot_to_mention, "what you forgot to mention", suggestions)
    clarify = _sentence(situation.clarify, "the answer you want to clarify", suggestions)
    promised = phrases.topic(situation.promised) if situation.promised else None
    if promised and not promised.usable:
        suggestions.append(
            f"You wrote “{promised.text}” as what you promised to send: {promised.why}, so it is"
            " not in the note. Name it in a few words, such as “the link to my portfolio”."
        )
        promised = None
    lead = lead_of(situation)
    others = [p.name for p in situation.interviewers if p != lead]
    return _Prepared(
        lead,
        readers,
        {name: i for i, name in enumerate(others)},
        panel,
        why,
        remember,
        forgot,
        promised.text if promised else None,
        clarify,
        suggestions,
    )


def context(situation: Situation, decision: Decision, recipient: Recipient) -> dict[str, Any]:
    person = recipient.person
    shared = _prepared(situation, decision.formal)
    # The lead (and anyone who is not an interviewer) hears why you want the job; each other
    # panelist hears about their own part of the conversation, each note shaped its own way, so
    # no two notes in a panel read alike.
    is_lead = person == shared.lead or recipient.kind != "interviewer"
    empty = _Reader([], None, [])
    mine = shared.readers.get(person.name, empty) if recipient.kind == "interviewer" else empty
    lead = shared.readers.get(shared.lead.name, empty)
    suggestions = mine.suggestions + (shared.suggestions if is_lead else [])
    return {
        "to": person.name,
        "greet": phrases.salutation_name(person.name, formal=decision.formal),
        "kind": recipient.kind,
        "is_lead": is_lead,
        "shape": shared.shapes.get(person.name, 0),
        "topics": mine.topics if recipient.kind == "interviewer" else lead.topics,
        "add": mine.add if recipient.kind == "interviewer" else lead.add,
        "why": shared.why if is_lead else None,
        "remember": shared.remember if is_lead else None,
        "forgot": shared.forgot if is_lead else None,
        "suggestions": suggestions,
        # In running text, as a letter names someone: "Mrs. Dunn", or the full name given.
        "met": [phrases.salutation_name(p.name, formal=True) for p in situation.interviewers],
        "panel": shared.panel,
        "when": phrases.when_we_spoke(situation.hours_since, decision.send_within_hours),
        "job_title": situation.job_title,
        "company": situation.company,
        "candidate_name": situation.candidate_name,
        "medium": decision.medium,
        "short": decision.short,
        "went": situation.went,
        "interest": situation.interest,
        "outcome": situation.outcome,
        "promised": shared.promised if is_lead else None,
        "clarify": shared.clarify if is_lead else None,
        "informational": situation.informational,
    }


# A placeholder a note may hold, and the question in the form whose answer fills it.
_PLACEHOLDERS = (
    (re.compile(r"\[interviewer's name\]"), "interviewers.name"),
    (re.compile(r"\[something specific you discussed(?: with (?P<greet>[^\]]*))?\]"), "topics"),
    (re.compile(r"\[Your name\]"), "candidate_name"),
)


def _fill(
    body: str, ctx: Mapping[str, Any], purpose: str, questions: Mapping[str, str]
) -> list[str]:
    """Which answer in the form would fill each placeholder left in a note, or make a note that
    only names a topic say something about it (the rubric's 3 of 5: it could go to anyone)."""
    name = str(ctx["to"])
    # A placeholder in a note to the organizer is about a panelist: named by how the note
    # greets them ("with Yuki"), answered under their own name.
    greeted = {p["greet"]: p["name"] for p in ctx["panel"]}
    out = []
    if ctx["kind"] == "organizer":
        out.append(
            f"To fill “{name}”, find out who arranged your interviews: the invitation you were"
            " sent, or the company's front desk, will say."
        )
    for pattern, field in _PLACEHOLDERS:
        for placeholder in dict.fromkeys(m[0] for m in pattern.finditer(body)):
            # "Name" alone could be anyone's: say which question it belongs to.
            where = f" under “{questions['interviewers']}”" if field == "interviewers.name" else ""
            if field == "topics":
                whose = pattern.fullmatch(placeholder)
                person = greeted.get(whose["greet"], name) if whose and whose["greet"] else name
                where = "" if person.startswith("[") else f" for {person}"
            out.append(f"To fill “{placeholder}”, answer “{questions[field]}”{where}.")
    if ctx["promised"] and ctx["promised"] in body:
        out.append(
            f"The note says you are sending {ctx['promised']}: attach it, or paste it in, before"
            " you send the note."
        )
    # Only the notes built on the conversation have a place for one more thing to say.
    uses_add = ctx["kind"] == "interviewer" and purpose in ("interviewer", "informational")
    if uses_add and ctx["topics"] and not ctx["add"] and not ctx["short"]:
        out.append(
            f"This note names what you talked about but adds nothing to it. To make it yours,"
            f" answer “{questions['add']}”{'' if name.startswith('[') else f' for {name}'}."
        )
    return out


def headline_context(decision: Decision, words: Words) -> dict[str, Any]:
    """``count``, ``within``, ``when`` and ``medium`` are the interview notes'; whoever helped
    you (a referrer, references) is counted apart, since the sources set no deadline for them.
    ``when`` is the plan's own words for the deadline, so the two never disagree."""
    kinds = [r.kind for r in decision.recipients if r.purpose == "helper"]
    return {
        "verdict": decision.verdict,
        "count": len(decision.recipients) - len(kinds),
        "within": decision.send_within_hours,
        "when": words.deadline(decision.send_within_hours),
        "medium": decision.medium,
        "referrer": "referrer" in kinds,
        "references": kinds.count("reference"),
    }


def drafts(
    template_dirs: Sequence[str],
    situation: Situation,
    decision: Decision,
    max_words: int,
    questions: Mapping[str, str],
) -> list[Draft]:
    """A draft per recipient; ``questions`` are the form's, named where an answer would help."""
    out = []
    for recipient in decision.recipients:
        ctx = context(situation, decision, recipient)
        subject, body = split_subject(render(template_dirs, recipient.purpose, ctx))
        if len(body.split()) > max_words:
            # Over the length our own check allows: keep the substance, drop the extras.
            ctx = {**ctx, "short": True}
            subject, body = split_subject(render(template_dirs, recipient.purpose, ctx))
        if ctx["short"]:
            full = render(template_dirs, recipient.purpose, {**ctx, "short": False})
            dropped = [ctx[k] for k in EXTRAS if ctx[k] and ctx[k] in full and ctx[k] not in body]
            ctx["suggestions"] = [
                *(
                    f"Left out to keep the note short: “{text}” Add it back in place of something"
                    " else if it matters more."
                    for text in dropped
                ),
                *ctx["suggestions"],
            ]
        words = len(body.split())
        # Still over (a center may set a lower limit than any draft can reach): say so, or the
        # check would flag the very draft we wrote without the reader knowing why.
        over = (
            [
                f"This draft is {words} words, more than the {max_words} the draft check allows:"
                " cut what you can spare before you send it."
            ]
            if words > max_words
            else []
        )
        out.append(
            Draft(
                to=recipient.person.name,
                subject="" if recipient.channel == "post" else subject,  # a card has none
                body=_tidy(body),
                suggestions=(
                    *over,
                    *ctx["suggestions"],
                    *_fill(body, ctx, recipient.purpose, questions),
                ),
            )
        )
    return out
