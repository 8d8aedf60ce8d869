"""Why the reader wants the job, as a note says it after "because", or left out."""

from __future__ import annotations

import pytest

from sendorskip.phrases import Phrase
from sendorskip.reasons import NO_REASON, NOT_SURE, TWO_SENTENCES, reason

TO_SELF = "it reads like a note to yourself"

REASONS = [
    ("I want to build tools for analysts.", Phrase("I want to build tools for analysts", True)),
    ("because I want to build tools", Phrase("I want to build tools", True)),
    ("Because   The team ships weekly", Phrase("the team ships weekly", True)),
    ("of the team's mission", Phrase("of the team's mission", True)),
    ("To grow into a lead role", Phrase("I want to grow into a lead role", True)),
    ("because to build tools for analysts", Phrase("I want to build tools for analysts", True)),
    ("My work would reach patients", Phrase("my work would reach patients", True)),
    ("My family lives nearby", Phrase("my family lives nearby", True)),
    # A plural after "my" or "our", then a verb that has no -s to show it.
    ("Our values align", Phrase("our values align", True)),
    ("My skills match the job", Phrase("my skills match the job", True)),
    ("My friends there", Phrase("My friends there", False, NO_REASON)),
    ("My analytics background", Phrase("My analytics background", False, NO_REASON)),
    ("My skills in Python", Phrase("My skills in Python", False, NOT_SURE)),
    # "My" and "our" open a noun as often as a clause: without a verb, left out.
    ("My dream job", Phrase("My dream job", False, NO_REASON)),
    ("Our shared values", Phrase("Our shared values", False, NO_REASON)),
    ("my love of the mission and people", Phrase("my love of the mission and people", False, NOT_SURE)),
    # A clause that opens with a determiner: told by a verb near its start.
    ("this is the team I want to learn from", Phrase("this is the team I want to learn from", True)),
    ("The role combines data and design", Phrase("the role combines data and design", True)),
    ("the product helped me through school", Phrase("the product helped me through school", True)),
    ("its people are kind to newcomers", Phrase("its people are kind to newcomers", True)),
    # ...else left out: a noun phrase, or a clause that cannot be told from one.
    ("your team's focus on self-serve reporting", Phrase("your team's focus on self-serve reporting", False, NOT_SURE)),
    ("The chance to work on payments", Phrase("The chance to work on payments", False, NOT_SURE)),
    ("the products you build for nurses", Phrase("the products you build for nurses", False, NOT_SURE)),
    ("the team's focused approach to testing", Phrase("the team's focused approach to testing", False, NOT_SURE)),
    ("the data teams in Berlin", Phrase("the data teams in Berlin", False, NOT_SURE)),  # a plural
    ("the will to build things that last", Phrase("the will to build things that last", False, NOT_SURE)),
    ("the people I met were kind and sharp", Phrase("the people I met were kind and sharp", False, NOT_SURE)),
    ("the company grew 3x last year", Phrase("the company grew 3x last year", False, NOT_SURE)),
    # A verb of wanting or liking typed without its "I" gets one; the same word as a noun not.
    ("because love the team and the mission", Phrase("I love the team and the mission", True)),
    ("Love the peds focus", Phrase("I love the peds focus", True)),
    ("would love to teach in a Title I school", Phrase("I would love to teach in a Title I school", True)),
    ("really like how the kitchen is run", Phrase("I really like how the kitchen is run", True)),
    ("want to get into commercial work", Phrase("I want to get into commercial work", True)),
    ("hope to grow into a charge nurse role", Phrase("I hope to grow into a charge nurse role", True)),
    ("love of teaching", Phrase("love of teaching", False, NO_REASON)),
    ("like-minded people", Phrase("like-minded people", False, NO_REASON)),
    ("Like many teachers, I want to work close to home", Phrase("Like many teachers, I want to work close to home", False, NO_REASON)),
    ("Have a strong preceptor program", Phrase("Have a strong preceptor program", False, NO_REASON)),
    ("Care coordination is my passion", Phrase("Care coordination is my passion", False, NO_REASON)),
    ("Hope Street Clinic trains its own nurses", Phrase("Hope Street Clinic trains its own nurses", False, NO_REASON)),
    ("Love Spotify's mission", Phrase("Love Spotify's mission", False, NO_REASON)),  # a name, unsure
    ("wanted", Phrase("wanted", False, NO_REASON)),
    # Nothing that "because" can take: a noun, a bare verb, a noun with nothing said of it.
    ("The mission", Phrase("The mission", False, NO_REASON)),
    ("Stripe's mission", Phrase("Stripe's mission", False, NO_REASON)),
    ("Amazing mission", Phrase("Amazing mission", False, NO_REASON)),
    ("growing my career", Phrase("growing my career", False, NO_REASON)),
    ("great team tbh", Phrase("great team tbh", False, TO_SELF)),
    # One sentence only: the note's own goes on after it.
    ("I like the pace. The team is kind", Phrase("I like the pace. The team is kind", False, TWO_SENTENCES)),
    ("I want to work in Dr. Ruiz's lab", Phrase("I want to work in Dr. Ruiz's lab", True)),
    ("I want to serve in the U.S. Army", Phrase("I want to serve in the U.S. Army", True)),  # initials
    ("I want to work with J. Smith", Phrase("I want to work with J. Smith", True)),
    ("I trained at Mt. Sinai", Phrase("I trained at Mt. Sinai", True)),
    # A lone letter then a word that opens sentences: two sentences after all.
    ("I like plan A. The pay is good", Phrase("I like plan A. The pay is good", False, TWO_SENTENCES)),
    ("I read about it in e.g. The Times", Phrase("I read about it in e.g. The Times", True)),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "phrase"), REASONS)
def test_reason(raw: str, phrase: Phrase) -> None:
    assert reason(raw) == phrase


NAMED_REASONS = [
    # (typed, the company's name, what reason() makes of it)
    ("Ledgerly builds the tools I use", "Ledgerly", Phrase("Ledgerly builds the tools I use", True)),
    ("Ledgerly's mission", "Ledgerly", Phrase("Ledgerly's mission", False, NO_REASON)),  # a noun
    ("Ledgerly's focus on small clinics", "Ledgerly", Phrase("Ledgerly's focus on small clinics", False, NOT_SURE)),
    ("Ledgerlyx builds the tools I use", "Ledgerly", Phrase("Ledgerlyx builds the tools I use", False, NO_REASON)),
    ("Great mission and people", "Ledgerly", Phrase("Great mission and people", False, NO_REASON)),
    # A company named with a word that may be a verb ("Hope") is the company, not "I hope".
    ("Hope Street Clinic trains its own nurses", "Hope Street Clinic", Phrase("Hope Street Clinic trains its own nurses", True)),
    ("Johnson & Johnson makes the devices I use", "Johnson & Johnson", Phrase("Johnson & Johnson makes the devices I use", True)),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "company", "phrase"), NAMED_REASONS)
def test_a_reason_may_open_with_the_companys_name(raw: str, company: str, phrase: Phrase) -> None:
    assert reason(raw, (company,)) == phrase
