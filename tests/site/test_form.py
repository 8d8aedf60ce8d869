"""The checker's form is generated from the situation's fields: each field once, with its words
from labels and its limits from CAPS."""

from __future__ import annotations

from sendorskip.capped import CAPS
from sendorskip.labels import QUESTIONS, VALUES, WORDS
from sendorskip.site.form import Control, check_controls, main_rows, more_rows
from sendorskip.situation import FIELDS


def controls() -> list[Control]:
    return [c for row in main_rows(WORDS) + more_rows(WORDS) for c in row]


def test_every_field_is_asked_once() -> None:
    assert sorted(c.name for c in controls()) == sorted(f.name for f in FIELDS)


def test_choices_labels_and_limits_come_from_the_package() -> None:
    by_name = {c.name: c for c in controls()}
    assert by_name["went"].kind == "radio"
    assert by_name["went"].choices == tuple(VALUES["went"].items())
    assert by_name["decision"].kind == "select"
    assert by_name["company"].label == QUESTIONS["company"]
    assert by_name["company"].limit == CAPS["company"]
    assert by_name["hours_since"].limit == CAPS["hours_since"]
    names = [p.name for p in by_name["interviewers"].parts]
    assert names == ["name", "role", "email_known", "lead", "topics", "add"]
    # A checkbox says the unusual case: ticked, it gives the opposite of the default.
    assert by_name["interviewer_engaged"].default == "true"
    assert [c.limit for c in check_controls(WORDS)] == [CAPS["name"], CAPS["note"]]
