// @ts-check
/// <reference lib="webworker" />
// The engine: Pyodide and the sendorskip package in a module worker, so the page never freezes.
// It posts progress as stage numbers; the page words them (settings.labels.phrase.stage_N).
// Everything is loaded from this site (the folder next to this file): never from a CDN.
// pyodide.mjs is imported in start(), not statically: a static import would hold back this
// module, and with it the downloads below, until pyodide.mjs has arrived.
//
// Two ways to start. The snapshot boot restores the engine's memory as it was at build time,
// once started and warmed up (restore.mjs): fast, but more bytes. The normal boot starts
// Python and loads the wheels. The snapshot is used unless the reader asked to save data or
// has a slow connection, or the site chose otherwise (BOOT, set at build time from the plugin's
// `boot` setting); if the snapshot cannot be used, for any reason, the normal boot follows.

const base = new URL("./pyodide/", import.meta.url).href;
const BOOT = /** @type {"auto" | "snapshot" | "normal"} */ ("auto");
/** @param {object} message */
const post = (message) => self.postMessage(message);
const STAGES = 3;
/** @type {{saveData?: boolean, effectiveType?: string} | undefined} */
const connection = /** @type {any} */ (self.navigator).connection;
const thrifty = connection?.saveData === true || ["slow-2g", "2g", "3g"].includes(connection?.effectiveType ?? "");
const snapshotFirst = BOOT === "snapshot" || (BOOT === "auto" && !thrifty);

/** @type {((op: string, text: string) => string) | null} */
let call = null;

// Emscripten only logs a warning when the wasm cannot be fetched or compiled and then waits
// forever, so a failed fetch of any runtime file, or a failed compile, is turned into a
// failure the page can show.
/** @type {(error: Error) => void} */
let failStart = () => {};
/** @type {Promise<never>} */
const startFailure = new Promise((_, reject) => (failStart = reject));
startFailure.catch(() => {}); // raced below; nothing else should see it
const siteFetch = self.fetch.bind(self);

/**
 * A failure the site's web team can fix. The page words what to ask them for (labels.py,
 * `fix_*`), since every word a reader sees is Python's; `message` stays the bare detail.
 */
class Fixable extends Error {
  /**
   * @param {string} message
   * @param {{key: string, values: Record<string, string>}} fix the phrase that says what to ask
   *   for, and its fields
   */
  constructor(message, fix) {
    super(message);
    this.fix = fix;
  }
}
// The failure names the file and the HTTP status or the browser's own error: details for
// whoever helps the reader, inside the sentence the page gives (failed_detail).
self.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const name = url.split("/").pop();
  try {
    const response = await siteFetch(input, init);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const type = response.headers.get("content-type") || "no type";
    if (name?.endsWith(".wasm") && !type.startsWith("application/wasm")) {
      throw new Fixable(`served as ${type}`, { key: "fix_type", values: { ext: ".wasm", type: "application/wasm" } });
    }
    return response;
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : error}`;
    failStart(error instanceof Fixable ? new Fixable(message, error.fix) : new Error(message));
    throw error;
  }
};

// Every file start-up needs is requested now, all at once, instead of one after another as
// Pyodide gets to each (the wheels only after the interpreter is up): the downloads overlap
// with compiling the wasm and booting Python. Pyodide's own fetch of a file then gets the
// response already under way; a second fetch of it goes to the network as usual.
/** @type {Map<string, Promise<Response>>} */
const early = new Map();
/** @param {string} name */
const fetchEarly = (name) => {
  const response = self.fetch(base + name);
  response.catch(() => {}); // a failure reaches whoever uses the response, and startFailure
  early.set(base + name, response);
};
self.fetch = (
  (/** @type {typeof fetch} */ fetchOnce) =>
  (/** @type {RequestInfo | URL} */ input, /** @type {RequestInit=} */ init) => {
    const url = input instanceof Request ? input.url : new URL(String(input), self.location.href).href;
    const response = early.get(url);
    if (!response) return fetchOnce(input, init);
    early.delete(url);
    return response;
  }
)(self.fetch);
// The snapshot boot has its own standard library: what the snapshot has not imported yet.
const STDLIB = snapshotFirst ? "snapshot_stdlib.zip" : "python_stdlib.zip";
for (const name of ["pyodide.asm.wasm", STDLIB, "pyodide-lock.json"]) fetchEarly(name);

// The wasm is compiled now, as it downloads, instead of once Pyodide has imported its
// Emscripten module and gets to it; until then its download would stall, unread. Pyodide's own
// instantiateStreaming of that response then gets this compiled module.
const wasmURL = base + "pyodide.asm.wasm";
/** @type {Promise<WebAssembly.Module>} */
const compiled = WebAssembly.compileStreaming(/** @type {Promise<Response>} */ (early.get(wasmURL)));
compiled.catch((error) => failStart(new Error(`pyodide.asm.wasm: ${describe(error)}`)));
const instantiateStreaming = WebAssembly.instantiateStreaming;
/** @type {typeof WebAssembly.instantiateStreaming} */
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (response.url !== wasmURL) return instantiateStreaming(response, imports);
  const module = await compiled;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};
const fetchWheels = () =>
  early
    .get(base + "pyodide-lock.json")
    ?.then((response) => response.clone().json())
    .then((/** @type {{packages: Record<string, {file_name: string}>}} */ lock) =>
      Object.values(lock.packages).forEach((entry) => fetchEarly(entry.file_name)),
    )
    .catch(() => {}); // Pyodide's own fetch of the lock file reports the failure
// The snapshot is fetched past the failure check above: without it the normal boot follows.
const snapshot = snapshotFirst ? siteFetch(base + "snapshot.bin") : null;
snapshot?.catch(() => {}); // seen by snapshotBoot
if (!snapshot) fetchWheels();
// The Emscripten module too is imported now, alongside the downloads, rather than once
// loadPyodide gets to it; a failure reaches loadPyodide.
/** @type {Promise<(settings: object) => Promise<any>>} */
const asm = import(base + "pyodide.asm.mjs").then((module) => module.default);
asm.catch(() => {});
const restorer = snapshot ? import("./restore.mjs") : null;
restorer?.catch(() => {}); // seen by snapshotBoot

async function start() {
  post({ type: "progress", stage: 1, of: STAGES });
  // Without 'wasm-unsafe-eval' in a Content-Security-Policy the browser refuses to compile
  // WebAssembly and Pyodide waits forever: try an empty module first and say so at once.
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch {
    throw new Fixable("Content-Security-Policy blocks WebAssembly", { key: "fix_csp", values: {} });
  }
  // Built with the site (runtime.py), so the type checker cannot see it.
  /** @type {{loadPyodide: (options: object) => Promise<any>}} */
  const { loadPyodide } = await Promise.race([import(base + "pyodide.mjs").catch(whyNotImported), startFailure]);
  const common = {
    indexURL: base,
    packageBaseUrl: base, // without it a missing wheel would be fetched from a public CDN
    lockFileURL: base + "pyodide-lock.json",
    stdout: () => {},
    createPyodideModule: async (/** @type {object} */ settings) => (await asm)(settings),
  };
  /** @type {string | null} */
  let fallback = null;
  if (snapshot) {
    try {
      call = await snapshotBoot(loadPyodide, common, snapshot);
    } catch (error) {
      fallback = describe(error);
      console.warn(`sendorskip: snapshot boot failed, starting the normal way: ${fallback}`);
    }
  }
  call ??= await normalBoot(loadPyodide, common);
  post({ type: "ready", boot: snapshot && !fallback ? "snapshot" : "normal", fallback });
}

/**
 * @param {(options: object) => Promise<any>} loadPyodide
 * @param {object} common
 * @param {Promise<Response>} response
 */
async function snapshotBoot(loadPyodide, common, response) {
  const { restoreOptions } = await /** @type {Promise<typeof import("./restore.mjs")>} */ (restorer);
  const options = restoreOptions(response, asm);
  const stdLibURL = base + STDLIB;
  const pyodide = await Promise.race([loadPyodide({ ...common, ...options, stdLibURL }), startFailure]);
  post({ type: "progress", stage: 2, of: STAGES });
  return answering(pyodide);
}

/**
 * @param {(options: object) => Promise<any>} loadPyodide
 * @param {object} common
 */
async function normalBoot(loadPyodide, common) {
  const pyodide = await Promise.race([loadPyodide(common), startFailure]);
  post({ type: "progress", stage: 2, of: STAGES });
  // loadPackage resolves even when a wheel fails; it only reports through errorCallback.
  /** @type {string[]} */
  const problems = [];
  await Promise.race([
    pyodide.loadPackage("sendorskip", {
      messageCallback: () => {},
      errorCallback: (/** @type {string} */ m) => problems.push(m),
    }),
    startFailure,
  ]);
  if (problems.length) throw new Error(problems.join("; "));
  return answering(pyodide);
}

/**
 * The engine's one entry point, strings in and out, so no Python object ever crosses into
 * JavaScript; after one answer (which loads the knowledge and compiles the templates once, or
 * shows that a restored engine works).
 * @param {any} pyodide
 * @returns {(op: string, text: string) => string}
 */
function answering(pyodide) {
  post({ type: "progress", stage: 3, of: STAGES });
  const bridge = pyodide.pyimport("sendorskip.bridge").call;
  if (!JSON.parse(bridge("advise", '{"went": "well"}')).ok) throw new Error("sendorskip.bridge: no answer");
  return bridge;
}

/**
 * What went wrong, in words: Emscripten's file-system errors are objects that are not Errors.
 * @param {unknown} error
 */
function describe(error) {
  if (error instanceof Error) return error.message;
  const { name, errno } = /** @type {{name?: string, errno?: number}} */ (Object(error));
  return name ? `${name}${errno === undefined ? "" : ` (errno ${errno})`}` : String(error);
}

// A module the server sends with a type other than JavaScript is refused with no reason given.
/** @param {unknown} error */
async function whyNotImported(error) {
  const response = await siteFetch(base + "pyodide.mjs");
  if (!response.ok) throw new Error(`pyodide.mjs: HTTP ${response.status}`);
  const type = response.headers.get("content-type") || "no type";
  if (!/javascript/.test(type)) {
    throw new Fixable(`pyodide.mjs: served as ${type}`, {
      key: "fix_type",
      values: { ext: ".mjs", type: "text/javascript" },
    });
  }
  throw error;
}

const started = start().catch((error) => {
  post({ type: "failed", message: describe(error), fix: error instanceof Fixable ? error.fix : null });
});

self.onmessage = async ({ data }) => {
  await started;
  if (!call) {
    // The start-up failure has been reported already; the page shows it.
    post({ type: "result", id: data.id, ok: false, stopped: true });
    return;
  }
  try {
    post({ type: "result", id: data.id, ...JSON.parse(call(data.op, data.payload)) });
  } catch (error) {
    const message = describe(error);
    post({ type: "result", id: data.id, ok: false, problems: [message], records: [] });
  }
};
