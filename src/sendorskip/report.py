"""Human-readable renderings of advice and findings for the terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from .knowledge import Knowledge


def _names(kb: Knowledge, ids: Sequence[str]) -> str:
    names = [kb.voices[v].cited_as for v in ids if v in kb.voices]
    return kb.words.cited(names)


def advice_text(advice: Mapping[str, Any], kb: Knowledge) -> str:
    plan = advice["plan"]
    lines = [f"{kb.words.verdicts[advice['verdict']].upper()}: {advice['headline']}", "", "Why:"]
    lines += [f"  {r['id']} {r['text']} ({_names(kb, r['voices'])})" for r in advice["reasons"]]
    lines += ["", "What the experts would say:"]
    lines += [
        f"  [{kb.words.stances[p['stance']]}] {p['name']}: {p['why']}" for p in advice["panel"]
    ]
    # The plan in the page's own words (a center's labels.toml included); with no one to write
    # to (a skip), no medium and no deadline, which would read as advice to send.
    lines += ["", "Plan:" if plan["recipients"] else f"Plan: {kb.words.phrases['no_note']}"]
    lines += [f"  {kb.words.plan_line(r, plan['send_within_hours'])}" for r in plan["recipients"]]
    lines += [f"  tip: {t}" for t in plan["tips"]]
    lines += [f"  {kb.words.follow_up_line(f)}" for f in plan["follow_ups"]]
    for draft in advice["drafts"]:
        lines += [
            "",
            f"--- Draft to {draft['to']}" + (f": {draft['subject']}" if draft["subject"] else ""),
        ]
        lines += [draft["body"]]
        lines += [""] * bool(draft["suggestions"]) + [f"  * {s}" for s in draft["suggestions"]]
    return "\n".join(lines)


def findings_text(result: Mapping[str, Any], notes: Sequence[Mapping[str, Any]]) -> str:
    if not result["findings"]:
        return "No problems found."
    lines = []
    for f in result["findings"]:
        text = notes[f["note"]]["text"]
        line = text.count("\n", 0, f["start"]) + 1
        excerpt = textwrap.shorten(text[f["start"] : f["end"]], 60, placeholder="…")
        lines.append(
            f"note {f['note'] + 1}, line {line}: {f['check']} {f['severity']}: {f['message']}"
        )
        if excerpt:
            lines.append(f"    “{excerpt}”")
        lines.append(f"    instead: {f['instead']}")
    return "\n".join(lines)
