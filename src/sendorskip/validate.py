"""Whole-knowledge validation: beyond each file's own checks, run every record's examples and
render every template, so a career center learns about a broken override before its readers do.
"""

from __future__ import annotations

import dataclasses
import hashlib
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes

from .drafts import SUFFIX, TEMPLATES, context, environment, headline_context, render
from .engine import decide
from .errors import DataError
from .examples import example_problems
from .knowledge import Knowledge, data_dir, default, load
from .overrides import read_text
from .situation import parse
from .voices import SEED_VOICES

# Situations that between them reach every template and every branch a template may take.
SAMPLES: tuple[dict[str, Any], ...] = (
    {
        "went": "well",
        "interviewers": [
            {
                "name": "Ana Ruiz",
                "email_known": True,
                "lead": True,
                "role": "CTO",
                "topics": ["caching"],
            },
            {"name": "Ben Ode", "email_known": True},
        ],
        "recruiter": {"name": "Sam Lee", "email_known": True},
        "highlights": "h",
        "forgot_to_mention": "f",
        "job_title": "Engineer",
        "company": "Acme",
        "candidate_name": "Lee",
    },
    {"went": "poorly", "interest": "unsure", "recruiter": {"name": "Sam", "email_known": False}},
    {"went": "disaster", "recruiter": {"name": "Sam", "email_known": True}},
    {"went": "well", "interest": "withdrawing"},
    {"went": "well", "interest": "withdrawing", "recruiter": {"name": "Sam", "email_known": True}},
    {
        "went": "mixed",
        "interviewers": [{"name": "Ana", "topics": ["x"]}, {"name": "Ben"}],
        "preferred_medium": "handwritten",
        "decision": "later",
        "writing_confidence": "not_confident",
    },
)


def _where(kb: Knowledge, name: str) -> str:
    """The template's file as a center knows it: its own copy, else ours (``templates/…``)."""
    for folder in kb.template_dirs[:-1]:
        if (Path(folder) / (name + SUFFIX)).is_file():
            return f"{folder}/{name}{SUFFIX}"
    return f"templates/{name}{SUFFIX}"


def _line(exc: BaseException, name: str) -> str:
    """Where a template failed as it ran, as "line 4: " (or nothing): Jinja gives each
    template's part of a traceback the template's own file and line."""
    lines = [
        n
        for frame, n in traceback.walk_tb(exc.__traceback__)
        if frame.f_code.co_filename.endswith(f"/{name}{SUFFIX}")
    ]
    return f"line {lines[-1]}: " if lines else ""


def _render(kb: Knowledge, name: str, ctx: dict[str, Any]) -> str | None:
    where = _where(kb, name)
    try:
        render(kb.template_dirs, name, ctx)
    except jinja2.TemplateNotFound as exc:
        if exc.name != name + SUFFIX:  # a file it includes by a computed name (_static: the rest)
            return f"{where}: includes {exc.name!r}, which is not there."
        return f"{where}: template not found; every one of {', '.join(TEMPLATES)} is needed."
    except jinja2.TemplateSyntaxError as exc:
        return f"{where}: line {exc.lineno}: {(exc.message or '').rstrip('.')}."
    except jinja2.UndefinedError as exc:
        return (
            f"{where}: {_line(exc, name)}{exc.message}; valid variables: {', '.join(sorted(ctx))}."
        )
    except (jinja2.TemplateError, TypeError, ValueError) as exc:  # never a traceback
        return f"{where}: {_line(exc, name)}{str(exc).rstrip('.')}."
    return None


def _contexts(kb: Knowledge) -> Iterator[tuple[str, dict[str, Any]]]:
    for sample in SAMPLES:
        situation = parse(sample)
        decision = decide(kb, situation)
        for recipient in decision.recipients:
            yield recipient.purpose, context(situation, decision, recipient, kb.screen)
        yield "headline", headline_context(decision, kb.words)


def _templates(kb: Knowledge) -> Iterator[str | None]:
    for name, ctx in _contexts(kb):
        yield _render(kb, name, ctx)


def _variables(kb: Knowledge) -> dict[str, set[str]]:
    """The variables each template is given: every note template gets the same ones."""
    found = dict(_contexts(kb))
    note = next(ctx for name, ctx in found.items() if name != "headline")
    return {name: set(found.get(name, note)) for name in TEMPLATES}


def _included(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    """(line, name) of every file a template includes or imports by a name written in it."""
    kinds = (nodes.Include, nodes.Import, nodes.FromImport)
    for node in tree.find_all(kinds):
        if isinstance(node, kinds) and isinstance(node.template, nodes.Const):
            yield node.lineno, str(node.template.value)


def _exists(env: jinja2.Environment, template: str) -> bool:
    try:
        env.get_template(template)
    except jinja2.TemplateNotFound:
        return False
    except jinja2.TemplateError:
        return True  # there, with mistakes of its own (reported when it is rendered)
    return True


def _static(kb: Knowledge) -> Iterator[str]:
    """Every name a center's template uses, in every branch, whether or not a sample reaches
    it: a misspelt name in a rarely taken branch would otherwise reach a reader as a traceback."""
    env = environment(kb.template_dirs)
    variables = _variables(kb)
    for name in TEMPLATES:
        where = _where(kb, name)
        if where.startswith("templates/"):
            continue  # ours: the test suite renders every one of them
        try:
            source = read_text(Path(where), where)
        except DataError:
            continue  # reported with the override directory's files
        try:
            tree = env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            yield f"{where}: line {exc.lineno}: {(exc.message or '').rstrip('.')}."
            continue
        # Jinja looks a filter or a test up when the template is compiled, or, inside a branch,
        # only when the line runs: check every one now, before anything compiles it.
        unknown = [
            f"{where}: line {node.lineno}: unknown {kind} {node.name!r}; "
            f"valid {kind}s: {', '.join(sorted(known))}."
            for kind, cls, known in (
                ("filter", nodes.Filter, env.filters),
                ("test", nodes.Test, env.tests),
            )
            for node in tree.find_all(cls)
            if node.name not in known
        ]
        # A file included or imported by its name, which the sample renders may never reach.
        unknown += [
            f"{where}: line {line}: includes {included!r}, which is in neither"
            f" {Path(where).parent}/ nor our templates."
            for line, included in _included(tree)
            if not _exists(env, included)
        ]
        if unknown:
            yield from unknown
            continue
        used = meta.find_undeclared_variables(tree)
        for var in sorted(used - variables[name] - set(env.globals)):
            # Where the template reads it: the same word in its text may come before.
            line = next(
                n.lineno
                for n in tree.find_all(nodes.Name)
                if isinstance(n, nodes.Name) and n.name == var and n.ctx == "load"
            )
            yield (
                f"{where}: line {line}: {var!r} is undefined; "
                f"valid variables: {', '.join(sorted(variables[name]))}."
            )


def stamp(name: str) -> str:
    """The line a center's copy of our template starts with, naming the version it copied."""
    ours = data_dir() / "templates" / (name + SUFFIX)
    digest = hashlib.sha256(ours.read_bytes()).hexdigest()[:12]
    return f"{{# sendorskip: based on {name}{SUFFIX} {digest} #}}"


# Said after each warning the build logs too: `validate` exits 0 on warnings, but the publish
# command in the hosting guide, `mkdocs build --strict`, fails on these.
STRICT = " A strict build (mkdocs build --strict) stops on this."


def warnings(kb: Knowledge) -> list[str]:
    """A center's template that replaces one of ours which has changed since it was copied
    keeps the old wording in silence: say so, and how to compare."""
    found = []
    for name in TEMPLATES:
        where = _where(kb, name)
        if where.startswith("templates/"):
            continue
        try:
            first = read_text(Path(where), where).partition("\n")[0].strip()
        except DataError:
            continue
        expected = stamp(name)
        if first == expected:
            continue
        if first.startswith("{# sendorskip: based on"):
            found.append(
                f"{where}: our {name}{SUFFIX} has changed since you copied it: compare your copy "
                f"with the package's data/templates/{name}{SUFFIX}, then make its first line "
                f"{expected}"
            )
        else:
            found.append(
                f"{where}: replaces our {name}{SUFFIX}; so that you hear when ours changes, make "
                f"its first line {expected}"
            )
    return found


def problems(kb: Knowledge) -> list[str]:
    found = [
        f"voices.toml: voice {v}: missing; seed voices are part of the contract."
        for v in SEED_VOICES
        if v not in kb.voices
    ]
    found += example_problems(kb)
    static = list(_static(kb))
    # A template that does not parse, or names what is not there, fails every render: once is enough.
    found += static or dict.fromkeys(p for p in _templates(kb) if p)
    return found


def templates_alone(overrides: Path) -> list[str]:
    """A center's templates checked against our knowledge, for when its own does not load:
    its template mistakes are then reported in the same run as its data mistakes."""
    ours = default()
    folder = overrides / "templates"
    if not folder.is_dir():
        return []
    return list(
        _static(dataclasses.replace(ours, template_dirs=(str(folder), *ours.template_dirs)))
    )


def command(overrides: str | None, config: str | None) -> tuple[str, list[str]]:
    """``sendorskip validate``: the OK line and any warnings, or every problem at once."""
    if config and overrides:
        raise DataError(
            [f"validate: --overrides: {config} names the override directory; give one of the two."]
        )
    # A center's fork: the same settings scripts/serve and scripts/test use.
    if not config and not overrides and Path("center.yml").is_file():
        config = "center.yml"
    if config:
        try:
            from .site.review import review
        except ImportError:
            raise DataError(
                ["validate: -f needs MkDocs: pip install 'sendorskip[site]' (or the offline kit)."]
            ) from None
        found, warned = review(Path(config))
        if found:
            raise DataError(found)
        return f"OK: {config}, its override directory and its pages.", warned
    kb = load(overrides)
    found = problems(kb)
    if found:
        raise DataError(found)
    counted = f"{len(kb.voices)} voices, {len(kb.rules)} rules, {len(kb.checks)} checks"
    # Run in the wrong folder, an OK alone would read as if a center's files had passed.
    ok = (
        f"OK: {counted}."
        if overrides
        else f"OK: the package's own data ({counted}). No center.yml here: to check a center's"
        " files, run this in its site's folder, or give -f FILE or --overrides DIR."
    )
    return ok, [warning + STRICT for warning in warnings(kb)]
