"""The checker's form, derived from the situation's ``FIELDS``: each field's control, choices,
limits and question.

Two decisions are made here: which fields the first screen asks, and how the others are
grouped under "More about your situation", so that a reader scans a few headed sections
rather than twenty questions in a row. A field in neither fails the tests
(tests/site/test_form.py). The words are the loaded knowledge's (:mod:`sendorskip.labels`,
with a center's ``labels.toml``), the limits ``CAPS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..capped import CAPS, MULTILINE
from ..countries import by_name
from ..labels import Words
from ..people import INTERVIEWER_KEYS, RECRUITER_KEYS
from ..questions import Question
from ..situation import FIELD_BY_NAME

# Rows of fields: the first screen asks what every answer needs; the rest waits under "More".
MAIN: tuple[tuple[str, ...], ...] = (
    ("went",),
    # Asked up front: left unanswered, the advice assumes the interview was today.
    ("hours_since",),
    ("interest",),
    ("interviewers",),
    ("why_this_job",),
    ("job_title", "company", "candidate_name"),
)
# The sections under "More": each a legend (``form_words.FORM["more.<key>"]``) and its fields, what
# a reader knows about timing first, since it decides when and how to send.
MORE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("timing", ("decision", "response_expected_in_days", "outcome")),
    ("sending", ("preferred_medium", "writing_confidence", "handwriting")),
    ("interview", ("stage", "format", "country", "informational", "interviewer_engaged")),
    ("saying", ("highlights", "forgot_to_mention", "promised", "clarify")),
    ("people", ("recruiter", "referrer", "references")),
)
# Short controls that follow one another share a row under "More".
SHORT = ("select", "number")
AUTOCOMPLETE = {"company": "organization", "candidate_name": "name"}
_PERSON_CAPS = {"name": "name", "role": "role", "add": "add"}
# A list typed on one line, separated by commas: list field -> the cap on one of its items.
LISTS = {"topics": "topic", "references": "name"}


def _list(name: str, label: str, placeholder: str) -> Control:
    most = CAPS[name] * (CAPS[LISTS[name]] + 2)  # every item at its cap, with ", " between
    return Control(name, "list", label, limit=most, placeholder=placeholder)


@dataclass(frozen=True)
class Control:
    name: str  # the field, or a person's key
    kind: str  # radio | select | number | checkbox | text | list | textarea | people | person
    label: str
    choices: tuple[tuple[str, str], ...] = ()
    default: str = ""  # the choice made at first; a checkbox's value when left unticked
    limit: int = 0  # most characters, or a number's largest value; 0: none (the engine checks)
    placeholder: str = ""
    autocomplete: str = "off"
    parts: tuple[Control, ...] = ()  # a person's controls


def _person_part(words: Words, prefix: str, key: str) -> Control:
    label = words.questions.get(f"{prefix}.{key}") or words.questions[key]
    if key in ("email_known", "lead"):
        return Control(key, "checkbox", label, default="false")
    if key in LISTS:
        return _list(key, label, words.form.get(f"{prefix}.{key}", ""))
    cap = CAPS[_PERSON_CAPS[key]] if key in _PERSON_CAPS else 0
    return Control(key, "text", label, limit=cap, placeholder=words.form.get(f"{prefix}.{key}", ""))


def control(words: Words, name: str, *, main: bool) -> Control:
    """The control for one field of the situation."""
    spec = FIELD_BY_NAME[name]
    if spec.kind in ("interviewers", "recruiter"):
        keys = INTERVIEWER_KEYS if spec.kind == "interviewers" else RECRUITER_KEYS
        parts = tuple(_person_part(words, name, key) for key in keys)
        if spec.kind == "interviewers":
            return Control(name, "people", words.questions[name], parts=parts)
        return Control(name, "person", "", parts=parts)  # asked through its parts
    label = words.questions[name]
    if spec.kind == "enum":
        choices = tuple(words.values[name].items())
        return Control(name, "radio" if main else "select", label, choices, spec.default or "")
    if spec.kind in ("number", "days"):
        return Control(name, "number", label, limit=CAPS[name])
    if spec.kind == "country":
        # A list of names, not a box for a code: "Denmark" typed into two letters became "De".
        return Control(name, "select", label, (("", words.form["country"]), *by_name()))
    if spec.kind == "names":
        return _list(name, label, words.form.get(name, ""))
    if spec.kind == "bool":
        # A checkbox says the unusual case: ticking it gives the opposite of the default.
        return Control(name, "checkbox", label, default="true" if spec.default else "false")
    return Control(
        name,
        "textarea" if name in MULTILINE else "text",
        label,
        limit=CAPS[name],
        placeholder=words.form.get(name, ""),
        autocomplete=AUTOCOMPLETE.get(name, "off"),
    )


def main_rows(words: Words) -> list[list[Control]]:
    return [[control(words, name, main=True) for name in row] for row in MAIN]


def question(q: Question) -> Control:
    """A career center's own question: a checkbox for yes or no, else a list of its choices
    (named as the center wrote them, underscores read as spaces)."""
    if q.type == "yes-no":
        return Control(q.id, "checkbox", q.label, default="true" if q.default else "false")
    choices = tuple((c, c.replace("_", " ").capitalize()) for c in q.choices)
    return Control(q.id, "select", q.label, choices, str(q.default))


@dataclass(frozen=True)
class Section:
    legend: str
    rows: tuple[tuple[Control, ...], ...]


def _rows(controls: Sequence[Control]) -> tuple[tuple[Control, ...], ...]:
    out: list[list[Control]] = []
    for c in controls:
        if c.kind in SHORT and out and out[-1][-1].kind in SHORT:
            out[-1].append(c)
        else:
            out.append([c])
    return tuple(tuple(row) for row in out)


def more_sections(words: Words, questions: Sequence[Question] = ()) -> list[Section]:
    """Every field the first screen does not ask, in ``MORE``'s sections, then a center's own
    questions in one more."""
    out = [
        Section(words.form[f"more.{key}"], _rows([control(words, n, main=False) for n in names]))
        for key, names in MORE
    ]
    if questions:
        out.append(Section(words.form["more.center"], _rows([question(q) for q in questions])))
    return out


def check_controls(words: Words) -> list[Control]:
    """The draft check's two fields: whom the note is to, and the note."""
    return [
        Control("to", "text", words.questions["notes.to"], limit=CAPS["name"]),
        Control("text", "textarea", words.questions["notes.text"], limit=CAPS["note"]),
    ]
