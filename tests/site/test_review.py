"""``review``: what ``sendorskip validate`` says about a site's configuration file, read from
small real files: YAML mistakes by line, MkDocs' own messages in our words, and the warnings
about what a center's INHERIT file drops from ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendorskip.site.review import review
from sendorskip.validate import STRICT

OK = "site_name: T\nsite_url: https://example.edu/\ntheme: material\nplugins:\n  - sendorskip\n"
NO_PLUGIN = "plugins: expected the sendorskip plugin in the list; got none."
PROBLEMS: list[tuple[str, str, str]] = [
    # --- YAML: the line, and what to do about it -------------------------------------------
    (
        "a tab",
        "site_name: T\ntheme:\n\tname: material\n",
        "line 3: cannot read this: a tab: indent with spaces only.",
    ),
    (
        "an unquoted colon",
        "site_name: T\nsite_description: Send: or skip\n",
        "line 2: cannot read this: a ':' where none can be: put text that holds ': ' in quotes, "
        "or check the indentation.",
    ),
    (
        "a quote left open is named where it opens",
        'site_name: T\nsite_description: "open\nrepo_name: x\nplugins:\n  - sendorskip\n',
        "line 2: cannot read this: a quote is opened and never closed.",
    ),
    (
        "an item out of line",
        "site_name: T\nplugins:\n  - search\n - sendorskip\n",
        "line 4: cannot read this: this line is not indented like the lines it belongs with.",
    ),
    # PyYAML keeps the last of a name given twice without a word: named, with both lines.
    (
        "a setting given twice",
        OK + "theme:\n  name: material\n",
        "line 6: 'theme' is given twice (first on line 3), and MkDocs would use only this one: "
        "keep one.",
    ),
    (
        "a setting given twice inside a block",
        OK.replace("theme: material", "theme:\n  name: material\n  name: mkdocs"),
        "line 5: 'name' is given twice (first on line 4), and MkDocs would use only this one: "
        "keep one.",
    ),
    (
        "INHERIT names no file",
        "INHERIT: base.yml\nsite_name: T\n",
        "INHERIT: Inherited config file 'base.yml' does not exist at '{dir}/base.yml'.",
    ),
    # --- what MkDocs' own reading would do harm with: refused before it reads the file -------
    (
        "aliases that repeat the file to millions of values",
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "its aliases (*name) repeat its settings to more than 100,000 values: write the "
        "settings out instead.",
    ),
    (
        "nested too deeply",
        "x: " + "[" * 5000 + "]" * 5000 + "\n",
        "cannot read this: settings nested too deeply.",
    ),
    # --- MkDocs' own checks, in our words ---------------------------------------------------
    (
        "a misspelt setting",
        OK + "copyrite: me\n",
        "copyrite: unknown setting; did you mean 'copyright'?",
    ),
    (
        "a number for text",
        OK.replace("site_name: T", "site_name: 2026"),
        "site_name: expected text; got a number: put it in quotes.",
    ),
    ("text for a flag", OK + "strict: maybe\n", "strict: expected true or false; got text."),
    (
        "a plugin misspelt",
        OK.replace("- sendorskip", "- sendorskp"),
        "plugins: 'sendorskp' is not installed; did you mean 'sendorskip'?",
    ),
    # MkDocs' words as they are (capital, no "expected"): reported, not yet reworded.
    (
        "no name",
        OK.replace("site_name: T\n", ""),
        "site_name: Required configuration not provided.",
    ),
    # --- then the plugin's own ----------------------------------------------------------------
    ("our plugin missing", OK.replace("- sendorskip", "- search"), NO_PLUGIN),
    (
        "a plugin setting",
        OK.replace("- sendorskip", "- sendorskip:\n      boot: fast"),
        "plugins.sendorskip.boot: expected one of 'auto', 'snapshot', 'normal'; got 'fast'.",
    ),
]


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Hi\n", "utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path / "mkdocs.yml"


@pytest.mark.parametrize(
    ("text", "problem"), [p[1:] for p in PROBLEMS], ids=[p[0] for p in PROBLEMS]
)
def test_a_mistake_in_the_file_is_its_one_problem(tmp_path: Path, text: str, problem: str) -> None:
    problems, warnings = review(site(tmp_path, {"mkdocs.yml": text}))
    assert problems == ["mkdocs.yml: " + problem.replace("{dir}", str(tmp_path))]
    assert warnings == []


def test_a_setting_like_no_other_lists_the_valid_ones(tmp_path: Path) -> None:
    (problem,) = review(site(tmp_path, {"mkdocs.yml": OK + "zzzz: 1\n"}))[0]
    start = "mkdocs.yml: zzzz: unknown setting; valid settings: "
    assert problem.startswith(start) and problem.endswith(".")
    valid = problem[len(start) : -1].split(", ")
    assert valid == sorted(valid) and {"'site_name'", "'nav'", "'theme'"} <= set(valid)
    # internal or retired: no use to name them
    assert not {"'config_file_path'", "'pages'", "'google_analytics'"} & set(valid)


def test_a_missing_file_is_named_as_given(tmp_path: Path) -> None:
    assert review(tmp_path / "center.yml") == ([f"{tmp_path / 'center.yml'}: file not found."], [])


def test_a_sound_site_has_nothing_to_say(tmp_path: Path) -> None:
    assert review(site(tmp_path, {"mkdocs.yml": OK})) == ([], [])


def test_without_site_url_it_warns_what_breaks(tmp_path: Path) -> None:
    text = OK.replace("site_url: https://example.edu/\n", "")
    assert review(site(tmp_path, {"mkdocs.yml": text})) == (
        [],
        [
            "mkdocs.yml: site_url: not set; without it the sitemap is empty, Material's instant "
            "navigation is off and the checker starts again on every page: set it to the address "
            "you publish at (or build with SITE_URL=that address)."
        ],
    )


def test_a_plugin_warning_says_a_strict_build_stops(tmp_path: Path) -> None:
    text = OK.replace("theme: material", "theme:\n  name: material\n  palette:\n    primary: teal")
    problems, warnings = review(site(tmp_path, {"mkdocs.yml": text}))
    assert problems == []
    (warning,) = warnings
    assert warning.startswith("mkdocs.yml: theme.palette.primary: 'teal' is hard to read")
    assert warning.endswith("'blue grey'." + STRICT)


OURS = """site_name: Ours
site_url: https://example.edu/
theme:
  name: material
  palette:
    - media: "(prefers-color-scheme)"
    - scheme: default
      primary: indigo
    - scheme: slate
      primary: indigo
plugins:
  - search
  - sendorskip
markdown_extensions:
  - admonition
  - toc:
      permalink: true
nav:
  - index.md
"""
LISTS = "INHERIT: mkdocs.yml\nplugins:\n  - sendorskip\nmarkdown_extensions:\n  - admonition\n"
NAV = "INHERIT: mkdocs.yml\nnav:\n  - index.md\n"
PALETTE = "INHERIT: mkdocs.yml\ntheme:\n  name: material\n  palette:\n    primary: indigo\n"
REPLACES = "your list replaces ours (INHERIT merges settings, not lists) and leaves out"
INHERITED: list[tuple[str, str, list[str]]] = [
    ("only settings", "INHERIT: mkdocs.yml\nsite_name: Center\n", []),
    (
        "lists",
        LISTS,
        [
            f"center.yml: plugins: {REPLACES} 'search'; list those too.",
            f"center.yml: markdown_extensions: {REPLACES} 'toc'; list those too.",
        ],
    ),
    (
        "the menu",
        NAV,
        [
            "center.yml: nav: replaces the handbook's whole menu, so pages we add in a release "
            "will not appear; list your pages under the sendorskip plugin's center.pages instead."
        ],
    ),
    (
        "one palette entry",
        PALETTE,
        [
            "center.yml: theme.palette: replaces our 3 entries (the reader's system setting, "
            "light, dark) and drops the switch between light and dark; copy all 3 from "
            "mkdocs.yml and change primary and accent in each."
        ],
    ),
]


@pytest.mark.parametrize(
    ("center", "warnings"), [c[1:] for c in INHERITED], ids=[c[0] for c in INHERITED]
)
def test_what_a_centers_file_drops_from_ours(
    tmp_path: Path, center: str, warnings: list[str]
) -> None:
    config = site(tmp_path, {"mkdocs.yml": OURS, "center.yml": center}).with_name("center.yml")
    assert review(config) == ([], warnings)


def test_ours_may_name_its_theme_alone(tmp_path: Path) -> None:
    ours = OURS.replace(OURS[OURS.index("theme:") : OURS.index("plugins:")], "theme: material\n")
    config = site(tmp_path, {"mkdocs.yml": ours, "center.yml": PALETTE}).with_name("center.yml")
    assert review(config) == ([], [])


@pytest.mark.parametrize(("text", "got"), [("- a\n- b\n", "a list"), ("hello\n", "'hello'")])
def test_a_file_that_is_not_settings(tmp_path: Path, text: str, got: str) -> None:
    assert review(site(tmp_path, {"mkdocs.yml": text})) == (
        [f"mkdocs.yml: expected settings (name: value); got {got}."],
        [],
    )


def test_a_python_name_as_materials_docs_write_it_is_read(tmp_path: Path) -> None:
    emoji = (
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    assert review(site(tmp_path, {"mkdocs.yml": OK + emoji})) == ([], [])


def test_a_tag_that_would_run_python_is_refused_before_mkdocs_reads_the_file(
    tmp_path: Path,
) -> None:
    ran = tmp_path / "ran"
    text = OK + f"extra:\n  x: !!python/object/apply:os.mkdir ['{ran}']\n"
    problems, _ = review(site(tmp_path, {"mkdocs.yml": text}))
    assert problems == [
        "mkdocs.yml: line 7: 'python/object/apply:os.mkdir' makes MkDocs run Python code as it"
        " reads the file: remove it."
    ]
    assert not ran.exists()


@pytest.mark.parametrize("text", ["", "plugins:\n  - sendorskip\n"])
def test_a_centers_file_without_inherit_says_so(tmp_path: Path, text: str) -> None:
    site(tmp_path, {"center.yml": text})
    assert review(tmp_path / "center.yml") == (
        [
            "center.yml: INHERIT: missing; a center's settings start with the line"
            " 'INHERIT: mkdocs.yml', which brings in the handbook's own."
        ],
        [],
    )


def test_a_complete_center_file_may_stand_alone(tmp_path: Path) -> None:
    site(tmp_path, {"center.yml": OK})
    assert review(tmp_path / "center.yml") == ([], [])


@pytest.mark.parametrize(
    ("tag", "said"),
    [
        ("!!python/object/apply:os.mkdir ['{ran}']", "'python/object/apply:os.mkdir'"),
        ("!!python/module:this", "'python/module:this'"),
    ],
)
def test_a_tag_that_would_run_python_is_refused_in_a_file_inherited_too(
    tmp_path: Path, tag: str, said: str
) -> None:
    ran = tmp_path / "ran"
    site(
        tmp_path,
        {
            "center.yml": "INHERIT: parent.yml\n",
            "parent.yml": "INHERIT: mkdocs.yml\n",
            "mkdocs.yml": OK + "extra:\n  x: " + tag.format(ran=ran) + "\n",
        },
    )
    problems, _ = review(tmp_path / "center.yml")
    assert problems == [
        f"mkdocs.yml: line 7: {said} makes MkDocs run Python code as it reads the file: remove it."
    ]
    assert not ran.exists()


TAG = "extra:\n  x: !!python/module:this\n"
REFUSED = (
    "line 2: 'python/module:this' makes MkDocs run Python code as it reads the file: remove it."
)


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        # Found as MkDocs finds it: the normalised join.
        ({"center.yml": "INHERIT: nothere/../evil.yml\n", "evil.yml": TAG}, f"evil.yml: {REFUSED}"),
        # INHERIT brought in by a merge key, as the loader MkDocs uses would see it.
        ({"center.yml": "base: &b {INHERIT: evil.yml}\n<<: *b\n", "evil.yml": TAG}, f"evil.yml: {REFUSED}"),
        (
            {"center.yml": "INHERIT: a.yml\n", "a.yml": "INHERIT: center.yml\n"},
            "center.yml: INHERIT: expected a chain of at most 10 files, each read once; got"
            " center.yml -> a.yml -> center.yml.",
        ),
        (
            {"center.yml": "INHERIT: c1.yml\n"} | {f"c{i}.yml": f"INHERIT: c{i + 1}.yml\n" for i in range(1, 12)} | {"c12.yml": TAG},
            "center.yml: INHERIT: expected a chain of at most 10 files, each read once; got"
            " center.yml -> " + " -> ".join(f"c{i}.yml" for i in range(1, 11)) + ".",
        ),
        # A key that is not a name: what the parser says of it, never a traceback.
        ({"center.yml": "? [a, b]\n: c\nsite_name: x\n"}, "center.yml: line 1: cannot read this: found unhashable key."),
    ],
    ids=["normalised-path", "merge-key", "loop", "too-long", "unhashable-key"],
)  # fmt: skip
def test_what_center_yml_inherits_is_read_as_mkdocs_reads_it(
    tmp_path: Path, files: dict[str, str], problem: str
) -> None:
    site(tmp_path, files)
    assert review(tmp_path / "center.yml")[0] == [problem]
