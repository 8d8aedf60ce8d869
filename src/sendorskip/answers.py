"""The reader's answers, sorted for the notes: what a note can use, and for everything it
cannot, a suggestion saying why and what to write instead, shown under the draft; for what it
uses but may read wrongly, a caveat under each note that says it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import detectors, naming, phrases, reasons
from .checks import SEVERITIES, Check
from .people import Person
from .situation import Situation


@dataclass
class Said:
    """What to say under a draft about the reader's answers: each suggestion, and each caveat
    only under a draft that says the words it is about (a fourth topic or a withdrawal's note
    may not)."""

    suggestions: list[str] = field(default_factory=list)
    caveats: list[tuple[str, str]] = field(default_factory=list)  # (words, what to say)

    def caveat(self, text: str, label: str, advice: str) -> None:
        """A caveat on ``text``, the reader's words as a note says them, typed as ``label``."""
        self.caveats.append((text, f"You wrote “{text}” as {label}: {advice}"))


@dataclass(frozen=True)
class Reader:
    """What the reader told us, sorted into what a note can use and what it can only suggest."""

    topics: list[str]
    add: str | None
    said: Said
    # The topics the organizer's note may name after this person's name, as typed ("with Janet
    # about how she runs standups"): every usable one, third person too. Three at most.
    about: list[str] = field(default_factory=list)


class Screen:
    """Our own draft checks, run on the reader's words as a note says them: those of the
    `pattern` detector that judge a few words alone (not those that look for something specific
    in a whole note). A pattern may misread a typed answer ("a second chance" is no plea, "the
    <DataGrid> rewrite" no blank), so the words stay in the note, and a caveat under it names
    what the check sees. And the marks a check limits (exclamation marks), counted in the whole
    note. One per set of checks (``Knowledge.screen``): hashed by identity, it lets the notes
    of one situation share what they work out (drafts._prepared)."""

    def __init__(self, checks: Sequence[Check]) -> None:
        mine = [c for c in checks if c.detector == "pattern" and not c.params["unless_specific"]]
        self.patterns = tuple(sorted(mine, key=lambda c: SEVERITIES.index(c.severity)))
        self.marks = tuple(c for c in checks if c.detector == "repeated-mark")

    def kept(self, text: str, raw: str, label: str, said: Said) -> str:
        """``text``, as a note says what the reader typed (``raw``), with a caveat where a check
        flags it all the same: the most severe, at its first match."""
        note = (detectors.Note(text),)
        for check in self.patterns:
            span = next(detectors.DETECT["pattern"](check, note, 0, None), None)
            if span:
                said.caveats.append(
                    (
                        text,
                        f"You wrote “{' '.join(raw.split())}” as {label}, and the note says it,"
                        f" but our draft check flags “{text[span[0] : span[1]]}” in it"
                        f" (“{check.message}”). If it reads that way to you too, reword it.",
                    )
                )
                break
        return text

    def over_marks(self, body: str) -> list[str]:
        """What a note holds more of than a check allows (as its detector judges), each said
        once."""
        note = (detectors.Note(body),)
        return [
            f"This note has {body.count(c.params['mark'])} “{c.params['mark']}”, more than the"
            f" {c.params['max']} our draft check allows: keep the one that matters most."
            for c in self.marks
            if next(detectors.DETECT[c.detector](c, note, 0, None), None)
        ]


def sentence(raw: str | None, label: str, said: Said, screen: Screen) -> str | None:
    """The reader's sentence, tidied, or None with a suggestion saying why it was left out."""
    if not raw:
        return None
    got = phrases.sentence(raw)
    if got.usable:
        return screen.kept(got.text, raw, label, said)
    said.suggestions.append(
        f"You wrote “{got.text}” as {label}: {got.why}, so it is not in the note."
        " Write it as a sentence, starting with “I”, or add it yourself."
    )
    return None


def said_once(raw: str | None, label: str, said: Said, screen: Screen) -> str | None:
    """A sentence said once, in the lead's note: its "she" may be the lead, whom the note
    would call "you", or someone else on the panel, so it stays, with a caveat."""
    text = sentence(raw, label, said, screen)
    found = phrases.third_person(text) if text else None
    if text and found:
        said.caveat(
            text,
            label,
            f"if “{found[0]}” is the person this note is to, write “{found[1]}” instead.",
        )
    return text


def went_well(raw: str | None, said: Said, screen: Screen) -> str | None:
    """What went well, said once in the lead's note; if it grades the interview ("my answer
    landed well") rather than naming something from it, it stays, with a caveat."""
    label = "what went well"
    text = said_once(raw, label, said, screen)
    found = phrases.grading(text) if text else None
    if text and found:
        said.caveat(
            text,
            label,
            f"“{found}” tells them how you think the interview went, which they judge. Say what"
            " you took from the conversation instead, or leave it out.",
        )
    return text


def clarified(situation: Situation, lead: Person, said: Said, screen: Screen) -> str | None:
    """The answer to clarify, said once in the lead's note; if it names one other panelist
    ("When Mark asked…"), it stays, with a caveat: it may belong in the note to them, which
    only the reader can reword to say "you"."""
    label = "the answer you want to clarify"
    text = said_once(situation.clarify, label, said, screen)
    if not text or naming.names_person(text, lead.name):
        return text
    named = [
        p.name for p in situation.interviewers if p != lead and naming.names_person(text, p.name)
    ]
    if len(named) == 1:
        said.caveat(
            text,
            label,
            f"it names {named[0]}, and it is in the note to {lead.name}. If it answers their"
            " question, it fits better in your note to them, with “you” for them: move it there"
            " yourself.",
        )
    return text


def to_them(text: str, person: Person, said: Said) -> bool:
    """Whether a note to ``person`` can say ``text``: not if it speaks of them as "she" or "his",
    which in a note to them would have to be "you" or "your" (a suggestion says so)."""
    found = phrases.third_person(text)
    if found:
        said.suggestions.append(
            f"You wrote “{text}” about {person.name}, who will read this note, so “{found[0]}”"
            f" would have to be “{found[1]}”: it is not in the note. Write it that way, and it"
            " will be."
        )
    return found is None


def of_person(person: Person, screen: Screen) -> Reader:
    """One interviewer's answers: the topics a note to them names (three at most) and the one
    more thing it says."""
    topics: list[str] = []
    about: list[str] = []
    theirs: list[tuple[str, tuple[str, str]]] = []  # topics that open with "their" or "they"
    said = Said()
    label = f"what you discussed with {person.name}"
    for raw in person.topics:
        got = phrases.topic(raw)
        if not got.usable:
            said.suggestions.append(
                f"You wrote “{got.text}” about what you discussed with {person.name}: {got.why},"
                " so it is not in the note. Put it as a short topic, such as “the new"
                " scheduling system”, or write the sentence into the note yourself."
            )
            continue
        about.append(screen.kept(got.text, raw, label, said))  # a caveat, where it is said
        if to_them(got.text, person, said):
            topics.append(about[-1])
            we = phrases.insider(got.text)
            they = phrases.outsider(got.text)
            if we:
                said.caveat(
                    got.text,
                    label,
                    f"“{we[0]}” may read as if you already worked there; if it is about their"
                    f" team, write “{we[1]}” instead.",
                )
            elif they:
                theirs.append((got.text, they))
    add = sentence(person.add, f"something to add for {person.name}", said, screen)
    if add and not to_them(add, person, said):
        add = None
    # Said under this person's note only: in a recruiter's note, "their" is right.
    said.suggestions.extend(
        f"You wrote “{text}” as {label}: if “{they[0]}” means {person.name} or their team, write"
        f" “{they[1]}” instead."
        for text, they in theirs
        if text in topics[:3]
    )
    if len(topics) > 3:
        left = phrases.and_join(f"“{t}”" for t in topics[3:])
        said.suggestions.append(
            f"Three topics make a note for {person.name}; {left}"
            f" {'is' if len(topics) == 4 else 'are'} not in it. Swap one in for another if it"
            " matters more."
        )
    return Reader(topics[:3], add, said, about[:3])


def reason(situation: Situation, said: Said, screen: Screen) -> str | None:
    """Why they want the job, to follow "because", or None with a suggestion."""
    label = "why you want the job"
    if not situation.why_this_job:
        return None
    got = reasons.reason(situation.why_this_job, (situation.company or "",))
    if got.usable:
        return screen.kept(got.text, situation.why_this_job, label, said)
    said.suggestions.append(
        f"You wrote “{got.text}” as why you want the job: {got.why}, so it is not in the note."
        " Write it as a sentence starting with “I”, such as “I like how closely the team"
        " works together”, or, if it names what draws you, start it with “of”, such as “of"
        " the team's focus on training”."
    )
    return None


# "Send my portfolio link": the note says "I am sending" itself.
SENDING = re.compile(
    r"^(?:I(?:\s+will|['\u2019]ll)\s+|to\s+)?send(?:ing)?\s+(?:(?:you|them|him|her|over)\s+)?(?=\S)",
    re.I,
)
# "references by Friday": the note says it comes with it, now. In lower case, and a day not
# as part of a name ("my Sunday Times article", "the Monday.com mockups", "Friday's notes").
LATER = re.compile(
    r"\b(?:tomorrow|tonight|later|soon|next\s+(?:week|month)|end\s+of\s+(?:the\s+)?(?:day|week)"
    r"|this\s+(?:week|afternoon|evening)(?!['\u2019])"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!\s+[A-Z]|\.\w|['\u2019]))"
)
# "Send them over": no thing named.
NOTHING_NAMED = frozenset({"it", "them", "him", "her", "you", "over"})
# A thing named without its article ("link to my portfolio"), which "I am sending" needs: a
# first word in lower case that is neither plural nor a determiner or a number.
COUNTED = frozenset(
    {
        "one", "two", "three", "four", "five", "both", "all", "each", "several", "another", "more",
        "further", "either", "neither", "few", "many", "every", "no", "which", "whichever",
        "whatever", "other", "such",
    }
)  # fmt: skip


def promised(situation: Situation, said: Said, screen: Screen) -> str | None:
    """What they said they would send, in a few words, or None with a suggestion."""
    label = "what you promised to send"
    if not situation.promised:
        return None
    got = phrases.topic(SENDING.sub("", situation.promised.strip(), count=1))
    first = got.text.split(" ", 1)[0]
    if got.usable and LATER.search(got.text):
        got = phrases.Phrase(got.text, False, "it says when, and the note says it comes with it")
    elif got.usable and first.lower() in NOTHING_NAMED:
        got = phrases.Phrase(got.text, False, "it does not name what you are sending")
    if got.usable:
        bare = first.isalpha() and first.islower() and not first.endswith("s")
        if bare and first not in phrases.ORDINARY_FIRST and first not in COUNTED:
            got = phrases.Phrase("the " + got.text, True)
        return screen.kept(got.text, situation.promised, label, said)
    said.suggestions.append(
        f"You wrote “{got.text}” as what you promised to send: {got.why}, so it is not in the"
        " note. Name it in a few words, such as “the link to my portfolio”."
    )
    return None
