"""Clauses: a verb that can only be one, near the subject, or no answer."""

from __future__ import annotations

import pytest

from sendorskip.clauses import a_clause

CLAUSES = [
    # (words, where the subject's first noun ends, a clause for sure)
    ("the team ships weekly", 2, True),  # a verb in -s
    ("the product helped me through school", 2, True),  # in -ed
    ("this role lets me lead", 2, True),  # a demonstrative, then its noun
    ("that was the best interview I have had", 2, True),  # a demonstrative as the subject
    ("the team at Northwind is small", 2, True),  # an auxiliary past a phrase of the noun's
    ("our conversation about pricing was the best part", 2, True),
    ("Ledgerly builds the tools I use", 1, True),  # after the company's name
    ("Acme Health builds tools", 2, True),
    ("your team's focus on self-serve reporting", 2, False),  # no verb
    ("the team's focused approach to testing", 2, False),  # an adjective after a possessive
    ("the data teams in Berlin", 2, False),  # a plural, then a phrase
    ("the team works in Berlin", 2, False),  # ...which a verb may look like: not sure
    ("my work on payments systems", 2, False),  # -s past a phrase of the noun's own
    ("the people I met were kind", 2, False),  # a clause of the noun's own
    ("the products you build for nurses", 2, False),
    ("the will to build things that last", 2, False),  # "will" as a noun
    ("the company grew 3x last year", 2, False),  # an irregular verb: not sure
    ("the mission", 2, False),
    ("the chance to have a real impact on patients", 2, False),  # "have" after "to"
    ("the product launch in May", 2, False),  # a month, not "may"
    ("the mentorship from Will Chen", 2, False),
    ("the focus on what can be done for patients", 2, False),
    ("the impact I'd have on patients", 2, False),  # a contraction of "I"
]


@pytest.mark.parametrize(("text", "end", "expected"), CLAUSES)
def test_a_clause(text: str, end: int, expected: bool) -> None:
    assert a_clause(text.split(), end) is expected
