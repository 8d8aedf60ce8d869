// @ts-check
// Send or Skip: the checker's glue, loaded on every page (instant navigation runs scripts once)
// and idle where there is no checker. The engine runs in a worker (engine.js); the form is
// read and filled by form.js, results drawn by advice.js and findings.js, kept by keep.js.

import { renderAdvice } from "./advice.js";
import { download, find, say } from "./dom.js";
import { startEngine } from "./engine.js";
import { renderFindings } from "./findings.js";
import { addInterviewer, bindRow, fillSituation, readSituation, restore, snapshot } from "./form.js";
import { keptInTab, remember, remembered, shareLink, sharedSituation } from "./keep.js";
import { clearProblems, showProblems } from "./problems.js";

/** @typedef {import("./dom.js").Settings} Settings */
/** @typedef {import("./engine.js").EngineError} EngineError */
/** @typedef {import("./keep.js").PageState} PageState */

// The API for career centers who embed or automate the checker (docs/checker-api.md): exactly
// the JSON the CLI prints.
Object.assign(window, {
  sendorskip: Object.freeze({
    get ready() {
      return startEngine().ready;
    },
    advise: (/** @type {unknown} */ situation) => startEngine().call("advise", situation),
    check: (/** @type {unknown} */ input) => startEngine().call("check", input),
  }),
});

/**
 * Wire one checker (idempotent: Material calls it on every instant-navigation swap).
 * @param {HTMLElement} app
 */
function bind(app) {
  if (app.dataset.sosBound) return;
  app.dataset.sosBound = "true";
  /** @type {Settings} */
  const settings = JSON.parse(app.dataset.sosSettings || "{}");
  const phrases = settings.labels.phrase;
  const adviseForm = /** @type {HTMLFormElement} */ (find(app, '[data-sos-form="advise"]'));
  const checkForm = /** @type {HTMLFormElement} */ (find(app, '[data-sos-form="check"]'));
  const results = /** @type {HTMLElement} */ (find(app, "[data-sos-results]"));
  const findings = /** @type {HTMLElement} */ (find(app, "[data-sos-findings]"));
  const keep = /** @type {HTMLInputElement} */ (find(app, "[data-sos-keep]"));
  const forms = [adviseForm, checkForm];
  const page = location.pathname;
  // checker.css already shows the form instead of the no-JavaScript notice; this covers a
  // theme that does not mark the page as scripted.
  const host = app.closest("[data-sos-checker]");
  for (const node of host ? host.children : []) if (node !== app) /** @type {HTMLElement} */ (node).hidden = true;
  /** @type {PageState} */
  let state = { form: snapshot(forms) };
  const save = () => remember(page, { ...state, form: snapshot(forms) }, keep.checked);

  const live = startEngine();
  watchEngine(app, live, phrases);

  adviseForm.querySelectorAll("[data-sos-person]").forEach((row) => bindRow(adviseForm, row, phrases));
  find(app, "[data-sos-add]").addEventListener("click", () => {
    find(addInterviewer(adviseForm, phrases), "input").focus();
    save();
  });
  forms.forEach((form) => form.addEventListener("input", save));
  forms.forEach((form) => form.addEventListener("change", save));
  keep.addEventListener("change", save);

  /**
   * Ask the engine, saying at once that the answer is coming if it has not started yet.
   * @param {HTMLFormElement} form
   * @param {string} op
   * @param {unknown} payload
   */
  async function ask(form, op, payload) {
    const note = find(form, "[data-sos-note]");
    if (!live.isReady) note.textContent = phrases.waiting;
    form.setAttribute("aria-busy", "true");
    try {
      return await live.call(op, payload);
    } finally {
      form.removeAttribute("aria-busy");
      note.textContent = "";
    }
  }

  /**
   * Show what the engine refused, in place, and clear results that no longer hold.
   * @param {HTMLFormElement} form
   * @param {HTMLElement} section
   * @param {unknown} error
   * @param {Element[]} rows
   */
  function refused(form, section, error, rows) {
    const { records, message } = /** @type {EngineError} */ (error);
    section.hidden = true;
    section.replaceChildren();
    showProblems(form, records || [{ file: "", item: "", field: "", message }], rows, phrases);
  }

  /**
   * The follow-up dates as a calendar file, made by the engine from the reader's own date.
   * @param {PageState["advice"]} advice
   */
  const toCalendar = async (advice) => {
    const now = new Date();
    const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map((n) => String(n).padStart(2, "0"))
      .join("-");
    const followUps = /** @type {any} */ (advice).plan.follow_ups;
    const { ics } = /** @type {{ics: string}} */ (await live.call("calendar", { follow_ups: followUps, today }));
    download(ics, phrases.calendar_file, "text/calendar;charset=utf-8");
  };

  /** @param {PageState["advice"]} advice */
  const showAdvice = (advice) => {
    renderAdvice(results, /** @type {any} */ (advice), settings, checkDraft, () => toCalendar(advice));
    results.hidden = false;
  };
  /** @param {NonNullable<PageState["findings"]>} checked */
  const showFindings = (checked) => {
    renderFindings(findings, checked.text, /** @type {any} */ (checked.groups), settings, () =>
      find(checkForm, "textarea").focus(),
    );
    findings.hidden = false;
  };

  adviseForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { situation, rows } = readSituation(adviseForm);
    clearProblems(adviseForm);
    if (!situation.went) {
      results.hidden = true;
      showProblems(adviseForm, [{ file: "", item: "", field: "went", message: phrases.choose_went }], rows, phrases);
      return;
    }
    try {
      state = { ...state, advice: await ask(adviseForm, "page-advice", situation) };
      showAdvice(state.advice);
      results.focus();
      save();
    } catch (error) {
      refused(adviseForm, results, error, rows);
    }
  });

  checkForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = find(checkForm, "textarea", HTMLTextAreaElement).value;
    const to = find(checkForm, 'input[name="to"]', HTMLInputElement).value.trim();
    clearProblems(checkForm);
    if (!text.trim()) {
      findings.hidden = true;
      showProblems(checkForm, [{ file: "", item: "", field: "text", message: phrases.paste_note }], [], phrases);
      return;
    }
    const { situation } = readSituation(adviseForm);
    const input = { notes: [to ? { to, text } : { text }], ...(situation.went ? { situation } : {}) };
    try {
      const { groups } = await ask(checkForm, "page-findings", input);
      const checked = { text, groups };
      state = { ...state, findings: checked };
      showFindings(checked);
      findings.focus();
      save();
    } catch (error) {
      refused(checkForm, findings, error, []);
    }
  });

  /** @param {import("./advice.js").Draft} draft */
  function checkDraft(draft) {
    find(checkForm, 'input[name="to"]', HTMLInputElement).value = draft.to;
    find(checkForm, "textarea", HTMLTextAreaElement).value = draft.body;
    checkForm.requestSubmit();
  }

  /** @param {PageState} kept */
  const bringBack = (kept) => {
    restore(forms, kept.form, phrases);
    state = kept;
    if (kept.advice) showAdvice(kept.advice);
    if (kept.findings) showFindings(kept.findings);
  };

  find(app, "[data-sos-share]").addEventListener("click", async () => {
    const link = shareLink(readSituation(adviseForm).situation);
    const note = find(adviseForm, "[data-sos-note]");
    try {
      await navigator.clipboard.writeText(link);
      note.textContent = phrases.share_copied;
    } catch {
      note.textContent = `${phrases.share_blocked} ${link}`;
    }
  });

  // What the page brings back (a shared link, a kept state, the offer after a reload) comes in
  // a task of its own: storage is slow to read the first time on a phone, and with the wiring
  // above it made one task of over 50 ms.
  setTimeout(() => {
    const shared = sharedSituation(location.hash);
    const kept = remembered(page);
    if (shared) {
      if (shared !== "unreadable") fillSituation(adviseForm, shared, phrases);
      const rows = [...find(adviseForm, "[data-sos-interviewers]").children];
      const report = (/** @type {import("./engine.js").ProblemRecord[]} */ records) =>
        showProblems(adviseForm, records, rows, phrases, phrases.share_problems);
      if (shared === "unreadable") report([]);
      else
        // A sound link answers at once: whoever sent it meant its advice to be read.
        live.call("page-advice", shared).then(
          (advice) => {
            state = { ...state, advice: /** @type {PageState["advice"]} */ (advice) };
            showAdvice(state.advice);
            results.focus();
            save();
          },
          (/** @type {EngineError} */ error) => report(error.records || []),
        );
    } else if (kept) bringBack(kept);
    else
      offerKept(app, page, phrases, (tabKept) => {
        keep.checked = true;
        bringBack(tabKept);
        save();
      });
  });
}

/**
 * After a reload, offer what the reader chose to keep in this tab (never restore unasked).
 * @param {HTMLElement} app
 * @param {string} page
 * @param {Record<string, string>} phrases
 * @param {(state: PageState) => void} bringBack
 */
function offerKept(app, page, phrases, bringBack) {
  const tabKept = keptInTab(page);
  if (!tabKept) return;
  const offer = find(app, "[data-sos-restore]");
  offer.hidden = false;
  find(offer, "button").addEventListener("click", () => {
    bringBack(tabKept);
    offer.replaceChildren(phrases.restored);
  });
}

/**
 * The status line: progress while the engine starts, then "ready", or the failure. It keeps
 * its place, so nothing below it moves.
 * @param {HTMLElement} app
 * @param {import("./engine.js").Engine} live
 * @param {Record<string, string>} phrases
 */
function watchEngine(app, live, phrases) {
  const progress = /** @type {HTMLProgressElement} */ (find(app, "[data-sos-progress]"));
  const stage = find(app, "[data-sos-stage]");
  const failure = find(app, "[data-sos-failure]");
  const stop = live.listen((event) => {
    if (!document.body.contains(app)) return stop();
    if (event.type === "progress") {
      progress.value = event.stage;
      progress.max = event.of;
      stage.textContent = event.stage ? phrases[`stage_${event.stage}`] : phrases.starting;
    } else if (event.type === "ready") {
      progress.value = progress.max;
      stage.textContent = phrases.ready;
    } else {
      find(app, "[data-sos-status]").hidden = true;
      failure.hidden = false;
      const { message, fix } = event;
      const detail = fix ? say(phrases, fix.key, { detail: message, ...fix.values }) : message;
      find(failure, "[data-sos-failure-detail]").textContent = say(phrases, "failed_detail", { detail });
      app.querySelectorAll("button[type=submit]").forEach((b) => b.setAttribute("disabled", ""));
    }
  });
}

// In a task of its own, not in the one that evaluates these modules: together they made one
// task of over 50 ms on a slow phone, a stretch in which the page cannot respond.
function bindAll() {
  setTimeout(() =>
    document.querySelectorAll("[data-sos-app]").forEach((app) => bind(/** @type {HTMLElement} */ (app))),
  );
}

/** @type {{document$?: {subscribe: (f: () => void) => void}}} */
const material = /** @type {any} */ (window);
if (material.document$ && typeof material.document$.subscribe === "function") material.document$.subscribe(bindAll);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bindAll);
else bindAll();
