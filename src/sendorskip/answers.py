"""The reader's answers, sorted for the notes: what a note can use, and for everything it
cannot, a suggestion saying why and what to write instead, shown under the draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import detectors, phrases
from .checks import SEVERITIES, Check
from .people import Person
from .situation import Situation

# The detectors that can judge a piece of the reader's text on its own, without the rest of the
# note, its recipient or the situation.
ALONE = ("pattern", "repeated-mark")


@dataclass(frozen=True)
class Reader:
    """What the reader told us, sorted into what a note can use and what it can only suggest."""

    topics: list[str]
    add: str | None
    suggestions: list[str]


class Screen:
    """The draft checks the reader's words pass before a note says them as written, so that no
    draft of ours carries what our own check flags. One per answer: hashed by identity, it lets
    the notes of that answer share what they work out (drafts._prepared)."""

    def __init__(self, checks: Sequence[Check]) -> None:
        self.checks = tuple(
            c for c in checks if c.detector in ALONE and not c.params.get("unless_specific")
        )

    def passes(self, raw: str, label: str, suggestions: list[str]) -> bool:
        """Whether no check flags what the reader typed; if one does, a suggestion says which
        and what to write instead (the most severe, when several do). Asked first: what the
        check says is a better reason to leave words out than how they are put."""
        text = " ".join(raw.split())
        found = detectors.run(self.checks, [detectors.Note(text)], None)
        if not found:
            return True
        check = min((f.check for f in found), key=lambda c: SEVERITIES.index(c.severity))
        suggestions.append(
            f"You wrote “{text}” as {label}. Our draft check flags it (“{check.message}”), so it"
            f" is not in the note. {check.instead}"
        )
        return False


def sentence(raw: str | None, label: str, suggestions: list[str], screen: Screen) -> str | None:
    """The reader's sentence, tidied, or None with a suggestion saying why it was left out."""
    if not raw:
        return None
    if not screen.passes(raw, label, suggestions):
        return None
    got = phrases.sentence(raw)
    if got.usable:
        return got.text
    suggestions.append(
        f"You wrote “{got.text}” as {label}: {got.why}, so it is not in the note."
        " Write it as a sentence, starting with “I”, or add it yourself."
    )
    return None


def to_them(text: str, person: Person, suggestions: list[str]) -> bool:
    """Whether a note to ``person`` can say ``text``: not if it speaks of them as "she" or "his",
    which in a note to them would have to be "you" or "your" (a suggestion says so)."""
    found = phrases.third_person(text)
    if found:
        suggestions.append(
            f"You wrote “{text}” about {person.name}, who will read this note, so “{found[0]}”"
            f" would have to be “{found[1]}”: it is not in the note. Write it that way, and it"
            " will be."
        )
    return found is None


def of_person(person: Person, screen: Screen) -> Reader:
    """One interviewer's answers: the topics a note to them names (three at most) and the one
    more thing it says."""
    topics: list[str] = []
    suggestions: list[str] = []
    for raw in person.topics:
        if not screen.passes(raw, f"what you discussed with {person.name}", suggestions):
            continue
        got = phrases.topic(raw)
        if not got.usable:
            suggestions.append(
                f"You wrote “{got.text}” about what you discussed with {person.name}: {got.why},"
                " so it is not in the note. Put it as a short topic, such as “the billing"
                " migration”, or write the sentence into the note yourself."
            )
        elif to_them(got.text, person, suggestions):
            topics.append(got.text)
            we = phrases.insider(got.text)
            if we:
                suggestions.append(
                    f"You wrote “{got.text}” about what you discussed with {person.name}: “{we[0]}”"
                    " may read as if you already worked there; if it is about their team, write"
                    f" “{we[1]}” instead. The note keeps it as you wrote it."
                )
    add = sentence(person.add, f"something to add for {person.name}", suggestions, screen)
    if add and not to_them(add, person, suggestions):
        add = None
    if len(topics) > 3:
        left = phrases.and_join(f"“{t}”" for t in topics[3:])
        suggestions.append(
            f"Three topics make a note for {person.name}; {left}"
            f" {'is' if len(topics) == 4 else 'are'} not in it. Swap one in for another if it"
            " matters more."
        )
    return Reader(topics[:3], add, suggestions)


def reason(situation: Situation, suggestions: list[str], screen: Screen) -> str | None:
    """Why they want the job, to follow "because", or None with a suggestion."""
    if not situation.why_this_job:
        return None
    if not screen.passes(situation.why_this_job, "why you want the job", suggestions):
        return None
    got = phrases.reason(situation.why_this_job, (situation.company or "",))
    if got.usable:
        return got.text
    suggestions.append(
        f"You wrote “{got.text}” as why you want the job: {got.why}, so it is not in the note."
        " Write it as a sentence starting with “I”, such as “I want to build tools for"
        " analysts”."
    )
    return None


def promised(situation: Situation, suggestions: list[str], screen: Screen) -> str | None:
    """What they said they would send, in a few words, or None with a suggestion."""
    if not situation.promised:
        return None
    if not screen.passes(situation.promised, "what you promised to send", suggestions):
        return None
    got = phrases.topic(situation.promised)
    if got.usable:
        return got.text
    suggestions.append(
        f"You wrote “{got.text}” as what you promised to send: {got.why}, so it is not in the"
        " note. Name it in a few words, such as “the link to my portfolio”."
    )
    return None
