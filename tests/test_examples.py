"""A record's examples, run: one that no longer holds is named where its file has it."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from sendorskip.examples import check_fires, example_input, example_problems, rule_fires
from sendorskip.knowledge import Knowledge

RULE = "SOS104"  # disengaged-not-obligated: went mixed and the interviewer did not engage
CHECK = "SOS210"  # exclamation-overload


def test_a_check_example_is_a_note_or_a_whole_request() -> None:
    assert example_input("Hi!") == {"notes": [{"text": "Hi!"}]}
    request = {"notes": [{"to": "Ana", "text": "Hi"}], "situation": {"job_title": "Engineer"}}
    assert example_input(request) == request


RULE_FIRES = [
    ({"went": "mixed", "interviewer_engaged": False}, True),
    ({"went": "mixed"}, False),
    ({"went": "disaster", "interviewer_engaged": False}, False),
]


@pytest.mark.parametrize(("example", "fires"), RULE_FIRES)
def test_rule_fires(kb: Knowledge, example: dict[str, Any], fires: bool) -> None:
    assert rule_fires(kb, kb.rule(RULE), example) is fires


def test_a_check_is_run_alone(kb: Knowledge) -> None:
    """Another check firing on the same note does not make this one fire."""
    check = next(c for c in kb.checks if c.id == CHECK)
    # Others (SOS201, SOS202) fire on this; the exclamation check does not.
    assert not check_fires(kb, check, "Thanks for your time.")
    assert check_fires(kb, check, "Great talk! I loved it! Thanks!")


def _with(kb: Knowledge, **changes: Any) -> Knowledge:
    """The knowledge with SOS104 and SOS210 changed and no other record, so only they are run."""
    rule = dataclasses.replace(kb.rule(RULE), **changes.get("rule", {}))
    check = next(c for c in kb.checks if c.id == CHECK)
    check = dataclasses.replace(check, **changes.get("check", {}))
    return dataclasses.replace(kb, rules=(rule,), checks=(check,))


def test_examples_that_hold_are_no_problem(kb: Knowledge) -> None:
    assert list(example_problems(_with(kb))) == []


WRONG: list[tuple[str, dict[str, Any], list[str]]] = [
    (
        "a rule that stays silent",
        {"rule": {"fires": ({"went": "well"},)}},
        [
            "rules.toml: rule SOS104 (disengaged-not-obligated): examples.fires[0]: "
            'expected to fire for { went = "well" }; it stays silent.'
        ],
    ),
    (
        "a rule that fires, second of two",
        {"rule": {"silent": ({"went": "well"}, {"went": "mixed", "interviewer_engaged": False})}},
        [
            "rules.toml: rule SOS104 (disengaged-not-obligated): examples.silent[1]: expected to "
            'stay silent for { went = "mixed", interviewer_engaged = false }; it fires.'
        ],
    ),
    (
        "a rule's example that is no situation",
        {"rule": {"fires": ({"went": "great", "panel": True},)}},
        [
            "rules.toml: rule SOS104 (disengaged-not-obligated): examples.fires[0]: panel: "
            "unknown field; valid fields: "
            "'went', 'interest', 'hours_since', 'decision', 'preferred_medium', "
            "'writing_confidence', 'handwriting', 'interviewer_engaged', 'informational', "
            "'interviewers', 'recruiter', 'job_title', 'company', 'candidate_name', 'highlights', "
            "'forgot_to_mention', 'why_this_job', 'stage', 'format', 'outcome', 'country', "
            "'response_expected_in_days', 'promised', 'clarify', 'referrer', 'references'.",
            "rules.toml: rule SOS104 (disengaged-not-obligated): examples.fires[0]: went: "
            "expected one of 'well', 'mixed', 'poorly', 'disaster'; got 'great'.",
        ],
    ),
    (
        "a check that stays silent, a long note cut",
        {"check": {"fires": ("Thank you for the conversation about the billing migration.",)}},
        [
            "checks.toml: check SOS210 (exclamation-overload): examples.fires[0]: expected to "
            'fire for "Thank you for the conversation about the…"; it stays silent.'
        ],
    ),
    (
        "a check that fires, on a whole request",
        {"check": {"silent": ({"notes": [{"text": "Wow!! Thanks."}]},)}},
        [
            "checks.toml: check SOS210 (exclamation-overload): examples.silent[0]: expected to "
            'stay silent for { notes = [{ text = "Wow!! Thanks." }] }; it fires.'
        ],
    ),
]


@pytest.mark.parametrize(("changes", "problems"), [w[1:] for w in WRONG], ids=[w[0] for w in WRONG])
def test_an_example_that_no_longer_holds_is_named(
    kb: Knowledge, changes: dict[str, Any], problems: list[str]
) -> None:
    assert list(example_problems(_with(kb, **changes))) == problems
