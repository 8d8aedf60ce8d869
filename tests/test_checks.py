"""Every draft check runs its own examples; offsets and the check request's errors are pinned."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip import api, knowledge
from sendorskip.checks import DETECTORS, Check
from sendorskip.detectors import DETECT
from sendorskip.errors import InputError
from sendorskip.validate import check_fires

KB = knowledge.default()
EXAMPLES = [(c, True, e) for c in KB.checks for e in c.fires] + [
    (c, False, e) for c in KB.checks for e in c.silent
]


@pytest.mark.parametrize(
    ("check", "fires", "example"),
    EXAMPLES,
    ids=[f"{c.id}-{'fires' if f else 'silent'}-{i}" for i, (c, f, _) in enumerate(EXAMPLES)],
)
def test_check_example(check: Check, fires: bool, example: Any) -> None:
    assert check_fires(KB, check, example) is fires


@pytest.mark.parametrize("check", KB.checks, ids=[c.id for c in KB.checks])
def test_check_record_is_complete(check: Check) -> None:
    assert (
        check.id.startswith("SOS2") and check.name and check.message and check.why and check.voices
    )
    assert all(v in KB.voices for v in check.voices)


def test_every_detector_has_code_and_every_code_a_detector() -> None:
    assert set(DETECTORS) == set(DETECT)


def _findings(text: str, **extra: Any) -> list[tuple[str, str]]:
    result = api.check({"notes": [{"text": text, **extra}]})
    return [(f["check"], text[f["start"] : f["end"]]) for f in result["findings"]]


# The must-catch list of the engine issue: (note, check id, highlighted text)
CATCHES = [
    ("Thank you for your time today, Ana.", "SOS201", "Thank you for your time"),
    (
        "Dear Ana, I look forward to hearing from you.",
        "SOS202",
        "Dear Ana, I look forward to hearing from you.",
    ),
    ("Dear Ana, I really need this job.", "SOS203", "I really need this job"),
    ("Dear Ana, I apologise for the whiteboard answer.", "SOS203", "I apologise"),
    ("Dear Ana, about [topic] we discussed.", "SOS206", "[topic]"),
    ("Dear Ana! Great! Wow!", "SOS210", "!"),
]


@pytest.mark.parametrize(("text", "check", "span"), CATCHES)
def test_catches_in_place(text: str, check: str, span: str) -> None:
    assert (check, span) in _findings(text)


def test_name_missing_highlights_the_greeting() -> None:
    assert ("SOS208", "Hello,") in _findings("Hello,\nYou mentioned caching.", to="Ana Ruiz")


def test_same_note_to_two_people_flags_the_second() -> None:
    text = "Dear {}, I enjoyed our conversation about caching and I am excited about the role."
    result = api.check({"notes": [{"to": n, "text": text.format(n)} for n in ("Ana", "Ben")]})
    dupes = [f for f in result["findings"] if f["check"] == "SOS205"]
    assert [(f["note"], f["start"], f["end"]) for f in dupes] == [(1, 0, len(text.format("Ben")))]


def test_finding_shape() -> None:
    f = api.check({"notes": [{"text": "I really need this job."}]})["findings"][0]
    assert set(f) >= {"check", "severity", "message", "voices", "start", "end"}


BAD_REQUESTS: list[tuple[Any, list[str]]] = [
    ("text", ["check: expected a JSON object with 'notes'; got 'text'."]),
    ({}, ["check: notes: expected a non-empty list of {to, text} objects; got null."]),
    ({"notes": [{"text": 1}]}, ["check: notes[0].text: expected a string; got 1."]),
    (
        {"notes": [{"text": "x", "too": "Ana"}], "situaton": {}},
        [
            "check: situaton: unknown field; valid fields: 'notes', 'situation'.",
            "check: notes[0].too: unknown field; valid fields: 'to', 'text'.",
        ],
    ),
    (
        {"notes": [{"text": "x"}], "situation": {"job_title": 5}},
        ["check: situation: job_title: expected a string; got 5."],
    ),
]


@pytest.mark.parametrize(("data", "problems"), BAD_REQUESTS)
def test_bad_check_request(data: Any, problems: list[str]) -> None:
    with pytest.raises(InputError) as exc:
        api.check(data)
    assert exc.value.problems == problems
