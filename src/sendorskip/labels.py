"""Reader words: what a verdict, a stance or a field's value is called wherever a reader sees it.

The CLI, the generated pages and the browser all take their labels from here, so "so-so" is
"so-so" on every page, in the form and in the terminal. Definitions are what the matrix's legend
says of each label.
"""

from __future__ import annotations

from typing import Final

# verdict -> (label, definition)
VERDICTS: Final[dict[str, tuple[str, str]]] = {
    "send": ("Send", "send a note to each person in the plan."),
    "optional": ("Optional", "you need not send one; if you do, the plan says how."),
    "skip": ("Skip", "don't send a note."),
    "recruiter_only": (
        "Recruiter only",
        "don't write to the interviewers; send the recruiter a short note.",
    ),
    "withdraw": ("Withdraw", "tell them, briefly and politely, that you are withdrawing."),
}

# stance -> (label, definition)
STANCES: Final[dict[str, tuple[str, str]]] = {
    "send": ("Send", "their source says to send a note in this situation."),
    "skip": ("Skip", "their source says not to send one here, or that you need not."),
    "neutral": (
        "Neutral",
        "their source speaks to this situation and says a note makes no difference.",
    ),
    "silent": (
        "Silent",
        "their source does not address this situation; the reason gives their general view.",
    ),
}

# a draft-check finding's severity -> label
SEVERITIES: Final[dict[str, str]] = {"error": "Problem", "warning": "Worth fixing", "info": "Note"}

# Words the checker's script puts around the engine's own text.
PHRASES: Final[dict[str, str]] = {"instead": "Write instead:", "whole_note": "the whole note"}

# field -> its question in the form; drafts name it when an answer would fill a placeholder.
QUESTIONS: Final[dict[str, str]] = {
    "topics": "What you talked about with them, a few words each, separated by commas",
    "add": "One thing you would add or clarify for them, as a sentence (optional)",
    "why_this_job": "Why you want this job, in a sentence (optional)",
    "candidate_name": "Your name",
}

# field -> value -> label, for the choices a reader picks from (form, decision guide, pages)
VALUES: Final[dict[str, dict[str, str]]] = {
    "went": {"well": "Well", "mixed": "So-so", "poorly": "Poorly", "disaster": "A disaster"},
    "interest": {"keen": "Yes", "unsure": "Not sure", "withdrawing": "No, I'm withdrawing"},
    "decision": {
        "unknown": "I don't know",
        "same_day": "Today",
        "within_week": "Within a week",
        "later": "More than a week from now",
    },
    "preferred_medium": {
        "no_preference": "No preference",
        "email": "Email",
        "handwritten": "A handwritten card",
    },
    "writing_confidence": {
        "confident": "I write well",
        "not_confident": "I'm not a confident writer",
    },
    "handwriting": {"legible": "Legible", "poor": "Hard to read"},
}


def verdict_label(verdict: str) -> str:
    return VERDICTS[verdict][0]


def stance_label(stance: str) -> str:
    return STANCES[stance][0]


def browser_labels() -> dict[str, dict[str, str]]:
    """The labels the checker's script shows, handed to it in the page's settings."""
    return {
        "verdict": {k: label for k, (label, _) in VERDICTS.items()},
        "stance": {k: label for k, (label, _) in STANCES.items()},
        "severity": dict(SEVERITIES),
        "phrase": dict(PHRASES),
    }
