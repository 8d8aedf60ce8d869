"""What the reader typed, made fit for a note: phrases and sentences told apart and tidied.

A note is built from the reader's own words, but not pasted in blindly: "nailed the system
design q" is a note to self, "She asked why I left" is a sentence that cannot follow "about",
and "The billing migration." is a phrase with a stray full stop. What cannot be used as it is
comes back as a suggestion for the reader, outside the note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


def and_join(items: Iterable[str], between: str = ", ", last: str = " and ") -> str:
    """Phrases joined as a sentence lists them: "a and b", "a, b and c", with a comma before the
    last "and" where a phrase has an "and" of its own ("costing and waste, and the tasting");
    or, where the phrases list things themselves, "a; b; and c" (``between="; "``,
    ``last="; and "``; two such are "a, and b")."""
    words = list(items)
    if (last == " and " and any(" and " in w for w in words)) or (
        len(words) == 2 and last == "; and "
    ):
        last = ", and "
    return between.join(words[:-1]) + last + words[-1] if len(words) > 1 else "".join(words)


# Shorthand people write to themselves, never to a hiring manager. Matched as whole words, and
# "&" and "+" join a word as letters do: "Q&A" and "C++" are names, not shorthand. A lone "&"
# is none either: between words in lower case it is written "and" (typed), between capitalised
# ones it is part of a name ("Johnson & Johnson").
SHORTHAND = re.compile(
    r"(?<![\w'\u2019&+])(q|qs|w/|w/o|b/c|bc|thx|tbh|imo|lol|omg|idk|prob|def|rly|nailed|killed it|"
    r"crushed it|bombed|blanked|flubbed|meh|ugh|\+|->|=>|etc\.?)(?![\w'\u2019&+])",
    re.I,
)


def as_written(*words: str) -> str:
    """A pattern for words as they are written, with or without a capital, never in capitals:
    "IT security" is a topic, not a sentence about "it"."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words)


# A sentence, not a phrase: starts with its subject ("I", "She", "My manager") or ends like one.
PRONOUN = as_written("i", "i['\u2019]m", "we", "she", "he", "they", "you", "it", "there")
# Not "i.e." nor "I-9 forms", which start no sentence about "I".
SUBJECT = re.compile(rf"^({PRONOUN}|{as_written('my', 'our')})\b(?![.-]\w)")
# What makes a topic a sentence: a subject pronoun only, since "my portfolio" is a thing.
TOPIC_SENTENCE = re.compile(rf"^({PRONOUN})\b(?![.-]\w)")
# A lone "i" typed in lower case between spaces ("why i left"); never one in a path, an
# address, code or brackets ("i/o", "x[i]", "(i)").
I_ALONE = re.compile(r"(?:(?<=\s)|^)i(?=['\u2019](?:m|ve|d|ll)\b|\s|$|[,;:!?](?:\s|$))")
# A lone "&" between words, written "and" unless it joins two capitalised ones, as in a name
# ("R & D", "Johnson & Johnson"): those stay as typed.
AMPERSAND = re.compile(r"(\S+) & (?=(\S+))")
# What a reader writes of an interviewer in the third person ("how she moved into industry"),
# and what a note to that interviewer says instead.
SECOND_PERSON = {
    "she": "you",
    "he": "you",
    "him": "you",
    "her": "you\u201d or \u201cyour",  # "told her" or "her team"
    "his": "your",
    "hers": "yours",
    "herself": "yourself",
    "himself": "yourself",
}
# "We" in a topic is the reader speaking as one of the team they have not joined yet ("our move to
# remote work"), or as one with the interviewer: a note to them reads the first.
INSIDER = {"our": "your", "ours": "yours", "we": "you"}
# "Their" opening a topic ("their new charting system", "how they plan shifts") may be the team
# of the person the note is to, or that person; further in, it is most often someone else's
# ("how patients get their meds").
OUTSIDER = {"their": "your", "theirs": "yours", "they": "you", "them": "you"}
OUTSIDER_OPENING = re.compile(
    rf"^(?:(?:how|what|why|where|when|the way) )?({'|'.join(OUTSIDER)})\b", re.I
)
TRAILING = ".,;:!? \t"
# A clause that comes before the sentence's subject ("When she asked about quotas, I said…"):
# alone, it is no sentence ("when she asked me why I left"), so the main clause's subject is
# looked for after a comma.
SUBORDINATE = re.compile(
    rf"^({as_written('when', 'after', 'since', 'although', 'though', 'while', 'if', 'before', 'once', 'as')})\b"
)
SENTENCE_END = re.compile(r"[.!?]['\u2019\"\u201d)]*$")  # straight or curly closing quotes
MAIN_SUBJECT = re.compile(rf",\s*({PRONOUN})\b")  # after a clause that comes before it


@dataclass(frozen=True)
class Phrase:
    """A piece of the reader's text: usable in a note (``text``) or only as a suggestion."""

    text: str
    usable: bool
    why: str = ""  # when not usable: what to do instead, in plain words


# Words that open what a reader types without being a name, lower-cased after "about" or
# "because": "The migration", "A link", "Moving the reports". Any other capital may be a name
# ("Postgres", "Kubernetes", the company's own) and is kept as typed; so are "I" and acronyms.
ORDINARY_FIRST = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "how",
        "what",
        "why",
        "when",
        "where",
        "which",
        "whether",
    ]
)


def first_lower(text: str) -> str:
    first = text.split(" ", 1)[0]
    rest = first[1:]
    capitalised = first[:1].isupper() and first.isalpha() and rest == rest.lower()
    gerund = len(first) > 4 and first.endswith("ing")
    if capitalised and (first.lower() in ORDINARY_FIRST or gerund):
        return text[:1].lower() + text[1:]
    return text


def typed(raw: str) -> str:
    """What a reader typed, on one line, with a lone "i" as "I" and a lone "&" as "and" (one
    inside a name stays: "AT&T", "Q&A")."""
    return AMPERSAND.sub(_and, I_ALONE.sub("I", " ".join(raw.split())))


def _and(found: re.Match[str]) -> str:
    name = found[1][:1].isupper() and found[2][:1].isupper()
    return f"{found[1]} {'&' if name else 'and'} "


# What a reader may type before a topic that the note says itself ("Discussed the roadmap",
# "talked about pricing", "about the dashboards"): cut, so the note reads "discussing the
# roadmap". A capital "About" is cut too, but not where it names a page ("About page redesign",
# "About Us").
TALKED = re.compile(
    r"^(?:(?i:(?:we\s+)?(?:discussed|talked\s+(?:about|through)|spoke\s+about|chatted\s+about"
    r"|went\s+(?:over|through)))\s+|(?:about|[Rr]egarding)\s+"
    r"|About\s+(?![Pp]age\b|[Uu]s\b|[Mm]e\b))(?=\S)"
)


def topic(raw: str) -> Phrase:
    """A topic to follow "about": a noun phrase such as "the billing migration"."""
    text = TALKED.sub("", typed(raw).rstrip(TRAILING), count=1)
    if SHORTHAND.search(text):
        return Phrase(text, False, "it reads like a note to yourself")
    if TOPIC_SENTENCE.match(text):
        return Phrase(text, False, "it is a sentence, not a short topic")
    if len(text.split()) > 12:
        return Phrase(text, False, "it is too long for a short topic")
    return Phrase(first_lower(text), True)


def _first(table: dict[str, str], text: str) -> tuple[str, str] | None:
    """The first word of ``table`` in ``text``, as typed, and what a note says instead."""
    found = re.search(rf"\b({'|'.join(table)})\b", text, re.I)
    return (found[0], table[found[0].lower()]) if found else None


def third_person(text: str) -> tuple[str, str] | None:
    """The first "she", "his" or the like in what a reader typed about one person, as typed,
    and what a note to them says instead."""
    return _first(SECOND_PERSON, text)


def insider(text: str) -> tuple[str, str] | None:
    """The first "our" or "we" in a topic, as typed, and what a note to the team says instead."""
    return _first(INSIDER, text)


def outsider(text: str) -> tuple[str, str] | None:
    """A "their" or "they" opening a topic, as typed, and what a note to them says instead."""
    found = OUTSIDER_OPENING.match(text)
    return (found[1], OUTSIDER[found[1].lower()]) if found else None


# How a candidate grades their own interview ("my answer … landed well", "she said my answer
# was…", "it went really well"): theirs to judge, not the note's to say. Only of the candidate,
# their answers or the interview: "the launch went well" and "I loved my tour" grade nothing.
GRADING = re.compile(
    r"\bmy (?:answers?|presentation|demo|pitch|case study|portfolio)\b[^.!?\n]{0,80}?"
    r"\b(?:landed|went (?:really |very |so )?(?:well|great|over well)|impressed)\b"
    r"|\b(?:the interview|it|i|we) (?:went|did) (?:really |very |so |quite )?(?:well|great)\b"
    r"|\bsaid my answers?\b[^.!?\n]{0,80}?\b(?:was|were)\b|\blanded well\b"
    r"|\bimpressed (?:them|her|him|the panel)\b|\bimpressed (?:by|with) my\b"
    r"|\bmade a (?:great|good|strong) impression\b",
    re.I,
)


def grading(text: str) -> str | None:
    """The words in ``text`` that grade the interview, as typed, if any."""
    found = GRADING.search(text)
    return found[0] if found else None


# "Loved the tour.", "Hope to hear soon.": a verb the reader meant with "I", followed by what it
# takes (a past form by a name too: "Appreciated Jo's feedback"); not a name or a noun ("Hope
# and I…", "Thought leadership is…", "Love of teaching…").
NO_I = re.compile(
    rf"^(?:(?:{as_written('really', 'also')}) )?(?:"
    rf"(?:{as_written('loved', 'enjoyed', 'liked', 'appreciated', 'learned', 'forgot')})"
    r" (?!of\b|and\b|or\b)[A-Za-z]"
    rf"|(?:{as_written('love', 'enjoy', 'appreciate')}) (?!of\b|and\b|or\b)[a-z]"
    rf"|(?:{as_written('found', 'felt', 'thought')}) (?:the|it|that|your|our|a|an|how|this)\b"
    rf"|{as_written('hope')} (?:to|that|you|we)\b"
    rf"|(?:{as_written('want', 'wanted', 'meant')}) (?:to|that)\b)"
)


def sentence(raw: str) -> Phrase:
    """A whole sentence of the reader's own, such as one more thing to tell someone."""
    text = typed(raw)
    if SHORTHAND.search(text):
        return Phrase(text, False, "it reads like a note to yourself")
    if NO_I.match(text):  # "Loved the tour.": the reader's "I", left out as in a note to self
        text = "I " + text[:1].lower() + text[1:]
    # A sentence starts with its subject ("I led…", "My team ships weekly"), or with a clause
    # before it ("When she asked about quotas, I said…"), or at least reads as one: several
    # words and a full stop ("The whiteboard problem was the best part."). "My thesis on
    # bandit algorithms" passes for one: a verb after "my" is too often irregular to require.
    long = len(text.split()) >= 5
    if not (
        SUBJECT.match(text)
        or (long and SENTENCE_END.search(text))
        or (long and SUBORDINATE.match(text) and MAIN_SUBJECT.search(text))
    ):
        return Phrase(text, False, "it is not a full sentence")
    text = text[:1].upper() + text[1:]
    if not SENTENCE_END.search(text):
        text = text.rstrip(",;: ") + "."
    return Phrase(text, True)


# A full stop after one the reader typed ("Acme Inc.", "Lee Jr."), at a sentence's end; not an
# ellipsis nor two inside a word ("main..feature", "1..10").
DOUBLE_STOP = re.compile(r"(?<=\w)\.\.(?=\s|$)")
# "Data Analyst role", "Teaching position": the job's title for a subject line ("Teaching
# interview") and for a template that says "role" itself.
KIND_OF_POST = re.compile(r"\s+(?:[Rr]ole|[Pp]osition|[Jj]ob)$")


def the_role(job_title: str | None) -> str:
    """How a note names the job: "the Data Analyst role", or, where the title names its kind
    of post, as typed, since our own check looks for it: "the Teaching position"."""
    if not job_title:
        return "the role"
    title = re.sub(r"\s+[Rr]ole$", "", job_title)
    return f"the {title}" if KIND_OF_POST.search(title) else f"the {title} role"


def one_stop(text: str) -> str:
    """``text`` with one full stop where the reader's own ended a sentence of ours."""
    return DOUBLE_STOP.sub(".", text)


def when_we_spoke(hours_since: float | None, send_within: float | None) -> str:
    """A time word that stays true until the note goes out, at most ``send_within`` hours from
    now: "today", "yesterday", or none. True for any interview that ended between 08:00 and
    20:00: "today" while fewer than 4 hours pass in all (20:00 + 4 is midnight), "yesterday"
    from 16 hours on (08:00 + 16) while fewer than 28 pass (20:00 + 28 is the next midnight).
    None when the reader did not say, or when no deadline bounds when the note goes out."""
    if hours_since is None or send_within is None:
        return ""
    latest = hours_since + send_within
    if latest < 4:
        return "today"
    if hours_since >= 16 and latest < 28:
        return "yesterday"
    return ""
