"""A rule's ``when`` and ``effect`` in plain English, as the rules reference prints them after
"When:" and "Effect:"."""

from __future__ import annotations

import pytest

from sendorskip.conditions import Condition
from sendorskip.engine import CHANNEL_OF
from sendorskip.facts import FACTS, Fact
from sendorskip.knowledge import load
from sendorskip.labels import Words
from sendorskip.rules import MEDIA, RECIPIENT_EFFECTS, Effect
from sendorskip.site.wording import PHRASES, RECIPIENTS, condition_text, effect_text

WELL = "the interview went well"
SO_SO = "the interview went so-so"
KEEN = "you still want the job"
PANEL = "several people interviewed you"
CASES: list[tuple[str, Condition, str]] = [
    ("no condition", {}, "always"),
    ("one fact", {"went": ("well",)}, WELL),
    ("a flag, true", {"panel": (True,)}, PANEL),
    ("a flag, false", {"panel": (False,)}, "one person interviewed you"),
    ("two facts", {"went": ("well",), "interest": ("keen",)}, f"{WELL} and {KEEN}"),
    (
        "three facts: a list, then 'and'",
        {"went": ("well",), "interest": ("keen",), "panel": (True,)},
        f"{WELL}, {KEEN} and {PANEL}",
    ),
    ("one fact, two values", {"went": ("well", "mixed")}, f"{WELL} or {SO_SO}"),
    # With an "or" inside, a comma could be read as another "or": "; and" keeps them apart.
    (
        "an 'or' among several facts",
        {"went": ("well", "mixed"), "interest": ("keen",), "panel": (True,)},
        f"{WELL} or {SO_SO}; and {KEEN}; and {PANEL}",
    ),
    (
        "the fact's order is the rule's",
        {"panel": (True,), "went": ("well",)},
        f"{PANEL} and {WELL}",
    ),
    # A center's own question has no phrase of ours: its name and answer, as the center wrote.
    ("a fact with no phrase", {"career_fair": ("yes",)}, "career_fair is yes"),
    ("a value with no phrase", {"went": ("great",)}, "went is great"),
]


@pytest.mark.parametrize(("condition", "text"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_condition_text(condition: Condition, text: str) -> None:
    assert condition_text(condition) == text


@pytest.mark.parametrize("fact", FACTS, ids=[f.name for f in FACTS])
def test_each_of_our_facts_has_a_phrase_for_each_value_and_no_other(fact: Fact) -> None:
    # Without one the rules reference would print "card_fits is True"; a phrase for a value the
    # fact does not take (a typo) would never be used.
    assert set(PHRASES.get(fact.name, {})) == set(fact.values)


def test_every_value_a_rule_of_ours_names_has_a_phrase() -> None:
    unphrased = {
        (rule.id, name, value)
        for rule in load(None).rules
        for name, values in rule.when.items()
        for value in values
        if value not in PHRASES.get(name, {})
    }
    assert unphrased == set()


EFFECTS: list[tuple[str, Effect, str]] = [
    ("nothing: a reason only", Effect(), "a reason only."),
    (
        "a verdict, in the checker's word",
        Effect(verdict="recruiter_only"),
        "the verdict is Recruiter only.",
    ),
    ("now, not 'within 0 hours'", Effect(within_hours=0), "send it now."),
    ("one hour", Effect(within_hours=1), "send it within an hour."),
    (
        "hours, then a medium",
        Effect(within_hours=2, medium="email"),
        "send an email; send it within 2 hours.",
    ),
    ("days", Effect(within_hours=72), "send it within 3 days."),
    ("a card", Effect(medium="handwritten"), "send a handwritten card by post."),
    (
        "a reply",
        Effect(verdict="optional", recipients="reply"),
        "the verdict is Optional; one reply, to the recruiter or else the lead interviewer.",
    ),
    # The tip comes last, so its own full stop ends the line: never "sentences.; short drafts".
    (
        "a tip and short drafts",
        Effect(tip="Keep it to a few short sentences.", short=True),
        "short drafts; the plan's tip: Keep it to a few short sentences.",
    ),
    (
        "formal drafts",
        Effect(formal=True),
        "drafts greet them by title and family name, or by full name.",
    ),
    ("a follow-up schedule", Effect(follow_up=True), "a follow-up schedule."),
    (
        "a question and a tip",
        Effect(tip="Ask when you can expect to hear.", ask_when=True),
        "one draft (the recruiter's, or else the organizer's or the lead interviewer's) asks"
        " when you will hear; the plan's tip: Ask when you can expect to hear.",
    ),
]


@pytest.mark.parametrize(("effect", "text"), [c[1:] for c in EFFECTS], ids=[c[0] for c in EFFECTS])
def test_effect_text(effect: Effect, text: str) -> None:
    assert effect_text(effect, Words()) == text


def test_every_medium_and_recipients_effect_has_words_and_no_other() -> None:
    assert set(CHANNEL_OF) == set(MEDIA)
    assert set(RECIPIENTS) == set(RECIPIENT_EFFECTS)


def test_a_medium_is_said_in_the_plans_words_a_centers_included() -> None:
    # One table for how a note travels: the plan's and the rules reference's words agree.
    words = Words(channels={**Words().channels, "post": "a card in the mail"})
    assert effect_text(Effect(medium="handwritten"), words) == "send a card in the mail."
