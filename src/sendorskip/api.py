"""The JSON boundary: plain JSON types in, plain JSON types out.

The browser (under Pyodide), the CLI's ``--json`` and the tests all call these functions, so
the tests cover the browser's code path. Bad input raises :class:`InputError` with every problem.
"""

from __future__ import annotations

from typing import Any

from . import drafts as drafts_module
from . import knowledge as knowledge_module
from . import schema
from .capped import CAPS, text, unknown_keys
from .detectors import Note, run
from .engine import decide
from .errors import InputError, Problems, shown
from .knowledge import Knowledge
from .situation import Situation

__all__ = ["InputError", "advise", "check", "situation_schema"]

DEFAULT_MAX_WORDS = 150
CHECK_KEYS = ("notes", "situation")
NOTE_KEYS = ("to", "text")


def _knowledge(knowledge: Knowledge | None) -> Knowledge:
    return knowledge or knowledge_module.default()


def _max_words(kb: Knowledge) -> int:
    """Our drafts stay within the length our own check allows (a center may change it)."""
    limits = [int(c.params["max_words"]) for c in kb.checks if c.detector == "too-long"]
    return min(limits, default=DEFAULT_MAX_WORDS)


def situation_schema(knowledge: Knowledge | None = None) -> dict[str, Any]:
    """The situation's JSON Schema, with a career center's own questions."""
    return schema.situation_schema(_knowledge(knowledge).questions)


def advise(data: Any, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Situation (JSON object) -> advice (JSON object): verdict, reasons, panel, plan, drafts."""
    kb = _knowledge(knowledge)
    situation = kb.parse(data)
    decision = decide(kb, situation)
    facts = kb.facts(situation)
    headline_context = drafts_module.headline_context(decision, kb.words)
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
            "follow_ups": [
                {"in_days": f.in_days, "channel": f.channel, "purpose": f.purpose}
                for f in decision.follow_ups
            ],
        },
        "drafts": [
            {"to": d.to, "subject": d.subject, "body": d.body, "suggestions": list(d.suggestions)}
            for d in drafts_module.drafts(
                kb.template_dirs,
                situation,
                decision,
                _max_words(kb),
                kb.words.questions,
                kb.screen,
            )
        ],
    }


def _notes(c: Problems, data: dict[str, Any]) -> list[Note]:
    raw = data.get("notes")
    if not isinstance(raw, list) or not raw:
        c.add("notes", f"expected a non-empty list of {{to, text}} objects; got {shown(raw)}.")
        return []
    if len(raw) > CAPS["notes"]:
        c.add("notes", f"expected at most {CAPS['notes']} notes; got {len(raw):,}.")
        return []
    notes = []
    for i, item in enumerate(raw):
        where = f"notes[{i}]"
        if not isinstance(item, dict):
            c.add(where, f"expected an object with fields 'to', 'text'; got {shown(item)}.")
            continue
        unknown_keys(c, where, item, NOTE_KEYS)
        before = len(c.problems)
        # The text is checked but kept as given: findings are offsets into it.
        text(c, f"{where}.text", item.get("text"), "note", required=True)
        to = item.get("to")
        to = None if to is None else text(c, f"{where}.to", to, "name")
        if len(c.problems) == before:
            notes.append(Note(text=item["text"], to=to))
    return notes


def check(data: Any, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """{notes: [{to?, text}], situation?} -> {findings: [{check, severity, message, voices, ...}]}."""
    kb = _knowledge(knowledge)
    if not isinstance(data, dict):
        raise InputError([f"check: expected a JSON object with 'notes'; got {shown(data)}."])
    c = Problems("check")
    unknown_keys(c, "", data, CHECK_KEYS)
    notes = _notes(c, data)
    situation: Situation | None = None
    if data.get("situation") is not None:
        try:
            # Context only: 'went' does not matter to any check, so it need not be given.
            raw = data["situation"]
            raw = {"went": "well", **raw} if isinstance(raw, dict) else raw
            situation = kb.parse(raw, where="check: situation")
        except InputError as exc:
            c.problems += exc.problems
    if c.problems:
        raise InputError(c.problems)
    return {
        "findings": [
            {
                "check": f.check.id,
                "name": f.check.name,
                "severity": f.check.severity,
                "message": f.check.message,
                "why": f.check.why,
                "instead": f.check.instead,
                "voices": list(f.check.voices),
                "note": f.note,
                # Code points for Python; UTF-16 code units for JavaScript's string indexes.
                "start": f.start,
                "end": f.end,
                "start_utf16": f.start_utf16,
                "end_utf16": f.end_utf16,
            }
            for f in run(kb.checks, notes, situation)
        ]
    }
