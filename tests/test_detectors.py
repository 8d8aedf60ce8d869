"""Detectors run directly, one check at a time: their parameters at their edges, and what run()
makes of several findings. tests/test_checks.py covers the checks through the API."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from sendorskip.checks import Check
from sendorskip.detectors import MAX_PLACES, Note, run
from sendorskip.knowledge import default
from sendorskip.situation import parse

KB = default()
BY_DETECTOR = {c.detector: c for c in KB.checks if c.detector != "pattern"}


def _check(detector: str, **params: Any) -> Check:
    check = BY_DETECTOR[detector]
    return dataclasses.replace(check, params={**check.params, **params}) if params else check


def _found(checks: tuple[Check, ...], *notes: Note, **situation: Any) -> list[tuple[str, int, str]]:
    s = parse({"went": "well", **situation}) if situation else None
    return [
        (f.check.id, f.note, notes[f.note].text[f.start : f.end]) for f in run(checks, notes, s)
    ]


MARKS = [
    # (note, highlights, with our limit of one "!")
    ("Thanks! See you.", []),
    ("Thanks! See you!", ["!", "!"]),
    ("Thanks!!!", ["!!!"]),  # a run is one place to fix
    ("Thanks!!! See you!", ["!!!", "!"]),
]


@pytest.mark.parametrize(("text", "highlights"), MARKS)
def test_repeated_mark(text: str, highlights: list[str]) -> None:
    found = _found((_check("repeated-mark"),), Note(text))
    assert [h for _, _, h in found] == highlights


LONG = "I enjoyed our talk about the billing backfill."
TWICE = [
    # (note, highlights, with our least of five words in a run)
    (f"{LONG} {LONG}", [LONG]),
    (f"{LONG} The rota is fair. {LONG.upper()[:-1]}!", [LONG.upper()[:-1] + "!"]),
    # A note pasted in twice is one run, greeting and sign-off with it, up to its last word.
    (f"Dear Ana,\n{LONG}\nBest,\nLee\nDear Ana,\n{LONG}\nBest,\nLee\n\n", [f"Dear Ana,\n{LONG}\nBest,\nLee"]),
    (f"{LONG} Thanks. {LONG} Thanks.", [f"{LONG} Thanks."]),
    (f"{LONG} Thanks. Bye. {LONG}", [LONG]),  # a new sentence between ends a run
    ("Thank you. Thank you. Best, Lee. Best, Lee.", []),  # short words only
    (f"{LONG} I enjoyed our talk about the rollout.", []),
    ("", []),
    ("\n\n...\n\n...", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "highlights"), TWICE)
def test_said_twice(text: str, highlights: list[str]) -> None:
    found = _found((_check("said-twice"),), Note(text))
    assert [h for _, _, h in found] == highlights


def test_a_center_may_count_short_sentences_too() -> None:
    check = _check("said-twice", min_words=2)
    assert [h for _, _, h in _found((check,), Note("Thank you. Thank you."))] == ["Thank you."]


def test_a_center_may_set_its_own_mark_and_limit() -> None:
    check = _check("repeated-mark", mark="...", max=2)
    assert _found((check,), Note("Well... so... hm")) == []
    assert [h for _, _, h in _found((check,), Note("Well... so...... hm..."))] == [
        "...",
        "......",
        "...",
    ]


def test_too_long_highlights_from_the_first_word_past_the_limit() -> None:
    words = [f"w{i}" for i in range(1, 152)]
    check = _check("too-long")  # 150 words
    assert _found((check,), Note(" ".join(words[:150]))) == []
    assert _found((check,), Note(" ".join(words))) == [("SOS207", 0, "w151")]
    assert _found((_check("too-long", max_words=3),), Note("one two\nthree four five")) == [
        ("SOS207", 0, "four five")
    ]
    # Up to the last word: the blank lines after it are not part of the problem.
    assert _found((_check("too-long", max_words=3),), Note("one two three\n\nfour\n\n")) == [
        ("SOS207", 0, "four")
    ]


SIGNED = [
    # (a note of three words and what follows them, what a limit of three words flags)
    ("one two three\n\nKind regards,\nSam Lee\nNurse | (555) 201-3344", None),  # a signature
    ("one two three\n\nWarmly,\nSam", None),
    ("one two three\n\nBest,\nSam\n\nP.S. four", "Best,"),  # a postscript is read
    ("Thank you\n\none two " + " ".join(["x"] * 40), "two"),  # a subject line, not a sign-off
    ("one two three\n\nThanks,\n" + " ".join(["x"] * 41), "Thanks,"),  # too long to sign
    ("one two\n\nThanks,\nthree four\n\nBest,\nSam", "three"),  # up to the last sign-off
]


@pytest.mark.parametrize(("text", "flagged"), SIGNED)
def test_too_long_counts_up_to_the_sign_off(text: str, flagged: str | None) -> None:
    found = _found((_check("too-long", max_words=3),), Note(text))
    assert [h.split()[0] for _, _, h in found] == ([flagged] if flagged else [])


def test_places_are_capped_per_check_and_note() -> None:
    found = _found((_check("repeated-mark"),), Note(" a!" * (MAX_PLACES + 10)))
    assert len(found) == MAX_PLACES


NOTE = "Dear Ana, I enjoyed our talk about the billing migration and I am excited about the role."


def test_the_same_note_to_another_person_is_flagged_from_the_second_on() -> None:
    notes = (
        Note(NOTE, "Ana Ruiz"),
        Note(NOTE.replace("Ana", "Ben"), "Ben Ode"),  # only the name differs
        Note(NOTE.replace("Ana", "Cy"), "Cy Li"),
    )
    found = _found((_check("near-duplicate"),), *notes)
    assert [(check, note) for check, note, _ in found] == [("SOS205", 1), ("SOS205", 2)]
    assert found[0][2] == notes[1].text  # the whole note


DIFFERENT = [
    # (the other note, threshold): too little in common to flag
    ("Dear Ben, thank you for the tour of the data center and the chat about on-call.", 0.5),
    ("Hi Ben.", 0.5),  # under three words after the name: nothing to compare
    (NOTE.replace("billing migration", "payments rewrite and its rollout plan"), 0.9),
]


@pytest.mark.parametrize(("other", "threshold"), DIFFERENT)
def test_notes_that_differ_enough_are_not_flagged(other: str, threshold: float) -> None:
    check = _check("near-duplicate", threshold=threshold)
    assert _found((check,), Note(NOTE, "Ana Ruiz"), Note(other, "Ben Ode")) == []


TITLES = [
    # (job title, note, flagged): each word of the title as a word's start; levels optional
    ("Data Engineer", "I enjoyed talking about the data engineering work.", False),
    ("Data Engineer", "I enjoyed talking about the data work.", True),
    ("Senior Data Engineer II", "Thanks for the chat about the data engineer role.", False),
    ("Site-Reliability Engineer", "Thanks for the chat on site reliability engineering.", False),
    ("Analyst", "Thanks for the chat about the role.", True),
]


@pytest.mark.parametrize(("title", "text", "flagged"), TITLES)
def test_title_missing(title: str, text: str, flagged: bool) -> None:
    found = _found((_check("title-missing"),), Note(text), job_title=title)
    assert found == ([("SOS209", 0, text)] if flagged else [])


def test_no_title_given_is_no_title_missing() -> None:
    assert _found((_check("title-missing"),), Note("Thanks.")) == []
    assert _found((_check("title-missing"),), Note("Thanks."), went="well") == []


def test_a_missing_name_yields_to_a_wrong_one_unless_that_check_is_off() -> None:
    note = Note("Dear Pryia,\nI enjoyed our talk.", "Priya Shah")
    both = (_check("name-missing"), _check("wrong-name"))
    assert _found(both, note) == [("SOS212", 0, "Pryia")]
    assert _found((_check("name-missing"),), note) == [("SOS208", 0, "Dear Pryia,")]


def test_two_patterns_on_the_same_words_give_one_finding() -> None:
    base = next(c for c in KB.checks if c.detector == "pattern")
    params = {
        **base.params,
        "patterns": (re.compile("sorry"), re.compile("sor+y")),
        "unless_specific": False,
    }
    check = dataclasses.replace(base, params=params)
    assert _found((check,), Note("I am sorry.")) == [(base.id, 0, "sorry")]
