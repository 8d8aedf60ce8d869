"""Markers in a page's Markdown: replaced in place, left alone in code, and every problem on a
page named by page, line and marker, all at once."""

from __future__ import annotations

import pytest

from sendorskip.errors import DataError, choices
from sendorskip.site.markers import TAKES_ID, check, expand

PAGE = "voices.md"
IDS = ["neece", "sarikas"]
VALID_IDS = "valid ids: 'neece', 'sarikas'."
SHAPE = "expected '<!-- sendorskip: NAME [ID] -->' on a line of its own, not indented."
# (what the page has, its problems; the mistake is always on line 2, after a heading)
PROBLEMS: list[tuple[str, str, str]] = [
    (
        "unknown marker",
        "<!-- sendorskip: matrx -->",
        f"marker 'matrx': unknown marker; valid markers: {choices(TAKES_ID)}.",
    ),
    ("an id missing", "<!-- sendorskip: voice -->", f"marker 'voice': expected an id; {VALID_IDS}"),
    (
        "an id where none is taken",
        "<!-- sendorskip: matrix seed -->",
        "marker 'matrix': takes no argument; got 'seed'.",
    ),
    (
        "unknown id",
        "<!-- sendorskip: voice neeec -->",
        f"marker 'voice': unknown id 'neeec'; {VALID_IDS}",
    ),
    # Ids are matched exactly, as in the data files.
    ("an id in capitals", "<!-- sendorskip: voice Neece -->", "marker 'voice': unknown id 'Neece'"),
    ("no colon", "<!-- sendorskip matrix -->", "malformed marker '<!-- sendorskip matrix -->'"),
    ("capitals", "<!-- SendOrSkip: matrix -->", "malformed marker '<!-- SendOrSkip: matrix -->'"),
    ("spaced name", "<!-- send or skip: matrix -->", "malformed marker '<!-- send or skip: "),
    ("text before", "See <!-- sendorskip: matrix -->", "malformed marker '<!-- sendorskip: matrix"),
    ("text after", "<!-- sendorskip: matrix --> here", "malformed marker '<!-- sendorskip: matrix"),
    ("two ids", "<!-- sendorskip: voice neece sarikas -->", "malformed marker '<!-- sendorskip: "),
    ("indented", "  <!-- sendorskip: matrix -->", "malformed marker '<!-- sendorskip: matrix"),
]


@pytest.mark.parametrize(
    ("line", "problem"), [p[1:] for p in PROBLEMS], ids=[p[0] for p in PROBLEMS]
)
def test_a_mistake_is_named_by_page_line_and_marker(line: str, problem: str) -> None:
    (found,) = check(f"# Voices\n{line}\n", PAGE, IDS)
    assert found.startswith(f"{PAGE}:2: {problem}")
    if "malformed" in problem:
        assert found.endswith(SHAPE)


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- sendorskip\nmatrix -->",
        "<!-- sendorskip:\nmatrix -->",  # sound but for its line break
        "<!-- sendorskip: voice\nneece -->",
        "<!--\nsendorskip: matrix -->",
    ],
)
def test_a_marker_over_two_lines_is_named_at_its_first(marker: str) -> None:
    assert check(f"# Voices\n\n{marker}\n", PAGE, IDS) == [
        f"{PAGE}:3: malformed marker {marker!r}; {SHAPE}"
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_a_page_saved_with_windows_or_old_mac_line_ends_reads_as_mkdocs_reads_it(
    newline: str,
) -> None:
    page = newline.join(
        ["# Voices", "<!-- sendorskip: voice neece -->", "", "<!-- sendorskip: nope -->", ""]
    )
    assert check(page, PAGE, IDS) == [
        f"{PAGE}:4: marker 'nope': unknown marker; valid markers: {choices(TAKES_ID)}."
    ]
    renderers = {name: (lambda arg: f"<{arg}>", takes) for name, takes in TAKES_ID.items()}
    assert expand(page.replace("nope", "matrix"), PAGE, renderers, {"voice": lambda: IDS}) == (
        "# Voices\n<neece>\n\n<None>\n"
    )


def test_every_problem_on_a_page_is_reported_together_in_page_order() -> None:
    page = "<!-- sendorskip: voice -->\n\ntext\n<!-- sendorskip matrix -->\n<!-- sendorskip: nope -->\n"
    assert check(page, PAGE, IDS) == [
        f"{PAGE}:1: marker 'voice': expected an id; {VALID_IDS}",
        f"{PAGE}:5: marker 'nope': unknown marker; valid markers: {choices(TAKES_ID)}.",
        f"{PAGE}:4: malformed marker '<!-- sendorskip matrix -->'; {SHAPE}",
    ]


def test_without_known_ids_any_id_passes_but_a_missing_one_is_still_missing() -> None:
    # The knowledge did not load (its own problems are reported): ids cannot be checked.
    assert check("<!-- sendorskip: voice whoever -->\n", PAGE, None) == []
    assert check("<!-- sendorskip: voice -->\n", PAGE, None) == [
        f"{PAGE}:1: marker 'voice': expected an id; valid ids: ."
    ]


def test_every_marker_we_list_passes() -> None:
    page = "".join(
        f"<!-- sendorskip: {name}{' neece' if takes_id else ''} -->\n"
        for name, takes_id in TAKES_ID.items()
    )
    assert check(page, PAGE, IDS) == []


FENCED = "```markdown\n<!-- sendorskip: matrx -->\n<!-- sendorskip matrix -->\n```\n"
TILDES = "  ~~~~\n  <!-- sendorskip: voice -->\n  ~~~~\n"
INLINE = "Write `<!-- sendorskip: voice ID -->` on a line.\n"


@pytest.mark.parametrize(
    "code", [FENCED, TILDES, INLINE], ids=["fenced", "indented tildes", "inline"]
)
def test_code_shows_markers_and_is_left_as_it_is(code: str) -> None:
    page = f"# How\n\n{code}\n<!-- sendorskip: voice sarikas -->\nend\n"
    renderers = {"voice": (lambda arg: f"[card {arg}]", True)}
    out = expand(page, PAGE, renderers, {"voice": lambda: IDS})
    assert out == f"# How\n\n{code}\n[card sarikas]\nend\n"


def test_lines_after_a_code_block_are_counted_right() -> None:
    page = f"# How\n{FENCED}{INLINE}<!-- sendorskip: voice nobody -->\n"
    assert check(page, PAGE, IDS) == [f"{PAGE}:7: marker 'voice': unknown id 'nobody'; {VALID_IDS}"]


def test_expand_renders_each_marker_with_its_argument() -> None:
    seen: list[str | None] = []

    def card(arg: str | None) -> str:
        seen.append(arg)
        return f"<card {arg}>"

    renderers = {"voice": (card, True), "matrix": (lambda arg: "<matrix>", False)}
    page = "<!-- sendorskip: voice neece -->\ntext\n<!--sendorskip:matrix-->  \n<!-- sendorskip: voice sarikas -->\n"
    out = expand(page, PAGE, renderers, {"voice": lambda: IDS})
    assert out == "<card neece>\ntext\n<matrix>\n<card sarikas>\n"
    assert seen == ["neece", "sarikas"]


def test_expand_raises_every_problem_on_the_page_at_once() -> None:
    renderers = {"voice": (lambda arg: f"<card {arg}>", True)}
    page = "<!-- sendorskip: voice neece -->\n<!-- sendorskip: matrix -->\n<!-- sendorskip: voice x -->\n"
    with pytest.raises(DataError) as caught:
        expand(page, PAGE, renderers, {"voice": lambda: IDS})
    assert caught.value.problems == [
        f"{PAGE}:2: marker 'matrix': unknown marker; valid markers: 'voice'.",
        f"{PAGE}:3: marker 'voice': unknown id 'x'; {VALID_IDS}",
    ]
