"""Requests that exercise the checker at build time, so we can see what it imports.

The runtime ships only the standard library modules the checker can need (runtime.toml,
``[precompile] trim``). Part of finding them is running the engine in Pyodide on these: every
example situation and note in the package's own data, plus bad and hostile input, because an
error path may import something the happy path never does.
"""

from __future__ import annotations

import json
from typing import Any

from ..examples import example_input
from ..knowledge import load
from ..site.scenarios import load_scenarios

# Input the engine must reject or survive: its error paths load modules too.
BAD_ADVICE: list[Any] = [
    None,
    [],
    "well",
    {},
    {"went": "maybe"},
    {"went": "well", "interviewers": "Ana"},
    {"went": "well", "interviewers": [{"name": 3}]},
    {"went": "well", "hours_since": -1},
    {"went": "well", "hours_since": "soon"},
    {"went": "well", "no_such_field": True},
    {"went": "well", "interest": "keeen"},
]
BAD_CHECKS: list[Any] = [
    None,
    "text",
    {},
    {"notes": []},
    {"notes": [{}]},
    {"notes": [{"text": 5}]},
    {"notes": [{"text": "Thanks.", "to": 3}]},
    {"notes": [{"text": "Thanks."}], "situation": {"went": "maybe"}},
]
HOSTILE = [
    "<script>alert(1)</script> {{ 7 * 7 }} {% raw %} ${x} %s %(x)s",
    "Ünïcödé \u202e\u200b 😀 \x00 \ud7ff",
    "Thank you! " * 400,
]


def _plain(value: Any) -> Any:
    """As it would arrive from the page: through JSON (TOML dates become strings)."""
    return json.loads(json.dumps(value, default=str))


def sample_calls() -> list[tuple[str, Any]]:
    """``(op, payload)`` pairs for the worker bridge's ops: ``advise``, ``check``, ``schema``."""
    kb = load(None)
    situations = [s.raw for s in load_scenarios()]
    situations += [example for rule in kb.rules for example in (*rule.fires, *rule.silent)]
    # A check's example is a note's text or a whole request (several notes, a situation).
    examples = [example for check in kb.checks for example in (*check.fires, *check.silent)]
    texts = [e for e in examples if isinstance(e, str)] + HOSTILE
    calls: list[tuple[str, Any]] = [("schema", None)]
    calls += [("advise", s) for s in situations]
    calls += [("advise", s) for s in BAD_ADVICE]
    calls += [("check", example_input(e)) for e in [*examples, *HOSTILE]]
    calls += [
        ("check", {"notes": [{"to": "Ana", "text": t}, {"text": t}], "situation": s})
        for i, t in enumerate(texts)
        for s in [situations[i % len(situations)]]
    ]
    calls += [("check", c) for c in BAD_CHECKS]
    calls += [
        ("advise", {"went": "well", "interviewers": [{"name": h}], "job_title": h}) for h in HOSTILE
    ]
    return [(op, _plain(payload)) for op, payload in calls]
