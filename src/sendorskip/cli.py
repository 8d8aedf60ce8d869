"""The ``sendorskip`` command: a thin argparse front end over :mod:`api`.

Exit status: 0 on success, 2 on bad input or invalid data, with the problems on stderr and
never a traceback; 1 if the output cannot be written; 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any, NoReturn

from . import __version__, api, ics, intake
from .capped import CAPS
from .conditions import describe
from .errors import InputError, SendOrSkipError, named, printable, shown
from .flags import add_situation_flags, as_flags, flags_given, situation_from_flags
from .knowledge import Knowledge, load
from .report import advice_text, cited_names, findings_text
from .validate import command as validation_command


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error reported like every other problem (and exit status 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Flags are taken as documented, never guessed from a prefix (--inter: which one?).
        super().__init__(*args, **{**kwargs, "allow_abbrev": False})

    def error(self, message: str, prog: str | None = None) -> NoReturn:
        prog = prog or self.prog
        raise InputError([f"{prog}: {printable(message)}; see '{prog} --help'."])


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _parser() -> _Parser:
    parser = _Parser(
        prog="sendorskip",
        # The module's docstring is for its maintainers; this is for whoever runs the command.
        description="Should you send a thank-you note after a job interview, and what should it"
        " say? Advice for your situation with the experts' reasons, a draft for each person,"
        " and a check of a draft you wrote.",
        epilog="Exit status: 0 on success; 2 on bad input or invalid data, with every problem"
        " printed on stderr; 1 if the output cannot be written.",
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
    advise.add_argument(
        "--ics",
        metavar="FILE",
        help="Also write the follow-up dates to FILE as a calendar (.ics), counted from today.",
    )
    add_situation_flags(advise)
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
        "-f",
        "--config-file",
        metavar="FILE",
        help="A site's center.yml or mkdocs.yml (default: center.yml, if the folder has one).",
    )
    sub.add_parser("schema", help="Print the situation's JSON Schema.")
    return parser


def _explain(kb: Knowledge, given: str) -> str:
    ident = given.strip().casefold()  # "sos104" is SOS104; a center's ids as they wrote them
    for rule in kb.rules:
        if rule.id.casefold() == ident:
            return (
                f"{rule.id} {rule.name}\n  when: {describe(rule.when)}\n  says: {rule.message}\n"
                f"  why: {rule.why}\n  voices: {cited_names(kb, rule.voices)}"
            )
    for check in kb.checks:
        if check.id.casefold() == ident:
            return (
                f"{check.id} {check.name} ({check.severity})\n  says: {check.message}\n"
                f"  instead: {check.instead}\n"
                f"  why: {check.why}\n  voices: {cited_names(kb, check.voices)}"
            )
    valid = ", ".join([r.id for r in kb.rules] + [c.id for c in kb.checks])
    raise InputError([f"explain: {named(given)}: unknown id; valid ids: {valid}."])


def _advise(args: argparse.Namespace, kb: Knowledge) -> None:
    if args.json:
        given = flags_given(args)
        if given:
            raise InputError(
                [
                    "advise: --json: expected no other situation flags (the JSON holds the whole "
                    f"situation); got {', '.join(given)}."
                ]
            )
        situation = intake.json_input(args.json)
        advice = api.advise(situation, kb)
    else:
        situation, problems = situation_from_flags(args)
        try:
            advice = api.advise(situation, kb)
        except InputError as exc:
            problems += map(as_flags, exc.problems)
        if problems:
            raise InputError(problems)
    # Written before the advice is printed, so that a path it cannot write is the only output.
    if args.ics:
        company = situation.get("company")  # a valid situation: a dict, its company a string
        text = ics.follow_up_calendar(advice["plan"]["follow_ups"], date.today(), company)
        try:
            with open(args.ics, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError as exc:
            raise InputError([f"--ics: cannot write {shown(args.ics)}: {exc.strerror}."]) from None
    if args.json:
        _print_json(advice)
    else:
        print(advice_text(advice, kb))


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
            # Line ends as a browser's text box gives them; an editor ends a file with one, which
            # is no part of the note (nor of its cap).
            text = intake.text_input(path).replace("\r\n", "\n").removesuffix("\n")
        except InputError as exc:
            problems += exc.problems  # and read on: every file's problem is reported at once
            continue
        if not text.strip():
            problems.append(f"{intake.name(path)}: expected a note; got an empty file.")
            continue
        notes.append({"text": text, **({"to": args.to[i]} if i < len(args.to) else {})})
    if problems:
        raise InputError(problems)
    names = ["stdin" if path == "-" else path for path in args.file]
    print(findings_text(api.check({"notes": notes}, kb), notes, names))


def run(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # argparse would send the reader to the main help, not the command's own
        known = f"{parser.prog} {args.command}"
        parser.error(f"unrecognized arguments: {' '.join(extra)}", prog=known)
    if args.command == "validate":
        ok, warned = validation_command(args.validate_overrides or args.overrides, args.config_file)
        for warning in warned:
            print(f"Warning: {warning}", file=sys.stderr)
        # An OK alone would read as nothing to do; some warnings also stop a --strict build.
        n = len(warned)
        print(f"{ok} With {n} warning{'s' * (n > 1)} (above)." if n else ok)
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
        if sys.stdout is None:  # started with its output closed: nowhere to say anything
            return 1
        status = run(argv)
        sys.stdout.flush()  # here, so that a full disk is reported, not found at exit
        return status
    except SendOrSkipError as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader stopped reading (| head): nothing more to say
        _drop_output()
        return 0
    except KeyboardInterrupt:
        return 130  # as the shell reports Ctrl-C, without a traceback
    except OSError as exc:  # the output (or a file it names) cannot be written or read
        where = f"read or write {shown(exc.filename)}" if exc.filename else "write the output"
        print(f"sendorskip: cannot {where}: {exc.strerror or exc}.", file=sys.stderr)
        _drop_output()
        return 1


def _drop_output() -> None:
    """What is still buffered would fail again as Python exits: send it nowhere (the
    idiom Python's documentation gives for SIGPIPE), or, for an output with no file of its own
    (a caller's StringIO), let it go."""
    try:
        where = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        sys.stdout = None
        return
    nowhere = os.open(os.devnull, os.O_WRONLY)
    os.dup2(nowhere, where)
    os.close(nowhere)
