"""Every draft check runs its own examples; offsets (in code points and UTF-16), the records'
validation and the check request's errors are pinned."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from sendorskip import api, knowledge
from sendorskip.checks import DETECTORS, Check
from sendorskip.detectors import DETECT
from sendorskip.errors import DataError, InputError
from sendorskip.examples import check_fires, example_input

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
    assert check.id.startswith("SOS2") and check.name and check.voices
    assert check.message.strip() and check.why.strip() and check.instead.strip()
    assert all(v in KB.voices for v in check.voices)
    # Plain words for the reader: no ids, no British spellings the sources don't use.
    for text in (check.message, check.instead):
        assert not re.search(r"SOS\d|favour|apologis|customis|organis", text)


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
    ("Dear Ana, I apologise for the whiteboard answer.", "SOS203", "apologise"),
    ("Dear Ana, about [topic] we discussed.", "SOS206", "[topic]"),
    ("Dear Ana! Great! Wow!", "SOS210", "!"),
]


@pytest.mark.parametrize(("text", "check", "span"), CATCHES)
def test_catches_in_place(text: str, check: str, span: str) -> None:
    assert (check, span) in _findings(text)


def test_name_missing_highlights_the_greeting() -> None:
    assert ("SOS208", "Hello,") in _findings("Hello,\nYou mentioned caching.", to="Ana Ruiz")


# (to, note, what wrong-name highlights; None: it stays silent)
GREETINGS: list[tuple[str, str, str | None]] = [
    ("Priya Shah", "Dear Pryia,\nYou mentioned caching.", "Pryia"),
    ("Priya Shah", "Dear Pryia.\nYou mentioned caching.", "Pryia"),
    ("Priya Shah", "Hi Tom. You mentioned caching.", "Tom"),
    ("Priya Shah", "Hi Priya. You mentioned caching.", None),
    ("Michael Grant", "Dear Micheal, you mentioned caching.", "Micheal"),
    ("Priya Shah", "Dear Ms. Shha, you mentioned caching.", "Shha"),
    ("Priya Shah", "Subject: Tuesday\n\nHi, Tom Reed! You mentioned caching.", "Tom Reed"),
    ("Priya Shah", "Good evening Tom 👋\nYou mentioned caching.", "Tom"),
    ("Priya Shah", "Hey Tom - you mentioned caching.", "Tom"),
    ("Siobhan O\u2019Brien", "Dear Ms. O'Brein, you mentioned caching.", "O'Brein"),
    ("Siobhan O'Brien", "Dear Ms. O\u2019Brein, you mentioned caching.", "O\u2019Brein"),
    ("Dr. Liu", "Dear Dr. Chen, you mentioned caching.", "Chen"),
    ("Ana", "Dear Ben, you mentioned caching.", "Ben"),
    ("Priya Shah", "Dear Priya, you mentioned caching.", None),
    ("Priya Shah", "Hi Priya Shah: you mentioned caching.", None),
    ("Priya Shah", "Dear Priya and Tom, you mentioned caching.", None),
    ("Siobhan O'Brien", "Dear Ms. O\u2019Brien, you mentioned caching.", None),
    ("Anne-Marie Lef\u00e8vre", "Dear Ms. Lefe\u0300vre, you mentioned caching.", None),
    ("Anne-Marie Lef\u00e8vre", "Dear Anne-Marie, you mentioned caching.", None),
    ("Pieter van Dijk", "Hello Mr. van Dijk, you mentioned caching.", None),
    # A single name: a first name, or a surname after a title or an initial; the other may be
    # right in a greeting of the other form.
    ("Priya", "Dear Ms. Shah, you mentioned caching.", None),
    ("Dr. Liu", "Hi Wei, you mentioned caching.", None),
    ("W. Liu", "Hi Wei, you mentioned caching.", None),
    # No name to compare with.
    ("priya.shah@example.com", "Dear Tom, you mentioned caching.", None),
    ("[Interviewer]", "Dear Tom, you mentioned caching.", None),
    # No name greeted: a role or a group, no name, not a name as written (names are capitalised),
    # an initial (a period may end a sentence too).
    ("Priya Shah", "Dear Hiring Manager,\nYou mentioned caching.", None),
    ("Priya Shah", "Dear Sir or Madam,\nYou mentioned caching.", None),
    ("Priya Shah", "Dear Sir/Madam,\nYou mentioned caching.", None),
    ("Priya Shah", "Hello everyone! You mentioned caching.", None),
    ("Priya Shah", "Hi there, you mentioned caching.", None),
    ("Priya Shah", "Hello, I enjoyed our talk about caching.", None),
    ("Priya Shah", "Hello again, you mentioned caching.", None),
    ("Priya Shah", "dear tom, you mentioned caching.", None),
    ("Priya Shah", "Dear Dr. J. Smith, you mentioned caching.", None),
    ("Priya Shah", "You mentioned caching, Tom.", None),
]


@pytest.mark.parametrize(("to", "text", "span"), GREETINGS)
def test_wrong_name_highlights_the_greeted_name(to: str, text: str, span: str | None) -> None:
    found = [s for c, s in _findings(text, to=to) if c == "SOS212"]
    assert found == ([span] if span else [])


@pytest.mark.parametrize(("to", "text", "span"), [g for g in GREETINGS if g[2]])
def test_a_wrong_name_is_not_also_a_missing_one(to: str, text: str, span: str) -> None:
    [finding] = [
        f
        for f in api.check({"notes": [{"to": to, "text": text}]})["findings"]
        if f["check"] in ("SOS208", "SOS212")
    ]
    assert (finding["check"], finding["message"]) == (
        "SOS212",
        "The name in the greeting is not the name of the person this note is to.",
    )


def test_a_greeting_to_nobody_in_particular_is_a_missing_name() -> None:
    text = "Dear Sir or Madam,\nYou mentioned caching."
    found = [(c, s) for c, s in _findings(text, to="Priya Shah") if c in ("SOS208", "SOS212")]
    assert found == [("SOS208", "Dear Sir or Madam,")]


@pytest.mark.parametrize("to", ["Dr.", "J.", "X", "Ms. A"])
def test_a_recipient_with_no_name_to_compare_is_never_an_error(to: str) -> None:
    # Only a title or an initial: no first name to take a greeting's short form of, and no
    # word of theirs in the note.
    found = api.check({"notes": [{"to": to, "text": "Dear Ana, I enjoyed our talk."}]})
    assert "SOS208" in [f["check"] for f in found["findings"]]


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


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _js_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) returns: indexes are UTF-16 code units."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


# (note, check, the text its highlight must cover): astral emoji before and inside findings,
# skin tones, joined (ZWJ) emoji, flags, and letters with combining accents.
OFFSETS = [
    ("😊 I'm so sorry about the whiteboard.", "SOS203", "sorry"),
    ("Great chat 👍🏽 see you", "SOS211", "👍🏽"),
    ("Our family 👨\u200d👩\u200d👧 says hi :)", "SOS211", "👨\u200d👩\u200d👧"),
    ("Our family 👨\u200d👩\u200d👧 says hi :)", "SOS211", ":)"),
    ("Bonjour 🇫🇷 from the team", "SOS211", "🇫🇷"),
    ("Re\u0301sume\u0301 attached 🎉, see [Company] for details.", "SOS206", "[Company]"),
    ("Dear Zoë 🙂,\nI really need this job.", "SOS203", "I really need this job"),
]


@pytest.mark.parametrize(("text", "check", "span"), OFFSETS)
def test_offsets_in_code_points_and_utf16(text: str, check: str, span: str) -> None:
    findings = [f for f in api.check({"notes": [{"text": text}]})["findings"]]
    mine = [f for f in findings if f["check"] == check and text[f["start"] : f["end"]] == span]
    assert mine, [(f["check"], text[f["start"] : f["end"]]) for f in findings]
    for f in mine:
        assert f["start_utf16"] == _utf16(text[: f["start"]])
        assert f["end_utf16"] == _utf16(text[: f["end"]])
        assert _js_slice(text, f["start_utf16"], f["end_utf16"]) == span


# (a center's pattern, note, highlight): a match that ends or starts inside one visible
# character is widened to the whole character.
WIDENED = [
    ("cafe", "Our cafe\u0301 chat", "cafe\u0301"),
    ("\u0301 chat", "Our cafe\u0301 chat", "e\u0301 chat"),
    ("👍", "Nice 👍🏾 work", "👍🏾"),
    ("👩", "Family 👨\u200d👩\u200d👧 photo", "👨\u200d👩\u200d👧"),
]


@pytest.mark.parametrize(("pattern", "text", "span"), WIDENED)
def test_highlights_never_split_a_visible_character(pattern: str, text: str, span: str) -> None:
    base = next(c for c in KB.checks if c.detector == "pattern")
    params = {**base.params, "patterns": (re.compile(pattern),), "unless_specific": False}
    only = dataclasses.replace(KB, checks=(dataclasses.replace(base, params=params),))
    [f] = api.check({"notes": [{"text": text}]}, only)["findings"]
    assert text[f["start"] : f["end"]] == span
    assert _js_slice(text, f["start_utf16"], f["end_utf16"]) == span


def test_findings_are_sorted_and_stable() -> None:
    notes = [
        {"to": "Ana Ruiz", "text": "Hey!! [Name] 😊 I'm sorry, I really need this job!!"},
        {"to": "Ben Ode", "text": "Hey!! [Name] 😊 I'm sorry, I really need this job!!"},
    ]
    first = api.check({"notes": notes})["findings"]
    assert first == api.check({"notes": notes})["findings"]
    keys = [(f["note"], f["start"], f["end"], f["check"]) for f in first]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_every_finding_says_what_to_write_instead() -> None:
    findings = api.check({"notes": [{"text": "Hey [Name], sorry!! :)"}]})["findings"]
    by_id = {c.id: c for c in KB.checks}
    assert findings and all(f["instead"] == by_id[f["check"]].instead for f in findings)


CHECK = """
[[check]]
id = "CC201"
name = "x"
detector = "pattern"
patterns = ["sorry"]
severity = "warning"
message = "m"
why = "w"
instead = "i"
voices = ["green"]
examples.fires = ["sorry"]
examples.silent = ["fine"]
"""
# (a change to a center's check record, the problem reported)
RECORD_MISTAKES = [
    ('instead = "i"\n', "", "instead: required field is missing."),
    ('instead = "i"', 'instead = " "', "instead: expected some text; got ' '."),
    (
        "voices",
        'unless_specific = "yes"\nvoices',
        "unless_specific: expected true or false; got 'yes'.",
    ),
    (
        'patterns = ["sorry"]',
        'patterns = ["Sorry"]',
        "patterns: 'Sorry': notes are matched in lower case with straight apostrophes; "
        "write the pattern that way.",
    ),
    (
        'patterns = ["sorry"]',
        'patterns = ["i\u2019m sorry"]',
        "patterns: 'i\u2019m sorry': notes are matched in lower case with straight apostrophes; "
        "write the pattern that way.",
    ),
]


@pytest.mark.parametrize(("old", "new", "problem"), RECORD_MISTAKES)
def test_check_record_mistakes_are_reported(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    (tmp_path / "checks.toml").write_text(CHECK.replace(old, new, 1), "utf-8")
    with pytest.raises(DataError) as exc:
        knowledge.load(tmp_path)
    assert exc.value.problems == [f"{tmp_path}/checks.toml: check CC201 (x): {problem}"]


def test_capitals_are_allowed_when_case_matters(tmp_path: Path) -> None:
    record = CHECK.replace('patterns = ["sorry"]', 'match_case = true\npatterns = ["TODO\\\\b"]')
    (tmp_path / "checks.toml").write_text(record.replace('"sorry"]', '"TODO"]'), "utf-8")
    kb = knowledge.load(tmp_path)
    [check] = [c for c in kb.checks if c.id == "CC201"]
    assert check_fires(kb, check, "TODO: numbers") and not check_fires(kb, check, "todo list")


@pytest.mark.parametrize("check", KB.checks, ids=[c.id for c in KB.checks])
def test_reference_examples_look_different(check: Check) -> None:
    """The reference shows only an example's notes, not its context: a note shown under both
    "flags" and "leaves alone" would contradict itself."""

    def shown(example: Any) -> str:
        return " / ".join(n["text"] for n in example_input(example)["notes"])

    assert not {shown(e) for e in check.fires} & {shown(e) for e in check.silent}
