"""The draft checker against the labelled corpus (tests/data/notes.toml): the targets of the
precision issue and the traps earlier detectors fell into. (The handbook's own example notes are
checked in tests/site/test_handbook.py.)

The scoring is bench/checks.py's, loaded from its file, so the figures the bench prints are the
ones pinned here.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from sendorskip import api, knowledge

from .conftest import ROOT, load_bench

KB = knowledge.default()
NAMES = [c.name for c in KB.checks]
LABELS = {"good", "mediocre", "bad"}


BENCH = load_bench("checks")
CASES: list[dict[str, Any]] = BENCH.cases()
NOTES = [(case, i, note) for case in CASES for i, note in enumerate(case["note"])]
SCORE = BENCH.score(CASES)

# Notes that earlier detectors flagged wrongly: (case id, check that must stay silent on it).
TRAPS = [
    ("thanks-once-then-backfill", "boilerplate-thanks"),
    ("thanks-once-then-backfill", "nothing-specific"),
    ("handbook-good-note", "nothing-specific"),
    ("privileged-access-management", "flattery-or-favor"),
    ("paralegal-privilege-log", "flattery-or-favor"),
    ("project-phoenix", "too-casual"),
    ("clock-times-and-ratios", "too-casual"),
    ("obrien-curly-apostrophe", "name-missing"),
    ("apostrophe-name-in-to-curly", "name-missing"),
    ("hyphenated-decomposed-name", "name-missing"),
    ("sorry-to-hear-outage", "pleading-or-apologizing"),
    ("holdout-sorry-to-learn", "pleading-or-apologizing"),
    ("clarifies-an-answer", "pleading-or-apologizing"),
    ("kleppmann-citation", "unreplaced-placeholder"),
    ("markdown-link", "unreplaced-placeholder"),
    ("withdrawing-with-situation", "nothing-specific"),
    ("chemistry-demo-lesson", "job-title-missing"),
    ("obrien-curly-apostrophe", "wrong-name"),
    ("hyphenated-decomposed-name", "wrong-name"),
    ("first-name-to-curly-apostrophe-surname", "wrong-name"),
    ("good-morning-titled-with-dash", "wrong-name"),
    ("surname-particle-greeting", "wrong-name"),
    ("holdout-sir-or-madam", "wrong-name"),
    ("dear-hiring-team-capitalised", "wrong-name"),
    ("holdout2-email-address-to", "wrong-name"),
    # One finding for one problem: a greeting to someone else is not also a missing name.
    ("specific-but-wrong-name", "name-missing"),
    ("wrong-name-another-person", "name-missing"),
]
# Notes that earlier detectors missed: (case id, check that must flag it).
CATCHES = [
    ("wanted-to-apologize", "pleading-or-apologizing"),
    ("sorry-for-freezing", "pleading-or-apologizing"),
    ("my-apologies-for-joining-late", "pleading-or-apologizing"),
    ("really-need-this-position", "pleading-or-apologizing"),
    ("handbook-bad-note", "pleading-or-apologizing"),
    ("generic-names-one-topic", "nothing-specific"),
    ("emoji-but-specific", "too-casual"),
    ("note-to-self-left-in", "unreplaced-placeholder"),
    ("specific-but-wrong-name", "wrong-name"),
    ("holdout2-wrong-person-generic", "wrong-name"),
    ("wrong-name-misspelt", "wrong-name"),
    ("wrong-name-transposed-letters", "wrong-name"),
    ("wrong-name-misspelt-surname-titled", "wrong-name"),
    ("wrong-name-another-person", "wrong-name"),
]


def _found(case_id: str) -> set[str]:
    case = next(c for c in CASES if c["id"] == case_id)
    return {f["name"] for f in api.check(BENCH.request(case))["findings"] if f["note"] == 0}


def test_corpus_is_large_labelled_and_consistent() -> None:
    assert len(NOTES) >= 120
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case, i, note in NOTES:
        where = f"{case['id']}[{i}]"
        assert note["label"] in LABELS, where
        assert set(note["kinds"]) <= set(NAMES), where
        # Objective kinds, counted as the detectors define them.
        assert (len(note["text"].split()) > 150) == ("too-long" in note["kinds"]), where
        assert (note["text"].count("!") > 1) == ("exclamation-overload" in note["kinds"]), where
    assert {n["label"] for _, _, n in NOTES} == LABELS
    assert Counter(c.get("holdout") for c in CASES)[2] >= 20


@pytest.mark.parametrize("name", NAMES)
def test_every_check_has_notes_that_have_and_lack_its_problem(name: str) -> None:
    having = sum(name in n["kinds"] for _, _, n in NOTES)
    assert having >= 5 and len(NOTES) - having >= 5


def test_good_notes_are_rarely_flagged() -> None:
    assert SCORE.good_flagged_share <= BENCH.GOOD_FLAGGED_MAX, SCORE.misses


@pytest.mark.parametrize("name", NAMES)
def test_each_problem_is_caught(name: str) -> None:
    assert SCORE.per_check[name].recall >= BENCH.RECALL_MIN, SCORE.misses


@pytest.mark.parametrize("name", NAMES)
def test_each_check_is_precise(name: str) -> None:
    assert SCORE.per_check[name].precision >= BENCH.PRECISION_MIN, SCORE.misses


@pytest.mark.parametrize(("case_id", "name"), TRAPS)
def test_known_false_positives_stay_silent(case_id: str, name: str) -> None:
    assert name not in _found(case_id)


@pytest.mark.parametrize(("case_id", "name"), CATCHES)
def test_known_misses_are_caught(case_id: str, name: str) -> None:
    assert name in _found(case_id)


def test_a_request_at_the_caps_is_fast() -> None:
    """Not a benchmark (bench/checks.py is): a bound that an algorithm quadratic in a note's
    length, like the edit distance this check once used, would break by far."""
    texts = BENCH.worst_cases()["20 different notes of corpus words"]
    notes = [{"to": "Ana Ruiz", "text": t} for t in texts]
    start = time.perf_counter()
    api.check({"notes": notes})
    assert time.perf_counter() - start < 1.0


def test_corpus_file_is_where_the_bench_reads_it() -> None:
    assert Path(BENCH.CORPUS) == ROOT / "tests" / "data" / "notes.toml"
