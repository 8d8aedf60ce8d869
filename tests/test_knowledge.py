"""Overrides: a career center adds, replaces and disables records; every mistake is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendorskip import api
from sendorskip.errors import DataError, record
from sendorskip.knowledge import load
from sendorskip.site.center import read_contact
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


# A center's own length check; rows below change its detector's parameters.
TOO_LONG = '[[check]]\nid = "CC202"\nname = "long"\ndetector = "too-long"\nmax_words = 150\nseverity = "warning"\nmessage = "m"\nwhy = "w"\ninstead = "i"\nvoices = ["green"]\nexamples.fires = ["a"]\nexamples.silent = ["b"]\n'
FIELDS = "'id', 'name', 'detector', 'severity', 'message', 'why', 'instead', 'voices', 'examples'"


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
            + ", ".join(f"'SOS{i}'" for i in range(101, 136))
            + "."
        ],
    ),
    (
        {"rules.toml": RULE.replace("effect = { medium", "effect = { medum")},
        [
            "{d}/rules.toml: rule CC101 (cards-expected): effect.medum: unknown effect; valid effects: 'verdict', 'medium', 'within_hours', 'recipients', 'tip', 'follow_up', 'short', 'formal', 'ask_when'."
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
            "{d}/checks.toml: check CC201 (x): detector: expected one of 'pattern', 'no-specifics', 'near-duplicate', 'too-long', 'name-missing', 'wrong-name', 'title-full-name', 'title-missing', 'repeated-mark', 'said-twice'; got 'regex'.",
            "{d}/checks.toml: check CC201 (x): instead: required field is missing.",
            "{d}/checks.toml: check CC201 (x): severity: expected one of 'error', 'warning', 'info'; got 'loud'.",
        ],
    ),
    (
        {"checks.toml": TOO_LONG.replace("max_words = 150", 'max_words = "many"')},
        [
            "{d}/checks.toml: check CC202 (long): max_words: expected a whole number from 1 to 5,000; got 'many'."
        ],
    ),
    (
        {"checks.toml": TOO_LONG.replace("max_words = 150", "max_words = 150.5")},
        [
            "{d}/checks.toml: check CC202 (long): max_words: expected a whole number from 1 to 5,000; got 150.5."
        ],
    ),
    (
        {"checks.toml": TOO_LONG.replace("max_words = 150", "max_word = 150")},
        [
            f"{{d}}/checks.toml: check CC202 (long): max_word: unknown field; valid fields: {FIELDS}; valid parameters of detector 'too-long': 'max_words'.",
            "{d}/checks.toml: check CC202 (long): max_words: required by detector 'too-long': a whole number from 1 to 5,000.",
        ],
    ),
    (
        {
            "checks.toml": TOO_LONG.replace(
                '"too-long"\nmax_words = 150', '"near-duplicate"\nthreshold = 1.5'
            )
        },
        [
            "{d}/checks.toml: check CC202 (long): threshold: expected a number from 0.1 to 1; got 1.5."
        ],
    ),
    (
        {
            "checks.toml": TOO_LONG.replace(
                '"too-long"\nmax_words = 150', '"repeated-mark"\nmark = "!!"\nmax = -1'
            )
        },
        [
            "{d}/checks.toml: check CC202 (long): mark: expected one character, such as '!'; got '!!'.",
            "{d}/checks.toml: check CC202 (long): max: expected a whole number from 0 to 5,000; got -1.",
        ],
    ),
    (
        {"checks.toml": TOO_LONG.replace('"too-long"', '"name-missing"')},
        [
            f"{{d}}/checks.toml: check CC202 (long): max_words: unknown field; valid fields: {FIELDS}; detector 'name-missing' takes no parameters."
        ],
    ),
    (
        {
            "checks.toml": TOO_LONG.replace(
                '"too-long"\nmax_words = 150', '"pattern"\nmatch_case = "no"'
            )
        },
        [
            "{d}/checks.toml: check CC202 (long): patterns: required by detector 'pattern': a non-empty list of regular expressions.",
            "{d}/checks.toml: check CC202 (long): match_case: expected true or false; got 'no'.",
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
        f"{tmp_path}/rules.toml: rule CC101 (cards-expected): examples.silent[0]: "
        'expected to stay silent for { went = "well" }; it fires.'
    ]


def test_check_whose_examples_no_longer_hold_is_reported(tmp_path: Path) -> None:
    long = "Dear Ana, " + "I enjoyed our talk. " * 50
    kb = load(_dir(tmp_path, **{"checks.toml": TOO_LONG.replace('["b"]', f'["{long}"]')}))
    assert problems(kb) == [
        f"{tmp_path}/checks.toml: check CC202 (long): examples.fires[0]: "
        'expected to fire for "a"; it stays silent.',
        f"{tmp_path}/checks.toml: check CC202 (long): examples.silent[0]: "
        'expected to stay silent for "Dear Ana, I enjoyed our talk. I enjoyed …"; it fires.',
    ]


def test_missing_override_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError) as exc:
        load(tmp_path / "nope")
    assert exc.value.problems == [f"{tmp_path / 'nope'}: override directory not found."]


# Every problem has one shape, whoever found it: the sentence the CLI prints, and its record.
RECORDS = [
    (
        "labels.toml",
        "[questions]\njob_tilte = 'Role'\n",
        "questions",
        "job_tilte",
        "Unknown key; valid keys: ",
    ),
    (
        "rules.toml",
        "disable = ['SOS999']\n",
        "",
        "disable",
        "Unknown rule 'SOS999'; valid rules: ",
    ),
    ("voices.toml", "[[vioce]]\n", "vioce", "", "Unknown table; valid tables: "),
]


@pytest.mark.parametrize(("name", "text", "item", "field", "message"), RECORDS)
def test_a_data_files_problem_is_a_record_too(
    tmp_path: Path, name: str, text: str, item: str, field: str, message: str
) -> None:
    (tmp_path / name).write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        load(tmp_path)
    (problem,) = caught.value.problems
    found = record(problem)
    assert found["message"].startswith(message)
    assert {k: found[k] for k in ("file", "item", "field")} == {
        "file": str(tmp_path / name),
        "item": item,
        "field": field,
    }
    assert problem == ": ".join(p for p in (found["file"], item, field) if p) + ": " + (
        found["message"][:1].lower() + found["message"][1:]
    )


def test_a_center_settings_problem_is_a_record_too() -> None:
    found: list[str] = []
    read_contact(
        "center.yml", {"contact": {"heading": "Talk to us", "email": "nope"}}, "Site", found
    )
    assert found == [
        "center.yml: plugins.sendorskip.center.contact.email: expected an email address like "
        "careers@example.edu; got 'nope'."
    ]
    assert record(found[0]) == {
        "file": "center.yml",
        "item": "",
        "field": "plugins.sendorskip.center.contact.email",
        "message": "Expected an email address like careers@example.edu; got 'nope'.",
    }
