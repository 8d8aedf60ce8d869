"""What the checker's page shows: the API's answers with the words a reader needs added.

The page's script only arranges what it gets; anything worded from numbers or codes (a deadline,
how a note reaches someone, how often a problem occurs) is worded here, in the loaded
knowledge's words (:mod:`labels`, with a center's ``labels.toml``).
The public ``window.sendorskip`` API still returns exactly :func:`api.advise` and
:func:`api.check`; these views are for the page's own rendering.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import api, knowledge
from .labels import SEVERITY_ORDER


def advice(data: Any) -> dict[str, Any]:
    """The advice, plus one line per recipient of the plan."""
    result = api.advise(data)
    words = knowledge.default().words
    plan = result["plan"]
    lines = [words.plan_line(r, plan["send_within_hours"]) for r in plan["recipients"]]
    follow_ups = [words.follow_up_line(f) for f in plan["follow_ups"]]
    return {**result, "plan_lines": lines, "follow_up_lines": follow_ups}


def _where(phrases: Mapping[str, str], places: list[dict[str, int]], whole: bool) -> str:
    if whole:
        return phrases["whole_note"]
    return phrases["places"].format(n=len(places)) if len(places) > 1 else ""


def findings(data: Any) -> dict[str, Any]:
    """The findings grouped by problem, problems before things worth fixing before notes.

    A group keeps every place its problem occurs (UTF-16 offsets, for the page's script);
    ``whole`` marks a problem about the note as a whole, which is listed, not highlighted.
    """
    result = api.check(data)
    words = knowledge.default().words
    texts = [note["text"] for note in data["notes"]]
    groups: dict[tuple[int, str], dict[str, Any]] = {}
    for f in result["findings"]:
        whole = f["start"] == f["end"] or (f["start"] == 0 and f["end"] == len(texts[f["note"]]))
        group = groups.setdefault(
            (f["note"], f["check"]),
            {
                "note": f["note"],
                "check": f["check"],
                "severity": f["severity"],
                "severity_label": words.severities[f["severity"]],
                "title": f["message"],
                "instead": f["instead"],
                "why": f["why"],
                "voices": f["voices"],
                "whole": whole,
                "places": [],
            },
        )
        group["whole"] = group["whole"] or whole
        group["places"].append({"start": f["start_utf16"], "end": f["end_utf16"]})
    ordered = sorted(groups.values(), key=lambda g: SEVERITY_ORDER.index(g["severity"]))
    for group in ordered:
        group["where"] = _where(words.phrases, group["places"], group["whole"])
    return {"groups": ordered}
