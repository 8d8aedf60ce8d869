"""`sendorskip validate` without a site: a center's templates checked in every branch, warnings
about copies of ours, and the command's own lines. tests/site/test_center.py runs it on a fork."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendorskip.errors import DataError
from sendorskip.knowledge import load
from sendorskip.validate import STRICT, command, problems, stamp, templates_alone, warnings

HEADLINE = "count, medium, references, referrer, verdict, when, within"


def _center(tmp_path: Path, template: str, name: str = "headline") -> Path:
    folder = tmp_path / "center" / "templates"
    folder.mkdir(parents=True)
    (folder / f"{name}.txt.j2").write_text(template, "utf-8")
    return tmp_path / "center"


MISTAKES = [
    # (the center's headline template, the problem; {t} is its file)
    ("{{ verdcit }}", f"{{t}}: line 1: 'verdcit' is undefined; valid variables: {HEADLINE}."),
    # A branch no sample reaches is checked all the same.
    (
        "{{ verdict }}\n{% if verdict == 'never' %}{{ nope }}{% endif %}",
        f"{{t}}: line 2: 'nope' is undefined; valid variables: {HEADLINE}.",
    ),
    # Named where the template reads it, not where the word first occurs.
    (
        "{# the adress line #}\nWrite to the adress below.\n{{ adress }}",
        f"{{t}}: line 3: 'adress' is undefined; valid variables: {HEADLINE}.",
    ),
    (
        "{% if verdict %}\n{{ verdict }}",
        "{t}: line 2: Unexpected end of template. Jinja was looking for the following tags: "
        "'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.",
    ),
    (
        "{{ verdict | capitalise }}",
        "{t}: line 1: unknown filter 'capitalise'; valid filters: abs, and_join, attr, batch, "
        "capitalize, center, count, d, default, dictsort, e, escape, filesizeformat, first, "
        "float, forceescape, format, groupby, indent, int, items, join, last, length, list, "
        "lower, map, max, min, pprint, random, reject, rejectattr, replace, reverse, round, safe, "
        "select, selectattr, slice, sort, string, striptags, sum, title, tojson, trim, truncate, "
        "unique, upper, urlencode, urlize, wordcount, wordwrap, xmlattr.",
    ),
    (
        "{{ verdict }}\n\n{% include 'signature.j2' %}",
        "{t}: line 3: includes 'signature.j2', which is in neither {d}/ nor our templates.",
    ),
]


RUNNING = [
    # (a mistake found only as the template runs, the problem; {t} is its file)
    (
        "{{ verdict }}\n{{ count.nope }}",
        f"{{t}}: line 2: 'int object' has no attribute 'nope'; valid variables: {HEADLINE}.",
    ),
    (
        "{{ verdict }}\n\n{{ count + verdict }}",
        "{t}: line 3: unsupported operand type(s) for +: 'int' and 'str'.",
    ),
]


@pytest.mark.parametrize(
    ("template", "problem", "before_running"),
    [(*m, True) for m in MISTAKES] + [(*m, False) for m in RUNNING],
)
def test_a_template_mistake_is_named_with_its_line(
    tmp_path: Path, template: str, problem: str, before_running: bool
) -> None:
    center = _center(tmp_path, template)
    where = f"{center}/templates/headline.txt.j2"
    expected = problem.format(t=where, d=f"{center}/templates")
    assert problems(load(str(center))) == [expected]
    # Checked against our knowledge when the center's own does not load: what shows before the
    # template runs (what shows only as it runs needs the center's own data).
    assert templates_alone(center) == ([expected] if before_running else [])


def test_a_sound_template_is_no_problem(tmp_path: Path) -> None:
    center = _center(tmp_path, "{{ verdict }}: {{ medium or '' }}\n")
    assert problems(load(str(center))) == []
    assert templates_alone(tmp_path) == []  # no templates folder: nothing to check


WARNINGS = [
    # (the template's first line, the warning, if any)
    (None, None),  # the stamp of the version copied
    (
        "{# sendorskip: based on headline.txt.j2 000000000000 #}",
        "{t}: our headline.txt.j2 has changed since you copied it: compare your copy with the "
        "package's data/templates/headline.txt.j2, then make its first line {stamp}",
    ),
    (
        "{# ours #}",
        "{t}: replaces our headline.txt.j2; so that you hear when ours changes, make its first "
        "line {stamp}",
    ),
]


@pytest.mark.parametrize(("first", "warning"), WARNINGS)
def test_a_copy_of_ours_says_which_version_it_copied(
    tmp_path: Path, first: str | None, warning: str | None
) -> None:
    center = _center(tmp_path, f"{first or stamp('headline')}\n{{{{ verdict }}}}\n")
    kb = load(str(center))
    where = f"{center}/templates/headline.txt.j2"
    assert warnings(kb) == ([warning.format(t=where, stamp=stamp("headline"))] if warning else [])
    assert problems(kb) == []


def test_a_stamp_names_the_template_and_its_digest() -> None:
    assert stamp("headline").startswith("{# sendorskip: based on headline.txt.j2 ")
    assert stamp("headline").endswith(" #}")
    assert len(stamp("headline").split()[-2]) == 12
    assert stamp("headline") != stamp("interviewer")


def test_the_command_says_ok_with_the_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no center.yml here
    ok, warned = command(None, None)
    kb = load(None)
    counted = f"{len(kb.voices)} voices, {len(kb.rules)} rules, {len(kb.checks)} checks"
    assert ok == (
        f"OK: the package's own data ({counted}). No center.yml here: to check a center's files,"
        " run this in its site's folder, or give -f FILE or --overrides DIR."
    )
    assert warned == []
    # Given an override directory, it says what it checked.
    assert command(str(_center(tmp_path, "{{ verdict }}\n")), None)[0] == f"OK: {counted}."


def test_the_command_passes_warnings_on_saying_a_strict_build_stops(tmp_path: Path) -> None:
    center = _center(tmp_path, "{# ours #}\n{{ verdict }}\n")
    _, warned = command(str(center), None)
    assert [w.removesuffix(STRICT) for w in warned] == warnings(load(str(center)))
    assert all(w.endswith(" A strict build (mkdocs build --strict) stops on this.") for w in warned)


def test_the_command_reports_every_problem(tmp_path: Path) -> None:
    center = _center(tmp_path, "{{ verdcit }}")
    with pytest.raises(DataError) as caught:
        command(str(center), None)
    assert caught.value.problems == problems(load(str(center)))
    assert len(caught.value.problems) == 1


def test_the_command_takes_a_config_or_a_directory_not_both() -> None:
    with pytest.raises(DataError) as caught:
        command("center", "center.yml")
    assert caught.value.problems == [
        "validate: --overrides: center.yml names the override directory; give one of the two."
    ]
