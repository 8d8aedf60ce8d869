"""Median time of ``advise()`` and ``check()`` on the worst input the caps allow, in CPython.

The situation fills every cap in ``capped.CAPS``: 50 interviewers with names, roles, ten
topics and 'add' at their limits, and every text field full. The check request is 20 notes of
10,000 characters that differ only near their ends, the worst case for the near-duplicate check,
with that situation as context. Then the note a pattern may find hardest: one character, or
one character and another in turn, repeated up to the note's cap, or one character then a run
of another (a note of nothing but "[" once took 1.5 s; "[" and 2,000 spaces, 4 s). Each run
times new text, as a reader's next check is. Target: ≤ 50 ms each. Prints figures; never fails
on timing.
"""

from __future__ import annotations

import functools
import statistics
import string
import sys
import time
from collections.abc import Callable
from typing import Any

from sendorskip import api
from sendorskip.capped import CAPS

# Ordinary words, so the detectors see sentences rather than one long token.
PROSE = "thank you for the conversation about the caching layer and the team plans"


def _filled(cap: str, seed: int = 0, tag: str = "") -> str:
    """Words up to exactly ``CAPS[cap]`` characters, varied by ``seed`` so no two are equal,
    ending in ``tag``."""
    vocabulary = PROSE.split()
    words = (vocabulary[(seed + i) % len(vocabulary)] for i in range(CAPS[cap]))
    return " ".join(words)[: CAPS[cap] - len(tag)] + tag


def situation(run: int = 0) -> dict[str, Any]:
    """The worst situation; each ``run`` has texts of its own, so that no run is timed with
    what an earlier one left in the engine's caches (a reader's next check is of new text)."""
    tag = f" r{run}"
    people = [
        {
            "name": f"Person {i:02d} " + _filled("name", i, tag)[10:],
            "role": _filled("role", i, tag),
            "email_known": True,
            "lead": i == 0,
            "topics": [_filled("topic", i + t, tag) for t in range(CAPS["topics"])],
            "add": _filled("add", i, tag),
        }
        for i in range(CAPS["interviewers"])
    ]
    texts = ("job_title", "company", "candidate_name", "highlights", "forgot_to_mention")
    return {
        "went": "well",
        "hours_since": 2,
        "interviewers": people,
        "recruiter": {"name": _filled("name", 99, tag), "email_known": True},
        "referrer": {"name": _filled("name", 98, tag), "email_known": True},
        "references": [
            f"Reference {i:02d} " + _filled("name", i, tag)[13:] for i in range(CAPS["references"])
        ],
        "promised": _filled("promised", 0, tag),
        "clarify": _filled("clarify", 0, tag),
        "response_expected_in_days": CAPS["response_expected_in_days"],
        **{field: _filled(field, 0, tag) for field in (*texts, "why_this_job")},
    }


def request(run: int = 0) -> dict[str, Any]:
    context = situation(run)
    body = f"r{run} " + _filled("note")  # its run first: the end is the note's own
    notes = [
        {"to": person["name"], "text": body[: CAPS["note"] - 3] + f" {i:02d}"}
        for i, person in enumerate(context["interviewers"][: CAPS["notes"]])
    ]
    return {"notes": notes, "situation": context}


def repeated() -> dict[str, str]:
    """Notes of one character, or two in turn, or one then a run of another, up to the cap, by
    what they repeat."""
    chars = [
        *string.printable.strip(),
        "é",
        "\u2026",
        "\u2019",
        "\u201c",
        "\u2013",
        "\u200d",
        "\U0001f600",
    ]
    notes: dict[str, str] = {}
    for c in chars:
        notes[c] = (c * CAPS["note"])[: CAPS["note"]]
        for other in "a X1\n":
            notes[c + other] = ((c + other) * CAPS["note"])[: CAPS["note"]]
            notes[c + other + "…"] = (c + other * CAPS["note"])[: CAPS["note"]]
        notes["X…" + c] = "X" * (CAPS["note"] - 1) + c
    return notes


def _median(call: Callable[[], object], budget: float, most: int) -> tuple[float, int]:
    """Median seconds per call: at least one run, more while the budget of seconds lasts."""
    times: list[float] = []
    while len(times) < most and sum(times) < budget:
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(times)


def main(budget: float = 5.0, most: int = 51) -> None:
    situations = iter([situation(r) for r in range(most)])
    requests = iter([request(r) for r in range(most)])
    api.advise(
        {"went": "well"}
    )  # load the knowledge and compile templates once, as the browser does
    for name, call in (
        ("advise()", lambda: api.advise(next(situations))),
        ("check()", lambda: api.check(next(requests))),
    ):
        median, runs = _median(call, budget, most)
        print(
            f"{name} at the caps, {runs} run{'s' * (runs > 1)}: median {median * 1000:.1f} ms "
            "(target: ≤ 50 ms)",
            flush=True,
        )
    notes = repeated()
    times = []
    for what, text in notes.items():
        one = {"notes": [{"text": text}]}
        # One run each: a second of the same note would be answered from the caches.
        times.append((_median(functools.partial(api.check, one), 0.2, 1)[0], what))
    slowest = sorted(times)[-3:]
    print(
        f"check() of one note repeating a character or two, the slowest of {len(notes)}: "
        + ", ".join(f"{what!r} {seconds * 1000:.1f} ms" for seconds, what in reversed(slowest))
        + " (target: ≤ 50 ms)",
        flush=True,
    )


if __name__ == "__main__":
    if sys.argv[1:]:
        main(budget=float(sys.argv[1]))
    else:
        main()
