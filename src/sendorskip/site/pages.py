"""Markdown generated from the knowledge for the handbook's markers, so pages and engine agree.

Every renderer takes the page's own path, because links must be relative for the site to work
from any sub-path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence

from .. import api
from ..checks import Check
from ..facts import facts_of
from ..knowledge import Knowledge
from ..rules import Rule
from ..validate import example_input
from ..voices import Voice
from .scenarios import Scenario
from .wording import condition_text, situation_text

STANCE_LABEL = {"send": "Send", "skip": "Skip", "neutral": "Neutral"}
VERDICT_LABEL = {
    "send": "Send",
    "optional": "Optional",
    "skip": "Skip",
    "recruiter_only": "Recruiter only",
    "withdraw": "Withdraw",
}
GROUPS: tuple[tuple[str, Callable[[Rule], bool]], ...] = (
    ("Send or skip?", lambda r: bool(r.effect.verdict)),
    ("When to send it", lambda r: r.effect.within_hours is not None),
    ("Email or card", lambda r: bool(r.effect.medium)),
    ("Who gets a note", lambda r: bool(r.effect.recipients)),
    ("What to keep in mind", lambda r: True),
)


class Links:
    """Relative links from one page to the others."""

    def __init__(self, page: str) -> None:
        self.base = posixpath.dirname(page)

    def to(self, target: str, anchor: str = "") -> str:
        path = posixpath.relpath(target, self.base or ".")
        return f"{path}#{anchor}" if anchor else path

    def voice(self, kb: Knowledge, vid: str) -> str:
        # Seed voices have a card on the experts page; wider guidance is listed under its source.
        voice = kb.voices[vid]
        if voice.seed:
            return f"[{voice.name}]({self.to('experts.md', 'voice-' + vid)})"
        return f"[{voice.name}]({self.to('sources.md', 'source-' + voice.source)})"

    def voices(self, kb: Knowledge, ids: Sequence[str]) -> str:
        return ", ".join(self.voice(kb, v) for v in ids)

    def record(self, rid: str) -> str:
        return f"[{rid}]({self.to('reference.md', rid.lower())})"


def badge(stance: str) -> str:
    return f'<span class="sos-stance-{stance}">{STANCE_LABEL[stance]}</span>'


def voice_card(kb: Knowledge, voice: Voice, links: Links) -> str:
    source = kb.sources[voice.source]
    via = f", via {kb.sources[voice.via].title}" if voice.via else ""
    cited = [r.id for r in kb.rules if voice.id in r.voices] + [
        c.id for c in kb.checks if voice.id in c.voices
    ]
    # The article's own words for who they are, when it gives them; else our name for the voice.
    title = voice.attribution or ", ".join(
        p for p in (voice.name, voice.role, voice.organisation) if p
    )
    checker = ", ".join(links.record(c) for c in cited) if cited else "shown on the expert panel"
    return "\n\n".join(
        [
            '<div class="sos-voice" markdown>',
            f"**{title}**{{ #voice-{voice.id} }}",
            f"Source: [{source.title}]({links.to('sources.md', 'source-' + source.id)}){via}.",
            f"In the checker: {checker}.",
            "</div>",
        ]
    )


def matrix(kb: Knowledge, scenarios: Sequence[Scenario], links: Links) -> str:
    seeds = [v for v in kb.voices.values() if v.seed]
    head = "| Voice | " + " | ".join(f"[{s.label}]({links.to(s.page)})" for s in scenarios) + " |"
    rows = [head, "|---" * (len(scenarios) + 1) + "|"]
    for voice in seeds:
        cells = [badge(voice.stance_for(facts_of(s.situation)).stance) for s in scenarios]
        rows.append(f"| {links.voice(kb, voice.id)} | " + " | ".join(cells) + " |")
    verdicts = [api.advise(dict(s.raw), kb)["verdict"] for s in scenarios]
    rows.append(
        "| **Our advice** | " + " | ".join(f"**{VERDICT_LABEL[v]}**" for v in verdicts) + " |"
    )
    # Focusable and named, so keyboard users can scroll it sideways on a phone.
    region = 'tabindex="0" role="region" aria-label="Who says what, by situation"'
    out = [f'<div class="sos-matrix" markdown {region}>', "", *rows, "", "</div>", ""]
    for s in scenarios:
        out += [f"### {s.label}", ""]
        for voice in seeds:
            stance = voice.stance_for(facts_of(s.situation))
            out.append(f"- {links.voice(kb, voice.id)}: {badge(stance.stance)} {stance.why}")
        out.append("")
    return "\n".join(out)


def decision_guide(kb: Knowledge, links: Links) -> str:
    out: list[str] = []
    placed: set[str] = set()
    for title, belongs in GROUPS:
        rules = [r for r in kb.rules if r.id not in placed and belongs(r)]
        if not rules:
            continue
        out += [f"## {title}", ""]
        for rule in rules:
            placed.add(rule.id)
            out += [
                f"- **When {condition_text(rule.when)}:** {rule.message}",
                f"  *Why:* {rule.why} ({links.voices(kb, rule.voices)}; {links.record(rule.id)})",
                "",
            ]
    return "\n".join(out)


def _rule_entry(kb: Knowledge, rule: Rule, links: Links) -> list[str]:
    effect = ", ".join(
        f"{k.replace('_', ' ')}: {v}" for k, v in vars(rule.effect).items() if v not in ("", None)
    )
    return [
        f"### {rule.id} {rule.name} {{ #{rule.id.lower()} }}",
        "",
        f"**Says:** {rule.message}",
        "",
        f"**When:** {condition_text(rule.when)}. **Effect:** {effect or 'a reason only'}.",
        "",
        f"**Why:** {rule.why}",
        "",
        f"**Voices:** {links.voices(kb, rule.voices)}",
        "",
        "**Fires for:**",
        "",
        *[f"- `{situation_text(e)}`" for e in rule.fires],
        "",
        "**Stays silent for:**",
        "",
        *[f"- `{situation_text(e)}`" for e in rule.silent],
        "",
    ]


def _example_text(example: object) -> str:
    data = example_input(example)
    notes = " / ".join(n["text"] for n in data["notes"])
    return notes.replace("`", "'")


def _check_entry(kb: Knowledge, check: Check, links: Links) -> list[str]:
    return [
        f"### {check.id} {check.name} {{ #{check.id.lower()} }}",
        "",
        f"**Says:** {check.message} *({check.severity})*",
        "",
        f"**Why:** {check.why}",
        "",
        f"**Voices:** {links.voices(kb, check.voices)}",
        "",
        "**Flags:**",
        "",
        *[f"- `{_example_text(e)}`" for e in check.fires],
        "",
        "**Leaves alone:**",
        "",
        *[f"- `{_example_text(e)}`" for e in check.silent],
        "",
    ]


def rules_reference(kb: Knowledge, links: Links) -> str:
    return "\n".join(line for rule in kb.rules for line in _rule_entry(kb, rule, links))


def checks_reference(kb: Knowledge, links: Links) -> str:
    return "\n".join(line for check in kb.checks for line in _check_entry(kb, check, links))


def source_list(kb: Knowledge, links: Links) -> str:
    kinds = {
        "article": "Article",
        "outlet": "Outlet cited",
        "career-center": "Career-center guidance",
    }
    out = []
    for source in kb.sources.values():
        out.append(
            f"- **{source.title}**{{ #source-{source.id} }} ({kinds[source.kind]}). {source.note}"
        )
    return "\n".join(out)
