"""The installed command, run as a reader would run it."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from sendorskip import api, cli
from sendorskip.capped import CAPS

from .conftest import SITUATIONS

ADVICE_KEYS = {"verdict", "headline", "reasons", "panel", "plan", "drafts"}


def sos(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sendorskip", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_help_speaks_to_whoever_runs_the_command() -> None:
    done = sos("--help")
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())  # argparse wraps to the terminal's width
    assert "Should you send a thank-you note after a job interview, and what should it say?" in text
    assert text.endswith(
        "Exit status: 0 on success; 2 on bad input or invalid data, with every problem printed"
        " on stderr; 1 if the output cannot be written."
    )
    # Nothing meant for the code's maintainers (reStructuredText, module names).
    assert "``" not in text and ":mod:" not in text and "argparse" not in text


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_advise_json_stdin_prints_exactly_the_api_result(name: str) -> None:
    done = sos("advise", "--json", "-", stdin=json.dumps(SITUATIONS[name]))
    assert done.returncode == 0, done.stderr
    advice = json.loads(done.stdout)
    assert set(advice) == ADVICE_KEYS and set(advice["plan"]) >= {
        "medium",
        "send_within_hours",
        "recipients",
    }
    assert advice == api.advise(SITUATIONS[name])


def test_advise_from_flags_is_human_readable() -> None:
    done = sos(
        "advise",
        "--went",
        "well",
        "--interviewer",
        "Ana Ruiz;email;topics=caching",
        "--job-title",
        "Engineer",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("SEND: Send a note by email, within 24 hours.\n")
    heading = next(line for line in done.stdout.splitlines() if line.startswith("--- Draft to "))
    assert heading.startswith("--- Draft to Ana Ruiz: ") and "Engineer" in heading


@pytest.mark.parametrize(
    ("flags", "plan"),
    [
        (
            ["--went", "well", "--interviewer", "Ana;email"],
            "Plan:\n  Ana (interviewer): an email, within 24 hours.",
        ),
        (
            ["--went", "well", "--hours-since", "30"],
            "Plan:\n  [interviewer's name] (interviewer): an email (ask the recruiter or the front desk for their address), now.",
        ),
        (["--went", "disaster"], "Plan: No note to send."),
    ],
)
def test_the_plan_line_says_when_in_words_and_nothing_to_send_on_a_skip(
    flags: list[str], plan: str
) -> None:
    done = sos("advise", *flags)
    assert done.returncode == 0, done.stderr
    assert f"\n{plan}\n" in done.stdout


def test_a_reference_is_thanked_with_no_deadline_the_sources_never_set() -> None:
    done = sos("advise", "--went", "well", "--interviewer", "Ana Ruiz", "--reference", "Ben Ode")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "SEND: Send a note by email, within 24 hours. Thank your reference too, when you can.\n"
    )
    assert (
        "  Ben Ode (your reference): an email, when you can (the sources set no deadline).\n"
        in (done.stdout)
    )


def test_every_flag_takes_its_documented_words() -> None:
    done = sos(
        "advise",
        "--went",
        "mixed",
        "--interviewer-engaged",
        "false",
        "--informational",
        "true",
        "--hours-since",
        "5.5",
        "--recruiter",
        "Sam Lee;email",
        "--interviewer",
        "Ana Ruiz;role=CTO;email;lead;topics=caching|hiring",
    )
    assert done.returncode == 0, done.stderr


def test_check_plain_text_file(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Dear Ana,\nI am so sorry about the whiteboard.\n", "utf-8")
    done = sos("check", str(note), "--to", "Ana")
    assert done.returncode == 0
    assert f"{note}, line 2: SOS203 error: " in done.stdout  # a note is named by its file


def test_check_plain_text_with_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("Dear Ana,\r\nI am so sorry about the whiteboard.\r\n".encode("utf-8-sig"))
    done = sos("check", str(note), "-", "--to", "Ana", stdin="Dear Bo,\nThanks for your time.")
    assert done.returncode == 0, done.stderr
    assert f"{note}, line 2: SOS203 error: " in done.stdout
    assert "stdin, line 2: SOS201 warning: " in done.stdout


def test_advice_names_the_flag_for_each_question_it_suggests() -> None:
    done = sos("advise", "--went", "well", "--interviewer", "Ana Ruiz;email;topics=caching")
    assert done.stdout.endswith(
        "\nOn the command line:\n"
        "  “One more thing you would tell them, as a sentence (optional)”:"
        " --interviewer 'NAME;add=…'\n"
        "  “Your name”: --candidate-name\n"
    )
    named = sos(
        "advise",
        "--went",
        "well",
        "--candidate-name",
        "Lee",
        "--interviewer",
        "Ana Ruiz;email;topics=caching;add=I have since tried the cache you described.",
    )
    assert "I have since tried the cache you described." in named.stdout
    assert "On the command line:" not in named.stdout


def test_check_reports_every_unreadable_or_empty_file_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("\n", "utf-8")
    (tmp_path / "bin.dat").write_bytes(b"\xff\xfe\x00")
    done = sos("check", str(tmp_path / "empty.txt"), str(tmp_path / "bin.dat"))
    assert done.returncode == 2
    assert done.stderr.splitlines()[:2] == [
        f"{tmp_path / 'empty.txt'}: expected a note; got an empty file.",
        f"{tmp_path / 'bin.dat'}: expected UTF-8 text; got byte 0xff on line 1, which is not UTF-8"
        " (save the file as UTF-8).",
    ]


def test_a_note_at_the_cap_saved_with_its_final_line_end_is_read(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Dear Ana, " + "x" * (CAPS["note"] - 10) + "\n", "utf-8")
    assert sos("check", str(note)).returncode == 0


def test_check_json() -> None:
    done = sos(
        "check", "--json", "-", stdin=json.dumps({"notes": [{"text": "Thank you for your time."}]})
    )
    assert [f["check"] for f in json.loads(done.stdout)["findings"]] == ["SOS201", "SOS202"]


def test_rules_explain_validate_schema() -> None:
    assert "SOS104  disengaged-not-obligated:" in sos("rules").stdout
    assert sos("explain", "SOS205").stdout.startswith("SOS205 same-note-twice (error)")
    # Ids as typed, in any case; voices by name, as the advice cites them.
    assert sos("explain", "sos101").stdout.endswith(
        "voices: the first article, Michael Neece, Ken Goldman\n"
    )
    assert sos("validate").stdout.startswith("OK: the package's own data (31 voices, 35 rules,")
    assert json.loads(sos("schema").stdout) == api.situation_schema()


def _schema_into(out: int | IO[str]) -> subprocess.CompletedProcess[str]:
    """The schema (a long output) written to ``out``, a file or a descriptor."""
    return subprocess.run(
        [sys.executable, "-m", "sendorskip", "schema"],
        stdout=out,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


def test_output_it_cannot_write_is_exit_1_and_said_plainly() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = _schema_into(full)
    assert (done.returncode, done.stderr) == (
        1,
        "sendorskip: cannot write the output: No space left on device.\n",
    )


def test_a_reader_that_stops_reading_ends_it_quietly() -> None:
    read, write = os.pipe()
    os.close(read)  # as "| head" does once it has its lines
    try:
        done = _schema_into(write)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, "")


class _Closed(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError


def test_a_closed_output_with_no_file_of_its_own_ends_quietly_in_process() -> None:
    with contextlib.redirect_stdout(_Closed()):
        assert cli.main(["schema"]) == 0


def test_bad_input_is_exit_2_and_never_a_traceback(tmp_path: Path) -> None:
    for args, stdin in [
        (("advise", "--json", "-"), "[]"),
        (("advise", "--json", str(tmp_path / "x")), ""),
        (("explain", "SOS999"), ""),
        (("--overrides", str(tmp_path / "x"), "rules"), ""),
        (("advise", "--interviewer", "Ana;mail"), ""),
    ]:
        done = sos(*args, stdin=stdin)
        assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.strip()
