"""Plain-English readings of facts and situations, for the pages generated from the rules."""

from __future__ import annotations

from ..conditions import Condition
from ..facts import FactValue

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
}


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
