"""Every record's examples, run: a rule or a check carries inputs that must and must not
trigger it, and a record whose examples no longer hold is reported where its file has them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from . import api
from .checks import Check
from .engine import fired_rules
from .errors import InputError, Problem
from .knowledge import Knowledge
from .records import inline
from .rules import Rule


def example_input(example: Any) -> dict[str, Any]:
    """A check example is a note's text, or a whole check request."""
    return {"notes": [{"text": example}]} if isinstance(example, str) else dict(example)


def rule_fires(kb: Knowledge, rule: Rule, example: Any, where: str = "") -> bool:
    situation = kb.parse(example, where=where or f"rule {rule.id} example")
    return rule in fired_rules(kb, situation)


def check_fires(kb: Knowledge, check: Check, example: Any) -> bool:
    # Through the API, as a reader's request goes, with this check alone.
    only = dataclasses.replace(kb, checks=(check,))
    return bool(api.check(example_input(example), only)["findings"])


def _example_problem(record: Rule | Check, key: str, i: int, example: Any) -> Problem:
    kind = "rule" if isinstance(record, Rule) else "check"
    then = "fire for" if key == "fires" else "stay silent for"
    now = "it stays silent" if key == "fires" else "it fires"
    return Problem(
        record.file,
        f"{kind} {record.id} ({record.name})",
        f"examples.{key}[{i}]",
        f"expected to {then} {inline(example)}; {now}.",
    )


def example_problems(kb: Knowledge) -> Iterator[str]:
    for rule in kb.rules:
        for key, examples in (("fires", rule.fires), ("silent", rule.silent)):
            for i, example in enumerate(examples):
                where = f"{rule.file}: rule {rule.id} ({rule.name}): examples.{key}[{i}]"
                try:
                    if rule_fires(kb, rule, example, where) is not (key == "fires"):
                        yield _example_problem(rule, key, i, example)
                except InputError as exc:
                    yield from exc.problems
    for check in kb.checks:
        for key, examples in (("fires", check.fires), ("silent", check.silent)):
            for i, example in enumerate(examples):
                if check_fires(kb, check, example) is not (key == "fires"):
                    yield _example_problem(check, key, i, example)
