"""How a note names a person: the greeting it writes, their family name, and whether a text
the reader typed names them.

A name is taken as the reader typed it: its title, particles and suffix are kept where they
stand, never guessed at (:mod:`greetings` reads greetings in the reader's own notes).
"""

from __future__ import annotations

import re

from .greetings import HONORIFICS, JOINING, SUFFIXES

# A title, as typed with or without its full stop.
TITLES = frozenset(t + stop for t in HONORIFICS for stop in ("", "."))
# Titles said with the given name: "Sir David", "Dame Judi".
GIVEN_NAME_TITLES = frozenset({"sir", "dame"})
INITIAL = re.compile(r"[^\W\d_]\.?")


def salutation_name(name: str, formal: bool = False) -> str:
    """How to greet them: with the title they were given, title and surname ("Dr. Cole", never
    "Dr. Janet Cole"); without one, the first name, as after a first-name conversation, or,
    where a note is formal, the name as given: we cannot know which title they use."""
    words = name.split()
    if name.startswith("["):  # a placeholder stays whole: "[interviewer's name]"
        return name
    if len(words) > 1 and words[0].lower() in TITLES:
        return f"{words[0]} {' '.join(family(words[1:]))}"
    if len(words) > 1 and words[0].lower() in GIVEN_NAME_TITLES:
        return f"{words[0]} {words[1]}"
    # A degree after a comma ("Ana Ruiz, MD") is no part of a greeting, and an initial
    # ("J. Robert Oppenheimer") no first name to greet by.
    before, _, after = name.partition(",")
    suffix = f", {after.strip()}" if after.strip().lower().rstrip(".") in SUFFIXES else ""
    given = " ".join(before.split()) + suffix if before.strip() else " ".join(words)
    if formal or (words and INITIAL.fullmatch(words[0])):
        return given
    return words[0] if words else name


def family(words: list[str]) -> list[str]:
    """The family name among a name's words: from a particle written in lower case on ("van
    Dijk", "dos Santos"), or the last word, with a suffix kept ("Lee Jr."); never what follows a
    comma ("Ruiz, MD"). A capital may start a given name ("Minh Van Nguyen") as well as a
    family name ("Ana Dos Santos"): only the last word is sure. Nor does "do" start one ("Maria
    do Carmo Silva")."""
    words = " ".join(words).split(",")[0].split() or words  # nothing before the comma: as typed
    start = next(
        (i for i, w in enumerate(words) if i and w in JOINING and w not in ("and", "or", "do")),
        None,
    )
    if start is None:
        start = len(words) - 1
        if start and words[-1].lower().rstrip(".") in SUFFIXES:
            start -= 1
    return words[start:]


# Given names that are also months: "start in June" names no one.
MONTHS = frozenset({"april", "may", "june", "july", "august"})


def names_person(text: str, name: str) -> bool:
    """Whether ``text`` names the person: by their name as given, their given name, or title and
    family name, as a whole word with its capital ("Mark", not "mark it" nor "Marko")."""
    forms = {name, salutation_name(name), salutation_name(name, formal=True)}
    forms = {f for f in forms if f and f.lower() not in MONTHS}
    if not forms:
        return False
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.search(rf"(?<![\w'\u2019-])(?:{alternatives})(?![\w-])", text) is not None
