"""A center's override directory as files: TOML and UTF-8 in plain words, every stray file named."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendorskip.errors import DataError
from sendorskip.overrides import CURLY_HINT, layout_problems, read_text, read_toml

SHOWN_AS = "center/rules.toml"
VALUE = "a value must be text in quotes, a number, true, false, [a list] or { a table }"
AFTER_VALUE = (
    'expected the line to end after its value (a " inside text in quotes ends the text: write'
    " \\\" for it, or put the text in ' quotes)"
)
ONE_LINE = 'text in quotes must end on the line it starts (use """ for several lines)'
NOT_TOML = [
    # (what the file holds, where the problem is, what to do about it)
    ('id = "SOS901"\nname ', "at the end", "expected 'name = value'"),
    ("id SOS901", "line 1, column 4", "expected 'name = value'"),
    ("severity = warning", "line 1, column 12", VALUE),
    ("voices = [1,", "at the end", VALUE),
    ("voices = [1, 2\n\n[[rule]]", "line 3, column 1", "a list opened with '[' is not closed with ']'"),
    ("when = { went = 'well'", "at the end", "a table opened with '{' is not closed with '}' on the same line"),
    ('why = "one\ntwo"', "line 1, column 11", ONE_LINE),
    ('why = "one', "at the end", ONE_LINE),
    # Text of several lines left open: the parser only notices at the end; its line is named.
    ('id = 1\nwhy = """one\ntwo\n\n[[rule]]\nid = 2\n', "line 2", 'text opened with """ here is not closed with """'),
    ("id = 1\nwhy = '''one\ntwo\n", "line 2", "text opened with ''' here is not closed with '''"),
    ('a = """x"""\nwhy = """one\n', "line 2", 'text opened with """ here is not closed with """'),
    ("id = 1\nid = 2\n\n", "line 2, column 7", "this name is given a value twice"),
    ("[effect]\n[effect]", "line 2, column 8", "this table is declared twice"),
    ("[[rule]\nid = 1", "line 1, column 7", "a [[table]] heading must end with ']]'"),
    ("= 1", "line 1, column 1", "expected 'name = value' or a [table] heading"),
    ('why = "She said "no" twice."', "line 1, column 18", AFTER_VALUE),
    ("id = 1 2", "line 1, column 8", AFTER_VALUE),
    # A word processor's quotes.
    ("id = 1\nname = \u201cfair-chats\u201d", "line 2, column 8", VALUE + CURLY_HINT),
    # Curly quotes inside text are fine: the problem is elsewhere on the line.
    ('why = "Pomona: \u201cWrite\u201d, as "they" say."', "line 1, column 29", AFTER_VALUE),
]  # fmt: skip


@pytest.mark.parametrize(("text", "where", "plain"), NOT_TOML)
def test_toml_that_does_not_parse_is_said_plainly(
    tmp_path: Path, text: str, where: str, plain: str
) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        read_toml(path, SHOWN_AS)
    assert caught.value.problems == [f"{SHOWN_AS}: {where}: cannot read this: {plain}."]


def test_toml_nested_past_the_parsers_depth_is_said_plainly(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    with pytest.raises(DataError) as caught:
        read_toml(path, SHOWN_AS)
    assert caught.value.problems == [
        f"{SHOWN_AS}: cannot read this: lists or tables nested too deeply."
    ]


def test_good_toml_is_read(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_bytes('\ufeff[[rule]]\nid = "SOS901"\nwhy = "Zoë says so."\n'.encode())
    assert read_toml(path, SHOWN_AS) == {"rule": [{"id": "SOS901", "why": "Zoë says so."}]}


WINDOWS = [
    # (bytes, the line, the byte): an accented letter saved in Windows-1252
    ('id = "x"\nwhy = "café"\n'.encode("cp1252"), 2, "e9"),
    (b"\x93quoted\x94", 1, "93"),  # curly quotes
    (b"\xef\xbb\xbfid = 1\n\x93x\x94", 2, "93"),  # after a byte-order mark, counted past it
]


@pytest.mark.parametrize(("data", "line", "byte"), WINDOWS)
def test_a_windows_encoding_is_named_with_its_line(
    tmp_path: Path, data: bytes, line: int, byte: str
) -> None:
    path = tmp_path / "voices.toml"
    path.write_bytes(data)
    with pytest.raises(DataError) as caught:
        read_text(path, "center/voices.toml")
    assert caught.value.problems == [
        f"center/voices.toml: line {line}: the file is not saved as UTF-8 (byte 0x{byte}, perhaps "
        "an accented letter saved in a Windows encoding); save it again choosing the encoding "
        "UTF-8."
    ]


TEMPLATES = ("headline", "interviewer")
FILES = "'sources.toml', 'voices.toml', 'rules.toml', 'checks.toml', 'questions.toml', 'labels.toml', 'templates/'"
VALID = "'headline.txt.j2', 'interviewer.txt.j2'"
LAYOUT = [
    # (a file in the override directory and what it holds, the problem with it, if any)
    ("rules.toml", "", None),
    ("templates/headline.txt.j2", "{{ verdict }}", None),
    # What editors, file managers and notes to self leave behind is not the loader's business.
    (".DS_Store", "", None),
    ("README.md", "notes", None),
    ("rules.toml~", "", None),
    ("templates/.headline.txt.j2.swp", "", None),
    ("templates/README", "notes", None),
    ("logo.png", "", f"{{d}}/logo.png: unknown file; valid files: {FILES}."),
    ("assets/logo.png", "", f"{{d}}/assets: unknown file; valid files: {FILES}."),
    ("headline.txt.j2", "x", "{d}/headline.txt.j2: a template belongs in {d}/templates/; move it there."),
    ("interviewer.txt", "x", "{d}/interviewer.txt: a template belongs in {d}/templates/; move it there."),
    ("thanks.txt.j2", "x", "{d}/thanks.txt.j2: a template belongs in {d}/templates/; move it there."),
    ("thanks.txt", "x", f"{{d}}/thanks.txt: unknown file; valid files: {FILES}."),  # no template's name
    ("templates/old/headline.txt.j2", "x", "{d}/templates/old/headline.txt.j2: a template in a folder inside {d}/templates/ is not read; move it to {d}/templates/."),
    ("templates/old/thanks.txt.j2", "x", f"{{d}}/templates/old/thanks.txt.j2: unknown template; valid templates: {VALID}."),
    ("templates/headline.j2", "x", "{d}/templates/headline.j2: expected the file name 'headline.txt.j2'; got 'headline.j2'."),
    ("templates/headline.txt", "x", "{d}/templates/headline.txt: expected the file name 'headline.txt.j2'; got 'headline.txt'."),
    ("templates/thanks.txt.j2", "x", f"{{d}}/templates/thanks.txt.j2: unknown template; valid templates: {VALID}."),
    ("templates/interviewer.txt.j2", " \n", "{d}/templates/interviewer.txt.j2: the template is empty; write the note's wording in it, or delete the file to use ours."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "problem"), LAYOUT)
def test_layout(tmp_path: Path, name: str, text: str, problem: str | None) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    found = layout_problems(tmp_path, TEMPLATES)
    assert found == ([problem.format(d=tmp_path)] if problem else [])


def test_a_template_in_a_windows_encoding_is_named_with_every_other_problem(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "headline.txt.j2").write_bytes("Café".encode("cp1252"))
    (tmp_path / "notes.docx").write_bytes(b"")
    found = layout_problems(tmp_path, TEMPLATES)
    assert [p.split(": ")[1].split(";")[0] for p in found] == ["unknown file", "line 1"]
