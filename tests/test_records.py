"""Reading records: values shown as a TOML file spells them, and nested tables' field paths."""

from __future__ import annotations

import pytest

from sendorskip.records import Reader, inline

INLINE = [
    ({"went": "well", "panel": True}, '{ went = "well", panel = true }'),
    ({"interviewers": [{"name": "Ana"}, {}]}, '{ interviewers = [{ name = "Ana" }, {}] }'),
    ({"a key": 1.5, "hours_since": 30}, '{ "a key" = 1.5, hours_since = 30 }'),
    ('She said "hi"\n', '"She said \\"hi\\"\\n"'),
    ("x" * 50, '"' + "x" * 40 + '…"'),
    ("Zoë", '"Zoë"'),
]


@pytest.mark.parametrize(("value", "spelt"), INLINE)
def test_inline_spells_a_value_as_toml_does(value: object, spelt: str) -> None:
    assert inline(value) == spelt


def test_a_nested_table_names_its_fields_by_their_path() -> None:
    reader = Reader("rules.toml")
    effect = reader.within("effect")
    effect.choice("rule X", {"verdict": "maybe"}, "verdict", ("send", "skip"))
    effect.within("when").problem("rule X", "panel", "unknown fact.")
    reader.problem("rule X", "why", "required.")
    assert reader.problems == [
        "rules.toml: rule X: effect.verdict: expected one of 'send', 'skip'; got 'maybe'.",
        "rules.toml: rule X: effect.when.panel: unknown fact.",
        "rules.toml: rule X: why: required.",
    ]
