"""The facts rules test: each derived fact at the edges of its definition, always in its vocabulary."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip.facts import FACT_BY_NAME, FACTS, LATE_AFTER_HOURS, facts_of
from sendorskip.situation import FIELDS, parse

from .conftest import SITUATIONS

ANA = {"name": "Ana Ruiz", "email_known": True}
BO = {"name": "Bo Li"}
DERIVED: list[tuple[str, dict[str, Any], Any]] = [
    # (fact, the situation besides went = well, its value)
    ("panel", {"interviewers": [ANA]}, False),
    ("panel", {"interviewers": [ANA, BO]}, True),
    ("panel", {}, False),
    ("late", {}, False),  # not said: not late
    ("late", {"hours_since": LATE_AFTER_HOURS}, False),
    ("late", {"hours_since": LATE_AFTER_HOURS + 0.5}, True),
    ("card_fits", {"preferred_medium": "handwritten", "decision": "later"}, True),
    ("card_fits", {"preferred_medium": "handwritten", "decision": "within_week"}, False),
    ("card_fits", {"preferred_medium": "handwritten", "decision": "later", "handwriting": "poor"}, False),
    ("card_fits", {"preferred_medium": "email", "decision": "later"}, False),
    # Who led: the one marked lead, else the first.
    ("lead_email_known", {"interviewers": [ANA, BO]}, True),
    ("lead_email_known", {"interviewers": [ANA, {**BO, "lead": True}]}, False),
    ("lead_email_known", {"interviewers": [BO, {**ANA, "lead": True}]}, True),
    ("lead_email_known", {}, False),
    ("no_interviewer_email", {"interviewers": [BO]}, True),
    ("no_interviewer_email", {"interviewers": [BO, ANA]}, False),
    ("no_interviewer_email", {}, False),  # no one named: nothing to say about their addresses
    ("has_recruiter", {"recruiter": {"name": "Sam"}}, True),
    ("has_recruiter", {}, False),
    ("has_referrer", {"referrer": {"name": "Kim"}}, True),
    ("has_references", {"references": ["Kim"]}, True),
    ("has_references", {"references": []}, False),
    ("has_promised", {"promised": "my portfolio"}, True),
    ("has_promised", {"promised": "  "}, False),
    ("has_clarify", {"clarify": "I meant the index."}, True),
    ("response_date_known", {"response_expected_in_days": 0}, True),  # zero days is a date
    ("response_date_known", {}, False),
    ("informational", {"informational": True}, True),
    ("interviewer_engaged", {}, True),
    ("interviewer_engaged", {"interviewer_engaged": False}, False),
    ("custom", {}, "usual"),
    ("custom", {"country": "JP"}, "japan"),
    ("custom", {"country": "GB"}, "uk"),
    ("custom", {"country": "DE"}, "europe"),
    ("custom", {"country": "US"}, "usual"),
    ("custom", {"country": "IN"}, "elsewhere"),
    ("went", {}, "well"),  # a field's own value
    ("decision", {}, "unknown"),
]  # fmt: skip


@pytest.mark.parametrize(("fact", "given", "value"), DERIVED)
def test_a_fact_at_the_edges_of_its_definition(
    fact: str, given: dict[str, Any], value: Any
) -> None:
    assert facts_of(parse({"went": "well", **given}))[fact] == value


def test_every_choice_field_is_a_fact_with_its_vocabulary() -> None:
    for field in FIELDS:
        if field.kind == "enum":
            assert FACT_BY_NAME[field.name].values == field.values


def test_fact_names_are_unique_and_every_fact_has_a_doc() -> None:
    assert len(FACT_BY_NAME) == len(FACTS)
    assert all(fact.doc.strip() for fact in FACTS)


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_a_fact_is_always_one_of_its_values(name: str) -> None:
    """A rule's ``when`` is checked against each fact's values: a value outside them would
    make a rule that tests it never fire, in silence."""
    facts = facts_of(parse(SITUATIONS[name]))
    assert set(facts) == set(FACT_BY_NAME)
    for fact, value in facts.items():
        assert value in FACT_BY_NAME[fact].values, (fact, value)
        # True == 1 in Python: a flag must be a bool, a choice a str, as the vocabulary has it.
        assert type(value) is type(FACT_BY_NAME[fact].values[0]), (fact, value)
