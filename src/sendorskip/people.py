"""The people in a situation (interviewers, the recruiter, a referrer, references) and their parsing."""

from __future__ import annotations

from dataclasses import dataclass

from .capped import boolean, text, unknown_keys, within_cap
from .errors import Problems, choices, shown

INTERVIEWER_KEYS = ("name", "role", "email_known", "lead", "topics", "add")
RECRUITER_KEYS = ("name", "email_known")  # the recruiter and a referrer


@dataclass(frozen=True)
class Person:
    name: str
    email_known: bool = False
    role: str | None = None
    lead: bool = False
    topics: tuple[str, ...] = ()
    add: str | None = None  # one more thing to tell this person


def person(c: Problems, path: str, value: object, allowed: tuple[str, ...]) -> Person | None:
    if not isinstance(value, dict):
        c.add(path, f"expected an object with fields {choices(allowed)}; got {shown(value)}.")
        return None
    unknown_keys(c, path, value, allowed)
    # A field this person may not have is reported once, as unknown, and not read.
    value = {key: v for key, v in value.items() if key in allowed}
    if "name" not in value:
        c.add(f"{path}.name", "required; expected some text.")
    name = (
        text(c, f"{path}.name", value["name"], "name", required=True) if "name" in value else None
    )
    email_known = boolean(c, f"{path}.email_known", value.get("email_known", False))
    role = text(c, f"{path}.role", value["role"], "role") if "role" in value else None
    lead = boolean(c, f"{path}.lead", value.get("lead", False))
    topics: list[str] = []
    raw_topics = value.get("topics", [])
    if not isinstance(raw_topics, list):
        c.add(f"{path}.topics", f"expected a list of strings; got {shown(raw_topics)}.")
    elif within_cap(c, f"{path}.topics", raw_topics, "topics"):
        for i, topic in enumerate(raw_topics):
            said = text(c, f"{path}.topics[{i}]", topic, "topic", required=True)
            if said:
                topics.append(said)
    add = text(c, f"{path}.add", value["add"], "add") if "add" in value else None
    if name is None:
        return None
    return Person(
        name=name, email_known=email_known, role=role, lead=lead, topics=tuple(topics), add=add
    )


def people(c: Problems, field: str, value: object, one: str) -> tuple[Person, ...]:
    """The list under ``field`` (its cap has the same name): interviewers as objects, references
    as names. ``one`` is what one of them is called in a message."""
    as_names = field != "interviewers"
    if not isinstance(value, list):
        c.add(field, f"expected a list of {'names' if as_names else field}; got {shown(value)}.")
        return ()
    if not within_cap(c, field, value, field):
        return ()
    found: list[Person] = []
    first: dict[str, int] = {}  # each name, compared without case, to where it was first given
    for i, raw in enumerate(value):
        path = f"{field}[{i}]" if as_names else f"{field}[{i}].name"
        if as_names:
            name = text(c, path, raw, "name", required=True)
            # You gave them as references, so you can reach them: the note goes by email.
            one_person = Person(name, email_known=True) if name else None
        else:
            one_person = person(c, f"{field}[{i}]", raw, INTERVIEWER_KEYS)
        if one_person is None:
            continue
        seen = first.setdefault(one_person.name.casefold(), i)
        if seen != i:
            # One person twice gets two notes, which our own check then flags as the same note.
            c.add(
                path,
                f"expected each {one} once; got {shown(one_person.name)} again (the"
                f" {ordinal(seen + 1)} {one} has that name): if they are two people, add a"
                " family name or an initial to tell them apart.",
            )
        found.append(one_person)
    return tuple(found)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st: a count a reader does not take for the path's index."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
