"""The form's words: every field the form asks has its question, every choice its label."""

from __future__ import annotations

from sendorskip.form_words import QUESTIONS, VALUES
from sendorskip.people import INTERVIEWER_KEYS, RECRUITER_KEYS
from sendorskip.situation import FIELDS


def test_every_field_has_its_question_and_every_choice_its_label() -> None:
    for field in FIELDS:
        if field.kind == "interviewers":
            assert field.name in QUESTIONS
            keys = [f"interviewers.{k}" for k in INTERVIEWER_KEYS]
            assert all(k in QUESTIONS or k.split(".")[1] in QUESTIONS for k in keys)
        elif field.kind == "recruiter":
            assert all(f"{field.name}.{k}" in QUESTIONS for k in RECRUITER_KEYS)
        else:
            assert field.name in QUESTIONS, field.name
        if field.kind == "enum":
            assert set(VALUES[field.name]) == set(field.values), field.name
