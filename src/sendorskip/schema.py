"""The situation's JSON Schema, derived from the one table of fields in :mod:`situation`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .capped import CAPS
from .countries import ISO_3166_ALPHA2
from .questions import Question
from .situation import FIELDS, Field


def _text(cap: str, min_length: int = 0) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": CAPS[cap]}


_PERSON: dict[str, Any] = {
    "name": _text("name", 1),
    "email_known": {"type": "boolean", "default": False},
}
_INTERVIEWER: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        **_PERSON,
        "role": _text("role"),
        "lead": {"type": "boolean", "default": False},
        "topics": {"type": "array", "maxItems": CAPS["topics"], "items": _text("topic", 1)},
        "add": {
            **_text("add"),
            "description": "One more thing you would tell them, in a sentence.",
        },
    },
}
_CONTACT: dict[str, Any] = {  # with null allowed: the recruiter, a referrer
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": _PERSON,
}


def _property(spec: Field) -> dict[str, Any]:
    prop: dict[str, Any]
    if spec.kind == "enum":
        prop = {"type": "string", "enum": list(spec.values)}
    elif spec.kind in ("number", "days"):
        prop = {"type": "number", "minimum": 0, "maximum": CAPS[spec.name]}
    elif spec.kind == "country":
        prop = {"type": "string", "enum": sorted(ISO_3166_ALPHA2)}
    elif spec.kind == "bool":
        prop = {"type": "boolean"}
    elif spec.kind == "text":
        prop = _text(spec.name)
    elif spec.kind == "interviewers":
        prop = {"type": "array", "maxItems": CAPS["interviewers"], "items": _INTERVIEWER}
    elif spec.kind == "names":
        prop = {"type": "array", "maxItems": CAPS[spec.name], "items": _text("name", 1)}
    else:
        prop = {**_CONTACT, "type": ["object", "null"], "default": None}
    prop["description"] = spec.doc
    if spec.default is not None and not spec.required:
        prop["default"] = list(spec.default) if isinstance(spec.default, tuple) else spec.default
    return prop


def _question(question: Question) -> dict[str, Any]:
    kind: dict[str, Any] = (
        {"type": "boolean"}
        if question.type == "yes-no"
        else {"type": "string", "enum": list(question.choices)}
    )
    return {**kind, "description": question.label, "default": question.default}


def situation_schema(questions: Sequence[Question] = ()) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) describing exactly what :func:`situation.parse` accepts,
    a career center's own questions included."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Situation after an interview",
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in FIELDS if f.required],
        "properties": {
            **{f.name: _property(f) for f in FIELDS},
            **{q.id: _question(q) for q in questions},
        },
    }
