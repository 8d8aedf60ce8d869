"""The ``sendorskip`` command: a thin argparse front end over :mod:`api`.

Exit status: 0 on success, 2 on bad input or invalid data, with the problems on stderr and
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__, api
from .conditions import describe
from .errors import InputError, SendOrSkipError
from .knowledge import Knowledge, load
from .report import advice_text, findings_text
from .situation import FIELDS
from .validate import problems as validation_problems


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text("utf-8")
    except OSError as exc:
        raise InputError([f"{path}: cannot read: {exc.strerror}."]) from None


def _json(path: str) -> Any:
    text = _read(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = "stdin" if path == "-" else path
        raise InputError(
            [f"{where}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."]
        ) from None


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _person(spec: str, flag: str) -> dict[str, Any]:
    """'Name' or 'Name;role=CTO;email;lead;topics=caching|hiring' for --interviewer."""
    name, *parts = [p.strip() for p in spec.split(";")]
    person: dict[str, Any] = {"name": name, "email_known": False}
    for part in parts:
        key, _, value = part.partition("=")
        if key in ("email", "lead") and not value:
            person["email_known" if key == "email" else "lead"] = True
        elif key in ("role", "topics") and value:
            person[key] = value if key == "role" else [t.strip() for t in value.split("|")]
        else:
            raise InputError(
                [
                    f"{flag} {spec!r}: {part!r}: expected one of 'role=…', 'email', 'lead', 'topics=a|b'."
                ]
            )
    return person


def _situation_from_flags(args: argparse.Namespace) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for spec in FIELDS:
        value = getattr(args, spec.name, None)
        if value is not None and spec.kind not in ("interviewers", "recruiter"):
            data[spec.name] = value
    if args.interviewer:
        data["interviewers"] = [_person(s, "--interviewer") for s in args.interviewer]
    if args.recruiter:
        data["recruiter"] = _person(args.recruiter, "--recruiter")
        data["recruiter"].pop("lead", None)
    return data


def _add_situation_flags(p: argparse.ArgumentParser) -> None:
    for spec in FIELDS:
        flag = "--" + spec.name.replace("_", "-")
        if spec.kind == "enum":
            p.add_argument(flag, choices=spec.values, help=spec.doc)
        elif spec.kind == "number":
            p.add_argument(flag, type=float, help=spec.doc)
        elif spec.kind == "bool":
            p.add_argument(
                flag,
                type=lambda v: v.lower() in ("true", "yes", "1"),
                metavar="true|false",
                help=spec.doc,
            )
        elif spec.kind == "text":
            p.add_argument(flag, help=spec.doc)
    p.add_argument(
        "--interviewer",
        action="append",
        metavar="'NAME[;role=R][;email][;lead][;topics=a|b]'",
        help="An interviewer; repeat for a panel.",
    )
    p.add_argument(
        "--recruiter", metavar="'NAME[;email]'", help="The recruiter running the process."
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sendorskip", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--overrides", metavar="DIR", help="A career center's override directory.")
    sub = parser.add_subparsers(dest="command", required=True)
    advise = sub.add_parser("advise", help="Send or skip? Advice for your situation.")
    advise.add_argument(
        "--json",
        metavar="FILE",
        help="Read the situation as JSON from FILE ('-': stdin) and print JSON.",
    )
    _add_situation_flags(advise)
    check = sub.add_parser("check", help="Check a draft you wrote.")
    check.add_argument("file", nargs="*", help="Plain-text notes, one per file ('-': stdin).")
    check.add_argument(
        "--json",
        metavar="FILE",
        help="Read {notes, situation} as JSON from FILE ('-': stdin) and print JSON.",
    )
    check.add_argument(
        "--to", action="append", default=[], help="The recipient of each file, in order."
    )
    sub.add_parser("rules", help="List every rule and draft check.")
    explain = sub.add_parser("explain", help="Explain one rule or check.")
    explain.add_argument("id")
    sub.add_parser("validate", help="Check the data files and an override directory.")
    sub.add_parser("schema", help="Print the situation's JSON Schema.")
    return parser


def _explain(kb: Knowledge, ident: str) -> str:
    for rule in kb.rules:
        if rule.id == ident:
            return (
                f"{rule.id} {rule.name}\n  when: {describe(rule.when)}\n  says: {rule.message}\n"
                f"  why: {rule.why}\n  voices: {', '.join(rule.voices)}"
            )
    for check in kb.checks:
        if check.id == ident:
            return (
                f"{check.id} {check.name} ({check.severity})\n  says: {check.message}\n"
                f"  why: {check.why}\n  voices: {', '.join(check.voices)}"
            )
    valid = ", ".join([r.id for r in kb.rules] + [c.id for c in kb.checks])
    raise InputError([f"explain: {ident}: unknown id; valid ids: {valid}."])


def run(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    kb = load(args.overrides)
    if args.command == "advise":
        situation = _json(args.json) if args.json else _situation_from_flags(args)
        advice = api.advise(situation, kb)
        _print_json(advice) if args.json else print(advice_text(advice, kb))
    elif args.command == "check":
        if args.json:
            _print_json(api.check(_json(args.json), kb))
        elif not args.file:
            raise InputError(
                ["check: give a file with your note (or '-' for stdin), or --json FILE."]
            )
        else:
            tos = args.to + [None] * (len(args.file) - len(args.to))
            notes = [
                {"text": _read(f), **({"to": t} if t else {})}
                for f, t in zip(args.file, tos, strict=False)
            ]
            print(findings_text(api.check({"notes": notes}, kb), notes))
    elif args.command == "rules":
        print(
            "\n".join(
                [f"{r.id}  {r.name}: {r.message}" for r in kb.rules]
                + [f"{c.id}  {c.name}: {c.message}" for c in kb.checks]
            )
        )
    elif args.command == "explain":
        print(_explain(kb, args.id))
    elif args.command == "validate":
        found = validation_problems(kb)
        if found:
            raise SendOrSkipError(found)
        print(f"OK: {len(kb.voices)} voices, {len(kb.rules)} rules, {len(kb.checks)} checks.")
    else:
        _print_json(api.situation_schema())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except SendOrSkipError as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
