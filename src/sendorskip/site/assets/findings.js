// @ts-check
// The draft check: the note with each problem marked in place, then the problems, grouped (one
// entry per kind of problem, however often it occurs), the most serious first.

import { voiceLinks } from "./advice.js";
import { el, show } from "./dom.js";

/** @typedef {import("./dom.js").Settings} Settings */
/**
 * One kind of problem in the note (sendorskip.page.findings).
 * @typedef {{
 *   check: string, severity: string, severity_label: string, title: string, instead: string,
 *   why: string, voices: string[], whole: boolean, where: string,
 *   places: {start: number, end: number}[],
 * }} Group
 */

const WORST_FIRST = ["error", "warning", "info"];

/**
 * The note as text with marks: each mark is numbered after the problem it belongs to.
 * Offsets are UTF-16 code units, as JavaScript strings count, so a mark never splits an emoji.
 * @param {string} text
 * @param {Group[]} groups
 */
function markedNote(text, groups) {
  const places = groups.flatMap((g, i) => (g.whole ? [] : g.places.map((p) => ({ ...p, g, n: i + 1 }))));
  const cuts = [...new Set([0, text.length, ...places.flatMap((p) => [p.start, p.end])])].sort((a, b) => a - b);
  const marked = el("div", { class: "sos-marked" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = places.filter((p) => p.start <= from && to <= p.end);
    const piece = text.slice(from, to);
    if (!covering.length) {
      marked.append(piece);
      continue;
    }
    const worst = WORST_FIRST.find((s) => covering.some((p) => p.g.severity === s));
    const checks = covering.map((p) => p.g.check).join(" ");
    // Line breaks, and the spaces around them, stay unmarked: a mark over several paragraphs
    // (a note too long) would otherwise paint the blank lines between them.
    piece.split(/(\s*\n\s*)/).forEach((part, j) => {
      if (j % 2 || !part) marked.append(part);
      else marked.append(el("mark", { class: `sos-mark sos-mark--${worst}`, "data-sos-check": checks }, part));
    });
    const ending = covering.filter((p) => p.end === to);
    if (ending.length) marked.append(el("sup", {}, ending.map((p) => `[${p.n}]`).join("")));
  }
  return marked;
}

/**
 * @param {HTMLElement} section
 * @param {string} text the note as checked
 * @param {Group[]} groups
 * @param {Settings} settings
 * @param {() => void} edit called to edit the note again
 */
export function renderFindings(section, text, groups, settings, edit) {
  const { phrase } = settings.labels;
  const again = el("button", { type: "button", class: "md-button" }, phrase.edit_draft);
  again.addEventListener("click", edit);
  show(
    section,
    el("h2", { class: "sos-heading" }, phrase.your_draft),
    markedNote(text, groups),
    groups.length ? null : el("p", {}, phrase.no_findings),
    groups.length
      ? el(
          "ol",
          { class: "sos-finding-list" },
          groups.map((g) => {
            const cited = voiceLinks(settings, g.voices);
            return el(
              "li",
              { class: `sos-finding sos-finding--${g.severity}` },
              el(
                "p",
                { class: "sos-finding__title" },
                el(
                  "span",
                  { class: "sos-finding__severity" },
                  el("span", { class: "sos-icon", "aria-hidden": "true" }),
                  `${g.severity_label}:`,
                ),
                " ",
                el("strong", {}, g.title),
                g.where ? ` (${g.where})` : null,
              ),
              el("p", { class: "sos-finding__instead" }, el("strong", {}, phrase.instead), " ", g.instead),
              el("p", { class: "sos-finding__why" }, g.why, " (", cited.links, ")"),
              cited.cards,
            );
          }),
        )
      : null,
    el("div", { class: "sos-actions" }, again),
  );
}
