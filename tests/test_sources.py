"""sources.toml: each source read field by field, every mistake named by source and field."""

from __future__ import annotations

from typing import Any

import pytest

from sendorskip.records import Reader
from sendorskip.sources import Source, read_sources

FILE = "sources.toml"
GOOD = {"id": "muse", "kind": "outlet", "title": "The Muse", "url": "https://www.themuse.com/"}
KINDS = "'article', 'outlet', 'career-center', 'guide'"
FIELDS = "'id', 'kind', 'title', 'publisher', 'file', 'url', 'note'"
PROBLEMS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("an unknown kind", {"kind": "blog"}, [f"source muse: kind: expected one of {KINDS}; got 'blog'."]),
    ("a kind in capitals", {"kind": "Outlet"}, [f"source muse: kind: expected one of {KINDS}; got 'Outlet'."]),
    ("an empty title", {"title": ""}, ["source muse: title: expected some text; got ''."]),
    ("a number for a note", {"note": 3}, ["source muse: note: expected some text; got 3."]),
    ("an unknown field", {"author": "Z"}, [f"source muse: author: unknown field; valid fields: {FIELDS}."]),
    # Without its scheme a link would point inside the site and break.
    ("an address without a scheme", {"url": "www.themuse.com"}, ["source muse: url: expected a web address starting with https://; got 'www.themuse.com'."]),
    ("a relative address", {"url": "/advice"}, ["source muse: url: expected a web address starting with https://; got '/advice'."]),
    ("a scheme and nothing after it", {"url": "https://"}, ["source muse: url: expected a web address starting with https://; got 'https://'."]),
    # Shown cut to 40 characters, as every value is.
    ("a long address", {"url": "www." + "a" * 60}, [f"source muse: url: expected a web address starting with https://; got 'www.{'a' * 36}…'."]),
    ("a missing id", {"id": None}, ["source ?: id: required field is missing."]),
    ("an id that is not text", {"id": 7}, ["source ?: id: expected some text; got 7."]),
    (
        "every problem at once",
        {"kind": "blog", "title": None, "url": "ftp://x"},
        [
            "source muse: title: required field is missing.",
            f"source muse: kind: expected one of {KINDS}; got 'blog'.",
            "source muse: url: expected a web address starting with https://; got 'ftp://x'.",
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "problems"), [p[1:] for p in PROBLEMS], ids=[p[0] for p in PROBLEMS]
)
def test_problems_name_the_source_and_field(changes: dict[str, Any], problems: list[str]) -> None:
    raw = {k: v for k, v in {**GOOD, **changes}.items() if v is not None}
    reader = Reader(FILE)
    assert len(read_sources(reader, {"source": [raw]})) == 1
    assert reader.problems == [f"{FILE}: {p}" for p in problems]


TABLES: list[tuple[str, dict[str, Any], str]] = [
    ("a table the file cannot have", {"sources": []}, "sources: unknown table; valid tables: 'source', 'disable'."),
    ("one [source] for [[source]]", {"source": GOOD}, "source: expected a list of [[source]] tables."),
    ("a list of text", {"source": ["muse"]}, "source: expected a list of [[source]] tables."),
]  # fmt: skip


@pytest.mark.parametrize(("data", "problem"), [t[1:] for t in TABLES], ids=[t[0] for t in TABLES])
def test_problems_with_the_file_as_a_whole(data: dict[str, Any], problem: str) -> None:
    reader = Reader(FILE)
    assert read_sources(reader, data) == []
    assert reader.problems == [f"{FILE}: {problem}"]


def test_a_source_is_read_as_written() -> None:
    raw = {**GOOD, "publisher": "The Muse", "file": "muse.txt", "note": "Cited by both."}
    reader = Reader(FILE)
    assert read_sources(reader, {"source": [raw], "disable": ["other"]}) == [
        Source(
            id="muse",
            kind="outlet",
            title="The Muse",
            publisher="The Muse",
            file="muse.txt",
            url="https://www.themuse.com/",
            note="Cited by both.",
        )
    ]
    assert reader.problems == []


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "http://example.org/", "HTTPS://example.org/", ""]
)
def test_a_web_address_or_none_is_accepted(url: str) -> None:
    raw = {**GOOD, "url": url} if url else {k: v for k, v in GOOD.items() if k != "url"}
    reader = Reader(FILE)
    assert [s.url for s in read_sources(reader, {"source": [raw]})] == [url]
    assert reader.problems == []


def test_every_source_is_read_in_order() -> None:
    second = {"id": "lu", "kind": "career-center", "title": "Lawrence University"}
    reader = Reader(FILE)
    assert [s.id for s in read_sources(reader, {"source": [GOOD, second]})] == ["muse", "lu"]
