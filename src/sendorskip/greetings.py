"""Greetings: whom a note's salutation names, and whether that is the person it is to.

The draft checker's name checks (detectors.py) rest on these. A greeting is read from the note's
start only, with possessive patterns, so a hostile note costs one pass.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Final

from .words import (
    TOKEN,
    Span,
    at_word,
    comparable,
    fold,
    one_edit_apart,
    straight,
    unaccented,
)

# Titles a person is greeted by, before the family name ("Dear Superintendent Jensen"). Not
# "Dean" nor "Imam": given names too.
HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "chef", "rev", "reverend",
        "fr", "father", "sister", "pastor", "rabbi", "judge", "coach", "principal",
        "superintendent", "captain", "capt", "officer", "sergeant", "sgt", "attorney", "atty",
        "mme", "mlle", "herr", "frau", "señor", "señora", "senor", "senora",
    }
)  # fmt: skip
# Words of a greeting that addresses a role or a group, not a person ("Dear Hiring Manager",
# "Hello everyone", "Dear Sir or Madam"): such a greeting names nobody, which is name-missing's
# finding, not a wrong name.
NOBODY = frozenset(
    {
        "all", "both", "everyone", "everybody", "folks", "there", "team", "sir", "sirs", "madam",
        "hiring", "manager", "managers", "recruiter", "recruiters", "recruiting", "interviewer",
        "interviewers", "panel", "committee", "board", "staff", "colleagues", "friends",
    }
)  # fmt: skip
# Short forms that are not the start of the name they stand for ("Chris" for Christopher needs
# no entry): a greeting by one of them names the person, and is no slip of the keyboard.
SHORT_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "bob": ("robert",), "bobby": ("robert",), "robbie": ("robert",), "bill": ("william",),
    "billy": ("william",), "liam": ("william",), "liz": ("elizabeth",), "beth": ("elizabeth",),
    "betty": ("elizabeth",), "betsy": ("elizabeth",), "lizzie": ("elizabeth",),
    "kate": ("katherine", "catherine", "kathryn", "katharine"),
    "katie": ("katherine", "catherine", "kathryn"), "kathy": ("katherine", "kathryn", "kathleen"),
    "cathy": ("catherine",), "maggie": ("margaret",), "meg": ("margaret", "megan"),
    "peggy": ("margaret",), "dick": ("richard",), "rick": ("richard", "frederick", "eric"),
    "ricky": ("richard",), "jim": ("james",), "jimmy": ("james",), "jamie": ("james",),
    "jack": ("john",), "johnny": ("john", "jonathan"), "ted": ("edward", "theodore"),
    "teddy": ("edward", "theodore"), "ned": ("edward",), "eddie": ("edward",),
    "ed": ("edward", "edwin", "edmund"), "tony": ("anthony", "antonio"), "mike": ("michael",),
    "mikey": ("michael",), "mick": ("michael",), "jenny": ("jennifer",),
    "sue": ("susan", "suzanne"), "susie": ("susan",), "chuck": ("charles",),
    "charlie": ("charles", "charlotte"), "hank": ("henry",), "harry": ("henry", "harold"),
    "larry": ("lawrence", "laurence"), "patty": ("patricia",), "trish": ("patricia",),
    "becky": ("rebecca",), "abby": ("abigail",), "andy": ("andrew",), "drew": ("andrew",),
    "joe": ("joseph",), "joey": ("joseph",), "dave": ("david",),
    "nate": ("nathan", "nathaniel"), "sandy": ("sandra", "alexandra"),
    "sasha": ("alexander", "alexandra"), "zack": ("zachary",), "jeff": ("geoffrey",),
    "molly": ("mary",), "polly": ("mary",), "sally": ("sarah",), "ally": ("alison", "allison"),
    "vicky": ("victoria",), "mandy": ("amanda",), "penny": ("penelope",),
    "tess": ("teresa", "theresa"), "terry": ("terence", "teresa", "theresa"),
    "jerry": ("gerald", "jeremy", "jerome"), "gerry": ("gerald", "geraldine"),
    "manny": ("manuel",), "pepe": ("josé", "jose"), "paco": ("francisco",),
    "pancho": ("francisco",), "nacho": ("ignacio",), "lola": ("dolores",),
    "lupe": ("guadalupe",), "pete": ("peter",), "tom": ("thomas",), "tommy": ("thomas",),
    "jake": ("jacob",), "gabe": ("gabriel",), "vince": ("vincent",), "steve": ("stephen", "steven"),
    "josh": ("joshua",), "phil": ("philip", "phillip"), "becca": ("rebecca",), "liv": ("olivia",),
    "tina": ("christina", "kristina"), "tori": ("victoria",), "sophie": ("sophia",),
    "annie": ("ann", "anne", "anna"), "debbie": ("deborah", "debra"),
    "cindy": ("cynthia", "lucinda"), "jackie": ("jacqueline",), "al": ("albert", "alfred", "alan"),
    "vicki": ("victoria",), "frank": ("francis",), "hal": ("harold", "henry"),
}  # fmt: skip
# Words that may join a greeting's names ("Dear Ruth and Tom", "Mr. van Dijk") in lower case.
JOINING = frozenset(
    {
        "and", "or", "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del",
        "della", "dos", "das", "do", "al", "el", "bin", "ibn", "ter", "ten",
    }
)  # fmt: skip
# Where a greeting ends, once a title inside it has cut its name short.
GREETING_END = re.compile(r"[,:;\n]")
# What may follow a family name in a greeting without being a name of its own ("Mr. Lee Jr.").
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A word of a name: a letter, then anything up to a space or a mark that ends the name, so that
# combining accents and apostrophes inside it stay in it (Lefe\u0300vre, O'Brien).
_NAME_WORD = r"[^\W\d_][^\s,:;!?.()/'\u2013\u2014-]*+(?:['-][^\s,:;!?.()/'\u2013\u2014-]++)*+"
NAME_WORD = re.compile(_NAME_WORD)
# A note's opening: header lines ("Subject: ..."), a greeting, an honorific, then one to five
# words ending the greeting at a comma, colon, dash, emoji or the line's end, or at a period
# after a word of two letters or more ("Dear Pryia."), never after one ("Dear J. Smith").
# Possessive (*+): nothing is tried twice, so a long run of letters or spaces costs one pass.
SALUTATION = re.compile(
    r"\A\s*+(?:(?i:subject|re|to|from)[ \t]*+:[^\n]*+\n\s*+)*+"
    r"(?i:dear|hi|hello|hey|good[ \t]++(?:morning|afternoon|evening))\b,?[ \t]++"
    rf"(?P<title>(?i:{'|'.join(sorted(HONORIFICS))})(?:\.[ \t]*+|[ \t]++))?+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]++{_NAME_WORD}){{0,4}}+)"
    r"[ \t]*+(?=[^\w\s.']|\n|\Z|(?<=[^\W\d_]{2})\.(?:\s|\Z))"
)


def name_parts(name: str) -> list[str]:
    """The words of a recipient's name to look for in a note: no honorific, no initial."""
    name = fold(name).split("@")[0]  # an address: its local part holds the name
    parts = [p for p in re.split(r"[\s._-]+", name) if len(p) > 1]
    # A title leads the name; later, the same word is a name ("Ana Judge").
    while parts and parts[0] in HONORIFICS:
        parts.pop(0)
    return parts


def greeted(text: str) -> tuple[Span, bool] | None:
    """Where the salutation names someone, and whether with an honorific; none for a greeting
    to a role or a group, or words that are not a name (capitalised, as names are written)."""
    m = SALUTATION.match(straight(text))
    if not m:
        return None
    words = m["name"].split()
    if any(fold(w) in NOBODY for w in words):
        return None
    if not all(w[0].isupper() or w in JOINING for w in words):
        return None
    return m.span("name"), m["title"] is not None


def short_for(word: str, part: str) -> bool:
    """Whether a greeted ``word`` (folded) is a short form of ``part``, a recipient's given name:
    its start, of three letters or more, that leaves three more ("Chris" for Christopher, "Dan"
    for Daniel, not "Daniel" for Danielle), or a known short form either way round ("Bob" for
    Robert, "Robert" for a Bob). A start the other way round may be another name ("Danielle"
    to a Dan)."""
    return (
        (2 < len(word) <= len(part) - 3 and part.startswith(word))
        or part in SHORT_FORMS.get(word, ())
        or word in SHORT_FORMS.get(part, ())
    )


# Where a word of the name is used in lower case this many times, a capitalised use further
# on is not looked for, so the search stays linear in the note. It takes a name that is also a
# common word (Will, Hope) used ten times before the name itself, and no greeting by name.
LOOKED_AT = 10


def mentions(text: str, parts: list[str], capitalised: bool = False) -> bool:
    """Whether ``text`` has a word of a recipient's name, written with or without its accents
    ("José" for Jose Ortega), or with its umlauts written out ("Mueller" for Jan Müller); with
    ``capitalised``, only as a name is written ("do my best" does not name Karen Best)."""
    plain = text.isascii() and all(p.isascii() for p in parts)  # nothing to write otherwise
    for umlauts in (False,) if plain else (False, True):
        written = unaccented(text, umlauts)
        low = comparable(written)
        # Composing accents may move a letter: then its case cannot be read where it was found.
        placed = len(low) == len(written)
        for part in parts:
            for start, end in islice(at_word(low, unaccented(part, umlauts)), LOOKED_AT):
                # A capital anywhere in it: "Best", "BEST", and "d'Arcy" or "deSouza" too.
                if not capitalised or not placed or not written[start:end].islower():
                    return True
    return False


def names(greeting: str, parts: list[str]) -> bool:
    """Whether a greeted name is the recipient's: a word of their name, or a short form of the
    first (a short form of a family name would be another name: "John" is not Ms. Johnson)."""
    if mentions(greeting, parts):
        return True
    # A recipient given only as a title or an initial ("Dr.", "J.") has no first name.
    return bool(parts) and any(
        short_for(fold(w.group()), parts[0]) for w in NAME_WORD.finditer(greeting)
    )


def other_half(to: str, titled: bool) -> bool:
    """Whether a greeting may name the recipient by the half of their name we were not given:
    given by a single name, alone it is a first name ("Dear Ms. Shah" to "Priya" may be
    right), after a title or an initial a surname ("Hi Wei" to "Dr. Liu" or "W. Liu" may be)."""
    return len(name_parts(to)) == 1 and titled != (len(TOKEN.findall(to)) > 1)


def compared(to: str | None) -> list[str]:
    """The words of a recipient's name a greeting is compared with: none without a name, or
    for a placeholder or an address (whose local part may be anyone's initials)."""
    return name_parts(to) if to and not to.startswith("[") and "@" not in to else []


def misnamed(text: str, to: str | None) -> Span | None:
    """The greeted name, where no word of it is a part of the recipient's (a misspelling or
    another person), or the one word of it that is a part of theirs with a slip. A recipient
    given as an address or a placeholder has no name to compare."""
    found = greeted(text)
    parts = compared(to)
    if found is None or not to or not parts:
        return None
    (start, end), titled = found
    if other_half(to, titled):
        return None
    greeting = text[start:end]
    if {"and", "or"} & {fold(w) for w in greeting.split()}:
        # To several people, the greeted name stops at a title inside it ("Dear Dr. Lee and Dr.
        # Kim"): any of them may be the recipient, up to where the greeting ends.
        stop = GREETING_END.search(text, end)
        greeting = text[start : stop.start() if stop else len(text)]
    if not names(greeting, parts):
        return start, end
    # Partly theirs: another word of it may be theirs with a slip ("Dear Ana Ruis" to Ana Ruiz);
    # "and" joining two names, or "van", is no slip of "Ana" or "Ivan".
    for word in NAME_WORD.finditer(text, start, end):
        folded = fold(word.group())
        if folded in JOINING or mentions(folded, parts):
            continue
        if any(one_edit_apart(folded, p) and not short_for(folded, p) for p in parts):
            return word.span()
    return None


def titled_full_name(text: str, to: str | None) -> Span | None:
    """The greeted name where a title stands before the recipient's whole name ("Dear Ms.
    Janet Cole" to Janet Cole): their first name and another word of theirs. A family name of
    two words ("Mr. García Márquez"), with a particle ("Mr. van Dijk") or a suffix ("Mr. Lee
    Jr.") is no whole name, nor is a greeting to two people; without a recipient's name, or
    with one word of it, nothing tells a first name from a family name."""
    parts = compared(to)
    found = greeted(text)
    if found is None or not found[1] or len(parts) < 2:
        return None
    start, end = found[0]
    words = [fold(w.group()) for w in NAME_WORD.finditer(text, start, end)]
    if "and" in words or "or" in words:
        return None
    # A family name may start like the first ("Mr. Williams" to Will Williams).
    first = any(w not in parts[1:] and (w == parts[0] or short_for(w, parts[0])) for w in words)
    others = [w for w in words if w in parts[1:] and w not in JOINING and w not in SUFFIXES]
    return (start, end) if first and others else None
