// @ts-check
// The situation form: reading it into the situation's JSON, filling it from one (a shared link),
// and its interviewer rows. The controls are generated from the situation's fields (form.py):
// a checkbox gives the opposite of its field's default when ticked, a choice left as the form
// started is left out (the engine's default is the same), blank text is left out, and a list
// (data-sos-list: topics, references) is typed on one line, separated by commas.

import { find, say } from "./dom.js";

/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control */
/** @typedef {Record<string, unknown>} Situation */

const GROUPS = "[data-sos-person],[data-sos-group]";

/**
 * @param {ParentNode} root
 * @returns {Control[]}
 */
function controls(root) {
  return [...root.querySelectorAll("input[name],select[name],textarea[name]")].map(
    (node) => /** @type {Control} */ (node),
  );
}

/**
 * Put one control's answer into `into`, if it gives one.
 * @param {Situation} into
 * @param {Control} control
 */
function put(into, control) {
  const { name } = control;
  if (control instanceof HTMLInputElement && control.type === "radio") {
    if (control.checked && !control.defaultChecked) into[name] = control.value;
  } else if (control instanceof HTMLInputElement && control.type === "checkbox") {
    if (control.checked) into[name] = control.dataset.sosDefault !== "true";
  } else if (control instanceof HTMLSelectElement) {
    const option = control.selectedOptions[0];
    if (option && !option.defaultSelected) into[name] = control.value;
  } else if (control.dataset.sosList !== undefined) {
    const items = control.value
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter(Boolean);
    if (items.length) into[name] = items;
  } else if (control.value.trim()) {
    const value = control.value.trim();
    into[name] = control instanceof HTMLInputElement && control.type === "number" ? Number(value) : value;
  }
}

/**
 * A person's answers.
 * @param {Element} row
 */
function person(row) {
  /** @type {Situation} */
  const answers = {};
  controls(row).forEach((control) => put(answers, control));
  return answers;
}

/**
 * The situation the form describes, and the interviewer rows in the order it lists them.
 * @param {HTMLFormElement} form
 * @returns {{situation: Situation, rows: Element[]}}
 */
export function readSituation(form) {
  /** @type {Situation} */
  const situation = {};
  for (const control of controls(form)) if (!control.closest(GROUPS)) put(situation, control);
  const rows = [...form.querySelectorAll("[data-sos-person]")].filter((row) => Object.keys(person(row)).length);
  if (rows.length) situation.interviewers = rows.map(person);
  form.querySelectorAll("[data-sos-group]").forEach((group) => {
    const answers = person(group);
    const name = /** @type {HTMLElement} */ (group).dataset.sosGroup || "";
    if (answers.name) situation[name] = answers;
  });
  return { situation, rows };
}

/**
 * Set one control from a value, if the value fits it; anything else the engine reports.
 * @param {Control} control
 * @param {unknown} value
 */
function set(control, value) {
  if (control instanceof HTMLInputElement && control.type === "radio") {
    control.checked = control.value === value;
  } else if (control instanceof HTMLInputElement && control.type === "checkbox") {
    control.checked = typeof value === "boolean" && value !== (control.dataset.sosDefault === "true");
  } else if (control instanceof HTMLSelectElement) {
    if ([...control.options].some((o) => o.value === value)) control.value = String(value);
  } else if (typeof value === "string" || typeof value === "number") {
    control.value = String(value);
  } else if (Array.isArray(value) && control.dataset.sosList !== undefined) {
    control.value = value.filter((t) => typeof t === "string").join(", ");
  }
}

/**
 * @param {Element} root
 * @param {Situation} values
 */
function fill(root, values) {
  for (const control of controls(root)) {
    if (root.matches(GROUPS) || !control.closest(GROUPS)) {
      if (Object.hasOwn(values, control.name)) set(control, values[control.name]);
    }
  }
}

/**
 * Fill the form from a situation (a shared link). Only values are set, never markup.
 * @param {HTMLFormElement} form
 * @param {Situation} situation
 * @param {Record<string, string>} phrases
 */
export function fillSituation(form, situation, phrases) {
  fill(form, situation);
  const people = Array.isArray(situation.interviewers) ? situation.interviewers : [];
  const list = find(form, "[data-sos-interviewers]");
  while (list.children.length < people.length) addInterviewer(form, phrases);
  people.forEach((p, i) => {
    if (p && typeof p === "object") fill(list.children[i], /** @type {Situation} */ (p));
  });
  form.querySelectorAll("[data-sos-group]").forEach((group) => {
    const values = situation[/** @type {HTMLElement} */ (group).dataset.sosGroup || ""];
    if (values && typeof values === "object") fill(group, /** @type {Situation} */ (values));
  });
}

/**
 * Add an empty interviewer row.
 * @param {HTMLFormElement} form
 * @param {Record<string, string>} phrases
 */
export function addInterviewer(form, phrases) {
  const list = find(form, "[data-sos-interviewers]");
  const template = /** @type {HTMLTemplateElement} */ (find(form.ownerDocument, "[data-sos-interviewer-template]"));
  const row = /** @type {Element} */ (template.content.firstElementChild?.cloneNode(true));
  list.append(row);
  bindRow(form, row, phrases);
  return row;
}

/**
 * @param {HTMLFormElement} form
 * @param {Element} row
 * @param {Record<string, string>} phrases
 */
export function bindRow(form, row, phrases) {
  find(row, "[data-sos-remove]").addEventListener("click", () => {
    const list = find(form, "[data-sos-interviewers]");
    row.remove();
    renumber(list, phrases);
    find(form, "[data-sos-add]").focus();
    form.dispatchEvent(new Event("input", { bubbles: true })); // what is kept follows
  });
  renumber(find(form, "[data-sos-interviewers]"), phrases);
}

/**
 * @param {Element} list
 * @param {Record<string, string>} phrases
 */
function renumber(list, phrases) {
  [...list.children].forEach((row, i) => {
    find(row, "[data-sos-person-legend]").textContent = say(phrases, "interviewer_n", { n: i + 1 });
    // The form always asks about one interviewer at least: the last one cannot be removed.
    find(row, "[data-sos-remove]").hidden = list.children.length < 2;
  });
}

/**
 * Every control's state as typed, to put back after a page swap or a reload.
 * @param {HTMLFormElement[]} forms
 * @returns {{rows: number, values: (string | boolean)[]}}
 */
export function snapshot(forms) {
  const all = forms.flatMap(controls);
  const values = all.map((c) => (c instanceof HTMLInputElement && /radio|checkbox/.test(c.type) ? c.checked : c.value));
  return { rows: forms[0].querySelectorAll("[data-sos-person]").length, values };
}

/**
 * @param {HTMLFormElement[]} forms
 * @param {{rows: number, values: (string | boolean)[]}} state
 * @param {Record<string, string>} phrases
 */
export function restore(forms, state, phrases) {
  while (forms[0].querySelectorAll("[data-sos-person]").length < state.rows) addInterviewer(forms[0], phrases);
  forms.flatMap(controls).forEach((c, i) => {
    const value = state.values[i];
    if (typeof value === "boolean" && c instanceof HTMLInputElement) c.checked = value;
    else if (typeof value === "string") c.value = value;
  });
}
