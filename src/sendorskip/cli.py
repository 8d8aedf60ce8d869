"""The ``sendorskip`` command: a thin argparse front end over :mod:`api`.

Exit status: 0 on success, 2 on bad input or invalid data, with the problems on stderr and
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any, NoReturn

from . import __version__, api, ics, intake
from .capped import CAPS
from .conditions import describe
from .errors import InputError, SendOrSkipError, choices, named, printable, shown
from .intake import MAX_DIGITS
from .knowledge import Knowledge, load
from .report import advice_text, findings_text
from .situation import FIELDS, Field
from .validate import command as validation_command

# The words a boolean flag takes: JSON's, as the README documents; anything else is an error.
BOOLEANS = {"true": True, "false": False}
# A number on the command line is written as in JSON (no 'nan', 'inf', '1_000' or spaces).
NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
# The parts each person flag takes after the name, as the help shows them.
PERSON_PARTS = {
    "--interviewer": {"role": "role=…", "email": "email", "lead": "lead", "topics": "topics=a|b"},
    "--recruiter": {"email": "email"},
    "--referrer": {"email": "email"},
}
# Fields that hold a list of people take one flag per person, named in the singular.
LIST_FLAGS = {"interviewers": "interviewer", "references": "reference"}


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error reported like every other problem (and exit status 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Flags are taken as documented, never guessed from a prefix (--inter: which one?).
        super().__init__(*args, **{**kwargs, "allow_abbrev": False})

    def error(self, message: str) -> NoReturn:
        raise InputError([f"{self.prog}: {printable(message)}; see '{self.prog} --help'."])


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _dest(spec: Field) -> str:
    return LIST_FLAGS.get(spec.name, spec.name)


def _flag(spec: Field) -> str:
    return "--" + _dest(spec).replace("_", "-")


def _person(spec: str, flag: str, problems: list[str]) -> dict[str, Any]:
    """'Name' or 'Name;role=CTO;email;lead;topics=caching|hiring' for --interviewer."""
    name, *parts = [p.strip() for p in spec.split(";")]
    person: dict[str, Any] = {"name": name}
    allowed = PERSON_PARTS[flag]
    for part in parts:
        key, eq, value = part.partition("=")
        takes_value = key in ("role", "topics")
        if key not in allowed or (not value if takes_value else bool(eq)):
            expected = ("one of " if len(allowed) > 1 else "") + choices(allowed.values())
            problems.append(f"{flag} {shown(spec)}: {shown(part)}: expected {expected}.")
        elif key == "topics":
            person["topics"] = [t.strip() for t in value.split("|")]
        elif key == "role":
            person["role"] = value
        else:
            person["email_known" if key == "email" else "lead"] = True
    return person


def _number(value: str) -> int | float | None:
    if len(value) > MAX_DIGITS or not NUMBER.fullmatch(value):
        return None
    return int(value) if value.lstrip("-").isdigit() else float(value)


def _situation_from_flags(args: argparse.Namespace) -> tuple[dict[str, Any], list[str]]:
    """The situation the flags give, and the problems only the command line can have."""
    data: dict[str, Any] = {}
    problems: list[str] = []
    for spec in FIELDS:
        value = getattr(args, spec.name, None)
        if value is None or spec.kind in ("interviewers", "recruiter", "names"):
            continue
        if spec.kind == "bool":
            if value in BOOLEANS:
                data[spec.name] = BOOLEANS[value]
            else:
                problems.append(
                    f"{_flag(spec)}: expected one of {choices(BOOLEANS)}; got {shown(value)}."
                )
        elif spec.kind in ("number", "days"):
            number = _number(value)
            if number is None:
                problems.append(f"{_flag(spec)}: expected a number; got {shown(value)}.")
            else:
                data[spec.name] = number
        else:
            data[spec.name] = value  # enumerations and text: the API checks them
    for spec in FIELDS:
        given = getattr(args, _dest(spec))
        if spec.kind == "interviewers" and given:
            data[spec.name] = [_person(s, _flag(spec), problems) for s in given]
        elif spec.kind == "names" and given:
            data[spec.name] = given
        elif spec.kind == "recruiter" and given:
            data[spec.name] = _person(given, _flag(spec), problems)
    for given in args.answer or ():
        # A career center's own question: NAME=VALUE, true/false for a yes-no one.
        name, eq, value = given.partition("=")
        if not eq or not name:
            problems.append(
                f"--answer: expected NAME=VALUE, such as on_campus=true; got {shown(given)}."
            )
        else:
            data[name.strip()] = BOOLEANS.get(value.strip(), value.strip())
    return data, problems


def _situation_flags_given(args: argparse.Namespace) -> list[str]:
    given = [_flag(spec) for spec in FIELDS if getattr(args, _dest(spec)) is not None]
    return given + (["--answer"] if args.answer else [])


def _add_situation_flags(p: argparse.ArgumentParser) -> None:
    for spec in FIELDS:
        flag = _flag(spec)
        # Values are checked after parsing, so every problem is reported at once, in our words.
        if spec.kind == "enum":
            p.add_argument(flag, metavar="|".join(spec.values), help=spec.doc)
        elif spec.kind in ("number", "days"):
            p.add_argument(flag, metavar="NUMBER", help=spec.doc)
        elif spec.kind == "bool":
            p.add_argument(flag, metavar="|".join(BOOLEANS), help=spec.doc)
        elif spec.kind in ("text", "country"):
            p.add_argument(flag, help=spec.doc)
        elif spec.kind == "recruiter":
            p.add_argument(flag, metavar="'NAME[;email]'", help=spec.doc)
    p.add_argument(
        "--answer",
        action="append",
        metavar="NAME=VALUE",
        help="An answer to one of a career center's own questions; repeat for several.",
    )
    p.add_argument(
        "--interviewer",
        action="append",
        metavar="'NAME[;role=R][;email][;lead][;topics=a|b]'",
        help="An interviewer; repeat for a panel.",
    )
    p.add_argument(
        "--reference",
        action="append",
        metavar="NAME",
        help="Someone who agreed to be your reference; repeat for several.",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sendorskip", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--overrides", metavar="DIR", help="A career center's override directory.")
    sub = parser.add_subparsers(dest="command", required=True)
    advise = sub.add_parser("advise", help="Send or skip? Advice for your situation.")
    advise.add_argument(
        "--json",
        metavar="FILE",
        help="Read the situation as JSON from FILE ('-': stdin) and print JSON.",
    )
    advise.add_argument(
        "--ics",
        metavar="FILE",
        help="Also write the follow-up dates to FILE as a calendar (.ics), counted from today.",
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
    validate = sub.add_parser(
        "validate", help="Check the data files, an override directory or a whole site's settings."
    )
    # Also after the subcommand, as the hosting guide writes it; `dest` differs from the main
    # option's so that argparse's sub-parser default cannot overwrite a value given before.
    validate.add_argument("--overrides", dest="validate_overrides", metavar="DIR")
    validate.add_argument(
        "-f", "--config-file", metavar="FILE", help="A site's center.yml or mkdocs.yml."
    )
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
                f"  instead: {check.instead}\n"
                f"  why: {check.why}\n  voices: {', '.join(check.voices)}"
            )
    valid = ", ".join([r.id for r in kb.rules] + [c.id for c in kb.checks])
    raise InputError([f"explain: {named(ident)}: unknown id; valid ids: {valid}."])


def _advise(args: argparse.Namespace, kb: Knowledge) -> None:
    if args.json:
        given = _situation_flags_given(args)
        if given:
            raise InputError(
                [
                    "advise: --json: expected no other situation flags (the JSON holds the whole "
                    f"situation); got {', '.join(given)}."
                ]
            )
        situation = intake.json_input(args.json)
        advice = api.advise(situation, kb)
        _print_json(advice)
    else:
        situation, problems = _situation_from_flags(args)
        try:
            advice = api.advise(situation, kb)
        except InputError as exc:
            problems += exc.problems
        if problems:
            raise InputError(problems)
        print(advice_text(advice, kb))
    if args.ics:
        company = situation.get("company")  # a valid situation: a dict, its company a string
        text = ics.follow_up_calendar(advice["plan"]["follow_ups"], date.today(), company)
        with open(args.ics, "w", encoding="utf-8", newline="") as out:
            out.write(text)


def _check(args: argparse.Namespace, kb: Knowledge) -> None:
    if args.json:
        if args.file or args.to:
            given = [*map(shown, args.file), *(["--to"] if args.to else [])]
            raise InputError(
                [
                    "check: --json: expected no note files or --to (the JSON holds every note); "
                    f"got {', '.join(given)}."
                ]
            )
        _print_json(api.check(intake.json_input(args.json), kb))
        return
    if not args.file:
        raise InputError(["check: give a file with your note (or '-' for stdin), or --json FILE."])
    if len(args.file) > CAPS["notes"]:
        # Refused before reading: each file may be large, and more than this are refused anyway.
        raise InputError([f"check: expected at most {CAPS['notes']} notes; got {len(args.file)}."])
    if len(args.to) > len(args.file):
        raise InputError(
            [f"check: --to: expected at most one per note ({len(args.file)}); got {len(args.to)}."]
        )
    notes: list[dict[str, str]] = []
    problems: list[str] = []
    for i, path in enumerate(args.file):
        try:
            text = intake.text_input(path)
        except InputError as exc:
            problems += exc.problems  # and read on: every file's problem is reported at once
            continue
        notes.append({"text": text, **({"to": args.to[i]} if i < len(args.to) else {})})
    if problems:
        raise InputError(problems)
    print(findings_text(api.check({"notes": notes}, kb), notes))


def run(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        ok, warned = validation_command(args.validate_overrides or args.overrides, args.config_file)
        for warning in warned:
            print(f"Warning: {warning}", file=sys.stderr)
        print(ok)
        return 0
    kb = load(args.overrides)
    if args.command == "advise":
        _advise(args, kb)
    elif args.command == "check":
        _check(args, kb)
    elif args.command == "rules":
        print(
            "\n".join(
                [f"{r.id}  {r.name}: {r.message}" for r in kb.rules]
                + [f"{c.id}  {c.name}: {c.message}" for c in kb.checks]
            )
        )
    elif args.command == "explain":
        print(_explain(kb, args.id))
    else:
        _print_json(api.situation_schema(kb))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except SendOrSkipError as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
