"""The verdict policy: how fired rules combine into a verdict and a plan. It lives here, once.

1. Every rule whose ``when`` matches the situation fires; fired rules are the reasons.
2. Verdict: the most cautious verdict any fired rule sets, in the order withdraw, skip,
   recruiter_only, optional, send. With none set: send (the conventional wisdom both articles
   start from).
3. Medium: email, unless a fired rule allows a handwritten card and none asks for email
   (a card may arrive after the decision; email never does).
4. Deadline: the shortest ``within_hours`` of any fired rule, else none: a deadline we made up
   would read as the sources'. ``send_within_hours`` counts from now, and 0 means send now (late,
   but still send). It is the interview notes' deadline: the sources set none for a referrer's
   or a reference's note.
5. Recipients, by verdict: skip → nobody; recruiter_only → the recruiter; withdraw → the
   recruiter, or else the lead interviewer; send/optional → each interviewer separately (or one
   note to a coordinator when a rule says so), plus the recruiter when a rule adds them; a
   reply (after a rejection) → the recruiter, or else the lead. A referrer or references a rule
   adds get a note each whatever the verdict but skip.
6. Panel: for each seed voice, its first stance whose ``when`` matches.
7. Reasons agree with the verdict: under skip, a fired rule whose effect only makes sense when a
   note is sent (a medium, a deadline, recipients, a tip, follow-ups, short or formal drafts, a
   question in a note) is dropped, with its effect.
8. Follow-ups, when a rule asks for them and they said when you would hear: email a week after
   that date, and again a week later (FOLLOW_UPS), counted in days from now.
9. Drafts are short when any fired rule asks for it (an unsure writer; where a note is not the
   custom), and any draft over the length our own check allows is shortened (drafts.py). They
   are formal when any fired rule asks for it (where a note is not the custom): never addressed
   by first name alone.
10. A question in a note: when any fired rule asks for it, one note asks when the reader will
   hear: the recruiter's, or else the organizer's or the lead interviewer's, unless it is a
   card. One asks, since the panel need not hear the question four times.
"""

from __future__ import annotations

from dataclasses import dataclass

from .conditions import matches
from .facts import FACT_BY_NAME
from .knowledge import Knowledge
from .people import Person
from .rules import VERDICTS, Rule
from .situation import PLACEHOLDER_INTERVIEWER, PLACEHOLDER_ORGANIZER, Situation, lead_of

DEFAULT_VERDICT = "send"
# Days after the date they gave, and why (Iowa State ECS: within a week of that date; Georgetown:
# another email two weeks after).
FOLLOW_UPS = ((7, "ask where things stand"), (14, "ask once more"))


@dataclass(frozen=True)
class FollowUp:
    in_days: float  # from now
    channel: str
    purpose: str


@dataclass(frozen=True)
class Recipient:
    person: Person
    kind: str  # interviewer | recruiter | referrer | reference | organizer
    channel: str  # email | post | via_recruiter | find_address
    purpose: str  # the draft template (drafts.TEMPLATES)


@dataclass(frozen=True)
class Decision:
    fired: tuple[Rule, ...]
    verdict: str
    medium: str
    send_within_hours: float | None  # None: no fired rule sets a deadline
    recipients: tuple[Recipient, ...]
    tips: tuple[str, ...]
    follow_ups: tuple[FollowUp, ...]
    short: bool  # a fired rule asks for short drafts
    formal: bool  # a fired rule asks for drafts that never greet by first name alone
    ask_when: bool  # a fired rule asks for one note to ask when the reader will hear


def fired_rules(knowledge: Knowledge, situation: Situation) -> tuple[Rule, ...]:
    facts = knowledge.facts(situation)
    return tuple(r for r in knowledge.rules if matches(r.when, facts))


def needs_a_note(rule: Rule) -> bool:
    """Advice about a note (how, when, to whom, what to write) contradicts a verdict to skip."""
    e = rule.effect
    return bool(
        e.medium
        or e.within_hours is not None
        or e.recipients
        or e.tip
        or e.follow_up
        or e.short
        or e.formal
        or e.ask_when
    )


def _verdict(fired: tuple[Rule, ...]) -> str:
    set_by_rules = {r.effect.verdict for r in fired if r.effect.verdict}
    return next((v for v in VERDICTS if v in set_by_rules), DEFAULT_VERDICT)


def _medium(fired: tuple[Rule, ...]) -> str:
    asked = {r.effect.medium for r in fired}
    return "handwritten" if "handwritten" in asked and "email" not in asked else "email"


# How a note in each medium reaches someone whose address is known: the plan's channel.
CHANNEL_OF: dict[str, str] = {"email": "email", "handwritten": "post"}


def _channel(person: Person, medium: str, situation: Situation) -> str:
    if medium == "handwritten":
        return CHANNEL_OF[medium]
    if person.email_known:
        return "email"
    # Through the recruiter only where the rules see one (no note goes to them after an
    # informational chat, so none passes one on).
    return "via_recruiter" if FACT_BY_NAME["has_recruiter"].get(situation) else "find_address"


def _recipients(
    situation: Situation, verdict: str, medium: str, fired: tuple[Rule, ...]
) -> list[Recipient]:
    recruiter = situation.recruiter
    wants = {r.effect.recipients for r in fired}

    def to_recruiter(purpose: str) -> Recipient:
        assert recruiter is not None
        return Recipient(
            recruiter, "recruiter", "email" if recruiter.email_known else "find_address", purpose
        )

    if verdict == "skip":
        return []
    if verdict == "recruiter_only":
        return [to_recruiter("recover")] if recruiter else []
    if "reply" in wants:
        if recruiter:
            return [to_recruiter("rejection")]
        lead = lead_of(situation)
        return [Recipient(lead, "interviewer", _channel(lead, medium, situation), "rejection")]
    if verdict == "withdraw":
        if recruiter:
            return [to_recruiter("withdraw")]
        lead = lead_of(situation)
        return [Recipient(lead, "interviewer", _channel(lead, "email", situation), "withdraw")]
    if "coordinator" in wants:
        if recruiter:
            return [to_recruiter("coordinator")]
        # Not the lead interviewer: the note asks its reader to thank the panel, the lead too.
        return [Recipient(PLACEHOLDER_ORGANIZER, "organizer", "find_address", "coordinator")]
    people = situation.interviewers or (PLACEHOLDER_INTERVIEWER,)
    purpose = "informational" if situation.informational else "interviewer"
    out = [Recipient(p, "interviewer", _channel(p, medium, situation), purpose) for p in people]
    if recruiter and "add-recruiter" in wants:
        out.append(to_recruiter("recruiter"))
    return out


def _helpers(situation: Situation, fired: tuple[Rule, ...]) -> list[Recipient]:
    """Whoever helped you get the interview, when a rule adds them: a referrer, references."""
    wants = {r.effect.recipients for r in fired}
    referrer = [situation.referrer] if situation.referrer and "add-referrer" in wants else []
    references = situation.references if "add-references" in wants else ()
    return [
        Recipient(p, kind, "email" if p.email_known else "find_address", "helper")
        for kind, group in (("referrer", referrer), ("reference", references))
        for p in group
    ]


def _follow_ups(situation: Situation, fired: tuple[Rule, ...]) -> tuple[FollowUp, ...]:
    said = situation.response_expected_in_days
    if said is None or not any(r.effect.follow_up for r in fired):
        return ()
    days_since = (situation.hours_since or 0) / 24
    return tuple(
        FollowUp(max(said + after - days_since, 0.0), "email", purpose)
        for after, purpose in FOLLOW_UPS
    )


def decide(knowledge: Knowledge, situation: Situation) -> Decision:
    fired = fired_rules(knowledge, situation)
    verdict = _verdict(fired)
    if verdict == "skip":
        fired = tuple(r for r in fired if not needs_a_note(r))
    medium = _medium(fired)
    deadlines = [r.effect.within_hours for r in fired if r.effect.within_hours is not None]
    deadline = min(deadlines, default=None)
    recipients = _recipients(situation, verdict, medium, fired) + _helpers(situation, fired)
    return Decision(
        fired=fired,
        verdict=verdict,
        medium=medium,
        send_within_hours=(
            None if deadline is None else max(deadline - (situation.hours_since or 0), 0.0)
        ),
        recipients=tuple(recipients),
        tips=tuple(dict.fromkeys(r.effect.tip for r in fired if r.effect.tip)),
        follow_ups=_follow_ups(situation, fired),
        short=any(r.effect.short for r in fired),
        formal=any(r.effect.formal for r in fired),
        ask_when=any(r.effect.ask_when for r in fired),
    )
