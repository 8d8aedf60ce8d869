"""Plain-English readings of facts and situations, for the pages generated from the rules."""

from __future__ import annotations

from ..conditions import Condition
from ..engine import CHANNEL_OF
from ..facts import FactValue
from ..labels import Words
from ..rules import Effect

# fact -> value -> words completing "when ..."
PHRASES: dict[str, dict[FactValue, str]] = {
    "went": {
        "well": "the interview went well",
        "mixed": "the interview went so-so",
        "poorly": "the interview went poorly",
        "disaster": "the interview was a disaster",
    },
    "interest": {
        "keen": "you still want the job",
        "unsure": "you are unsure about the job",
        "withdrawing": "you are withdrawing",
    },
    "decision": {
        "same_day": "they decide the same day",
        "within_week": "they decide within a week",
        "later": "they decide more than a week from now",
        "unknown": "you don't know when they decide",
    },
    "preferred_medium": {
        "email": "you prefer email",
        "handwritten": "you would like to send a card",
        "no_preference": "you have no preferred medium",
    },
    "writing_confidence": {
        "confident": "you are a confident writer",
        "not_confident": "you are not a confident writer",
    },
    "handwriting": {"legible": "your handwriting is legible", "poor": "your handwriting is poor"},
    "interviewer_engaged": {
        True: "the interviewer took part properly",
        False: "the interviewer barely took part",
    },
    "informational": {True: "it was an informational interview", False: "it was a job interview"},
    "panel": {True: "several people interviewed you", False: "one person interviewed you"},
    "has_recruiter": {True: "a recruiter runs the process", False: "there is no recruiter"},
    "late": {True: "more than a day has passed", False: "less than a day has passed"},
    "lead_email_known": {
        True: "you have the lead interviewer's email",
        False: "you lack the lead interviewer's email",
    },
    "no_interviewer_email": {
        True: "you have no interviewer's email",
        False: "you have at least one interviewer's email",
    },
    "stage": {
        "screening": "it was a screening call",
        "first_round": "it was a first-round interview",
        "later_round": "it was a later-round interview",
        "final": "it was the final round",
        "unknown": "you don't know which round it was",
    },
    "format": {
        "in_person": "you met in person",
        "video": "it was held by video",
        "phone": "it was held by phone",
    },
    "outcome": {"pending": "you have not heard back", "rejected": "they turned you down"},
    "card_fits": {
        True: "you would write a legible card and they decide more than a week from now",
        False: "a handwritten card does not fit",
    },
    "custom": {
        "usual": "the sources say nothing special about the job's country",
        "japan": "the job is in Japan",
        "europe": "the job is in Europe, outside the United Kingdom",
        "uk": "the job is in the United Kingdom",
        "elsewhere": "the job is in a country the sources do not name",
    },
    "has_referrer": {True: "someone referred you", False: "nobody referred you"},
    "has_references": {
        True: "someone agreed to be your reference",
        False: "nobody has agreed to be your reference",
    },
    "has_promised": {
        True: "you said you would send something",
        False: "you did not say you would send anything",
    },
    "has_clarify": {
        True: "you want to clarify an answer you gave",
        False: "you have no answer to clarify",
    },
    "response_date_known": {
        True: "they said when you would hear",
        False: "they did not say when you would hear",
    },
}


# rules.RECIPIENT_EFFECTS -> whom the plan writes to (engine.py's _recipients)
RECIPIENTS: dict[str, str] = {
    "add-recruiter": "the recruiter, if there is one, gets a note too",
    "coordinator": "one note, to whoever organized the interviews (our reading: the recruiter, if"
    " there is one), asking them to thank the others",
    "reply": "one reply, to the recruiter or else the lead interviewer",
    "add-referrer": "whoever referred you gets a note too",
    "add-references": "your references get a note too",
}


def effect_text(effect: Effect, words: Words) -> str:
    """What a rule changes in the advice, in the words the checker's reader sees, as a sentence."""
    e = effect
    parts = [
        f"the verdict is {words.verdicts[e.verdict]}" if e.verdict else "",
        f"send {words.channels[CHANNEL_OF[e.medium]]}" if e.medium else "",
        f"send it {words.deadline(e.within_hours)}" if e.within_hours is not None else "",
        RECIPIENTS[e.recipients] if e.recipients else "",
        "a follow-up schedule" if e.follow_up else "",
        "short drafts" if e.short else "",
        "drafts greet them by title and family name, or by full name" if e.formal else "",
        "one draft (the recruiter's, or else the organizer's or the lead interviewer's) asks"
        " when you will hear"
        if e.ask_when
        else "",
        # Last: a tip is a sentence of its own, and its full stop ends the whole.
        f"the plan's tip: {e.tip}" if e.tip else "",
    ]
    text = "; ".join(p for p in parts if p) or "a reason only"
    return text if text.endswith((".", "!", "?")) else f"{text}."


def condition_text(condition: Condition) -> str:
    if not condition:
        return "always"
    parts = []
    for name, values in condition.items():
        words = PHRASES.get(name, {})
        parts.append(" or ".join(words.get(v, f"{name} is {v}") for v in values))
    return (
        "; and ".join(parts)
        if any(" or " in p for p in parts)
        else ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    )
