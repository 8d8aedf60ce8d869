// Send or Skip: the checker's glue. The engine (Python under Pyodide) runs in a module worker,
// started once per visit, when a page with the checker opens, and kept across Material's
// instant-navigation page swaps. Whatever a reader typed reaches the page only as textContent.

const ASSETS = new URL("./", import.meta.url);
let engine = null;

function startEngine() {
  if (engine) return engine;
  const worker = new Worker(new URL("worker.js", ASSETS), { type: "module" });
  const pending = new Map();
  const listeners = new Set();
  let settle;
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => {}); // shown in the page by whoever listens
  let last = { type: "progress", stage: 0, of: 3, text: "Starting the checker…" };
  let seq = 0;
  const emit = (event) => {
    last = event;
    listeners.forEach((listener) => listener(event));
  };
  const fail = (message) => {
    if (engine.failed) return;
    engine.failed = new Error(message);
    settle.reject(engine.failed);
    pending.forEach(({ reject }) => reject(engine.failed));
    pending.clear();
    emit({ type: "failed", message });
  };
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") emit(data);
    else if (data.type === "ready") {
      settle.resolve();
      emit(data);
    } else if (data.type === "failed") fail(data.message);
    else if (data.type === "result") {
      const call = pending.get(data.id);
      pending.delete(data.id);
      if (!call) return;
      if (data.ok) call.resolve(data.result);
      else call.reject(Object.assign(new Error(data.problems.join("\n")), { problems: data.problems }));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || "The engine's worker stopped.");
  };
  engine = {
    ready,
    failed: null,
    listen(listener) {
      listeners.add(listener);
      listener(last);
      return () => listeners.delete(listener);
    },
    call(op, payload) {
      if (engine.failed) return Promise.reject(engine.failed);
      return ready.then(
        () =>
          new Promise((resolve, reject) => {
            const id = ++seq;
            pending.set(id, { resolve, reject });
            worker.postMessage({ id, op, payload: JSON.stringify(payload) });
          }),
      );
    },
  };
  return engine;
}

// The API for career centers who embed or automate the checker (documented in the handbook).
window.sendorskip = Object.freeze({
  get ready() {
    return startEngine().ready;
  },
  advise: (situation) => startEngine().call("advise", situation),
  check: (input) => startEngine().call("check", input),
});

// --- Building the page's parts (never innerHTML for anything a reader typed) ----------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (value !== false && value != null) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

// The panel's columns, in reading order; their labels come from the package (settings.labels).
const STANCES = ["send", "neutral", "skip", "silent"];
const CHANNEL = {
  email: "by email",
  post: "by post",
  via_recruiter: "through the recruiter (ask them to pass it on)",
  find_address: "find their address first (ask the recruiter or the front desk)",
};

function show(section, ...children) {
  section.replaceChildren(...children.flat(Infinity).filter((child) => child != null && child !== false));
}

function voiceLinks(settings, ids) {
  return ids.map((id, i) => {
    const voice = settings.voices[id] || { name: id };
    const node = voice.href ? el("a", { href: voice.href }, voice.name) : el("span", {}, voice.name);
    return i ? [", ", node] : [node];
  });
}

function hours(within) {
  if (within === 0) return "now";
  if (within < 48) return `within ${Math.round(within)} hours`;
  return `within ${Math.round(within / 24)} days`;
}

function draftActions(draft) {
  const text = draft.subject ? `Subject: ${draft.subject}\n\n${draft.body}\n` : `${draft.body}\n`;
  const copy = el("button", { type: "button", class: "md-button" }, "Copy");
  const status = el("span", { class: "sos-copied", role: "status" });
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Copied.";
    } catch {
      status.textContent = "Copying is blocked here: select the text and copy it.";
    }
  });
  const mail = el(
    "a",
    {
      class: "md-button",
      href: `mailto:?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.body)}`,
    },
    "Open in my mail app",
  );
  const download = el("button", { type: "button", class: "md-button" }, "Download as text");
  download.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = el("a", { href: url, download: `note-to-${draft.to.replace(/[^\w-]+/g, "-")}.txt` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return el("div", { class: "sos-actions" }, copy, draft.subject ? mail : null, download, status);
}

function renderAdvice(section, advice, settings) {
  const plan = advice.plan;
  const labels = settings.labels;
  const panel = Object.fromEntries(STANCES.map((stance) => [stance, advice.panel.filter((p) => p.stance === stance)]));
  show(
    section,
    el("h2", { class: "sos-heading" }, "Our advice"),
    el(
      "p",
      { class: `sos-verdict sos-verdict--${advice.verdict}`, "data-sos-verdict": advice.verdict },
      el("span", { class: "sos-verdict__label" }, labels.verdict[advice.verdict]),
      " ",
      advice.headline,
    ),
    el("h3", {}, "Why"),
    el(
      "ul",
      { class: "sos-reasons" },
      advice.reasons.map((r) =>
        el("li", {}, el("strong", {}, r.text), " ", r.why, " (", voiceLinks(settings, r.voices), ")"),
      ),
    ),
    el("h3", {}, "What the experts would say"),
    el(
      "div",
      { class: "sos-panel", "data-sos-panel": "" },
      STANCES.map((stance) =>
        el(
          "div",
          { class: `sos-panel__column sos-panel__column--${stance}` },
          el("h4", {}, `${labels.stance[stance]}: ${panel[stance].length}`),
          el(
            "ul",
            {},
            panel[stance].map((p) => el("li", {}, el("strong", {}, voiceLinks(settings, [p.voice])), ": ", p.why)),
          ),
        ),
      ),
    ),
    el("h3", {}, "The plan"),
    plan.recipients.length
      ? el(
          "ul",
          { class: "sos-plan" },
          plan.recipients.map((r) =>
            el("li", {}, el("strong", {}, r.name), ` (${r.kind}): ${plan.medium === "handwritten" ? "a handwritten card" : "an email"}, ${CHANNEL[r.channel]}, ${hours(plan.send_within_hours)}.`),
          ),
        )
      : el("p", {}, "No note to send."),
    plan.tips.length ? el("ul", { class: "sos-tips" }, plan.tips.map((t) => el("li", {}, t))) : null,
    advice.drafts.length ? el("h3", {}, "Drafts") : null,
    advice.drafts.map((d) =>
      el(
        "article",
        { class: "sos-draft", "data-sos-draft": "" },
        el("h4", {}, `To ${d.to}`),
        d.subject ? el("p", { class: "sos-draft__subject" }, el("strong", {}, "Subject: "), d.subject) : null,
        el("pre", { class: "sos-draft__body", tabindex: "0" }, d.body),
        d.suggestions.length ? el("ul", { class: "sos-draft__suggestions" }, d.suggestions.map((t) => el("li", {}, t))) : null,
        draftActions(d),
      ),
    ),
  );
}

function renderFindings(section, text, result, settings) {
  const labels = settings.labels;
  // JavaScript strings count UTF-16 code units, so the engine's UTF-16 offsets are the ones
  // that slice this text without splitting an emoji or an accent from its letter.
  const findings = result.findings
    .filter((f) => f.note === 0)
    .map((f, i) => ({ ...f, start: f.start_utf16, end: f.end_utf16, n: i + 1 }));
  // A finding about the whole note is listed, not painted over every word.
  const whole = (f) => f.start === f.end || (f.start === 0 && f.end === text.length);
  const inline = findings.filter((f) => !whole(f));
  const cuts = [...new Set([0, text.length, ...inline.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const marked = el("div", { class: "sos-marked", "data-sos-marked": "" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = inline.filter((f) => f.start <= from && to <= f.end);
    const piece = text.slice(from, to);
    if (!covering.length) {
      marked.append(piece);
      continue;
    }
    const worst = ["error", "warning", "info"].find((s) => covering.some((f) => f.severity === s));
    marked.append(el("mark", { class: `sos-mark sos-mark--${worst}`, "data-sos-check": covering.map((f) => f.check).join(" ") }, piece));
    const ending = covering.filter((f) => f.end === to);
    if (ending.length) marked.append(el("sup", {}, ending.map((f) => `[${f.n}]`).join("")));
  }
  show(
    section,
    el("h2", { class: "sos-heading" }, "Your draft"),
    marked,
    findings.length ? null : el("p", {}, "No problems found."),
    el(
      "ol",
      { class: "sos-finding-list", hidden: !findings.length },
      findings.map((f) =>
        el(
          "li",
          { class: `sos-finding sos-finding--${f.severity}`, "data-sos-finding": f.check },
          el("strong", {}, `${labels.severity[f.severity]}${whole(f) ? ` (${labels.phrase.whole_note})` : ""}: ${f.message}`),
          " ",
          el("span", { class: "sos-finding__instead" }, `${labels.phrase.instead} ${f.instead}`),
          " ",
          f.why,
          " (",
          voiceLinks(settings, f.voices),
          ")",
        ),
      ),
    ),
  );
}

// --- Reading the form ----------------------------------------------------------------------

function situationFrom(form) {
  const data = new FormData(form);
  const text = (name) => (data.get(name) || "").toString().trim();
  const situation = {};
  if (text("went")) situation.went = text("went");
  situation.interest = text("interest") || "keen";
  for (const name of ["decision", "preferred_medium", "writing_confidence", "handwriting"]) {
    if (text(name)) situation[name] = text(name);
  }
  if (text("hours_since")) situation.hours_since = Number(text("hours_since"));
  situation.interviewer_engaged = !data.get("disengaged");
  situation.informational = Boolean(data.get("informational"));
  situation.interviewers = [...form.querySelectorAll(".sos-person")]
    .map((row) => {
      const value = (name) => row.querySelector(`[name="${name}"]`);
      const person = { name: value("name").value.trim(), email_known: value("email_known").checked };
      if (value("role").value.trim()) person.role = value("role").value.trim();
      if (value("lead").checked) person.lead = true;
      const topics = value("topics").value.split(/[,;]/).map((t) => t.trim()).filter(Boolean);
      if (topics.length) person.topics = topics;
      if (value("add").value.trim()) person.add = value("add").value.trim();
      return person;
    })
    .filter((person) => person.name);
  if (text("recruiter_name")) {
    situation.recruiter = { name: text("recruiter_name"), email_known: Boolean(data.get("recruiter_email_known")) };
  }
  for (const name of ["job_title", "company", "candidate_name", "why_this_job", "highlights", "forgot_to_mention"]) {
    if (text(name)) situation[name] = text(name);
  }
  return situation;
}

function showProblems(form, problems) {
  const box = form.querySelector("[data-sos-problems]");
  box.hidden = !problems.length;
  show(box, problems.length ? [el("p", {}, "Please check:"), el("ul", {}, problems.map((p) => el("li", {}, p)))] : []);
}

function addInterviewer(app) {
  const list = app.querySelector("[data-sos-interviewers]");
  const row = app.querySelector("[data-sos-interviewer-template]").content.firstElementChild.cloneNode(true);
  row.querySelector("[data-sos-remove]").addEventListener("click", () => {
    row.remove();
    renumber(list);
    app.querySelector("[data-sos-add]").focus();
  });
  list.append(row);
  renumber(list);
  return row;
}

function renumber(list) {
  [...list.children].forEach((row, i) => {
    row.querySelector("[data-sos-person-legend]").textContent = `Interviewer ${i + 1}`;
  });
}

// --- Binding a page (idempotent: Material calls it on every instant-navigation swap) ---------

function bind(app) {
  if (app.dataset.sosBound) return;
  app.dataset.sosBound = "true";
  const settings = JSON.parse(app.dataset.sosSettings);
  const host = app.closest("[data-sos-checker]");
  for (const node of host.children) if (node !== app) node.hidden = true;
  app.hidden = false;

  const status = app.querySelector("[data-sos-status]");
  const progress = app.querySelector("[data-sos-progress]");
  const stage = app.querySelector("[data-sos-stage]");
  const failure = app.querySelector("[data-sos-failure]");
  const results = app.querySelector("[data-sos-results]");
  const findings = app.querySelector("[data-sos-findings]");
  const adviseForm = app.querySelector('[data-sos-form="advise"]');
  const checkForm = app.querySelector('[data-sos-form="check"]');
  const buttons = app.querySelectorAll('button[type="submit"]');

  const live = startEngine();
  const stop = live.listen((event) => {
    if (!document.body.contains(app)) return stop();
    if (event.type === "progress") {
      progress.value = event.stage;
      progress.max = event.of;
      stage.textContent = event.text;
    } else if (event.type === "ready") {
      status.hidden = true;
    } else if (event.type === "failed") {
      status.hidden = true;
      failure.hidden = false;
      failure.querySelector("[data-sos-failure-detail]").textContent =
        `It needs a recent browser and this site's own files (${event.message}). Reloading the page may help.`;
      buttons.forEach((b) => (b.disabled = true));
    }
  });

  addInterviewer(app);
  app.querySelector("[data-sos-add]").addEventListener("click", () => addInterviewer(app).querySelector("input").focus());

  adviseForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const situation = situationFrom(adviseForm);
    if (!situation.went) {
      showProblems(adviseForm, ["How did the interview go? Choose one answer."]);
      adviseForm.querySelector('[name="went"]').focus();
      return;
    }
    try {
      const advice = await window.sendorskip.advise(situation);
      showProblems(adviseForm, []);
      renderAdvice(results, advice, settings);
      results.hidden = false;
      results.focus();
    } catch (error) {
      showProblems(adviseForm, error.problems || [error.message]);
    }
  });

  checkForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = checkForm.querySelector('[name="text"]').value;
    const to = checkForm.querySelector('[name="to"]').value.trim();
    if (!text.trim()) {
      showProblems(checkForm, ["Paste your note first."]);
      return;
    }
    const input = { notes: [to ? { to, text } : { text }] };
    const situation = situationFrom(adviseForm);
    if (situation.went) input.situation = situation;
    try {
      const result = await window.sendorskip.check(input);
      showProblems(checkForm, []);
      renderFindings(findings, text, result, settings);
      findings.hidden = false;
      findings.focus();
    } catch (error) {
      showProblems(checkForm, error.problems || [error.message]);
    }
  });
}

function bindAll() {
  document.querySelectorAll("[data-sos-app]").forEach(bind);
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(bindAll);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bindAll);
else bindAll();
