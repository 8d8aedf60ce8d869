"""Clauses: whether a reader's words surely read as a clause ("the team ships weekly") rather
than a noun phrase ("the team's focus on testing"), told without a dictionary.

A note must never print a noun phrase where a clause belongs ("because your focus on testing")
nor the other way round, so this answers yes only on a strong sign of a verb: an auxiliary as
typed in lower case, or a form in -s or -ed right after the subject's noun. A plural noun can
still pass for a verb ("the data tools team"); an answer it says no to is left out of the
note, with a suggestion (phrases.py).
"""

from __future__ import annotations

import re
from typing import Final

# "This is the team…": a demonstrative may be the subject itself.
DEMONSTRATIVES: Final = frozenset({"this", "that", "these", "those"})
# A verb wherever it stands ("the team at Northwind is small"), but after "to", where "have"
# and "be" are no sign ("the chance to have an impact"), and with a capital ("May", "Will").
AUXILIARY: Final = frozenset(
    {
        "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
        "should", "may", "might", "must", "does", "did", "isn't", "aren't", "wasn't", "hasn't",
        "doesn't", "won't", "can't",
    }
)  # fmt: skip
# A phrase of the noun's own, after which a verb in -s or -ed may belong to the phrase ("the
# work on payments systems"); only an auxiliary still shows the clause.
JOINING: Final = frozenset(
    {
        "of", "on", "to", "for", "in", "with", "at", "about", "around", "across", "behind",
        "between", "from", "into", "and", "or",
    }
)  # fmt: skip
# A clause of the noun's own ("the people I met were kind", "the products you build"): its
# verbs, auxiliaries too, may be that clause's, so nothing after it is sure.
RELATIVE: Final = frozenset(
    {
        "that", "which", "who", "whom", "whose", "where", "what", "how", "why", "when", "you",
        "i", "we", "they",
    }
)  # fmt: skip
CONTRACTED: Final = re.compile(r"['\u2019].*$")  # "I'd" is "I" for RELATIVE
VERB_FORM: Final = re.compile(r"[a-z]+(?:[^sui'\u2019]s|ed)")
POSSESSIVE: Final = re.compile(r"['\u2019]s$")  # "the team's focused plan": an adjective after it


def a_clause(words: list[str], end: int) -> bool:
    """Whether ``words`` surely read as a clause, judged by the three words from ``end``, where
    the subject's first noun ends (after "the team", or the company's name)."""
    first = 1 if words and words[0].lower() in DEMONSTRATIVES else end
    joined = False
    for i in range(first, min(len(words), end + 3)):
        word = words[i].lower()
        if word in AUXILIARY and words[i].islower() and words[i - 1].lower() != "to":
            return True
        if i < end:
            continue
        if CONTRACTED.sub("", word) in RELATIVE:
            return False
        if word in JOINING:
            joined = True
            continue
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        verb = not joined and words[i].islower() and VERB_FORM.fullmatch(word)
        # "the data teams in Berlin": a plural, which a verb's object or adverb would not follow.
        near = after and after not in JOINING and after not in RELATIVE
        if verb and near and not POSSESSIVE.search(words[i - 1]):
            return True
    return False
