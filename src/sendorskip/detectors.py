"""The draft checker: runs each check's detector over the reader's notes.

Findings carry offsets into the note they concern, so the page can highlight them in place: in
code points (Python's indexing) and in UTF-16 code units (JavaScript's), widened so that a
highlight never splits an emoji from its modifiers or a letter from its accent. The text itself
never leaves this function. Every detector is linear in the length of a note; the near-duplicate
one compares each pair of notes, and a request holds few notes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .checks import Check
from .situation import Situation

WORD = re.compile(r"\S+")
# A word: letters, with apostrophes or hyphens inside it (O'Brien, on-call, team's).
TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
APOSTROPHES = ("\u2019", "\u2018", "\u02bc")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
ZWJ = "\u200d"
# A withdrawal needs nothing from the conversation in it. Matched in lower case, each starting
# with a word, for the same speed reason as the checks' patterns (see checks.toml).
WITHDRAWING = tuple(
    re.compile(p)
    for p in (
        r"withdraw",
        r"accepted (?:an|another) (?:offer|position|role)",
        r"no longer (?:be )?(?:interested|pursuing|available)",
    )
)
# Distinct topical words that make a note specific: in tests/data/notes.toml, notes with
# nothing specific have at most five (a topic named, or words about the candidate), specific
# ones at least seven; six sits in the gap.
MIN_TOPICAL = 6
# A hostile note ("!" ten thousand times) would otherwise give a finding per character; the
# reader needs the first few to see the point, and the bound keeps a request fast at its caps.
MAX_PLACES = 20
HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "chef"})
LEVELS = frozenset({"senior", "sr", "junior", "jr", "i", "ii", "iii", "iv"})
# Endings taken off a word before looking it up in STOCK (and what replaces them).
ENDINGS = (
    ("s", ""),
    ("es", ""),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("al", ""),
    ("ally", ""),
    ("ment", ""),
    ("ness", ""),
)
# What a note made of stock phrases is made of: function words; the vocabulary of thanking,
# meeting and applying; praise and cover-letter cliché; time words; words about the interview
# itself (nerves, answers). A word outside it says something about the conversation.
STOCK_WORDS = """
    a about above across after again against ago all almost along already also although always
    am among an and another any anyone anything anyway are around as at away back be because
    been before being below beside between beyond both but by can cannot could did didn do does
    doesn don done down during each either else enough even ever every everyone everything few
    for from further get gets got had hadn has hasn have haven having he her here hers him his
    how however if in indeed into is isn it its just least less let like likely lot lots many
    may maybe me might mine more most much must my near nearly neither never no nor not now of
    off often on once one only onto or other others otherwise our ours out over own per perhaps
    quite rather really right same several shall she should shouldn since so some someone
    something soon still such than that the their theirs them then there these they thing this
    those though through throughout thus to together too toward towards under until up upon us
    very via was wasn we were weren what whatever when where whether which while who whom whose
    why will with within without won would wouldn couldn yet you your yours ll ve re
    okay ok yes sure certain certainly definitely absolutely truly sincerely greatly highly deeply
    genuinely particularly especially incredibly extremely super totally literally simply
    usually normally typically generally honestly actually
    zero two three four five six seven eight nine ten first second third last next new current
    today tonight yesterday tomorrow morning afternoon evening night week weekend month year day
    hour minute moment time recently earlier later lately soon coming upcoming past future
    thank thankful grateful gratitude appreciate appreciation appreciative opportunity chance
    meet speak spoke spoken talk chat conversation discussion discuss call visit interview
    interviewer panel position role job career company organization organisation firm business
    office department team group staff colleague member people everyone person manager
    leadership leader hiring hire candidate candidacy application apply process consideration
    consider decision step information question answer contact reach touch hear heard listen
    learn learnt know knew known understand insight perspective forward look hope hopeful
    hopefully wish excite excitement enthusiasm enthusiastic eager eagerly keen interest passion
    passionate motivate motivation enjoy enjoyable pleasure please pleased pleasant glad happy
    delight thrill great good wonderful amazing fantastic excellent terrific awesome outstanding
    incredible impressive impress fascinating informative productive valuable helpful meaningful
    rewarding fun nice lovely cool best better well continue confident confidence believe belief
    feel felt think thought fit suit qualified qualification skill skillset experience
    background expertise ability strength asset addition contribute contribution add bring offer
    provide help support serve work worker join part grow growth develop success successful goal
    mission vision value culture environment dynamic innovative fast paced collaborative
    commitment commit dedicate dedication hard hardworking reliable detail oriented organized
    organize communication communicate excellence strive pride proud thrive self starter driven
    result line beyond resonate align opportunity passion mission regard regards kind kindest
    warm warmly warmest cheers respectfully yours dear hi hello greetings subject follow note
    email letter message send sent reply respond response attach resume résumé cv portfolio
    reference references free hesitate need else additional able available availability
    schedule spend spent take took taken give gave given get make made come came go went gone
    see saw seen show shown share tell told say said mention describe explain ask walk tour
    want like love idea point way part bit sort type area aspect side place world matter issue
    topic project plan priority challenge challenging problem initiative direction
    responsibility duty task daily industry field sector market impact difference level client
    customer relationship manage management store
    nervous nerves anxious sorry apologize apologise apology apologies mistake performance
    perform version myself real blank mind froze freeze freezing shot beg begging reconsider
    promise potential gap judge desperate everything anything whatever
    honor honour honored privilege privileged humbled caliber inspiring inspiration busy
    generous dream
    lol omg btw haha thx def chill xx gonna wanna
    """
STOCK = frozenset(STOCK_WORDS.split())


@dataclass(frozen=True)
class Note:
    text: str
    to: str | None = None


@dataclass(frozen=True)
class Finding:
    check: Check
    note: int
    start: int
    end: int
    start_utf16: int
    end_utf16: int


Span = tuple[int, int]
Detector = Callable[[Check, Sequence[Note], int, Situation | None], Iterator[Span]]


def _straight(text: str) -> str:
    """Curly apostrophes made straight, each character in its place (replace is faster than
    translate here)."""
    for curly in APOSTROPHES:
        text = text.replace(curly, "'")
    return text


def fold(text: str) -> str:
    """For comparing words, never for offsets: composed accents, straight apostrophes, no case."""
    return _straight(unicodedata.normalize("NFC", text)).lower()


@lru_cache(maxsize=64)
def lowered(text: str) -> str:
    """The text in lower case with straight apostrophes, each character still in its place."""
    text = _straight(text)
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few letters lower to two characters (İ); those stay as they are.
    return "".join(c if len(c.lower()) > 1 else c.lower() for c in text)


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (_wordish(text[start - 1]) and _wordish(text[start]))


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=64)
def _comparable(text: str) -> str:
    """The note lowered, accents composed: what names and titles are looked for in."""
    low = lowered(text)
    return low if low.isascii() else unicodedata.normalize("NFC", low)


def _at_word(low: str, word: str, whole: bool = True) -> Iterator[Span]:
    """Where ``word`` is in ``low`` as a word of its own (or, not ``whole``, as a word's start:
    engineer in engineering): a plain substring search, then a look at both ends."""
    for m in re.finditer(re.escape(word), low):
        start, end = m.span()
        if _starts_a_word(low, start) and (not whole or end == len(low) or not _wordish(low[end])):
            yield start, end


def _has_word(text: str, word: str, whole: bool = True) -> bool:
    return next(_at_word(_comparable(text), word, whole), None) is not None


def _split_at_word(low: str, word: str) -> list[str]:
    """``low`` cut where ``word`` stands as a word, the word left out."""
    pieces, last = [], 0
    for start, end in _at_word(low, word):
        pieces.append(low[last:start])
        last = end
    return [*pieces, low[last:]]


@lru_cache(maxsize=8192)
def _is_stock(word: str) -> bool:
    """A word any note could contain, tried with common endings taken off (teams, joined)."""
    base = word.split("'")[0]  # team's -> team, don't -> don
    if "-" in base:
        return all(_is_stock(part) for part in base.split("-") if part)
    stems = {base} | {
        base[: -len(end)] + new
        for end, new in ENDINGS
        if base.endswith(end) and len(base) - len(end) > 1
    }
    return not stems.isdisjoint(STOCK)


@lru_cache(maxsize=64)
def _has_topical(text: str, given: frozenset[str]) -> bool:
    """Does the note hold MIN_TOPICAL words beyond a stock note's vocabulary? Capitalized words
    are skipped: they are names, firms, job titles or a sentence's first word, none of which
    says what was discussed; acronyms (SQL, ICU) count. Stops at the last word it needs, so a
    long note costs little."""
    found: set[str] = set()
    for m in TOKEN.finditer(_straight(text)):
        word = m.group()
        lower = word.lower()
        acronym = word.isupper() and len(word) > 1
        if lower in given or (
            (word == lower or acronym) and (len(word) > 2 or acronym) and not _is_stock(lower)
        ):
            found.add(lower)
            if len(found) >= MIN_TOPICAL:
                return True
    return False


def _given(situation: Situation | None, to: str | None) -> frozenset[str]:
    """Words from what the reader said they discussed with this person (or with anyone)."""
    if situation is None:
        return frozenset()
    people = [p for p in situation.interviewers if p.name == to] or situation.interviewers
    said = [t for p in people for t in p.topics]
    said += [situation.highlights or "", situation.forgot_to_mention or ""]
    return frozenset(w.lower() for s in said for w in TOKEN.findall(s) if not _is_stock(w.lower()))


def specific(note: Note, situation: Situation | None) -> bool:
    """Does the note say something about the conversation, beyond naming a topic? A note
    withdrawing, or one to the recruiter (touching base about the process), need not."""
    if situation and situation.interest == "withdrawing":
        return True
    recruiter = situation.recruiter if situation else None
    if recruiter and note.to and fold(note.to) == fold(recruiter.name):
        return True
    low = lowered(note.text)
    if any(_starts_a_word(low, m.start()) for p in WITHDRAWING for m in p.finditer(low)):
        return True
    return _has_topical(note.text, _given(situation, note.to))


def _pattern(check: Check, notes: Sequence[Note], i: int, s: Situation | None) -> Iterator[Span]:
    """Matches of the check's patterns. One starting inside a word is skipped, so patterns need
    no leading \\b (which would cost the engine its fast search for their first word)."""
    if check.params["unless_specific"] and specific(notes[i], s):
        return
    text = notes[i].text if check.params["match_case"] else lowered(notes[i].text)
    for pattern in check.params["patterns"]:
        for m in pattern.finditer(text):
            if _starts_a_word(text, m.start()):
                yield m.span()


def _whole(text: str) -> Span:
    return (0, len(text))


def _first_line(text: str) -> Span:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return (start, len(text) if end < 0 else end)


def _no_specifics(
    check: Check, notes: Sequence[Note], i: int, situation: Situation | None
) -> Iterator[Span]:
    if not specific(notes[i], situation):
        yield _whole(notes[i].text)


def _name_parts(name: str) -> list[str]:
    name = fold(name).split("@")[0]  # an address: its local part holds the name
    parts = re.split(r"[\s._-]+", name)
    return [p for p in parts if len(p) > 1 and p not in HONORIFICS]


@lru_cache(maxsize=64)
def _shingles(note: Note) -> frozenset[int]:
    """Three-word sequences of the note (hashed), without the recipient's name: set operations
    on these cost time linear in the note's length, where an edit distance costs its square."""
    low = _comparable(note.text)
    for name in _name_parts(note.to or ""):
        low = " ".join(_split_at_word(low, name))
    words = low.split()
    return frozenset(map(hash, zip(words, words[1:], words[2:], strict=False)))


def _near_duplicate(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    mine, threshold = _shingles(notes[i]), check.params["threshold"]
    for other in map(_shingles, notes[:i]):
        small, large = sorted((len(mine), len(other)))
        if not mine or small < threshold * large:
            continue  # the overlap cannot reach the threshold: skip counting it
        shared = len(mine & other)
        if shared / (small + large - shared) >= threshold:
            yield _whole(notes[i].text)
            return


def _too_long(check: Check, notes: Sequence[Note], i: int, _: Situation | None) -> Iterator[Span]:
    text = notes[i].text
    limit = int(check.params["max_words"])
    beyond = next(islice(WORD.finditer(text), limit, None), None)
    if beyond:
        yield (beyond.start(), len(text))


def _name_missing(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    note = notes[i]
    if not note.to or note.to.startswith("["):
        return
    if not any(_has_word(note.text, p) for p in _name_parts(note.to)):
        yield _first_line(note.text)


def _title_missing(
    check: Check, notes: Sequence[Note], i: int, situation: Situation | None
) -> Iterator[Span]:
    """The title's words, each as the start of a word (engineer: engineering), level words
    (Senior, II) optional."""
    title = situation.job_title if situation else None
    if not title:
        return
    title = fold(title).replace("-", " ")
    wanted = [w for w in TOKEN.findall(title) if w not in LEVELS] or [title.strip()]
    stems = [w[: max(4, len(w) - 2)] for w in wanted]
    if not all(_has_word(notes[i].text, stem, whole=False) for stem in stems):
        yield _first_line(notes[i].text)


def _repeated_mark(
    check: Check, notes: Sequence[Note], i: int, _: Situation | None
) -> Iterator[Span]:
    mark, text = check.params["mark"], notes[i].text
    if text.count(mark) > check.params["max"]:
        # A run ("!!!") is one place to fix, so one highlight.
        yield from (m.span() for m in re.finditer(f"(?:{re.escape(mark)})+", text))


DETECT: dict[str, Detector] = {
    "pattern": _pattern,
    "no-specifics": _no_specifics,
    "near-duplicate": _near_duplicate,
    "too-long": _too_long,
    "name-missing": _name_missing,
    "title-missing": _title_missing,
    "repeated-mark": _repeated_mark,
}


def _joins_previous(text: str, i: int) -> bool:
    """Is ``text[i]`` part of the same visible character as ``text[i - 1]``? Accents and other
    combining marks, variation selectors, skin tones, emoji tags, and either side of a
    zero-width joiner (a family emoji is several joined)."""
    ch = text[i]
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or ch == ZWJ
        or text[i - 1] == ZWJ
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
        or "\U000e0020" <= ch <= "\U000e007f"
    )


def _widen(text: str, start: int, end: int) -> Span:
    while 0 < start < len(text) and _joins_previous(text, start):
        start -= 1
    while 0 < end < len(text) and _joins_previous(text, end):
        end += 1
    return start, end


def _utf16(text: str) -> Callable[[int], int]:
    """Code-point offset -> UTF-16 offset: each character beyond U+FFFF before it adds one."""
    astral = [m.start() for m in ASTRAL.finditer(text)]
    return lambda offset: offset + bisect_left(astral, offset)


def run(
    checks: Sequence[Check], notes: Sequence[Note], situation: Situation | None
) -> list[Finding]:
    found: dict[tuple[int, int, int, str], Finding] = {}
    for i, note in enumerate(notes):
        utf16 = _utf16(note.text)
        for check in checks:
            for span in islice(DETECT[check.detector](check, notes, i, situation), MAX_PLACES):
                start, end = _widen(note.text, *span)
                found[i, start, end, check.id] = Finding(
                    check, i, start, end, utf16(start), utf16(end)
                )
    # Two patterns of one check may match the same words: the key keeps one finding.
    return [found[key] for key in sorted(found)]
