"""The browser's one entry point: JSON text in, JSON text out, so no Python object crosses.

The checker's worker calls :func:`call` under Pyodide; the tests call it in CPython, so the
browser's exact path, strict JSON reading included, is covered without a browser.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import api, ics, page
from .errors import InputError, record
from .intake import parse

# The public operations (window.sendorskip) return exactly what the CLI prints; the page's own
# rendering asks for the same answers with the reader's words added (sendorskip.page).
OPS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "advise": api.advise,
    "check": api.check,
    "schema": lambda _: api.situation_schema(),
    "calendar": ics.calendar_request,
}
# The page's own operations; an unknown operation's message names only the public ones.
PAGE_OPS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "page-advice": page.advice,
    "page-findings": page.findings,
}
# What strict reading calls the input in its messages, for the page's operations too.
_WHERE = {"page-advice": "advise", "page-findings": "check"}


def call(op: str, text: str) -> str:
    """``{"ok": true, "result": ...}`` or ``{"ok": false, "problems": [...], "records": [...]}``
    as JSON text: each record is ``{file, item, field, message}`` (errors.Problem), so the form
    can mark the field a problem concerns."""
    try:
        run = OPS.get(op) or PAGE_OPS.get(op)
        if run is None:
            raise InputError([f"bridge: unknown operation {op!r}; valid: {', '.join(OPS)}."])
        return json.dumps({"ok": True, "result": run(parse(text, _WHERE.get(op, op)))})
    except InputError as exc:
        records = [record(p) for p in exc.problems]
        return json.dumps({"ok": False, "problems": exc.problems, "records": records})
