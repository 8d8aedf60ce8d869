"""Why the reader wants the job, made fit to follow "because" in a note: a clause with its
subject ("I want…", "the team ships…"), "of…", or "to…" made into "I want to…"; never a bare
verb or a noun ("because Love the mission", "because my dream job"), nor more than one
sentence.
"""

from __future__ import annotations

import re

from .clauses import a_clause
from .phrases import SHORTHAND, TOPIC_SENTENCE, TRAILING, Phrase, as_written, first_lower, typed

OF = re.compile(r"^[Oo]f\b")
DETERMINER = re.compile(
    rf"^({as_written('the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'your', 'my', 'our')})\b"
)
# A reason typed without its "I" ("love the peds focus", "would love to teach here"): a verb of
# wanting or liking at the start, then a word in lower case, not a noun or a preposition ("love
# of teaching", "like-minded people", "Hope Street Clinic", "Like many teachers, I…"); "hope"
# only before "to" or "that". Not "have" nor "care": "Have a strong preceptor program" means
# theirs, "Care coordination is…" is a noun.
FEELING = re.compile(
    rf"^(({as_written('really', 'truly', 'genuinely', 'would', 'have always')}) )?"
    rf"(({as_written('want', 'love', 'like', 'enjoy', 'admire', 'believe', 'feel', 'think')})"
    rf"|{as_written('hope')}(?= (?:to|that)\b))"
    r" (?!of\b|many\b|most\b|some\b|all\b|every\b)[a-z]"
)
# "Our values align", "My skills match the job": a plural after "my" or "our", then one of the
# verbs such a reason uses, which has no -s to show it ("my analytics background" is a noun).
MINE = re.compile(
    rf"^(?:{as_written('my', 'our')}) [a-z]+[^s'\u2019]s (?:align|match|fit|lie|live|include"
    r"|overlap|suit|mirror|reflect|line up|come|grow|work|point)\b"
)
NO_REASON = "it cannot follow “because” in a sentence"
NOT_SURE = "we cannot be sure it reads right after “because”"
TWO_SENTENCES = "it is more than one sentence, and only one can follow “because”"
# Where one sentence ends and the next begins ("I like the pace. The team is kind"), unless the
# full stop ends a title, an initial or an abbreviation ("Dr. Ruiz's lab", "J. Smith", "U.S.
# Army", "e.g. The Times"); after a lone letter, a word that opens sentences still begins one
# ("plan A. The pay is good").
NEXT_SENTENCE = re.compile(r"(\w+)[.!?]\s+([A-Z]\w*)")
OPENS = frozenset({"The", "I", "It", "We", "They", "This", "That", "My", "Our", "And", "But", "So"})
ABBREVIATED = frozenset(
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "mt", "inc", "co", "corp", "ltd", "jr", "sr", "vs",
        "gov", "sen", "gen", "lt", "col", "dept",
    }
)  # fmt: skip


def _ends_sentence(found: re.Match[str], text: str) -> bool:
    """Whether the stop NEXT_SENTENCE found ends a sentence: not one of an abbreviation ("Dr.",
    "e.g.", "U.S."), nor an initial before a name ("J. Smith")."""
    word = found[1]
    if len(word) > 1:
        return word.lower() not in ABBREVIATED
    return text[found.start(1) - 1 : found.start(1)] != "." and found[2] in OPENS


def reason(raw: str, names: tuple[str, ...] = ()) -> Phrase:
    """Why they want the job, to follow "because": "I want to build tools for analysts", a
    clause about one of ``names`` (the company's): "Ledgerly builds the tools I use", or what
    the reader started with "of"."""
    text = typed(raw).rstrip(TRAILING)
    if SHORTHAND.search(text):
        return Phrase(text, False, "it reads like a note to yourself")
    if any(_ends_sentence(found, text) for found in NEXT_SENTENCE.finditer(text)):
        return Phrase(text, False, TWO_SENTENCES)
    text = re.sub(r"^because\s+", "", text, flags=re.I)
    text = re.sub(r"^[Tt]o\s+", "I want to ", text)
    name = next((n for n in names if n and re.match(rf"{re.escape(n)}(?!\w)", text)), None)
    if FEELING.match(text) and not name:  # "Hope Street Clinic trains…" names the company
        text = "I " + text[:1].lower() + text[1:]
    if TOPIC_SENTENCE.match(text) or OF.match(text):
        return Phrase(first_lower(text), True)
    if MINE.match(text):
        return Phrase(first_lower(text), True)
    words = text.split()
    # Where the subject's first noun ends: after the determiner's noun, or the company's name.
    end = len(name.split()) if name else 2
    if (DETERMINER.match(text) or name) and len(words) >= 4:
        if a_clause(words, end):
            return Phrase(first_lower(text), True)
        # "your focus on testing", "the people I met were kind": a noun phrase, or a clause we
        # cannot tell from one; a guess would put "of" before a clause, or none before a noun.
        return Phrase(text, False, NOT_SURE)
    return Phrase(text, False, NO_REASON)
