"""Drafts: Jinja2 templates rendered from what the reader told us, and nothing else.

Templates are looked up in a career center's override directory first, then ours. Undefined
variables are errors (StrictUndefined), so a misspelt name in an override fails loudly at
validation instead of printing an empty gap in someone's note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from .engine import Decision, Recipient, lead_of
from .situation import Situation

TEMPLATES = ("interviewer", "recruiter", "coordinator", "withdraw", "recover", "headline")
SUFFIX = ".txt.j2"


@dataclass(frozen=True)
class Draft:
    to: str
    subject: str
    body: str


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


def context(situation: Situation, decision: Decision, recipient: Recipient) -> dict[str, Any]:
    person = recipient.person
    everyone = [p.name for p in situation.interviewers]
    # The lead (or a lone interviewer) hears the highlights and the forgotten point; everyone else
    # hears about their own part of the conversation, so no two notes say the same thing.
    is_lead = person.lead or person is lead_of(situation)
    return {
        "to": person.name,
        "kind": recipient.kind,
        "role": person.role,
        "topics": list(person.topics),
        "is_lead": bool(is_lead),
        "others": [n for n in everyone if n != person.name],
        "interviewers": everyone,
        "panel": [
            {"name": p.name, "role": p.role, "topics": list(p.topics)}
            for p in situation.interviewers
        ],
        "job_title": situation.job_title,
        "company": situation.company,
        "candidate_name": situation.candidate_name,
        "highlights": situation.highlights if is_lead else None,
        "forgot_to_mention": situation.forgot_to_mention if is_lead else None,
        "medium": decision.medium,
        "short": situation.writing_confidence == "not_confident",
        "went": situation.went,
        "interest": situation.interest,
        "informational": situation.informational,
    }


def headline_context(decision: Decision) -> dict[str, Any]:
    return {
        "verdict": decision.verdict,
        "count": len(decision.recipients),
        "within": decision.send_within_hours,
        "medium": decision.medium,
    }


def drafts(template_dirs: Sequence[str], situation: Situation, decision: Decision) -> list[Draft]:
    out = []
    for recipient in decision.recipients:
        text = render(template_dirs, recipient.purpose, context(situation, decision, recipient))
        subject, body = split_subject(text)
        out.append(Draft(to=recipient.person.name, subject=subject, body=_tidy(body)))
    return out
