"""Reader words: what a verdict, a stance or a field's value is called wherever a reader sees it.

The CLI, the generated pages and the browser all take their labels from here, so "so-so" is
"so-so" on every page, in the form and in the terminal. Definitions are what the matrix's legend
says of each label.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from .form_words import FORM, QUESTIONS, VALUES

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
    "send": (
        "Send",
        "their source says to send a note, in this situation or in general words that do not"
        " rule it out; the reason says which, and where that is our reading of it, says so.",
    ),
    "skip": (
        "Skip",
        "their source says not to send one here, or that you need not; where that is our reading"
        " of it, the reason says so.",
    ),
    "neutral": (
        "Neutral",
        "their source says a note makes no difference, in this situation or in general words"
        " that do not rule it out; the reason says which.",
    ),
    "silent": (
        "Silent",
        "their source does not address this situation, and nothing it says in general settles"
        " it; the reason gives their general view.",
    ),
}

# a draft-check finding's severity -> label; the page shows it after its icon (checker.css)
SEVERITIES: Final[dict[str, str]] = {"error": "Problem", "warning": "Worth fixing", "info": "Note"}
SEVERITY_ORDER: Final = ("error", "warning", "info")

# a recipient's kind and how the note reaches them (the plan's `channel`), as the plan says them
KINDS: Final[dict[str, str]] = {
    "interviewer": "interviewer",
    "recruiter": "recruiter",
    "referrer": "who referred you",
    "reference": "your reference",
    "organizer": "who organized your interviews",
}
CHANNELS: Final[dict[str, str]] = {
    "email": "an email",
    "post": "a handwritten card by post",
    "via_recruiter": "an email through the recruiter (ask them to pass it on)",
    # Followed by the deadline: "…, now." must not read "once you have it, now".
    "find_address": "an email (ask the recruiter or the front desk for their address)",
}

# Words the checker puts around the engine's own text. "{n}", "{name}" and the like are filled
# in where they are used; every other word the checker's page shows is one of these.
PHRASES: Final[dict[str, str]] = {
    "instead": "Write instead:",
    "whole_note": "the whole note",
    "now": "now",
    "within_an_hour": "within an hour",
    "within_hours": "within {n} hours",
    "within_days": "within {n} days",
    # No rule that fired sets a deadline (a withdrawal, a reply to a rejection, a card): the
    # headline says "soon", and the plan line says once why it gives no deadline.
    "soon": "soon",
    "soon_unsourced": "soon (the sources set no deadline)",
    "plan_line": "{name} ({kind}): {channel}, {deadline}.",
    # A referrer's or a reference's note: the sources say to write one, not by when.
    "no_deadline": "when you can (the sources set no deadline)",
    "today": "Today",
    "tomorrow": "Tomorrow",
    "in_days": "In {n} days",
    "follow_up_line": "{when}, if you have heard nothing: {channel} to {purpose}.",
    "places": "in {n} places",
    # the page
    "starting": "Starting the checker…",
    "stage_1": "Downloading the checker (a few MB the first time)",
    "stage_2": "Loading the advice engine",
    "stage_3": "Reading the rules",
    "ready": "The checker is ready.",
    "waiting": "Your answer will appear as soon as the checker has started…",
    "failed_title": "The checker could not start.",
    "failed_detail": "It needs a recent browser and this site's own files ({detail}). "
    "Reloading the page may help.",
    "failed_keep": "Your answers are still in the form. The {guide} gives the same advice "
    "without the checker.",
    # What the site's web team must change (worker.js); {detail} is the file and what went wrong.
    "fix_csp": "this site's {detail}; ask its web team to add 'wasm-unsafe-eval' to script-src",
    "fix_type": "{detail}; ask the site's web team to serve {ext} files as {type}",
    "guide_link": "decision guide",
    "advice": "Our advice",
    "contents": "On this page",
    "plan": "The plan",
    "follow_ups": "If nobody replies",
    "calendar": "Add the follow-up dates to my calendar",
    "calendar_file": "follow-ups.ics",
    "note_file": "note-to-{to}.txt",  # {to}: the recipient's name, with - for what a file name can't hold
    "no_note": "No note to send.",
    "drafts": "Drafts",
    "to": "To {name}",
    "subject": "Subject:",
    "why": "Why",
    # in place of the voices of a rule that rests on no source
    "our_reading": "our reading",
    "experts": "What the experts would say",
    "view": "View, in our words:",
    "quoted": "Quoted:",
    "stance_count": "{label}: {n}",
    "copy": "Copy the note",
    "copy_subject": "Copy the subject",
    "copy_subject_to": "Copy the subject of the note to {name}",
    "copied": "Copied.",
    "copy_blocked": "Copying is blocked here: select the text and copy it.",
    "mail": "Open in my mail app",
    "download": "Download as text",
    "check_this": "Check this draft",
    "your_draft": "Your draft",
    "no_findings": "No problems found.",
    "edit_draft": "Edit the draft and check it again",
    "please_check": "Please check the answers marked below.",
    "choose_went": "Choose how the interview went.",
    "paste_note": "Paste your note first.",
    "share": "Copy a link to this situation",
    "share_copied": "Link copied: it holds your answers, so share it only with people you trust.",
    "share_blocked": "Copying is blocked here: copy this link instead:",
    "share_problems": "The link you opened holds answers the checker cannot use; they are marked.",
    "keep": "Keep my answers in this tab if I reload the page",
    "restore": "Restore the answers you kept in this tab",
    "restored": "Your answers are back.",
    "interviewer_n": "Interviewer {n}",
}


def _labels(table: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    return {key: label for key, (label, _) in table.items()}


@dataclass(frozen=True)
class Words:
    """Every table above, as one value: ours, or ours with a center's ``labels.toml`` merged in
    (relabel.py). Whatever shows a reader a word takes it from the loaded knowledge's ``words``,
    so a center's wording reaches the CLI, the generated pages and the browser alike."""

    verdicts: Mapping[str, str] = field(default_factory=lambda: _labels(VERDICTS))
    stances: Mapping[str, str] = field(default_factory=lambda: _labels(STANCES))
    severities: Mapping[str, str] = field(default_factory=lambda: dict(SEVERITIES))
    kinds: Mapping[str, str] = field(default_factory=lambda: dict(KINDS))
    channels: Mapping[str, str] = field(default_factory=lambda: dict(CHANNELS))
    phrases: Mapping[str, str] = field(default_factory=lambda: dict(PHRASES))
    questions: Mapping[str, str] = field(default_factory=lambda: dict(QUESTIONS))
    form: Mapping[str, str] = field(default_factory=lambda: dict(FORM))
    values: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: {k: dict(v) for k, v in VALUES.items()}
    )

    def deadline(self, hours: float | None) -> str:
        """When to send, in words: the plan's ``send_within_hours`` counts from now."""
        if hours is None:
            return self.phrases["soon"]
        if hours <= 0:
            return self.phrases["now"]
        if hours <= 1:
            return self.phrases["within_an_hour"]
        if hours < 48:
            return self.phrases["within_hours"].format(n=round(hours))
        return self.phrases["within_days"].format(n=round(hours / 24))

    def cited(self, names: Sequence[str], escape: Callable[[str], str] = str) -> str:
        """Who a reason cites, from names the caller has written its own way (plain, linked,
        escaped); our own reading when no expert says it. ``escape`` is applied to that phrase
        only, since a center's labels.toml may reword it."""
        return ", ".join(names) or escape(self.phrases["our_reading"])

    def plan_line(self, recipient: Mapping[str, str], hours: float | None) -> str:
        """One recipient of the plan: who, how the note reaches them, and by when (the plan's
        deadline is the interview notes'; a referrer's or a reference's note has none)."""
        if recipient.get("purpose") == "helper":
            deadline = self.phrases["no_deadline"]
        else:
            deadline = self.phrases["soon_unsourced"] if hours is None else self.deadline(hours)
        return self.phrases["plan_line"].format(
            name=recipient["name"],
            kind=self.kinds[recipient["kind"]],
            channel=self.channels[recipient["channel"]],
            deadline=deadline,
        )

    def follow_up_line(self, follow_up: Mapping[str, Any]) -> str:
        """One follow-up of the plan: when (in whole days from today), how, and what for."""
        days = math.ceil(float(follow_up["in_days"]))
        phrase = self.phrases
        when = phrase["today"] if days == 0 else phrase["tomorrow"] if days == 1 else None
        return phrase["follow_up_line"].format(
            when=when or phrase["in_days"].format(n=days),
            channel=self.channels[follow_up["channel"]],
            purpose=follow_up["purpose"],
        )

    def browser(self) -> dict[str, dict[str, str]]:
        """The labels the checker's script shows, handed to it in the page's settings."""
        return {
            "verdict": dict(self.verdicts),
            "stance": dict(self.stances),
            "severity": dict(self.severities),
            "phrase": dict(self.phrases),
        }


WORDS: Final = Words()  # ours, before any center's labels.toml
