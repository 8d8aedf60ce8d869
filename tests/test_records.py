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


def test_a_list_where_one_value_is_wanted_says_so() -> None:
    reader = Reader("rules.toml")
    reader.choice("rule X", {"recipients": ["add-recruiter"]}, "recipients", ("add-recruiter",))
    assert reader.problems == [
        "rules.toml: rule X: recipients: expected one of 'add-recruiter'; got a list (one value,"
        " without [ ])."
    ]


def test_a_top_level_name_inside_a_table_says_where_it_belongs() -> None:
    reader = Reader("rules.toml")
    (rule,) = reader.table_list({"rule": [{"id": "X", "disable": []}]}, "rule", ("rule", "disable"))
    reader.keys("rule X", rule, ("id",), ())
    assert reader.problems == [
        "rules.toml: rule X: disable: unknown field ('disable' belongs at the top of the file,"
        " before the first [[...]] heading: a line after a heading is part of that table); valid"
        " fields: 'id'."
    ]


def test_ids_are_unique_whatever_their_case() -> None:
    reader = Reader("rules.toml")
    reader.unique("rule", ["NF101", "NF102", "NF101", "nf102"])
    assert reader.problems == [
        "rules.toml: rule NF101: duplicate id; ids must be unique.",
        "rules.toml: rule nf102: duplicate id ('NF102' differs from it only in case); ids must be"
        " unique.",
    ]
