"""The draft checker measured: precision and recall per check over the labelled corpus
(tests/data/notes.toml), the share of good notes it flags, and its time at the input caps.

Targets (pinned by tests/test_corpus.py): good notes flagged ≤ 5 %; recall ≥ 90 % per check;
precision ≥ the floor below per check. Prints figures; `--misses` also lists every note the
checker gets wrong. Timing is a figure, never pass/fail.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendorskip import api, knowledge
from sendorskip.capped import CAPS

CORPUS = Path(__file__).parent.parent / "tests" / "data" / "notes.toml"
GOOD_FLAGGED_MAX = 0.05
RECALL_MIN = 0.90
PRECISION_MIN = 0.90
HOLDOUT_ROUNDS = {1: "then tuned on", 2: "never tuned on"}
CAP_NOTES, CAP_CHARS = CAPS["notes"], CAPS["note"]  # what a request may hold


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Score:
    notes: int = 0
    good: int = 0
    good_flagged: int = 0
    per_check: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def good_flagged_share(self) -> float:
        return self.good_flagged / self.good if self.good else 0.0


def cases(holdout: int | None = None) -> list[dict[str, Any]]:
    """The corpus's cases; with ``holdout``, only those held out in that round."""
    every: list[dict[str, Any]] = tomllib.loads(CORPUS.read_text("utf-8"))["case"]
    return [c for c in every if holdout is None or c.get("holdout") == holdout]


def request(case: dict[str, Any]) -> dict[str, Any]:
    notes = [{k: n[k] for k in ("to", "text") if k in n} for n in case["note"]]
    return {"notes": notes, **({"situation": case["situation"]} if "situation" in case else {})}


def score(selected: Iterable[dict[str, Any]]) -> Score:
    kb = knowledge.default()
    result = Score(per_check={c.name: Tally() for c in kb.checks})
    for case in selected:
        findings = api.check(request(case), kb)["findings"]
        for i, note in enumerate(case["note"]):
            mine = [f for f in findings if f["note"] == i]
            found = {f["name"] for f in mine}
            truth = set(note["kinds"])
            result.notes += 1
            if note["label"] == "good":
                result.good += 1
                result.good_flagged += any(f["severity"] != "info" for f in mine)
            for name, tally in result.per_check.items():
                tally.tp += name in found and name in truth
                tally.fp += name in found and name not in truth
                tally.fn += name in truth and name not in found
            if found != truth:
                extra, missed = sorted(found - truth), sorted(truth - found)
                result.misses.append(f"{case['id']}[{i}]: flagged {extra}, missed {missed}")
    return result


def table(title: str, result: Score) -> str:
    rows = [
        f"{title}: {result.notes} notes, {result.good} good",
        f"{'check':26} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>6}",
    ]
    for name, t in result.per_check.items():
        rows.append(f"{name:26} {t.tp:3} {t.fp:3} {t.fn:3} {t.precision:9.2f} {t.recall:6.2f}")
    rows.append(
        f"good notes flagged (warning or error): {result.good_flagged}/{result.good} = "
        f"{result.good_flagged_share:.1%} (target ≤ {GOOD_FLAGGED_MAX:.0%})"
    )
    return "\n".join(rows)


def worst_cases() -> dict[str, list[str]]:
    """Notes at the caps, each set built to stress a different part of the checker."""
    words = " ".join(n["text"] for c in cases() for n in c["note"]).split()

    def prose(seed: int) -> str:
        pick = random.Random(seed)
        return " ".join(pick.choice(words) for _ in range(CAP_CHARS // 4))[:CAP_CHARS]

    marks = ("! 👍🏽 [x] :) e\u0301 sorry " * CAP_CHARS)[:CAP_CHARS]
    return {
        "20 different notes of corpus words": [prose(i) for i in range(CAP_NOTES)],
        "20 copies of one note": [prose(0)] * CAP_NOTES,
        "20 notes of marks, emoji and brackets": [marks] * CAP_NOTES,
        "20 notes of one letter": ["a" * CAP_CHARS] * CAP_NOTES,
    }


def timing(rounds: int = 15) -> list[str]:
    rows = []
    kb = knowledge.default()
    for name, texts in worst_cases().items():
        times = []
        for r in range(rounds):
            # A different first character each round: nothing cached from the last one helps.
            notes = [{"to": "Ana Ruiz", "text": chr(0x41 + r) + t[1:]} for t in texts]
            start = time.perf_counter()
            api.check({"notes": notes, "situation": {"job_title": "Data Engineer"}}, kb)
            times.append(time.perf_counter() - start)
        rows.append(
            f"check() at the caps ({CAP_NOTES} notes of {CAP_CHARS:,} characters), {name}: "
            f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
            "(target ≤ 50 ms)"
        )
    return rows


def main(argv: list[str]) -> None:
    every = score(cases())
    print(table("All notes", every))
    print()
    for n, what in HOLDOUT_ROUNDS.items():
        print(table(f"Held out, round {n} ({what})", score(cases(holdout=n))))
        print()
    print("\n".join(timing()))
    if "--misses" in argv:
        print("\nNotes the checker gets wrong:\n" + "\n".join(every.misses))


if __name__ == "__main__":
    main(sys.argv[1:])
