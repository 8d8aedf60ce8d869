// @ts-check
// The advice, answer first: the verdict with its headline, then the plan, the drafts, why, and
// what the experts would say, each reachable from a short menu. Every word is the package's.

import { download, el, say, show } from "./dom.js";

/** @typedef {import("./dom.js").Settings} Settings */
/** @typedef {import("./dom.js").Child} Child */
/** @typedef {{to: string, subject: string, body: string, suggestions: string[]}} Draft */
/**
 * The page's view of the advice (sendorskip.page.advice).
 * @typedef {{
 *   verdict: string, headline: string,
 *   reasons: {id: string, text: string, why: string, voices: string[]}[],
 *   panel: {voice: string, name: string, stance: string, why: string}[],
 *   plan: {tips: string[], follow_ups: {in_days: number, channel: string, purpose: string}[]},
 *   plan_lines: string[], follow_up_lines: string[], drafts: Draft[],
 * }} AdviceView
 */

// The panel's columns, in reading order.
const STANCES = ["send", "neutral", "skip", "silent"];

// Numbers the cards shown in place, so each link can name the card it controls.
let cards = 0;

/**
 * Each voice named, linked to their card where the site has one. A plain click shows the card
 * here, under the text that cites them, since leaving would take the reader away from their
 * results; a click with a modifier key still follows the link (a new tab, say).
 * @param {Settings} settings
 * @param {string[]} ids
 * @returns {{links: Child[], cards: HTMLElement[]}}
 */
export function voiceLinks(settings, ids) {
  const { phrase } = settings.labels;
  /** @type {HTMLElement[]} */
  const shown = [];
  const links = ids.map((id, i) => {
    const voice = settings.voices[id];
    if (!voice?.href) return [i ? ", " : "", el("span", {}, voice ? voice.cited_as : id)];
    cards += 1;
    const card = el(
      "div",
      { class: "sos-voice-card", id: `sos-voice-card-${cards}`, hidden: true },
      el("p", {}, el("strong", {}, voice.name), voice.who ? `, ${voice.who}` : ""),
      el("p", {}, el("strong", {}, phrase.view), " ", voice.view),
      voice.quote ? el("p", {}, el("strong", {}, phrase.quoted), " ", el("q", {}, voice.quote)) : null,
    );
    const link = el("a", { href: voice.href, "aria-expanded": "false", "aria-controls": card.id }, voice.cited_as);
    link.addEventListener("click", (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      // Material's instant navigation listens further up; the card is this click's whole answer.
      event.stopPropagation();
      card.hidden = !card.hidden;
      link.setAttribute("aria-expanded", String(!card.hidden));
    });
    shown.push(card);
    return [i ? ", " : "", link];
  });
  return { links, cards: shown };
}

/**
 * @param {Draft} draft
 * @param {Record<string, string>} phrases
 * @param {(draft: Draft) => void} check
 */
function draftActions(draft, phrases, check) {
  const text = draft.subject ? `${phrases.subject} ${draft.subject}\n\n${draft.body}\n` : `${draft.body}\n`;
  // The note alone: pasted into a message, a "Subject:" line would land in its body.
  const [copy, status] = copier(`${draft.body}\n`, phrases.copy, phrases, { class: "md-button" });
  const mailto = `mailto:?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.body)}`;
  const mail = draft.subject ? el("a", { class: "md-button", href: mailto }, phrases.mail) : null;
  const save = el("button", { type: "button", class: "md-button" }, phrases.download);
  save.addEventListener("click", () =>
    download(text, say(phrases, "note_file", { to: draft.to.replace(/[^\w-]+/g, "-") }), "text/plain;charset=utf-8"),
  );
  const review = el("button", { type: "button", class: "md-button" }, phrases.check_this);
  review.addEventListener("click", () => check(draft));
  // Named after its draft: a screen reader's list of buttons otherwise holds "Copy" once per draft.
  const group = { class: "sos-actions", role: "group", "aria-label": say(phrases, "to", { name: draft.to }) };
  return el("div", group, copy, mail, save, review, status);
}

/**
 * A button that copies `text`, and the status line that says whether it did.
 * @param {string} text
 * @param {string} label
 * @param {Record<string, string>} phrases
 * @param {Record<string, string>} attrs
 */
function copier(text, label, phrases, attrs) {
  const status = el("span", { class: "sos-copied", role: "status" });
  const button = el("button", { type: "button", ...attrs }, label);
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = phrases.copied;
    } catch {
      status.textContent = phrases.copy_blocked;
    }
  });
  return [button, status];
}

/**
 * When to follow up if nobody replies, and a button that puts those dates in a calendar file.
 * @param {string[]} lines
 * @param {Record<string, string>} phrases
 * @param {() => void} toCalendar
 */
function followUps(lines, phrases, toCalendar) {
  const button = el("button", { type: "button", class: "md-button" }, phrases.calendar);
  button.addEventListener("click", toCalendar);
  return el(
    "div",
    { class: "sos-follow-ups" },
    el("h4", {}, phrases.follow_ups),
    el(
      "ul",
      {},
      lines.map((line) => el("li", {}, line)),
    ),
    el("div", { class: "sos-actions" }, button),
  );
}

/**
 * A section with its heading, reachable from the menu by its (namespaced) id.
 * @param {string} id
 * @param {string} title
 * @param {...import("./dom.js").Child} children
 */
function part(id, title, ...children) {
  return el("section", { class: "sos-part", "aria-labelledby": id }, el("h3", { id }, title), ...children);
}

/**
 * @param {HTMLElement} section
 * @param {AdviceView} advice
 * @param {Settings} settings
 * @param {(draft: Draft) => void} check called to check one of the drafts
 * @param {() => void} toCalendar called to save the follow-up dates as a calendar file
 */
export function renderAdvice(section, advice, settings, check, toCalendar) {
  const { phrase, verdict, stance } = settings.labels;
  const parts = [
    advice.plan_lines.length || advice.plan.tips.length ? ["sos-plan", phrase.plan] : null,
    advice.drafts.length ? ["sos-drafts", phrase.drafts] : null,
    advice.reasons.length ? ["sos-why", phrase.why] : null,
    ["sos-experts", phrase.experts],
  ].filter((p) => p !== null);
  const title = (/** @type {string} */ id) => parts.find((p) => p[0] === id)?.[1] || "";
  show(
    section,
    el("h2", { class: "sos-heading" }, phrase.advice),
    el(
      "div",
      { class: `sos-verdict sos-verdict--${advice.verdict}` },
      el("p", { class: "sos-verdict__label" }, verdict[advice.verdict]),
      el("p", { class: "sos-verdict__headline" }, advice.headline),
    ),
    el(
      "nav",
      { class: "sos-menu", "aria-label": phrase.contents },
      el(
        "ul",
        {},
        parts.map(([id, text]) => el("li", {}, el("a", { href: `#${id}` }, text))),
      ),
    ),
    title("sos-plan")
      ? part(
          "sos-plan",
          phrase.plan,
          advice.plan_lines.length
            ? el(
                "ul",
                { class: "sos-plan" },
                advice.plan_lines.map((line) => el("li", {}, line)),
              )
            : el("p", {}, phrase.no_note),
          advice.plan.tips.length
            ? el(
                "ul",
                { class: "sos-tips" },
                advice.plan.tips.map((t) => el("li", {}, t)),
              )
            : null,
          advice.follow_up_lines.length ? followUps(advice.follow_up_lines, phrase, toCalendar) : null,
        )
      : null,
    title("sos-drafts")
      ? part(
          "sos-drafts",
          phrase.drafts,
          advice.drafts.map((d) =>
            el(
              "article",
              { class: "sos-draft" },
              el("h4", {}, say(phrase, "to", { name: d.to })),
              d.subject
                ? el(
                    "p",
                    { class: "sos-draft__subject" },
                    el("strong", {}, phrase.subject),
                    " ",
                    d.subject,
                    " ",
                    // Named after its draft, as the buttons' group is.
                    copier(d.subject, phrase.copy_subject, phrase, {
                      class: "sos-link-button",
                      "aria-label": say(phrase, "copy_subject_to", { name: d.to }),
                    }),
                  )
                : null,
              el("pre", { class: "sos-draft__body", tabindex: "0" }, d.body),
              d.suggestions.length
                ? el(
                    "ul",
                    { class: "sos-draft__suggestions" },
                    d.suggestions.map((t) => el("li", {}, t)),
                  )
                : null,
              draftActions(d, phrase, check),
            ),
          ),
        )
      : null,
    title("sos-why")
      ? part(
          "sos-why",
          phrase.why,
          el(
            "ul",
            { class: "sos-reasons" },
            advice.reasons.map((r) => {
              const { links, cards } = voiceLinks(settings, r.voices);
              const cited = r.voices.length ? links : phrase.our_reading;
              return el("li", {}, el("strong", {}, r.text), " ", r.why, " (", cited, ")", cards);
            }),
          ),
        )
      : null,
    part(
      "sos-experts",
      phrase.experts,
      el(
        "div",
        { class: "sos-panel" },
        // A stance nobody takes gets no empty card.
        STANCES.filter((s) => advice.panel.some((p) => p.stance === s)).map((s) => {
          const voices = advice.panel.filter((p) => p.stance === s);
          return el(
            "div",
            { class: `sos-panel__column sos-panel__column--${s}` },
            el("h4", {}, say(phrase, "stance_count", { label: stance[s], n: voices.length })),
            el(
              "ul",
              {},
              voices.map((p) => {
                const { links, cards } = voiceLinks(settings, [p.voice]);
                return el("li", {}, el("strong", {}, links), ": ", p.why, cards);
              }),
            ),
          );
        }),
      ),
    ),
  );
}
