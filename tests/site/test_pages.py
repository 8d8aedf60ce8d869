"""The Markdown the markers become: relative links from any page, voice links by kind, a
matrix with a column per scenario and a row per voice, and examples shown as the data has them."""

from __future__ import annotations

import pytest

from sendorskip.api import advise
from sendorskip.knowledge import load
from sendorskip.site.pages import Links, _example, matrix, source_list
from sendorskip.site.scenarios import load_scenarios

KB = load(None)
LINKS: list[tuple[str, str, str, str]] = [
    # (from page, to page, anchor, link)
    ("index.md", "experts.md", "", "experts.md"),
    ("experts.md", "experts.md", "voice-neece", "experts.md#voice-neece"),
    ("situations/panel.md", "experts.md", "voice-neece", "../experts.md#voice-neece"),
    ("situations/panel.md", "situations/recruiters.md", "", "recruiters.md"),
    ("center/visit-us.md", "situations/panel.md", "", "../situations/panel.md"),
    ("a/b/c.md", "sources.md", "source-x", "../../sources.md#source-x"),
]


@pytest.mark.parametrize(("page", "target", "anchor", "link"), LINKS)
def test_links_are_relative_to_the_page(page: str, target: str, anchor: str, link: str) -> None:
    assert Links(page).to(target, anchor) == link


def test_a_seed_voice_links_to_its_card_and_a_wider_one_to_its_source() -> None:
    links = Links("situations/panel.md")
    assert links.voice(KB, "neece") == "[Michael Neece](../experts.md#voice-neece)"
    assert links.voice(KB, "princeton") == (
        "[Princeton career services](../sources.md#source-princeton)"
    )


@pytest.mark.parametrize("group", ["seed", "wider"])
def test_the_matrix_has_a_column_per_scenario_and_our_advice_last(group: str) -> None:
    scenarios = [s for s in load_scenarios() if s.group == group]
    lines = matrix(KB, load_scenarios(), Links("who-says-what.md"), group).splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert (
        table[0]
        == "| Voice | "
        + " | ".join(f"[{s.label}]({Links('who-says-what.md').to(s.page)})" for s in scenarios)
        + " |"
    )
    assert all(line.count(" | ") == len(scenarios) for line in table if line[1:4] != "---")
    verdicts = [KB.words.verdicts[advise(dict(s.raw), KB)["verdict"]] for s in scenarios]
    assert table[-1] == "| **Our advice** | " + " | ".join(f"**{v}**" for v in verdicts) + " |"
    # Each column is spelled out under its own heading, in the table's order.
    assert [line[4:] for line in lines if line.startswith("### ")] == [s.label for s in scenarios]


def test_the_seed_matrix_has_a_row_for_every_voice_of_the_two_articles() -> None:
    table = matrix(KB, load_scenarios(), Links("who-says-what.md"), "seed").splitlines()
    rows = [line for line in table if line.startswith("| [")]
    seed = [v for v in KB.voices.values() if v.seed]
    assert [row.split("]")[0][3:] for row in rows] == [v.name for v in seed]


def test_a_wider_row_is_a_voice_that_speaks_to_a_column() -> None:
    table = matrix(KB, load_scenarios(), Links("who-says-what.md"), "wider").splitlines()
    rows = [line for line in table if line.startswith("| [")]
    assert rows and all(
        "sos-stance-send" in r or "sos-stance-skip" in r or "sos-stance-neutral" in r for r in rows
    )


EXAMPLES: list[tuple[object, str]] = [
    ("Thanks so much!", "`Thanks so much!`"),
    ({"went": "well", "company": "Café"}, '`{"went": "well", "company": "Café"}`'),
    ("Use `code` here", "`Use 'code' here`"),  # a backtick would end the code span
]


@pytest.mark.parametrize(("example", "shown"), EXAMPLES)
def test_an_example_is_shown_as_the_data_has_it(example: object, shown: str) -> None:
    assert _example(example) == shown


def test_every_source_has_its_anchor_once() -> None:
    text = source_list(KB, Links("sources.md"))
    for sid in KB.sources:
        assert text.count(f"{{ #source-{sid} }}") == 1
    assert len(text.splitlines()) == len(KB.sources)
