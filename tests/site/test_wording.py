"""A rule's ``when`` in plain English, as the rules reference prints it after "When:"."""

from __future__ import annotations

import pytest

from sendorskip.conditions import Condition
from sendorskip.facts import FACTS, Fact
from sendorskip.knowledge import load
from sendorskip.site.wording import PHRASES, condition_text

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
