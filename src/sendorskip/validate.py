"""Whole-knowledge validation: beyond each file's own checks, run every record's examples and
render every template, so a career center learns about a broken override before its readers do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import jinja2

from . import api
from .checks import Check
from .drafts import SUFFIX, TEMPLATES, context, headline_context, render
from .engine import decide, fired_rules
from .errors import InputError
from .knowledge import Knowledge
from .rules import Rule
from .situation import parse
from .voices import SEED_VOICES

# Situations that between them reach every template and every branch a template may take.
SAMPLES: tuple[dict[str, Any], ...] = (
    {
        "went": "well",
        "interviewers": [
            {
                "name": "Ana Ruiz",
                "email_known": True,
                "lead": True,
                "role": "CTO",
                "topics": ["caching"],
            },
            {"name": "Ben Ode", "email_known": True},
        ],
        "recruiter": {"name": "Sam Lee", "email_known": True},
        "highlights": "h",
        "forgot_to_mention": "f",
        "job_title": "Engineer",
        "company": "Acme",
        "candidate_name": "Lee",
    },
    {"went": "poorly", "interest": "unsure", "recruiter": {"name": "Sam", "email_known": False}},
    {"went": "disaster", "recruiter": {"name": "Sam", "email_known": True}},
    {"went": "well", "interest": "withdrawing"},
    {"went": "well", "interest": "withdrawing", "recruiter": {"name": "Sam", "email_known": True}},
    {
        "went": "mixed",
        "interviewers": [{"name": "Ana", "topics": ["x"]}, {"name": "Ben"}],
        "preferred_medium": "handwritten",
        "decision": "later",
        "writing_confidence": "not_confident",
    },
)


def example_input(example: Any) -> dict[str, Any]:
    """A check example is a note's text, or a whole check request."""
    return {"notes": [{"text": example}]} if isinstance(example, str) else dict(example)


def rule_fires(kb: Knowledge, rule: Rule, example: Any) -> bool:
    return rule in fired_rules(kb, parse(example, where=f"rule {rule.id} example"))


def check_fires(kb: Knowledge, check: Check, example: Any) -> bool:
    # Through the API, as a reader's request goes, with this check alone.
    only = dataclasses.replace(kb, checks=(check,))
    return bool(api.check(example_input(example), only)["findings"])


def _examples(kb: Knowledge) -> Iterator[str]:
    for rule in kb.rules:
        for expected, examples in ((True, rule.fires), (False, rule.silent)):
            for example in examples:
                try:
                    if rule_fires(kb, rule, example) is not expected:
                        yield (
                            f"rules.toml: rule {rule.id} ({rule.name}): examples: "
                            f"expected to {'fire' if expected else 'stay silent'} for {example}."
                        )
                except InputError as exc:
                    yield from exc.problems
    for check in kb.checks:
        for expected, examples in ((True, check.fires), (False, check.silent)):
            for example in examples:
                if check_fires(kb, check, example) is not expected:
                    yield (
                        f"checks.toml: check {check.id} ({check.name}): examples: "
                        f"expected to {'fire' if expected else 'stay silent'} for {example!r}."
                    )


def _render(kb: Knowledge, name: str, ctx: dict[str, Any]) -> str | None:
    where = f"templates/{name}{SUFFIX}"
    try:
        render(kb.template_dirs, name, ctx)
    except jinja2.TemplateNotFound:
        return f"{where}: template not found; every one of {', '.join(TEMPLATES)} is needed."
    except jinja2.TemplateSyntaxError as exc:
        return f"{where}: line {exc.lineno}: {(exc.message or '').rstrip('.')}."
    except jinja2.UndefinedError as exc:
        return f"{where}: {exc.message}; valid variables: {', '.join(sorted(ctx))}."
    return None


def _templates(kb: Knowledge) -> Iterator[str | None]:
    for sample in SAMPLES:
        situation = parse(sample)
        decision = decide(kb, situation)
        for recipient in decision.recipients:
            yield _render(kb, recipient.purpose, context(situation, decision, recipient))
        yield _render(kb, "headline", headline_context(decision))


def problems(kb: Knowledge) -> list[str]:
    found = [
        f"voices.toml: voice {v}: missing; seed voices are part of the contract."
        for v in SEED_VOICES
        if v not in kb.voices
    ]
    found += _examples(kb)
    found += dict.fromkeys(p for p in _templates(kb) if p)
    return found
