"""Human-readable renderings of advice and findings for the terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from .flags import flag_for
from .knowledge import Knowledge


def cited_names(kb: Knowledge, ids: Sequence[str]) -> str:
    """The voices ``ids`` as a reader knows them: "the first article, Michael Neece"."""
    names = [kb.voices[v].cited_as for v in ids if v in kb.voices]
    return kb.words.cited(names)


def advice_text(advice: Mapping[str, Any], kb: Knowledge) -> str:
    plan = advice["plan"]
    lines = [f"{kb.words.verdicts[advice['verdict']].upper()}: {advice['headline']}", "", "Why:"]
    lines += [
        f"  {r['id']} {r['text']} ({cited_names(kb, r['voices'])})" for r in advice["reasons"]
    ]
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
    return "\n".join(lines + _flags_named(advice, kb))


def _flags_named(advice: Mapping[str, Any], kb: Knowledge) -> list[str]:
    """The suggestions name the form's questions (the page's words): here, the flag for each."""
    said = "\n".join(s for draft in advice["drafts"] for s in draft["suggestions"])
    lines = []
    for field, question in kb.words.questions.items():
        flag = flag_for(field)
        if flag and f"“{question}”" in said:
            lines.append(f"  “{question}”: {flag}")
    return ["", "On the command line:", *lines] if lines else []


# A problem found in many places (a phrase pasted twenty times) is listed once, with this
# many of its places quoted.
PLACES_SHOWN = 5


def findings_text(
    result: Mapping[str, Any],
    notes: Sequence[Mapping[str, Any]],
    names: Sequence[str] = (),
) -> str:
    """Each problem once per note, with the lines it is on; a note is named by ``names`` (its
    file) or else by its place ("note 2")."""
    if not result["findings"]:
        return "No problems found."
    groups: dict[tuple[int, str], list[Mapping[str, Any]]] = {}
    for f in result["findings"]:
        groups.setdefault((f["note"], f["check"]), []).append(f)
    lines = []
    for (i, _), found in groups.items():
        text = notes[i]["text"]
        name = names[i] if i < len(names) else f"note {i + 1}"
        first = found[0]
        # The same words twice on one line ("!!! … !!!") are one place to look.
        places = list(
            dict.fromkeys(
                (
                    text.count("\n", 0, f["start"]) + 1,
                    textwrap.shorten(text[f["start"] : f["end"]], 60, placeholder="…"),
                )
                for f in found
            )
        )
        head = f"{first['check']} {first['severity']}: {first['message']}"
        if len(places) == 1:
            line, excerpt = places[0]
            lines.append(f"{name}, line {line}: {head}")
            lines += [f"    “{excerpt}”"] if excerpt else []
        else:
            lines.append(f"{name}: {head} ({len(places)} places)")
            lines += [
                f"    line {line}: “{excerpt}”" if excerpt else f"    line {line}"
                for line, excerpt in places[:PLACES_SHOWN]
            ]
            if len(places) > PLACES_SHOWN:
                lines.append(f"    … and {len(places) - PLACES_SHOWN} more")
        lines.append(f"    instead: {first['instead']}")
    return "\n".join(lines)
