"""The checker form's words: each field's question, the form's headings, buttons and examples,
and the label of every choice a reader picks from.

Kept apart from labels.py, which words what the checker answers; both reach a reader through
``labels.Words``, where a center's ``labels.toml`` may change any of them.
"""

from __future__ import annotations

from typing import Final

# field -> its question in the form; drafts name it when an answer would fill a placeholder. A
# person's fields are "interviewers.KEY" and "recruiter.KEY". A checkbox says the unusual case:
# ticking it gives the field the opposite of its default.
QUESTIONS: Final[dict[str, str]] = {
    "topics": "What you talked about with them, a few words each, separated by commas",
    "add": "One more thing you would tell them, as a sentence (optional)",
    "why_this_job": "Why you want this job, in a sentence (optional)",
    "candidate_name": "Your name",
    "went": "How did the interview go?",
    "interest": "Do you still want the job?",
    "interviewers": "Who interviewed you?",
    "interviewers.name": "Name",
    "interviewers.role": "Role (optional)",
    "interviewers.email_known": "I have their email address",
    "interviewers.lead": "They led the interview",
    "job_title": "Job title",
    "company": "Company",
    "hours_since": "Hours since the interview (optional; 48 is two days)",
    "decision": "When will they decide?",
    "preferred_medium": "How would you like to send it?",
    "writing_confidence": "Your writing",
    "handwriting": "Your handwriting",
    "interviewer_engaged": "The interviewer barely took part (you may have been filler)",
    "informational": "It was an informational interview, not for a job",
    "recruiter.name": "Recruiter's name, if one runs the process",
    "recruiter.email_known": "I have the recruiter's email",
    "highlights": "What went well, in a sentence you'd put in the note (optional)",
    "forgot_to_mention": "Something you forgot to mention, as a sentence (optional)",
    "stage": "Which round was it?",
    "format": "How was it held?",
    "outcome": "Have you heard back?",
    "country": "Country of the job (optional)",
    "response_expected_in_days": "Days until they said you would hear back",
    "promised": "Something you said you would send them (optional)",
    "clarify": "An answer you gave that you want to clarify, as a sentence (optional)",
    "referrer.name": "Name of whoever referred you, if someone did",
    "referrer.email_known": "I have their email address",
    "references": "Your references' names, separated by commas (optional)",
    "notes.to": "Who is it to? (optional)",
    "notes.text": "Your note",
}
# the form's headings, buttons and examples (placeholders), by what they belong to
FORM: Final[dict[str, str]] = {
    "advise": "Your situation",
    "advise_submit": "Get advice",
    "check": "Check a draft you wrote",
    "check_submit": "Check my draft",
    "more": "More about your situation",
    "more.timing": "Timing, and what you have heard",
    "more.sending": "Email or card, and your writing",
    "more.interview": "About the interview",
    "more.saying": "For your note to whoever led the interview",
    "more.people": "Others in the process",
    "more.center": "Other questions",
    "add_person": "Add an interviewer",
    "remove_person": "Remove this interviewer",
    "interviewers.topics": "e.g. the new scheduling system, weekend shifts",
    "interviewers.add": "e.g. I have since tried the index you suggested, "
    "and the report ran in a minute.",
    "references": "e.g. Dr. Ana Ruiz, Ben Ode",
    "country": "Not given",
    "why_this_job": "e.g. I like how closely the team works together",
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
    "stage": {
        "unknown": "I'd rather not say",
        "screening": "A screening call",
        "first_round": "A first round",
        "later_round": "A later round",
        "final": "The final round",
    },
    "format": {"in_person": "In person", "video": "By video", "phone": "By phone"},
    "outcome": {"pending": "Not yet", "rejected": "Yes: they turned me down"},
}
