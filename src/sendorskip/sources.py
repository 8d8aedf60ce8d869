"""Sources: the two articles the handbook is built on, the outlets they cite, wider guidance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import shown
from .records import Reader

SOURCE_KINDS = ("article", "outlet", "career-center", "guide")


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    title: str
    publisher: str = ""
    file: str = ""  # the article's text in shared/sources/, for seed articles
    url: str = ""
    note: str = ""


def read_sources(reader: Reader, data: Mapping[str, Any]) -> list[Source]:
    sources = []
    for raw in reader.table_list(data, "source", ("source", "disable")):
        sid = reader.text("source ?", raw, "id") or "?"
        item = f"source {sid}"
        reader.keys(item, raw, ("id", "kind", "title"), ("publisher", "file", "url", "note"))
        sources.append(
            Source(
                id=sid,
                kind=reader.choice(item, raw, "kind", SOURCE_KINDS),
                title=reader.text(item, raw, "title"),
                publisher=reader.text(item, raw, "publisher"),
                file=reader.text(item, raw, "file"),
                url=_web_address(reader, item, raw),
                note=reader.text(item, raw, "note"),
            )
        )
    return sources


def _web_address(reader: Reader, item: str, raw: Mapping[str, Any]) -> str:
    """A source's page elsewhere on the web: without its scheme, a link would point inside the
    site and break."""
    url = reader.text(item, raw, "url")
    scheme, _, rest = url.partition("://")
    if url and (scheme.lower() not in ("https", "http") or not rest):
        reader.problem(
            item, "url", f"expected a web address starting with https://; got {shown(url)}."
        )
    return url
