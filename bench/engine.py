"""Median time of one ``advise()`` call for a three-interviewer situation, in CPython.

Target: ≤ 1 ms. Prints figures; never fails on timing.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from sendorskip import api

SITUATION = json.loads(
    (Path(__file__).parent.parent / "tests" / "data" / "situations.json").read_text("utf-8")
)["panel-of-three"]


def main(rounds: int = 2000) -> None:
    api.advise(SITUATION)  # load the knowledge and compile templates once, as the browser does
    times = []
    for i in range(rounds):
        # A new situation each round, as each of a reader's answers is: the same one again
        # would find its notes' shared work cached (drafts._prepared) and measure too little.
        situation = {**SITUATION, "hours_since": i % 5000}
        start = time.perf_counter()
        api.advise(situation)
        times.append(time.perf_counter() - start)
    times.sort()
    print(
        f"advise(), 3 interviewers, {rounds} rounds: median {statistics.median(times) * 1000:.3f} ms, "
        f"p95 {times[int(rounds * 0.95)] * 1000:.3f} ms (target: median ≤ 1 ms)"
    )


if __name__ == "__main__":
    main()
