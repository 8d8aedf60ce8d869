"""The situation's JSON Schema, derived from the one table of fields in :mod:`situation`."""

from __future__ import annotations

from typing import Any

from .situation import FIELDS, Field

_PERSON: dict[str, Any] = {
    "name": {"type": "string", "minLength": 1},
    "email_known": {"type": "boolean", "default": False},
}
_INTERVIEWER: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        **_PERSON,
        "role": {"type": "string"},
        "lead": {"type": "boolean", "default": False},
        "topics": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}
_RECRUITER: dict[str, Any] = {
    "type": ["object", "null"],
    "additionalProperties": False,
    "required": ["name"],
    "properties": _PERSON,
    "default": None,
}


def _property(spec: Field) -> dict[str, Any]:
    prop: dict[str, Any]
    if spec.kind == "enum":
        prop = {"type": "string", "enum": list(spec.values)}
    elif spec.kind == "number":
        prop = {"type": "number", "minimum": 0}
    elif spec.kind == "bool":
        prop = {"type": "boolean"}
    elif spec.kind == "text":
        prop = {"type": "string"}
    elif spec.kind == "interviewers":
        prop = {"type": "array", "items": _INTERVIEWER}
    else:
        prop = dict(_RECRUITER)
    prop["description"] = spec.doc
    if spec.default is not None and not spec.required:
        prop["default"] = list(spec.default) if isinstance(spec.default, tuple) else spec.default
    return prop


def situation_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) describing exactly what :func:`situation.parse` accepts."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Situation after an interview",
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in FIELDS if f.required],
        "properties": {f.name: _property(f) for f in FIELDS},
    }
