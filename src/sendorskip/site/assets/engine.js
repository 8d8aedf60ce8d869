// @ts-check
// The engine client: one module worker (Python under Pyodide), started once per visit when a
// page with the checker opens, and kept across Material's instant-navigation page swaps.

/** @typedef {{file: string, item: string, field: string, message: string}} ProblemRecord */
/** What to ask the site's web team for: a phrase of labels.py and its fields (worker.js). */
/** @typedef {{key: string, values: Record<string, string>}} Fix */
/** @typedef {Error & {problems?: string[], records?: ProblemRecord[]}} EngineError */
/**
 * How the engine started (worker.js): from the build's snapshot, or the normal way, and then
 * why the snapshot could not be used, if it was tried.
 * @typedef {{boot: "snapshot" | "normal", fallback: string | null}} Boot
 */
/**
 * @typedef {{type: "progress", stage: number, of: number}
 *   | {type: "ready"} & Boot | {type: "failed", message: string, fix: Fix | null}} EngineEvent
 */
/**
 * @typedef {{
 *   ready: Promise<Boot>,
 *   isReady: boolean,
 *   failed: Error | null,
 *   listen: (listener: (event: EngineEvent) => void) => () => void,
 *   call: (op: string, payload: unknown) => Promise<any>,
 * }} Engine
 */

/** @type {Engine | null} */
let engine = null;

/**
 * The worker start.js started while the page loaded, if it did, and what it said meanwhile.
 * @returns {{worker: Worker, said: Event[]} | undefined}
 */
function startedEarly() {
  const early = /** @type {{sendorskipWorker?: {worker: Worker, said: Event[]}}} */ (window).sendorskipWorker;
  delete (/** @type {any} */ (window).sendorskipWorker);
  return early;
}

/** @returns {Engine} */
export function startEngine() {
  if (engine) return engine;
  const early = startedEarly();
  const worker = early?.worker ?? new Worker(new URL("worker.js", import.meta.url), { type: "module" });
  /** @type {Map<number, {resolve: (value: any) => void, reject: (error: Error) => void}>} */
  const pending = new Map();
  /** @type {Set<(event: EngineEvent) => void>} */
  const listeners = new Set();
  /** @type {{resolve: (boot: Boot) => void, reject: (error: Error) => void}} */
  let settle = { resolve: () => {}, reject: () => {} };
  /** @type {Promise<Boot>} */
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => {}); // shown in the page by whoever listens
  /** @type {EngineEvent} */
  let last = { type: "progress", stage: 0, of: 3 };
  let seq = 0;
  /** @param {EngineEvent} event */
  const emit = (event) => {
    last = event;
    listeners.forEach((listener) => listener(event));
  };
  /**
   * @param {string} message
   * @param {Fix | null} fix
   */
  const fail = (message, fix = null) => {
    if (live.failed) return;
    live.failed = new Error(message);
    settle.reject(live.failed);
    pending.forEach(({ reject }) => reject(/** @type {Error} */ (live.failed)));
    pending.clear();
    emit({ type: "failed", message, fix });
  };
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") emit(data);
    else if (data.type === "ready") {
      live.isReady = true;
      settle.resolve({ boot: data.boot, fallback: data.fallback });
      emit(data);
    } else if (data.type === "failed") fail(data.message, data.fix);
    else if (data.type === "result") {
      const call = pending.get(data.id);
      pending.delete(data.id);
      if (!call) return;
      if (data.ok) call.resolve(data.result);
      else if (data.stopped) call.reject(live.failed || new Error("worker.js"));
      else {
        /** @type {EngineError} */
        const error = new Error(data.problems.join("\n"));
        call.reject(Object.assign(error, { problems: data.problems, records: data.records }));
      }
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || "worker.js");
  };
  /** @type {Engine} */
  const live = {
    ready,
    isReady: false,
    failed: null,
    listen(listener) {
      listeners.add(listener);
      listener(last);
      return () => listeners.delete(listener);
    },
    call(op, payload) {
      if (live.failed) return Promise.reject(live.failed);
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
  engine = live;
  for (const event of early?.said ?? []) {
    if (event instanceof MessageEvent) worker.onmessage(event);
    else worker.onerror(/** @type {ErrorEvent} */ (event));
  }
  return live;
}
