"""What a draft leaves the reader to do, said under it: fill its blanks, attach what it promises,
put back what a short note left out, cut what is still over the length the check allows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# What the reader wrote that a short note may leave out (template variables), in the order a
# long note loses them (drafts.py). What they add about their conversation ("add") goes last:
# building on it is what a recipient remembers (draft_rubric.md).
EXTRAS = ("forgot", "clarify", "remember", "add")


# A placeholder a note may hold, and the question in the form whose answer fills it.
PLACEHOLDERS = (
    (re.compile(r"\[interviewer's name\]"), "interviewers.name"),
    (re.compile(r"\[something specific you discussed(?: with (?P<greet>[^\]]*))?\]"), "topics"),
    (re.compile(r"\[Your name\]"), "candidate_name"),
)


def _for(name: str) -> str:
    """Whose answer it is, after a question ("for Ana Ruiz"); none for a placeholder's name."""
    return "" if name.startswith("[") else f" for {name}"


def fill(
    body: str, ctx: Mapping[str, Any], purpose: str, questions: Mapping[str, str]
) -> list[str]:
    """Which answer in the form would fill each placeholder left in a note, or make a note that
    only names a topic say something about it (the rubric's 3 of 5: it could go to anyone)."""
    name = str(ctx["to"])
    # A placeholder in a note to the organizer is about a panelist: named by how the note
    # greets them ("with Yuki"), answered under their own name.
    greeted = {p["greet"]: p["name"] for p in ctx["panel"]}
    out = []
    if ctx["kind"] == "organizer":
        out.append(
            f"To fill “{name}”, find out who arranged your interviews: the invitation you were"
            " sent, or the company's front desk, will say."
        )
    for pattern, field in PLACEHOLDERS:
        for placeholder in dict.fromkeys(m[0] for m in pattern.finditer(body)):
            if field == "topics" and ctx["named_as_recruiter"]:
                # The form asks what you discussed only of an interviewer; one name, one note.
                out.append(
                    f"To fill “{placeholder}”, add {name}, named the same way, under"
                    f" “{questions['interviewers']}” and answer “{questions[field]}” there."
                )
                continue
            # "Name" alone could be anyone's: say which question it belongs to.
            where = f" under “{questions['interviewers']}”" if field == "interviewers.name" else ""
            if field == "topics":
                whose = pattern.fullmatch(placeholder)
                person = greeted.get(whose["greet"], name) if whose and whose["greet"] else name
                where = _for(person)
            out.append(f"To fill “{placeholder}”, answer “{questions[field]}”{where}.")
    if ctx["promised"] and ctx["promised"] in body:
        out.append(
            f"The note says you are sending {ctx['promised']}: attach or paste in what you"
            " promised before you send the note."
        )
    # A note after an informational chat thanks them for their advice: it has no place for
    # what went well, an answer to clarify or what they said they would send, and says so
    # rather than drop them unseen.
    if purpose == "informational":
        out += [
            f"Not in this note: “{ctx[key]}” ({label}). After an informational chat, the note"
            " thanks them for their advice; add it yourself if it fits."
            for key, label in (
                ("remember", "what went well"),
                ("clarify", "the answer you want to clarify"),
                ("promised", "what you said you would send"),
            )
            if ctx[key]
        ]
        out += [
            f"No note to {name} here: the passages we quote on thanking a referrer or a"
            " reference say nothing of informational interviews. Our reading: if they helped you"
            " get this conversation, thank them in a line of your own."
            for name in ctx["not_thanked"]
        ]
    # Only the notes built on the conversation have a place for one more thing to say.
    uses_add = ctx["kind"] == "interviewer" and purpose in ("interviewer", "informational")
    # The lead's note may also add what went well, what they forgot or what they clarify,
    # where its template says them (a note after an informational chat says only the second).
    adds = any(ctx[k] and ctx[k] in body for k in EXTRAS)
    if uses_add and ctx["topics"] and not adds and not ctx["short"]:
        out.append(
            f"This note names what you talked about but adds nothing to it. To make it yours,"
            f" answer “{questions['add']}”{_for(name)}."
        )
    return out


def left_out(ctx: Mapping[str, Any], full: str, body: str) -> list[str]:
    """What the reader wrote that ``full`` (the note at its full length) says and ``body``, the
    short note, does not: nothing they wrote goes unseen."""
    dropped = [ctx[k] for k in EXTRAS if ctx[k] and ctx[k] in full and ctx[k] not in body]
    return [
        f"Left out to keep the note short: “{text}” Add it back in place of something else if"
        " it matters more."
        for text in dropped
    ]


def over(body: str, max_words: int) -> list[str]:
    """A draft still over the length (a center may set a lower limit than any draft can reach):
    said, or the check would flag the very draft we wrote without the reader knowing why."""
    words = len(body.split())
    if words <= max_words:
        return []
    return [
        f"This draft is {words} words, more than the {max_words} the draft check allows: cut"
        " what you can spare before you send it."
    ]


def fewer_extras(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """The note's context without its first one, two, three... extras (EXTRAS, in the order a
    long note loses them)."""
    return [{**ctx, **dict.fromkeys(EXTRAS[:n])} for n in range(1, len(EXTRAS) + 1)]
