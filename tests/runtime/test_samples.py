"""The requests the runtime build runs in Pyodide to see what the checker imports: run here
through the same bridge, each must do what it is there for (the bad ones fail, the rest
answer), and together they cover the package's own examples."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sendorskip.bridge import OPS, call
from sendorskip.examples import example_input
from sendorskip.knowledge import load
from sendorskip.runtime.samples import BAD_ADVICE, BAD_CHECKS, HOSTILE, sample_calls
from sendorskip.site.scenarios import load_scenarios

CALLS = sample_calls()
BAD = [("advise", json.loads(json.dumps(p))) for p in BAD_ADVICE] + [
    ("check", json.loads(json.dumps(p))) for p in BAD_CHECKS
]


def answer(op: str, payload: Any) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(call(op, json.dumps(payload)))
    return result


@pytest.mark.parametrize(
    ("op", "payload"), BAD, ids=[f"{op}:{json.dumps(p)[:40]}" for op, p in BAD]
)
def test_each_bad_request_fails_so_its_error_path_runs(op: str, payload: Any) -> None:
    reply = answer(op, payload)
    assert reply["ok"] is False and reply["problems"]


def test_every_other_request_is_answered() -> None:
    # A check example that is a whole request, sent as a note's text, was refused as bad input.
    # Hostile text may be refused (a NUL, a name of 4,400 characters): it is there either way.
    hostile = [json.dumps(h)[1:-1] for h in HOSTILE]
    rest = [
        (op, p)
        for op, p in CALLS
        if (op, p) not in BAD and not any(h in json.dumps(p) for h in hostile)
    ]
    failed = [(op, p, r["problems"]) for op, p in rest if not (r := answer(op, p))["ok"]]
    assert failed == []


def test_every_example_in_the_data_is_sampled_as_its_test_sends_it() -> None:
    kb = load(None)
    situations = [s.raw for s in load_scenarios()]
    situations += [e for r in kb.rules for e in (*r.fires, *r.silent)]
    examples = [e for c in kb.checks for e in (*c.fires, *c.silent)]
    requests = [example_input(e) for e in [*examples, *HOSTILE]]
    wanted = [("advise", s) for s in situations] + [("check", r) for r in requests]
    plain = json.loads(json.dumps(wanted, default=str))  # TOML dates arrive as strings
    assert [[op, p] for op, p in plain if (op, p) not in CALLS] == []


def test_only_the_bridges_public_operations_and_plain_json() -> None:
    assert {op for op, _ in CALLS} == {"schema", "advise", "check"} < set(OPS)
    for _, payload in CALLS:
        assert json.loads(json.dumps(payload)) == payload


def test_a_check_carries_a_situation_and_a_named_note() -> None:
    # The draft checker's path with a situation and a "to" differs from the bare one.
    assert any(
        op == "check" and p.get("situation") and p["notes"][0].get("to") == "Ana"
        for op, p in CALLS
        if isinstance(p, dict) and isinstance(p.get("notes"), list) and p["notes"]
    )
