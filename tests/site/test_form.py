"""The checker's form is generated from the situation's fields: each field once, with its words
from labels and its limits from CAPS."""

from __future__ import annotations

from sendorskip.capped import CAPS
from sendorskip.form_words import FORM, QUESTIONS, VALUES
from sendorskip.labels import WORDS
from sendorskip.questions import Question
from sendorskip.site.form import MORE, Control, check_controls, main_rows, more_sections
from sendorskip.situation import FIELDS


def controls() -> list[Control]:
    rows = [row for s in more_sections(WORDS) for row in s.rows]
    return [c for row in main_rows(WORDS) + rows for c in row]


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


def test_more_is_in_headed_sections_then_a_centers_questions() -> None:
    asked = [Question("campus", "Did you meet them at a campus fair?", "", "yes-no", (), False)]
    sections = more_sections(WORDS, asked)
    assert [s.legend for s in sections] == [FORM[f"more.{key}"] for key, _ in MORE] + [
        FORM["more.center"]
    ]
    assert [c.name for row in sections[-1].rows for c in row] == ["campus"]
    # Selects and numbers that follow one another share a row; any other control stands alone.
    timing = [[c.name for c in row] for row in sections[0].rows]
    assert timing == [["decision", "response_expected_in_days", "outcome"]]
    interview = [[c.name for c in row] for row in sections[2].rows]
    assert interview == [
        ["stage", "format", "country"],
        ["informational"],
        ["interviewer_engaged"],
    ]


def test_the_country_is_picked_by_its_name() -> None:
    # A box for a two-letter code cut "Denmark" to "De" (Germany's code) without a word.
    country = next(
        c for row in more_sections(WORDS, [])[2].rows for c in row if c.name == "country"
    )
    assert country.kind == "select" and country.default == ""
    assert country.choices[0] == ("", FORM["country"])
    names = [name for _, name in country.choices[1:]]
    assert len(names) == 249 and names[:3] == ["Afghanistan", "Åland Islands", "Albania"]
    assert dict(country.choices)["DK"] == "Denmark"
