"""The follow-up plan as an iCalendar file (RFC 5545), made where the reader is: nothing is sent.

The browser asks for it through the bridge with the reader's own date; the CLI writes the same
file. Each follow-up is an all-day event on the day it falls due, so no time zone is involved.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from .errors import InputError, shown

PRODID = "-//Send or Skip//follow-ups//EN"
# RFC 5545 folds lines longer than 75 octets; the texts here stay well below that in practice,
# but a company name is the reader's own, so fold anyway.
LINE = 75


def _escape(text: str) -> str:
    """TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    out, rest = [], line
    while len(rest.encode("utf-8")) > LINE:
        cut = LINE
        while len(rest[:cut].encode("utf-8")) > LINE:
            cut -= 1
        out.append(rest[:cut])
        rest = " " + rest[cut:]
    return [*out, rest]


def follow_up_calendar(
    follow_ups: Sequence[Mapping[str, Any]], today: date, company: str | None = None
) -> str:
    """One VEVENT per follow-up, on ``today`` plus its ``in_days`` (rounded up to a whole day)."""
    stamp = today.strftime("%Y%m%dT000000Z")
    where = f" with {company}" if company else ""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for i, item in enumerate(follow_ups):
        day = today + timedelta(days=math.ceil(float(item["in_days"])))
        summary = f"Follow up{where}: {item['purpose']} ({item['channel']})"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{day:%Y%m%d}-{i}@sendorskip.invalid",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(summary)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))


def calendar_request(data: Any) -> dict[str, str]:
    """The bridge's ``calendar`` operation: ``{follow_ups, today: 'YYYY-MM-DD', company?}``."""
    if not isinstance(data, dict):
        raise InputError([f"calendar: expected an object; got {shown(data)}."])
    problems = []
    follow_ups = data.get("follow_ups")
    if (
        not isinstance(follow_ups, list)
        or not all(
            isinstance(f, dict)
            and isinstance(f.get("in_days"), int | float)
            and not isinstance(f.get("in_days"), bool)
            and 0 <= f["in_days"] <= 366
            and isinstance(f.get("channel"), str)
            and isinstance(f.get("purpose"), str)
            for f in follow_ups
        )
        or len(follow_ups) > 10
    ):
        problems.append(
            "calendar: follow_ups: expected the plan's follow_ups (at most 10); "
            f"got {shown(follow_ups)}."
        )
    today = None
    try:
        today = date.fromisoformat(str(data.get("today")))
    except ValueError:
        problems.append(
            f"calendar: today: expected a date like 2026-11-26; got {shown(data.get('today'))}."
        )
    company = data.get("company")
    if company is not None and (not isinstance(company, str) or len(company) > 200):
        problems.append(
            f"calendar: company: expected a string of at most 200 characters; got {shown(company)}."
        )
    if problems or today is None or not isinstance(follow_ups, list):
        raise InputError(problems)
    return {"ics": follow_up_calendar(follow_ups, today, company)}
