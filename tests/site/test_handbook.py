"""The handbook: strict build, voices with role and organisation, verbatim quotes, generated pages."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote as url_quoted

import pytest

from sendorskip import api, knowledge
from sendorskip.checks import Check
from sendorskip.errors import DataError
from sendorskip.rules import Rule
from sendorskip.site.markers import expand

from ..conftest import ROOT, research_notes, source_texts
from .conftest import mkdocs_build

KB = knowledge.default()
QUOTE = re.compile(r"“([^”]*)”")


class _Text(HTMLParser):
    """The visible text of a page's article, where quotations are checked."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def article(path: Path) -> str:
    """The page's own content, without Material's header, navigation and footer."""
    html = path.read_text("utf-8")
    return html.split('<article class="md-content__inner md-typeset">', 1)[-1].split(
        "</article>", 1
    )[0]


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(article(path))
    return " ".join("".join(parser.parts).split())


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_every_seed_voice_on_the_experts_page_with_role_and_organisation(built_site: Path) -> None:
    text = page_text(built_site / "experts" / "index.html")
    for voice in (v for v in KB.voices.values() if v.seed):
        assert voice.name in text
        for part in (voice.role, voice.organisation):
            assert part in text, f"{voice.id}: {part!r} missing on the experts page"


def test_every_quotation_on_every_page_is_verbatim(built_site: Path) -> None:
    # The two articles, and the research notes that quote career centers' pages and survey
    # releases word for word (each with the address it was read from).
    sources = "\n".join([*source_texts().values(), *research_notes()])
    sources = " ".join(sources.split())
    checked = 0
    for page in pages(built_site):
        for quote in QUOTE.findall(page_text(page)):
            for part in quote.split(" … "):
                assert part.strip() in sources, (
                    f"{page.relative_to(built_site)}: “{part}” is not verbatim"
                )
                checked += 1
    assert checked > 20


def test_the_site_links_nothing_it_loads_from_another_origin(built_site: Path) -> None:
    loaded = re.compile(
        r"""<(?:script|img|link|iframe|source)\b[^>]*?(?:src|href)=["'](?:https?:)?//"""
    )
    for page in pages(built_site):
        assert not loaded.search(page.read_text("utf-8")), page


def test_decision_guide_and_matrix_follow_the_data(tmp_path: Path) -> None:
    overrides = tmp_path / "center"
    overrides.mkdir()
    rule = KB.rule("SOS102")
    (overrides / "rules.toml").write_text(
        '[[rule]]\nid = "SOS102"\nname = "disaster-no-explaining"\nwhen = { went = "disaster", has_recruiter = false }\n'
        'effect = { verdict = "skip" }\nmessage = "Changed in a fixture: skip it."\nwhy = "Fixture."\n'
        'voices = ["when-to-send"]\nexamples.fires = [{ went = "disaster" }]\nexamples.silent = [{ went = "well" }]\n',
        "utf-8",
    )
    (overrides / "voices.toml").write_text(
        '[[voice]]\nid = "siegel"\nname = "Sharon Siegel"\nsource = "yea-or-nay"\nseed = true\n'
        'view = "v"\nquote = "I\u2019ve never seen it come close to making a difference in a hiring decision"\n'
        'stance = [{ stance = "skip", why = "Changed in a fixture.", passage = "P" }]\n',
        "utf-8",
    )
    site = mkdocs_build(tmp_path / "site", overrides=overrides)
    guide = page_text(site / "decision-guide" / "index.html")
    assert "Changed in a fixture: skip it." in guide and rule.message not in guide
    matrix = page_text(site / "who-says-what" / "index.html")
    assert "Sharon Siegel: Skip Changed in a fixture." in matrix


def test_reference_lists_every_rule_and_check_with_rationale(built_site: Path) -> None:
    text = page_text(built_site / "reference" / "index.html")
    records: list[Rule | Check] = [*KB.rules, *KB.checks]
    for record in records:
        assert f"{record.id} {record.name}" in text and record.why in text


MARKER_ERRORS = [
    (
        "<!-- sendorskip: matrx -->",
        "p.md:1: marker 'matrx': unknown marker; valid markers: 'voice', 'matrix'.",
    ),
    ("<!-- sendorskip: voice -->", "p.md:1: marker 'voice': expected an id; valid ids: 'neece'."),
    (
        "<!-- sendorskip: voice nece -->",
        "p.md:1: marker 'voice': unknown id 'nece'; valid ids: 'neece'.",
    ),
    (
        "x\n<!-- sendorskip: matrix now -->",
        "p.md:2: marker 'matrix': takes no argument; got 'now'.",
    ),
    (
        "<!--sendorskip voice neece-->",
        "p.md:1: malformed marker '<!--sendorskip voice neece-->'; expected '<!-- sendorskip: NAME [ID] -->' on a line of its own, not indented.",
    ),
    # Its own line, after a sound marker and inline code (which is hidden, not counted).
    (
        "<!-- sendorskip: matrix -->\n`code` here\n\nSee <!-- sendorskip: matrix --> here.",
        "p.md:4: malformed marker '<!-- sendorskip: matrix -->'; expected '<!-- sendorskip: NAME [ID] -->' on a line of its own, not indented.",
    ),
    (
        "x\n<!-- SendOrSkip: matrix -->",
        "p.md:2: malformed marker '<!-- SendOrSkip: matrix -->'; expected '<!-- sendorskip: NAME [ID] -->' on a line of its own, not indented.",
    ),
]


@pytest.mark.parametrize(("markdown", "problem"), MARKER_ERRORS)
def test_marker_errors_fail_the_build(markdown: str, problem: str) -> None:
    renderers = {"voice": (lambda a: "V", True), "matrix": (lambda a: "M", False)}
    with pytest.raises(DataError) as exc:
        expand(markdown, "p.md", renderers, {"voice": lambda: ["neece"]})
    assert exc.value.problems == [problem]


def test_unknown_marker_fails_the_real_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Hi\n\n<!-- sendorskip: voice nobody -->\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - sendorskip\n", "utf-8")
    with pytest.raises(AssertionError, match="unknown id 'nobody'"):
        mkdocs_build(tmp_path / "site", config=tmp_path / "mkdocs.yml")


def test_markers_in_code_are_shown_not_used() -> None:
    markdown = "Use `<!-- sendorskip: matrix -->` like this:\n\n```md\n<!-- sendorskip: matrix -->\n```\n\nEnd.\n"
    renderers = {"matrix": (lambda a: "M", False)}
    assert expand(markdown, "p.md", renderers, {}) == markdown
    assert (
        expand(markdown + "<!-- sendorskip: matrix -->\n", "p.md", renderers, {})
        == markdown + "M\n"
    )


# Pages for career centers may name rules, fields and their examples; reader pages may not.
CAREER_CENTER_PAGES = {"host-your-own", "checker-api", "reference"}
JARGON = [
    (re.compile(r"\bSOS\d{3}\b"), "a rule or check id"),
    (re.compile(r"\b[a-z]+_[a-z_]+\b"), "a field name"),
    (re.compile(r"\b(fires for|stays silent for)\b", re.I), "rule jargon"),
    (re.compile(r"\b\d+\.0\b"), "a raw number"),
    (re.compile(r"\.\.(?!\.)|Nay\?\."), "a doubled full stop"),
]


def reader_pages(site: Path) -> list[Path]:
    return [p for p in pages(site) if p.parent.name not in CAREER_CENTER_PAGES]


def test_reader_pages_speak_to_readers(built_site: Path) -> None:
    checked = reader_pages(built_site)
    assert len(checked) > 10
    for page in checked:
        text = page_text(page)
        for pattern, what in JARGON:
            found = pattern.search(text)
            assert not found, f"{page.relative_to(built_site)}: {what}: {found and found[0]!r}"


# The handbook's own example notes: a blockquote right after `<!-- example: flagged -->` or
# `<!-- example: fine -->`. The checker must agree with the prose about each one.
EXAMPLE = re.compile(r"^<!-- example: (flagged|fine) -->\n((?:>.*\n?)+)", re.M)


def _page_examples() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        markdown = path.read_text("utf-8")
        for m in EXAMPLE.finditer(markdown):
            text = "\n".join(line.removeprefix(">").strip() for line in m[2].splitlines())
            where = f"{path.relative_to(ROOT)}:{markdown.count(chr(10), 0, m.start()) + 2}"
            out.append((where, m[1], text.strip()))
    return out


PAGE_EXAMPLES = _page_examples()


def test_the_handbook_shows_examples_of_both_kinds() -> None:
    kinds = [kind for _, kind, _ in PAGE_EXAMPLES]
    assert kinds.count("flagged") >= 2 and kinds.count("fine") >= 2


@pytest.mark.parametrize(
    ("where", "kind", "text"), PAGE_EXAMPLES, ids=[e[0] for e in PAGE_EXAMPLES]
)
def test_the_checker_agrees_with_the_handbooks_examples(where: str, kind: str, text: str) -> None:
    findings = api.check({"notes": [{"text": text}]})["findings"]
    serious = [f["name"] for f in findings if f["severity"] in ("warning", "error")]
    if kind == "flagged":
        assert serious, f"{where}: the page calls this note a bad example; the checker passes it"
    else:
        assert not serious, f"{where}: the page calls this note fine; the checker flags {serious}"


EXTERNAL = re.compile(r'<a [^>]*href="(https?://[^"]+)"')


def test_every_outside_address_is_one_the_research_read(built_site: Path) -> None:
    # A quotation is checked word for word against the research notes; the page it comes from
    # must be one those notes name, so a reader can check it too.
    notes = "\n".join(research_notes())
    linked = {
        unescape(url)
        for page in reader_pages(built_site)
        for url in EXTERNAL.findall(article(page))
    }
    unknown = sorted(u for u in linked if u not in notes and url_quoted(u, safe="") not in notes)
    assert linked and unknown == []
