"""The who-says-what matrix's columns (data/scenarios.toml), checked record by record: each a
situation of its own, in a group, linking to a page of the handbook."""

from __future__ import annotations

import pytest

from sendorskip.knowledge import load
from sendorskip.site.scenarios import GROUPS, Scenario, load_scenarios
from sendorskip.situation import parse

from ..conftest import ROOT

SCENARIOS = load_scenarios()
IDS = [s.id for s in SCENARIOS]


def test_ids_and_labels_are_unique() -> None:
    assert len(set(IDS)) == len(IDS)
    assert len({s.label for s in SCENARIOS}) == len(SCENARIOS)


def test_each_matrix_has_columns() -> None:
    assert {s.group for s in SCENARIOS} == set(GROUPS) == {"seed", "wider"}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_a_column_links_to_a_page_of_the_handbook(scenario: Scenario) -> None:
    assert scenario.page.endswith(".md") and (ROOT / "docs" / scenario.page).is_file()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_the_situation_is_its_raw_table_parsed(scenario: Scenario) -> None:
    assert scenario.situation == parse(dict(scenario.raw))


def test_no_two_columns_have_the_same_facts() -> None:
    # Two columns with the same facts would show every voice saying the same thing twice.
    kb = load(None)
    facts = {s.id: tuple(sorted(kb.facts(s.situation).items())) for s in SCENARIOS}
    assert len(set(facts.values())) == len(facts)


def test_the_matrix_page_has_both_markers() -> None:
    page = (ROOT / "docs" / "who-says-what.md").read_text("utf-8")
    assert "<!-- sendorskip: matrix -->" in page and "<!-- sendorskip: matrix-wider -->" in page
