"""The browser's one entry point: JSON text in, JSON text out, so no Python object crosses.

The checker's worker calls :func:`call` under Pyodide; the tests call it in CPython, so the
browser's exact path, strict JSON reading included, is covered without a browser.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import api
from .errors import InputError
from .intake import parse

OPS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "advise": api.advise,
    "check": api.check,
    "schema": lambda _: api.situation_schema(),
}


def call(op: str, text: str) -> str:
    """``{"ok": true, "result": ...}`` or ``{"ok": false, "problems": [...]}``, as JSON text."""
    try:
        if op not in OPS:
            raise InputError([f"bridge: unknown operation {op!r}; valid: {', '.join(OPS)}."])
        return json.dumps({"ok": True, "result": OPS[op](parse(text, op))})
    except InputError as exc:
        return json.dumps({"ok": False, "problems": exc.problems})
