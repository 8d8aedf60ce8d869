"""The JSON boundary: plain JSON types in, plain JSON types out.

The browser (under Pyodide), the CLI's ``--json`` and the tests all call these functions, so
the tests cover the browser's code path. Bad input raises :class:`InputError` with every problem.
"""

from __future__ import annotations

from typing import Any

from . import drafts as drafts_module
from . import knowledge as knowledge_module
from .detectors import Note, run
from .engine import decide
from .errors import InputError, shown
from .facts import facts_of
from .knowledge import Knowledge
from .schema import situation_schema
from .situation import Situation, parse

__all__ = ["InputError", "advise", "check", "situation_schema"]

CHECK_KEYS = ("notes", "situation")
NOTE_KEYS = ("to", "text")


def _knowledge(knowledge: Knowledge | None) -> Knowledge:
    return knowledge or knowledge_module.default()


def advise(data: Any, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Situation (JSON object) -> advice (JSON object): verdict, reasons, panel, plan, drafts."""
    kb = _knowledge(knowledge)
    situation = parse(data)
    decision = decide(kb, situation)
    facts = facts_of(situation)
    headline_context = drafts_module.headline_context(decision)
    headline = drafts_module.render(kb.template_dirs, "headline", headline_context).strip()
    return {
        "verdict": decision.verdict,
        "headline": headline,
        "reasons": [
            {"id": r.id, "text": r.message, "why": r.why, "voices": list(r.voices)}
            for r in decision.fired
        ],
        "panel": [
            {"voice": v.id, "name": v.name, "stance": s.stance, "why": s.why}
            for v in kb.voices.values()
            if v.seed
            for s in (v.stance_for(facts),)
        ],
        "plan": {
            "medium": decision.medium,
            "send_within_hours": decision.send_within_hours,
            "recipients": [
                {"name": r.person.name, "kind": r.kind, "channel": r.channel, "purpose": r.purpose}
                for r in decision.recipients
            ],
            "tips": list(decision.tips),
        },
        "drafts": [
            {"to": d.to, "subject": d.subject, "body": d.body}
            for d in drafts_module.drafts(kb.template_dirs, situation, decision)
        ],
    }


def _notes(data: dict[str, Any], problems: list[str]) -> list[Note]:
    raw = data.get("notes")
    if not isinstance(raw, list) or not raw:
        problems.append(
            f"check: notes: expected a non-empty list of {{to, text}} objects; got {shown(raw)}."
        )
        return []
    notes = []
    for i, item in enumerate(raw):
        where = f"check: notes[{i}]"
        if not isinstance(item, dict):
            problems.append(
                f"{where}: expected an object with fields 'to', 'text'; got {shown(item)}."
            )
            continue
        problems.extend(
            f"{where}.{k}: unknown field; valid fields: 'to', 'text'."
            for k in item
            if k not in NOTE_KEYS
        )
        text, to = item.get("text"), item.get("to")
        if not isinstance(text, str):
            problems.append(f"{where}.text: expected a string; got {shown(text)}.")
        if to is not None and not isinstance(to, str):
            problems.append(f"{where}.to: expected a string; got {shown(to)}.")
        if isinstance(text, str) and (to is None or isinstance(to, str)):
            notes.append(Note(text=text, to=to or None))
    return notes


def check(data: Any, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """{notes: [{to?, text}], situation?} -> {findings: [{check, severity, message, voices, ...}]}."""
    kb = _knowledge(knowledge)
    if not isinstance(data, dict):
        raise InputError([f"check: expected a JSON object with 'notes'; got {shown(data)}."])
    problems = [
        f"check: {k}: unknown field; valid fields: 'notes', 'situation'."
        for k in data
        if k not in CHECK_KEYS
    ]
    notes = _notes(data, problems)
    situation: Situation | None = None
    if data.get("situation") is not None:
        try:
            # Context only: 'went' does not matter to any check, so it need not be given.
            raw = data["situation"]
            raw = {"went": "well", **raw} if isinstance(raw, dict) else raw
            situation = parse(raw, where="check: situation")
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return {
        "findings": [
            {
                "check": f.check.id,
                "name": f.check.name,
                "severity": f.check.severity,
                "message": f.check.message,
                "why": f.check.why,
                "voices": list(f.check.voices),
                "note": f.note,
                "start": f.start,
                "end": f.end,
            }
            for f in run(kb.checks, notes, situation)
        ]
    }
