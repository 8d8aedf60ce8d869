"""Every rule runs its own examples; every record is complete and cites known voices."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip import knowledge
from sendorskip.examples import rule_fires
from sendorskip.rules import Rule

KB = knowledge.default()
EXAMPLES = [(r, True, e) for r in KB.rules for e in r.fires] + [
    (r, False, e) for r in KB.rules for e in r.silent
]


@pytest.mark.parametrize(
    ("rule", "fires", "example"),
    EXAMPLES,
    ids=[f"{r.id}-{'fires' if f else 'silent'}-{i}" for i, (r, f, _) in enumerate(EXAMPLES)],
)
def test_rule_example(rule: Rule, fires: bool, example: dict[str, Any]) -> None:
    assert rule_fires(KB, rule, example) is fires


@pytest.mark.parametrize("rule", KB.rules, ids=[r.id for r in KB.rules])
def test_rule_record_is_complete(rule: Rule) -> None:
    assert rule.id.startswith("SOS1") and len(rule.id) == 6
    assert rule.name and rule.message and rule.why
    # A rule that rests on no source says so: its why opens with our reading.
    assert rule.voices or rule.why.startswith("Our reading:")
    assert rule.fires and rule.silent
    assert all(v in KB.voices for v in rule.voices)


def test_rule_ids_and_names_unique() -> None:
    assert len({r.id for r in KB.rules}) == len({r.name for r in KB.rules}) == len(KB.rules)
