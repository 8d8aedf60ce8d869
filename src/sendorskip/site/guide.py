"""The decision guide: the checker's questions one at a time, as nested ``<details>``.

It works without JavaScript. The questions and answers are data (``data/guide.toml``); the advice
at the end of every path is the engine's own, computed at build time for the situation the
answers describe, so the guide and the checker cannot disagree.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from .. import api
from ..errors import DataError, InputError
from ..knowledge import Knowledge, data_dir
from ..records import Reader, parse_toml
from ..situation import FIELD_BY_NAME

FILE = "guide.toml"


@dataclass(frozen=True)
class Answer:
    label: str
    set: Mapping[str, Any]
    any: Mapping[str, tuple[Any, ...]]  # several values that must get the same advice
    next: str  # the next question's id, or "" for the advice


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Guide:
    start: str
    base: Mapping[str, Any]
    questions: Mapping[str, Question]


Path = tuple[tuple[Question, Answer], ...]


def _fields(reader: Reader, item: str, key: str, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        reader.problem(item, key, "expected a table of situation fields.")
        return {}
    for name in raw:
        if name not in FIELD_BY_NAME:
            reader.problem(item, f"{key}.{name}", "unknown situation field.")
    return dict(raw)


def _answer(reader: Reader, item: str, raw: Any) -> Answer:
    if not isinstance(raw, dict):
        reader.problem(item, "answers", "expected a list of tables.")
        return Answer("", {}, {}, "")
    reader.keys(item, raw, ("label",), ("set", "any", "next"))
    alternatives = _fields(reader, item, "any", raw.get("any", {}))
    for name, values in alternatives.items():
        if not isinstance(values, list) or len(values) < 2:
            reader.problem(item, f"any.{name}", "expected a list of two or more values.")
    return Answer(
        label=reader.text(item, raw, "label"),
        set=_fields(reader, item, "set", raw.get("set", {})),
        any={k: tuple(v) for k, v in alternatives.items() if isinstance(v, list)},
        next=reader.text(item, raw, "next"),
    )


def load_guide() -> Guide:
    reader = Reader(FILE)
    data = parse_toml(FILE, (data_dir() / FILE).read_text("utf-8"))
    questions: dict[str, Question] = {}
    for raw in reader.table_list(data, "question", ("start", "base", "question")):
        qid = reader.text("question ?", raw, "id") or "?"
        item = f"question {qid}"
        reader.keys(item, raw, ("id", "text", "answers"), ())
        answers = raw.get("answers")
        if not isinstance(answers, list) or len(answers) < 2:
            reader.problem(item, "answers", "expected a list of two or more answers.")
            answers = []
        questions[qid] = Question(
            qid, reader.text(item, raw, "text"), tuple(_answer(reader, item, a) for a in answers)
        )
    start = str(data.get("start", ""))
    for target, where in [
        (start, "start"),
        *((a.next, q.id) for q in questions.values() for a in q.answers),
    ]:
        if target and target not in questions:
            valid = ", ".join(repr(q) for q in questions)
            reader.add("", f"unknown question {target!r}; valid questions: {valid}.", where)
    if reader.problems:
        raise DataError(reader.problems)
    return Guide(start, _fields(reader, "base", "base", data.get("base", {})), questions)


def paths(guide: Guide) -> Iterator[Path]:
    """Every path from the first question to an advice, in reading order."""

    def walk(qid: str, before: Path) -> Iterator[Path]:
        question = guide.questions[qid]
        if any(q.id == qid for q, _ in before):
            raise DataError([f"{FILE}: question {qid}: the questions go round in a circle."])
        for answer in question.answers:
            path = (*before, (question, answer))
            yield from walk(answer.next, path) if answer.next else (path,)

    yield from walk(guide.start, ())


def situations(guide: Guide, path: Path) -> list[dict[str, Any]]:
    """The situations a path stands for; the first is the one whose advice is shown."""
    fixed: dict[str, Any] = {"went": "well", **guide.base}
    choices: dict[str, tuple[Any, ...]] = {}
    for _, answer in path:
        fixed.update(answer.set)
        choices.update(answer.any)
    names = list(choices)
    return [
        {**fixed, **dict(zip(names, values, strict=True))}
        for values in itertools.product(*(choices[n] for n in names))
    ]


def _voice_links(kb: Knowledge, ids: Sequence[str], href: Mapping[str, str]) -> str:
    names = {v: escape(kb.voices[v].cited_as) for v in ids}
    return kb.words.cited(
        [f'<a href="{escape(href[v])}">{names[v]}</a>' if v in href else names[v] for v in ids],
        escape,
    )


def _advice_html(kb: Knowledge, situation: Mapping[str, Any], href: Mapping[str, str]) -> str:
    advice = api.advise(dict(situation), kb)
    reasons = "".join(
        f"<li><strong>{escape(r['text'])}</strong> {escape(r['why'])}"
        f" ({_voice_links(kb, r['voices'], href)})</li>"
        for r in advice["reasons"]
    )
    return (
        f'<div class="sos-guide__advice sos-guide__advice--{advice["verdict"]}">'
        f'<p><strong class="sos-guide__verdict">{escape(kb.words.verdicts[advice["verdict"]])}.</strong>'
        f" {escape(advice['headline'])}</p>"
        f"<p>Why:</p><ul>{reasons}</ul></div>"
    )


def render(guide: Guide, kb: Knowledge, href: Mapping[str, str]) -> str:
    """Nested disclosure widgets: open an answer to see the next question or the advice.

    ``href`` maps a voice id to its link from the page the guide is on.
    """

    def question_html(qid: str, before: Path) -> str:
        question = guide.questions[qid]
        parts = [f'<p class="sos-guide__question">{escape(question.text)}</p>']
        for answer in question.answers:
            path = (*before, (question, answer))
            inner = (
                question_html(answer.next, path)
                if answer.next
                else _advice_html(kb, situations(guide, path)[0], href)
            )
            parts.append(
                f'<details class="sos-guide__answer"><summary>{escape(answer.label)}</summary>'
                f"{inner}</details>"
            )
        return "".join(parts)

    try:
        return f'<div class="sos-guide">{question_html(guide.start, ())}</div>'
    except InputError as exc:
        raise DataError([f"{FILE}: {p}" for p in exc.problems]) from None
