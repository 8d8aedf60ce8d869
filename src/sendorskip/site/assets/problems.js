// @ts-check
// Problems shown where they are: each engine problem record names a field (a path such as
// `interviewers[1].name`); the form marks that field (aria-invalid, the message under it) and
// focus goes to the first. What no field holds (an unknown field in a shared link) is listed
// in the form's summary.

import { el, find, show } from "./dom.js";

/** @typedef {import("./engine.js").ProblemRecord} ProblemRecord */

let ids = 0;

/**
 * Where a record belongs: the form's field wrapper for its path, if the form has one.
 * @param {HTMLFormElement} form
 * @param {string} path
 * @param {Element[]} rows the interviewer rows, in the order the situation listed them
 * @returns {Element | null}
 */
function wrapper(form, path, rows) {
  const steps = path
    .replace(/^notes\[\d+\]\.?/, "")
    .split(".")
    .filter(Boolean);
  let scope = /** @type {Element} */ (form);
  for (const [i, step] of steps.entries()) {
    const [, key, index] = /^([\w-]+)(?:\[(\d+)\])?$/.exec(step) || [];
    if (!key) return null;
    if (key === "interviewers" && index !== undefined && rows[Number(index)]) {
      if (i === steps.length - 1) return find(rows[Number(index)], "[data-sos-field]");
      scope = rows[Number(index)];
      continue;
    }
    // At the top, a field outside every person row (the recruiter's group is one itself).
    const top = (/** @type {Element} */ node) =>
      node.matches("[data-sos-group]") || !node.parentElement?.closest("[data-sos-person],[data-sos-group]");
    const next = [...scope.querySelectorAll(`[data-sos-field="${key}"]`)].find((node) => scope !== form || top(node));
    if (!next) return null;
    scope = next;
  }
  return scope === form ? null : scope;
}

/**
 * The message element directly under a field, and the element that takes aria-invalid.
 * @param {Element} field
 */
function parts(field) {
  const message = /** @type {HTMLElement} */ (field.querySelector(":scope > [data-sos-field-problem]"));
  const target = field.matches("[role=radiogroup]") ? field : field.querySelector("input,select,textarea");
  return { message, target };
}

/**
 * Remove every mark and message from a form.
 * @param {HTMLFormElement} form
 */
export function clearProblems(form) {
  form.querySelectorAll("[aria-invalid]").forEach((node) => {
    node.removeAttribute("aria-invalid");
    node.removeAttribute("aria-describedby");
  });
  form.querySelectorAll("[data-sos-field-problem]").forEach((node) => {
    /** @type {HTMLElement} */ (node).hidden = true;
    node.textContent = "";
  });
  const box = /** @type {HTMLElement} */ (find(form, ":scope > [data-sos-problems]"));
  box.hidden = true;
  box.replaceChildren();
}

/**
 * Mark each problem on its field, list the ones no field holds, and focus the first.
 * @param {HTMLFormElement} form
 * @param {ProblemRecord[]} records
 * @param {Element[]} rows
 * @param {Record<string, string>} phrases
 * @param {string} [intro] the summary's first line (phrases.please_check by default)
 */
export function showProblems(form, records, rows, phrases, intro = phrases.please_check) {
  clearProblems(form);
  /** @type {string[]} */
  const unplaced = [];
  /** @type {HTMLElement[]} */
  const marked = [];
  for (const record of records) {
    const field = record.field ? wrapper(form, record.field, rows) : null;
    if (!field) {
      unplaced.push(record.field ? `${record.field}: ${record.message}` : record.message);
      continue;
    }
    const { message, target } = parts(field);
    if (!message || !target) {
      unplaced.push(`${record.field}: ${record.message}`);
      continue;
    }
    message.id ||= `sos-problem-${++ids}`;
    message.hidden = false;
    message.textContent = message.textContent ? `${message.textContent} ${record.message}` : record.message;
    target.setAttribute("aria-invalid", "true");
    target.setAttribute("aria-describedby", message.id);
    marked.push(/** @type {HTMLElement} */ (target));
  }
  const box = /** @type {HTMLElement} */ (find(form, ":scope > [data-sos-problems]"));
  show(
    box,
    el("p", {}, intro),
    unplaced.length
      ? el(
          "ul",
          {},
          unplaced.map((p) => el("li", {}, p)),
        )
      : null,
  );
  box.hidden = false;
  const first = marked[0];
  if (first) {
    first.closest("details")?.setAttribute("open", "");
    const focusable = first.matches("[role=radiogroup]") ? first.querySelector("input") : first;
    /** @type {HTMLElement | null} */ (focusable)?.focus();
  } else box.focus();
}
