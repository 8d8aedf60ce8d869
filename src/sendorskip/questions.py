"""A career center's own questions: extra situation fields its rules can test.

They live in the override directory's ``questions.toml``; each becomes a field of the situation
(the form, the JSON Schema, the CLI's ``--answer``) and a fact a rule's ``when`` may name::

    [[question]]
    id = "on_campus"
    label = "Was it an on-campus interview?"
    help = "Interviews held at the Northfield career center."
    type = "yes-no"          # or "choice", with choices = ["a", "b"]
    default = false
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import choices, shown
from .facts import FACTS, Fact, FactValue
from .records import Reader
from .situation import FIELD_BY_NAME, Situation

FILE = "questions.toml"
TYPES = ("yes-no", "choice")
REQUIRED = ("id", "label", "type", "default")
OPTIONAL = ("help", "choices")
NAME = re.compile(r"[a-z][a-z0-9_]{1,39}")


@dataclass(frozen=True)
class Question:
    id: str
    label: str
    help: str
    type: str
    choices: tuple[str, ...]  # for "choice"; a yes-no question is true or false
    default: FactValue

    @property
    def values(self) -> tuple[FactValue, ...]:
        return (True, False) if self.type == "yes-no" else self.choices

    def fact(self) -> Fact:
        return Fact(self.id, self.label, self.values, lambda s: answer(s, self))


def answer(situation: Situation, question: Question) -> FactValue:
    return dict(situation.answers).get(question.id, question.default)


def _one(reader: Reader, raw: Mapping[str, Any], taken: set[str]) -> Question | None:
    """One question, or None when any of its fields is wrong: every such field is reported."""
    qid = raw.get("id")
    item = f"question {qid if isinstance(qid, str) else '?'}"
    before = len(reader.problems)
    reader.keys(item, raw, REQUIRED, OPTIONAL)
    if not isinstance(qid, str) or not NAME.fullmatch(qid):
        reader.problem(
            item,
            "id",
            "expected a name in lower case, letters, digits and underscores, such as"
            f" 'on_campus'; got {shown(qid)}.",
        )
    elif qid in taken:
        reader.problem(
            item, "id", "already a field of the situation or a fact; choose another name."
        )
    kind = reader.choice(item, raw, "type", TYPES)
    options: tuple[str, ...] = ()
    if kind == "choice":
        raw_choices = raw.get("choices")
        if (
            isinstance(raw_choices, list)
            and len(raw_choices) >= 2
            and all(isinstance(c, str) and NAME.fullmatch(c) for c in raw_choices)
        ):
            options = tuple(raw_choices)
        else:
            reader.problem(
                item,
                "choices",
                "expected a list of two or more names in lower case, such as"
                f" ['career_fair', 'office']; got {shown(raw_choices)}.",
            )
    # The default is checked against a type and choices that are known: otherwise its valid
    # values are too, and a message would list none.
    valid: tuple[FactValue, ...] = (True, False) if kind == "yes-no" else options
    default = raw.get("default")
    if valid and (default not in valid or type(default) is not type(valid[0])):
        shown_valid = "true or false" if kind == "yes-no" else f"one of {choices(options)}"
        reader.problem(item, "default", f"expected {shown_valid}; got {shown(default)}.")
    label, help_text = reader.text(item, raw, "label"), reader.text(item, raw, "help")
    if len(reader.problems) > before or not isinstance(qid, str) or default is None:
        return None
    return Question(qid, label, help_text, kind, options, default)


@dataclass(frozen=True)
class Asked:
    """A center's questions as read, and the ids of those that could not be: a rule that names
    one is not told the fact is unknown, since the question's own problem says what is wrong."""

    questions: tuple[Question, ...] = ()
    unread: frozenset[str] = frozenset()


def read_questions(reader: Reader, data: Mapping[str, Any]) -> Asked:
    taken = {*FIELD_BY_NAME, *(f.name for f in FACTS)}
    out, unread = [], set()
    for raw in reader.table_list(data, "question", ("question",)):
        question = _one(reader, raw, taken)
        if question is not None:
            taken.add(question.id)
            out.append(question)
        elif isinstance(raw.get("id"), str) and raw["id"] not in taken:
            unread.add(raw["id"])
    return Asked(tuple(out), frozenset(unread))


def facts(asked: Asked) -> dict[str, Fact]:
    """Our facts and a center's questions, as a rule's ``when`` may name them; a question that
    could not be read is a fact without values, which a ``when`` may name without a problem."""
    unread = {name: Fact(name, "", (), lambda s: False) for name in asked.unread}
    return {**{f.name: f for f in FACTS}, **unread, **{q.id: q.fact() for q in asked.questions}}
