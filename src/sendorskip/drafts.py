"""Drafts: Jinja2 templates rendered from what the reader told us, and nothing else.

Templates are looked up in a career center's override directory first, then ours. Undefined
variables are errors (StrictUndefined), so a misspelt name in an override fails loudly at
validation instead of printing an empty gap in someone's note.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
import jinja2.meta
from jinja2 import nodes

from . import answers, naming, phrases, todo
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
# What the reader told us once, for the lead's note, in the order a note hears how it was typed:
# a note hears only of what its template says (a withdrawal or a recruiter's note, of none).
SAID_ONCE = ("why", "remember", "forgot", "clarify", "promised")


@dataclass(frozen=True)
class Draft:
    to: str
    subject: str
    body: str
    suggestions: tuple[str, ...] = ()  # what the reader gave that the note could not use


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
        extensions=["jinja2.ext.do"],  # a template may gather phrases in a list, then join them
    )
    env.filters["and_join"] = phrases.and_join
    return env


@lru_cache(maxsize=32)
def says_once(template_dirs: tuple[str, ...], name: str) -> frozenset[str]:
    """Which of SAID_ONCE a template reads, as Jinja2 finds them in its source (a center's own
    template included); all of them if it includes or extends another, which Jinja2 does not
    look into."""
    env = environment(template_dirs)
    source, _, _ = env.loader.get_source(env, name + SUFFIX)  # type: ignore[union-attr]
    tree = env.parse(source)
    if next(tree.find_all((nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)), None):
        return frozenset(SAID_ONCE)
    return frozenset(jinja2.meta.find_undeclared_variables(tree)) & frozenset(SAID_ONCE)


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
    lines = [line.rstrip() for line in phrases.one_stop(body).splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


@dataclass(frozen=True)
class _Prepared:
    """What every note of one piece of advice shares, worked out once (linear in the panel)."""

    lead: Person
    readers: dict[str, answers.Reader]  # by interviewer name (names are unique)
    shapes: dict[str, int]  # each panelist's place among those who did not lead: a note's shape
    panel: list[dict[str, Any]]
    why: str | None
    remember: str | None  # what went well, for the lead's note
    forgot: str | None  # something they forgot to say, for the lead's note
    promised: str | None  # what they said they would send, for the lead's note
    clarify: str | None  # an answer they want to add to, for the lead's note
    said: dict[str, answers.Said]  # about each of SAID_ONCE, shown with a lead's note that says it
    # Every caveat, for whichever note says its words: a recruiter's note names the lead's
    # topics, an organizer's every panelist's.
    caveats: list[tuple[str, str]]


@lru_cache(maxsize=4)
def _prepared(situation: Situation, formal: bool, screen: answers.Screen) -> _Prepared:
    readers = {p.name: answers.of_person(p, screen) for p in situation.interviewers}
    panel = [
        {
            "name": p.name,
            "greet": naming.salutation_name(p.name, formal=formal),
            "topics": readers[p.name].about,
        }
        for p in situation.interviewers
    ]
    said = {name: answers.Said() for name in SAID_ONCE}
    why = answers.reason(situation, said["why"], screen)
    remember = answers.went_well(situation.highlights, said["remember"], screen)
    forgot = answers.said_once(
        situation.forgot_to_mention, "what you forgot to mention", said["forgot"], screen
    )
    lead = lead_of(situation)
    clarify = answers.clarified(situation, lead, said["clarify"], screen)
    promised = answers.promised(situation, said["promised"], screen)
    others = [p.name for p in situation.interviewers if p != lead]
    return _Prepared(
        lead,
        readers,
        {name: i for i, name in enumerate(others)},
        panel,
        why,
        remember,
        forgot,
        promised,
        clarify,
        said,
        [c for one in (*(r.said for r in readers.values()), *said.values()) for c in one.caveats],
    )


def context(
    situation: Situation,
    decision: Decision,
    recipient: Recipient,
    screen: answers.Screen,
    says: frozenset[str] = frozenset(SAID_ONCE),
) -> dict[str, Any]:
    """What a template may say; ``says``: which of SAID_ONCE its template reads, whose typing
    the lead's note hears of."""
    person = recipient.person
    shared = _prepared(situation, decision.formal, screen)
    # The lead (and anyone who is not an interviewer) hears why you want the job; each other
    # panelist hears about their own part of the conversation, each note shaped its own way, so
    # no two notes in a panel read alike.
    is_lead = person == shared.lead or recipient.kind != "interviewer"
    empty = answers.Reader([], None, answers.Said())
    mine = shared.readers.get(person.name, empty) if recipient.kind == "interviewer" else empty
    lead = shared.readers.get(shared.lead.name, empty)
    said = [mine.said, *(shared.said[n] for n in SAID_ONCE if is_lead and n in says)]
    return {
        "to": person.name,
        "greet": naming.salutation_name(person.name, formal=decision.formal),
        "kind": recipient.kind,
        "named_as_recruiter": situation.recruiter_held_screen and recipient.kind == "interviewer",
        "is_lead": is_lead,
        "shape": shared.shapes.get(person.name, 0),
        "topics": mine.topics if recipient.kind == "interviewer" else lead.topics,
        "add": mine.add if recipient.kind == "interviewer" else lead.add,
        "why": shared.why if is_lead else None,
        "remember": shared.remember if is_lead else None,
        "forgot": shared.forgot if is_lead else None,
        "suggestions": [s for one in said for s in one.suggestions],
        "caveats": shared.caveats,
        # In running text, as a letter names someone: "Mrs. Dunn", or the full name given.
        "met": [naming.salutation_name(p.name, formal=True) for p in situation.interviewers],
        # The notes the recruiter is asked to pass on (the plan's "through the recruiter").
        "forward": [
            naming.salutation_name(r.person.name, formal=True)
            for r in decision.recipients
            if r.channel == "via_recruiter" and recipient.kind == "recruiter"
        ],
        "panel": shared.panel,
        "ask_when": _asks(decision, recipient, shared.lead),
        "when": phrases.when_we_spoke(situation.hours_since, decision.send_within_hours),
        "job_title": situation.job_title and phrases.KIND_OF_POST.sub("", situation.job_title),
        "role": phrases.the_role(situation.job_title),
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
        # Whoever helped, who gets no note after an informational chat (rules.toml): said under
        # the first note, not dropped unseen.
        "not_thanked": [p.name for p in (situation.referrer, *situation.references) if p]
        if situation.informational and is_lead
        else [],
    }


def _asks(decision: Decision, recipient: Recipient, lead: Person) -> bool:
    """Whether this is the one note that asks when the reader will hear (engine.py, 10): the
    recruiter's, or else the organizer's, or else the lead interviewer's. Not a card: a
    question in the post waits days for its answer, if one comes."""
    if not decision.ask_when or recipient.channel == "post":
        return False
    for purposes in (("recruiter", "recover"), ("coordinator",)):
        first = next((r for r in decision.recipients if r.purpose in purposes), None)
        if first is not None:
            return first is recipient
    return recipient.purpose == "interviewer" and recipient.person == lead


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
    screen: answers.Screen,
) -> list[Draft]:
    """A draft per recipient; ``questions`` are the form's, named where an answer would help;
    ``screen`` holds the reader's words to our own draft checks."""
    out = []
    for recipient in decision.recipients:
        says = says_once(tuple(template_dirs), recipient.purpose)
        ctx = context(situation, decision, recipient, screen, says)
        text = render(template_dirs, recipient.purpose, ctx)
        full = None if ctx["short"] else text  # the note at its full length, once rendered
        subject, body = split_subject(text)
        cut = ctx["short"]
        if len(body.split()) > max_words:
            # Over the length our own check allows: keep the substance, and drop the extras one
            # by one until it fits, or all of them ("short").
            cut = True
            for trial in (*todo.fewer_extras(ctx), {**ctx, "short": True}):
                subject, body = split_subject(render(template_dirs, recipient.purpose, trial))
                if len(body.split()) <= max_words:
                    break
        if cut:
            if full is None:
                full = render(template_dirs, recipient.purpose, {**ctx, "short": False})
            ctx["suggestions"] = [*todo.left_out(ctx, full, body), *ctx["suggestions"]]
        out.append(
            Draft(
                to=recipient.person.name,
                subject="" if recipient.channel == "post" else subject,  # a card has none
                body=_tidy(body),
                suggestions=tuple(
                    phrases.one_stop(say)
                    for say in (
                        *todo.over(body, max_words),
                        *ctx["suggestions"],
                        *dict.fromkeys(say for words, say in ctx["caveats"] if words in body),
                        *screen.over_marks(body),
                        *todo.fill(body, {**ctx, "short": cut}, recipient.purpose, questions),
                    )
                ),
            )
        )
    return out
