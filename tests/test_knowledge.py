"""Overrides: a career center adds, replaces and disables records; every mistake is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendorskip import api
from sendorskip.errors import DataError
from sendorskip.knowledge import load
from sendorskip.validate import problems

RULE = """
[[rule]]
id = "CC101"
name = "cards-expected"
when = { preferred_medium = ["no_preference", "handwritten"] }
effect = { medium = "handwritten" }
message = "Our employers expect a handwritten card."
why = "Local employers told us so."
voices = ["lawrence"]
examples.fires = [{ went = "well" }]
examples.silent = [{ went = "well", preferred_medium = "email" }]
"""


def _dir(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        path = tmp_path / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return tmp_path


def test_added_rule_changes_the_advice(tmp_path: Path) -> None:
    kb = load(_dir(tmp_path, **{"rules.toml": RULE}))
    assert api.advise({"went": "well"}, kb)["plan"]["medium"] == "handwritten"
    assert problems(kb) == []


def test_disable_removes_our_rule(tmp_path: Path) -> None:
    kb = load(_dir(tmp_path, **{"rules.toml": 'disable = ["SOS102"]\n'}))
    assert api.advise({"went": "disaster"}, kb)["verdict"] == "send"


def test_template_override_is_used(tmp_path: Path) -> None:
    kb = load(
        _dir(
            tmp_path,
            **{
                "templates__interviewer.txt.j2": "Subject: Hello\n\nDear {{ to }}, from our center."
            },
        )
    )
    assert (
        api.advise({"went": "well"}, kb)["drafts"][0]["body"]
        == "Dear [interviewer's name], from our center."
    )


MISTAKES: list[tuple[dict[str, str], list[str]]] = [
    (
        {"rules.toml": RULE.replace('"no_preference", "handwritten"', '"great"')},
        [
            "{d}/rules.toml: rule CC101 (cards-expected): when.preferred_medium: expected one of 'email', 'handwritten', 'no_preference'; got 'great'."
        ],
    ),
    (
        {"rules.toml": RULE.replace('voices = ["lawrence"]', 'voices = ["lawrance"]')},
        [
            "{d}/rules.toml: rule CC101 (cards-expected): voices: unknown voice 'lawrance'; valid voices: "
            "'afrotech', 'ask-a-manager-2019', 'attolon', 'cvcircuit', 'dunkerton', 'electus', 'forbes-ryan', "
            "'georgetown', 'georgetown-sfs', 'goldman', 'green', 'iowa-state', 'lawrence', 'lawrence-blog', "
            "'lawyer-whisperer', 'liveabout', 'mcclure', 'mit-cdo', 'monster', 'neece', 'pomona', 'princeton', "
            "'purdue-owl', 'sarikas', 'siegel', 'uc-davis', 'uga-law', 'utsa', 'wesleyan', 'when-to-send', "
            "'yea-or-nay'."
        ],
    ),
    (
        {"rules.toml": RULE + RULE},
        ["{d}/rules.toml: rule CC101: duplicate id; ids must be unique."],
    ),
    (
        {"rules.toml": 'disable = ["SOS999"]\n'},
        [
            "{d}/rules.toml: disable: unknown rule 'SOS999'; valid rules: "
            + ", ".join(f"'SOS{i}'" for i in range(101, 132))
            + "."
        ],
    ),
    (
        {"rules.toml": RULE.replace("effect = { medium", "effect = { medum")},
        [
            "{d}/rules.toml: rule CC101 (cards-expected): effect.medum: unknown effect; valid effects: 'verdict', 'medium', 'within_hours', 'recipients', 'tip', 'follow_up'."
        ],
    ),
    (
        {"rules.toml": "[[rule]\n"},
        [
            "{d}/rules.toml: line 1, column 7: cannot read this: a [[table]] heading must end with ']]'."
        ],
    ),
    (
        {
            "checks.toml": '[[check]]\nid = "CC201"\nname = "x"\ndetector = "regex"\nseverity = "loud"\nmessage = "m"\nwhy = "w"\nvoices = ["green"]\nexamples.fires = ["a"]\nexamples.silent = ["b"]\n'
        },
        [
            "{d}/checks.toml: check CC201 (x): detector: expected one of 'pattern', 'no-specifics', 'near-duplicate', 'too-long', 'name-missing', 'title-missing', 'repeated-mark'; got 'regex'.",
            "{d}/checks.toml: check CC201 (x): instead: required field is missing.",
            "{d}/checks.toml: check CC201 (x): severity: expected one of 'error', 'warning', 'info'; got 'loud'.",
        ],
    ),
]


@pytest.mark.parametrize(
    ("files", "expected"), MISTAKES, ids=[str(i) for i in range(len(MISTAKES))]
)
def test_mistakes_are_reported_together(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    with pytest.raises(DataError) as exc:
        load(_dir(tmp_path, **files))
    assert exc.value.problems == [e.format(d=tmp_path) for e in expected]


def test_misspelt_template_variable_is_reported(tmp_path: Path) -> None:
    kb = load(_dir(tmp_path, **{"templates__recover.txt.j2": "Dear {{ too }},"}))
    found = problems(kb)
    assert len(found) == 1 and found[0].startswith(
        f"{tmp_path}/templates/recover.txt.j2: line 1: 'too' is undefined; valid variables: "
    )


def test_rule_whose_examples_no_longer_hold_is_reported(tmp_path: Path) -> None:
    kb = load(
        _dir(
            tmp_path,
            **{
                "rules.toml": RULE.replace(
                    'examples.silent = [{ went = "well", preferred_medium = "email" }]',
                    'examples.silent = [{ went = "well" }]',
                )
            },
        )
    )
    assert problems(kb) == [
        "rules.toml: rule CC101 (cards-expected): examples: expected to stay silent for {'went': 'well'}."
    ]


def test_missing_override_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError) as exc:
        load(tmp_path / "nope")
    assert exc.value.problems == [f"{tmp_path / 'nope'}: override directory not found."]
