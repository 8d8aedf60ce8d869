"""Whether a note says something specific about the conversation, beyond naming a topic.

A note made of stock phrases (thanks, the role, excitement, next steps) could go to anyone; one
with several words outside that vocabulary, or the reader's own topics, says something about
this conversation. The vocabulary and the threshold are calibrated on tests/data/notes.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .situation import Situation
from .words import TOKEN, fold, lowered, starts_a_word, straight

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
    says what was discussed; acronyms (SQL, ICU) count. Each different word is looked at once,
    and no further than the last one it needs."""
    found: set[str] = set()
    seen: set[str] = set()
    for m in TOKEN.finditer(straight(text)):
        word = m.group()
        if word in seen:
            continue
        seen.add(word)
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
    return frozenset().union(*map(_words, said))


# Each answer's words once, whoever the note is to and however many checks ask (every topic at
# the caps: 500 of them). Keyed by the answers, not the situation, which would keep whole ones.
@lru_cache(maxsize=512)
def _words(said: str) -> frozenset[str]:
    return frozenset(w.lower() for w in TOKEN.findall(said) if not _is_stock(w.lower()))


def specific(text: str, to: str | None, situation: Situation | None) -> bool:
    """Does the note say something about the conversation, beyond naming a topic? A note
    withdrawing, a reply to a rejection (thanks, and no new pitch: SOS123), or one to someone
    who was not in the conversation (the recruiter touching base about the process, whoever
    referred you, a reference) need not."""
    if situation and (situation.interest == "withdrawing" or situation.outcome == "rejected"):
        return True
    helpers = [situation.recruiter, situation.referrer, *situation.references] if situation else []
    if to and any(p and fold(to) == fold(p.name) for p in helpers):
        return True
    low = lowered(text)
    if any(starts_a_word(low, m.start()) for p in WITHDRAWING for m in p.finditer(low)):
        return True
    return _has_topical(text, _given(situation, to))
