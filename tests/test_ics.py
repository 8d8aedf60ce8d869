"""The follow-up calendar: a real iCalendar parser reads what we write, from the API and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from sendorskip import api, ics
from sendorskip.bridge import call

from .conftest import SITUATIONS

TODAY = date(2026, 11, 26)


def _events(text: str) -> list[tuple[date, str]]:
    calendar = Calendar.from_ical(text)
    return [(event.decoded("DTSTART"), str(event["SUMMARY"])) for event in calendar.walk("VEVENT")]


def test_the_follow_ups_become_all_day_events_a_parser_reads() -> None:
    follow_ups = api.advise(SITUATIONS["response-date-given"])["plan"]["follow_ups"]
    text = ics.follow_up_calendar(follow_ups, TODAY, "Acme; Sons, Ltd")
    assert _events(text) == [
        (date(2026, 12, 7), "Follow up with Acme; Sons, Ltd: ask where things stand (email)"),
        (date(2026, 12, 14), "Follow up with Acme; Sons, Ltd: ask once more (email)"),
    ]
    assert all(line.endswith("\r") or not line for line in text.split("\n"))


def test_long_lines_are_folded_and_read_back_whole() -> None:
    company = "É" * 120
    (event,) = _events(
        ics.follow_up_calendar(
            [{"in_days": 0.5, "channel": "email", "purpose": "x"}], TODAY, company
        )
    )
    assert event == (date(2026, 11, 27), f"Follow up with {company}: x (email)")


def test_the_browser_asks_the_bridge_with_its_own_date() -> None:
    follow_ups = api.advise(SITUATIONS["response-date-given"])["plan"]["follow_ups"]
    answer = json.loads(
        call("calendar", json.dumps({"follow_ups": follow_ups, "today": "2026-11-26"}))
    )
    assert answer["ok"] and len(_events(answer["result"]["ics"])) == 2


BAD = [
    (
        {"follow_ups": "soon", "today": "2026-11-26"},
        "calendar: follow_ups: expected the plan's follow_ups (at most 10); got 'soon'.",
    ),
    (
        {"follow_ups": [], "today": "tomorrow"},
        "calendar: today: expected a date like 2026-11-26; got 'tomorrow'.",
    ),
]


@pytest.mark.parametrize(("request_", "problem"), BAD)
def test_bad_calendar_requests_are_problems(request_: dict[str, object], problem: str) -> None:
    assert json.loads(call("calendar", json.dumps(request_)))["problems"] == [problem]


def test_the_cli_writes_the_same_calendar(tmp_path: Path) -> None:
    out = tmp_path / "follow-ups.ics"
    done = subprocess.run(
        [sys.executable, "-m", "sendorskip", "advise", "--json", "-", "--ics", str(out)],
        input=json.dumps(SITUATIONS["response-date-given"]),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [summary for _, summary in _events(out.read_text("utf-8"))] == [
        "Follow up with Acme: ask where things stand (email)",
        "Follow up with Acme: ask once more (email)",
    ]


@pytest.mark.parametrize(
    ("where", "why"),
    [("missing/follow-ups.ics", "No such file or directory"), ("", "Is a directory")],
)
def test_a_calendar_it_cannot_write_is_the_only_output(
    tmp_path: Path, where: str, why: str
) -> None:
    out = where or "."
    done = subprocess.run(
        [sys.executable, "-m", "sendorskip", "advise", "--went", "well", "--ics", out],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"--ics: cannot write '{out}': {why}.\nAborted: 1 problem found.\n"
