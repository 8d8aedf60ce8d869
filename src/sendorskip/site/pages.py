"""Markdown generated from the knowledge for the handbook's markers, so pages and engine agree.

Every renderer takes the page's own path, because links must be relative for the site to work
from any sub-path.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping, Sequence

from .. import api
from ..checks import Check
from ..knowledge import Knowledge
from ..labels import STANCES, VERDICTS, Words
from ..rules import Rule
from ..voices import SILENT, Stance, Voice, in_sentence
from . import guide
from .scenarios import Scenario
from .wording import condition_text, effect_text


class Links:
    """Relative links from one page to the others."""

    def __init__(self, page: str) -> None:
        self.base = posixpath.dirname(page)

    def to(self, target: str, anchor: str = "") -> str:
        path = posixpath.relpath(target, self.base or ".")
        return f"{path}#{anchor}" if anchor else path

    def voice(self, kb: Knowledge, vid: str, *, mid_sentence: bool = False) -> str:
        # Seed voices have a card on the experts page; wider guidance is listed under its source.
        voice = kb.voices[vid]
        name = voice.cited_as if mid_sentence else voice.name
        if voice.seed:
            return f"[{name}]({self.to('experts.md', 'voice-' + vid)})"
        return f"[{name}]({self.to('sources.md', 'source-' + voice.source)})"

    def voices(self, kb: Knowledge, ids: Sequence[str]) -> str:
        return kb.words.cited([self.voice(kb, v, mid_sentence=True) for v in ids])


def badge(words: Words, stance: str) -> str:
    return f'<span class="sos-stance-{stance}">{words.stances[stance]}</span>'


def voice_card(kb: Knowledge, voice: Voice, links: Links) -> str:
    """Who they are (in the article's own words), where they said it, their view, their words."""
    source = kb.sources[voice.source]
    where = f"[{in_sentence(source.title)}]({links.to('sources.md', 'source-' + source.id)})"
    if voice.via:
        where = f"Speaking to {kb.sources[voice.via].title}, as quoted in {where}"
    else:
        where = f"{'Quoted in' if voice.attribution else 'Source:'} {where}"
    introduced = f"Introduced as “{voice.attribution}”." if voice.attribution else ""
    return "\n\n".join(
        [
            # The heading names the card once (the page's contents list it) and holds its anchor.
            f"## {voice.name} {{ #voice-{voice.id} }}",
            '<div class="sos-voice" markdown>',
            # A title that ends in its own punctuation ("Yea Or Nay?") takes no full stop.
            f"{where}{'' if source.title[-1] in '?!.' else '.'} {introduced}".strip(),
            f"**{kb.words.phrases['view']}** {voice.view}",
            *([f"**{kb.words.phrases['quoted']}** “{voice.quote}”"] if voice.quote else []),
            "</div>",
        ]
    )


def legend(words: Words) -> str:
    """Every label the matrix shows, defined: stances, then the verdicts of the last row."""
    stances = [f"- {badge(words, k)} {d}" for k, (_, d) in STANCES.items()]
    verdicts = [f"- **{words.verdicts[k]}**: {d}" for k, (_, d) in VERDICTS.items()]
    return "\n".join(
        [
            "**What the labels mean.** In a voice's row:",
            "",
            *stances,
            "",
            "In the last row, **Our advice** is what the checker concludes for the same situation:",
            "",
            *verdicts,
        ]
    )


def _stances(kb: Knowledge, scenarios: Sequence[Scenario], group: str) -> dict[str, list[Stance]]:
    """Each row's stance per column: the two articles' voices; or, beyond them, every voice
    that speaks to one of the columns."""
    facts = [kb.facts(s.situation) for s in scenarios]
    table = {
        v.id: [v.stance_for(f) for f in facts]
        for v in kb.voices.values()
        if v.seed == (group == "seed")
    }
    if group == "seed":
        return table
    return {vid: row for vid, row in table.items() if any(s.stance != SILENT for s in row)}


def matrix(kb: Knowledge, scenarios: Sequence[Scenario], links: Links, group: str) -> str:
    """Who says what: a voice per row, a situation per column, our advice in the last row; then
    each column spelled out with every voice's reason (silent ones named together)."""
    scenarios = [s for s in scenarios if s.group == group]
    rows = _stances(kb, scenarios, group)
    head = "| Voice | " + " | ".join(f"[{s.label}]({links.to(s.page)})" for s in scenarios) + " |"
    lines = [head, "|---" * (len(scenarios) + 1) + "|"]
    for vid, row in rows.items():
        cells = [badge(kb.words, stance.stance) for stance in row]
        lines.append(f"| {links.voice(kb, vid)} | " + " | ".join(cells) + " |")
    verdicts = [api.advise(dict(s.raw), kb)["verdict"] for s in scenarios]
    lines.append(
        "| **Our advice** | " + " | ".join(f"**{kb.words.verdicts[v]}**" for v in verdicts) + " |"
    )
    # Focusable and named, so keyboard users can scroll it sideways on a phone.
    name = "Who says what, by situation" + ("" if group == "seed" else ", beyond the two articles")
    region = f'tabindex="0" role="region" aria-label="{name}"'
    # The labels are defined once, under the first table.
    key = (
        legend(kb.words)
        if group == "seed"
        else "The labels mean what they mean in the first table."
    )
    out = [f'<div class="sos-matrix" markdown {region}>', "", *lines, "", "</div>", "", key, ""]
    for column, s in enumerate(scenarios):
        out += [f"### {s.label}", ""]
        silent = []
        for vid, row in rows.items():
            stance = row[column]
            if stance.stance == SILENT:
                silent.append(links.voice(kb, vid, mid_sentence=True))
            else:
                out.append(
                    f"- {links.voice(kb, vid)}: {badge(kb.words, stance.stance)} {stance.why}"
                )
        if silent:
            sources = "their sources do" if len(silent) > 1 else "the source does"
            out.append(
                f"- {badge(kb.words, SILENT)} {', '.join(silent)}: {sources} not address this."
            )
        out.append("")
    return "\n".join(out)


def decision_guide(kb: Knowledge, href: Mapping[str, str]) -> str:
    return guide.render(guide.load_guide(), kb, href)


def _example(example: object) -> str:
    """An example exactly as the data gives it, so two examples never look alike."""
    text = example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)
    return f"`{text.replace('`', chr(39))}`"


def _examples(title: str, examples: Sequence[object]) -> list[str]:
    return [f"**{title}:**", "", *[f"- {_example(e)}" for e in examples], ""]


def _rule_entry(kb: Knowledge, rule: Rule, links: Links) -> list[str]:
    return [
        f"### {rule.id} {rule.name} {{ #{rule.id.lower()} }}",
        "",
        f"**Says:** {rule.message}",
        "",
        f"**When:** {condition_text(rule.when)}.",
        "",
        f"**Effect:** {effect_text(rule.effect, kb.words)}",
        "",
        f"**Why:** {rule.why}",
        "",
        f"**Voices:** {links.voices(kb, rule.voices)}",
        "",
        *_examples("Fires for", rule.fires),
        *_examples("Stays silent for", rule.silent),
    ]


def _check_entry(kb: Knowledge, check: Check, links: Links) -> list[str]:
    return [
        f"### {check.id} {check.name} {{ #{check.id.lower()} }}",
        "",
        f"**Says:** {check.message} *({check.severity})*",
        "",
        f"**Write instead:** {check.instead}",
        "",
        f"**Why:** {check.why}",
        "",
        f"**Voices:** {links.voices(kb, check.voices)}",
        "",
        *_examples("Flags", check.fires),
        *_examples("Leaves alone", check.silent),
    ]


def rules_reference(kb: Knowledge, links: Links) -> str:
    return "\n".join(line for rule in kb.rules for line in _rule_entry(kb, rule, links))


def checks_reference(kb: Knowledge, links: Links) -> str:
    return "\n".join(line for check in kb.checks for line in _check_entry(kb, check, links))


def source_list(kb: Knowledge, links: Links) -> str:
    kinds = {
        "article": "Article",
        "outlet": "Outlet cited by an article",
        "career-center": "Career-center guidance",
        "guide": "Other guidance",
    }
    out = []
    for source in kb.sources.values():
        title = f"[{source.title}]({source.url})" if source.url else source.title
        out.append(f"- **{title}**{{ #source-{source.id} }} ({kinds[source.kind]}). {source.note}")
    return "\n".join(out)
