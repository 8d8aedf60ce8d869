"""The JSON boundary read directly: what advise and check return, and what check refuses.
tests/test_checks.py and tests/test_hostile.py pin more of check's refusals."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import random
from typing import Any

import pytest

from sendorskip import api
from sendorskip.errors import InputError
from sendorskip.knowledge import Knowledge

from .conftest import SITUATIONS

WELL = {"went": "well", "interviewers": [{"name": "Ana Ruiz", "email_known": True}]}


def test_advice_is_plain_json_with_every_part(kb: Knowledge) -> None:
    advice = api.advise(WELL, kb)
    assert json.loads(json.dumps(advice)) == advice
    assert list(advice) == ["verdict", "headline", "reasons", "panel", "plan", "drafts"]
    assert list(advice["plan"]) == [
        "medium",
        "send_within_hours",
        "recipients",
        "tips",
        "follow_ups",
    ]
    assert advice["verdict"] in kb.words.verdicts
    assert [r["id"] for r in advice["reasons"]] == sorted(r["id"] for r in advice["reasons"])


def test_the_panel_is_every_seed_voice_once_in_order(kb: Knowledge) -> None:
    panel = api.advise(WELL, kb)["panel"]
    seeds = [v for v in kb.voices.values() if v.seed]
    assert [p["voice"] for p in panel] == [v.id for v in seeds]
    assert [p["name"] for p in panel] == [v.name for v in seeds]
    assert {p["stance"] for p in panel} <= set(kb.words.stances)


def test_advice_refuses_with_every_problem(kb: Knowledge) -> None:
    with pytest.raises(InputError) as caught:
        api.advise({"went": "great", "hours_since": -5}, kb)
    assert caught.value.problems == [
        "situation: went: expected one of 'well', 'mixed', 'poorly', 'disaster'; got 'great'.",
        "situation: hours_since: expected a number from 0 to 8,760 (one year); got -5.",
    ]


def _limited(kb: Knowledge, limit: int) -> Knowledge:
    checks = tuple(
        dataclasses.replace(c, params={**c.params, "max_words": limit})
        if c.detector == "too-long"
        else c
        for c in kb.checks
    )
    return dataclasses.replace(kb, checks=checks)


def _lengths(situation: dict[str, Any], kb: Knowledge) -> list[int]:
    return [len(d["body"].split()) for d in api.advise(situation, kb)["drafts"]]


def test_drafts_keep_within_the_length_our_own_check_allows(kb: Knowledge) -> None:
    limit = next(int(c.params["max_words"]) for c in kb.checks if c.detector == "too-long")
    for situation in SITUATIONS.values():
        assert all(n <= limit for n in _lengths(situation, kb))


def test_a_center_that_lowers_the_limit_gets_shorter_drafts(kb: Knowledge) -> None:
    """Over the limit, a draft leaves its extras out (it may still not reach a very low one)."""
    longest = max(SITUATIONS.values(), key=lambda s: max(_lengths(s, kb), default=0))
    ours, lowered = _lengths(longest, kb), _lengths(longest, _limited(kb, 60))
    assert max(ours) > 60
    assert [min(a, b) for a, b in zip(ours, lowered, strict=True)] == lowered
    assert max(lowered) < max(ours)
    # What stays over says so, first, with its length: the check would flag it otherwise.
    drafts = api.advise(longest, _limited(kb, 40))["drafts"]
    over = [d for d in drafts if len(d["body"].split()) > 40]
    assert over
    for d in over:
        assert d["suggestions"][0] == (
            f"This draft is {len(d['body'].split())} words, more than the 40 the draft check"
            " allows: cut what you can spare before you send it."
        )
    for d in drafts:
        assert (d in over) == any("the draft check allows" in s for s in d["suggestions"])


def _check(data: Any) -> list[tuple[str, str]]:
    text = data["notes"][0]["text"]
    return [(f["check"], text[f["start"] : f["end"]]) for f in api.check(data)["findings"]]


def test_a_note_is_checked_as_given_so_offsets_point_into_it() -> None:
    text = "  \n Thanks!! Bye."  # not stripped: the page highlights in what the reader typed
    assert _check({"notes": [{"text": text}]}) == [("SOS202", text), ("SOS210", "!!")]


def test_a_situation_gives_context_without_how_it_went() -> None:
    note = {"to": "Ana Ruiz", "text": "Dear Ana, thank you for the talk about caching."}
    assert "SOS209" not in [c for c, _ in _check({"notes": [note]})]
    with_title = _check({"notes": [note], "situation": {"job_title": "Data Engineer"}})
    assert ("SOS209", note["text"]) in with_title


REFUSED = [
    (
        {"notes": [{"text": "Hi"}], "situation": {"went": "great", "job_title": 3}},
        [
            "check: situation: went: expected one of 'well', 'mixed', 'poorly', 'disaster'; "
            "got 'great'.",
            "check: situation: job_title: expected a string; got 3.",
        ],
    ),
    ({"notes": [{"text": "Hi"}], "situation": []}, ["check: situation: expected a JSON object; got a list."]),
    (
        {"notes": "x", "situation": {"job_title": 3}, "extra": 1},
        [
            "check: extra: unknown field; valid fields: 'notes', 'situation'.",
            "check: notes: expected a non-empty list of {to, text} objects; got 'x'.",
            "check: situation: job_title: expected a string; got 3.",
        ],
    ),
    (
        {"notes": [3, {"text": "Hi", "to": "A\nB"}]},
        [
            "check: notes[0]: expected an object with fields 'to', 'text'; got 3.",
            "check: notes[1].to: expected one line of text without control characters; got "
            "'A\\nB', with '\\n' at character 2.",
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("data", "problems"), REFUSED)
def test_check_refuses_with_every_problem_at_once(data: Any, problems: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        api.check(data)
    assert caught.value.problems == problems


@pytest.mark.parametrize("to", [None, "", "  "])
def test_a_note_to_no_one_is_checked_without_a_name(to: str | None) -> None:
    found = _check({"notes": [{"text": "Hello, thanks for the chat.", "to": to}]})
    assert "SOS208" not in [c for c, _ in found]


def test_the_schema_names_every_situation_field(kb: Knowledge) -> None:
    schema = api.situation_schema(kb)
    assert schema["required"] == ["went"]
    # Not fields of the schema: a center's own questions, and what the parse works out.
    derived = {"answers", "recruiter_held_screen"}
    assert set(kb.parse({"went": "well"}).__dataclass_fields__) - derived <= set(
        schema["properties"]
    )


# Words that steer the name, greeting and phrase code down its branches: titles, particles,
# suffixes, credentials after a comma, short forms, joins, marks, placeholders, "our".
TOKENS = (
    "Dear", "Hi", "Hello", "Ms.", "Mr.", "Dr.", "Prof", "van", "Dos", "do", "Jr.", "and", "or",
    "Ana", "Ruiz", "Bob", "Robert", "Chris", ",", "MD", "J.", "X", "!", "TODO", "[x]", "<Grid>",
    "sorry", "our", "we", "Sir", "Madam", "team", "\n",
)  # fmt: skip


def _typed(rng: random.Random, most: int = 8) -> str:
    return " ".join(rng.choice(TOKENS) for _ in range(rng.randint(0, most)))


def test_names_and_words_at_random_never_raise() -> None:
    # Two crashes came in this way ("Dr. , MD" as a name; a note to "Dr."): anything the form
    # lets through gets advice, a check, or the input error, never a traceback.
    rng = random.Random(12)
    for _ in range(600):
        # A name of a word or three; a note that opens with a greeting, as most do.
        name = _typed(rng, 3).strip()
        text = f"{rng.choice(('Dear', 'Hi', ''))} {_typed(rng)}".strip() or "x"
        note = {"to": name, "text": text} if name else {"text": text}
        person = {"name": name or "A", "email_known": True, "topics": [_typed(rng)[:100]]}
        situation = {
            "went": "well",
            "interviewers": [{**person, "add": _typed(rng)[:200]}],
            "clarify": _typed(rng)[:300],
            "country": rng.choice(["JP", "DE", "GB", "US"]),
        }
        for call, data in ((api.check, {"notes": [note]}), (api.advise, situation)):
            with contextlib.suppress(InputError):
                call(data)
