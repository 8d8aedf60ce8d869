// The engine: Pyodide and the sendorskip package in a module worker, so the page never freezes.
// Everything is loaded from this site (the folder next to this file): never from a CDN.
// pyodide.mjs is imported in start(), not statically: a static import would hold back this
// module, and with it the downloads below, until pyodide.mjs has arrived.

const base = new URL("./pyodide/", import.meta.url).href;
const post = (message) => self.postMessage(message);
const STAGES = 3;

let call = null;

// Emscripten only logs a warning when the wasm cannot be fetched and then waits forever, so a
// failed fetch of any runtime file is turned into a failure the page can show.
let fetchFailed;
const fetchFailure = new Promise((_, reject) => (fetchFailed = reject));
fetchFailure.catch(() => {}); // raced below; nothing else should see it
const siteFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const name = url.split("/").pop();
  try {
    const response = await siteFetch(input, init);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return response;
  } catch (error) {
    fetchFailed(new Error(`${name} could not be loaded: ${error.message}`));
    throw error;
  }
};

// Every file start-up needs is requested now, all at once, instead of one after another as
// Pyodide gets to each (the wheels only after the interpreter is up): the downloads overlap
// with compiling the wasm and booting Python. Pyodide's own fetch of a file then gets the
// response already under way; a second fetch of it goes to the network as usual.
const early = new Map();
const fetchEarly = (name) => {
  const response = self.fetch(base + name);
  response.catch(() => {}); // a failure reaches whoever uses the response, and fetchFailure
  early.set(base + name, response);
};
self.fetch = ((fetchOnce) => (input, init) => {
  const url = input instanceof Request ? input.url : new URL(String(input), self.location.href).href;
  const response = early.get(url);
  if (!response) return fetchOnce(input, init);
  early.delete(url);
  return response;
})(self.fetch);
for (const name of ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]) fetchEarly(name);
early
  .get(base + "pyodide-lock.json")
  .then((response) => response.clone().json())
  .then((lock) => Object.values(lock.packages).forEach((entry) => fetchEarly(entry.file_name)))
  .catch(() => {}); // Pyodide's own fetch of the lock file reports the failure

async function start() {
  post({ type: "progress", stage: 1, of: STAGES, text: "Loading Python (about 5 MB, once)" });
  const { loadPyodide } = await Promise.race([import("./pyodide/pyodide.mjs"), fetchFailure]);
  const pyodide = await Promise.race([
    loadPyodide({
      indexURL: base,
      packageBaseUrl: base, // without it a missing wheel would be fetched from a public CDN
      lockFileURL: base + "pyodide-lock.json",
      stdout: () => {},
    }),
    fetchFailure,
  ]);
  post({ type: "progress", stage: 2, of: STAGES, text: "Loading the advice engine" });
  // loadPackage resolves even when a wheel fails; it only reports through errorCallback.
  const problems = [];
  await Promise.race([
    pyodide.loadPackage("sendorskip", { messageCallback: () => {}, errorCallback: (m) => problems.push(m) }),
    fetchFailure,
  ]);
  if (problems.length) throw new Error(problems.join("; "));
  post({ type: "progress", stage: 3, of: STAGES, text: "Reading the rules" });
  // One entry point, strings in and out, so no Python object ever crosses into JavaScript.
  call = pyodide.pyimport("sendorskip.bridge").call;
  call("advise", '{"went": "well"}'); // loads the knowledge and compiles the templates once
  post({ type: "ready" });
}

const started = start().catch((error) => {
  post({ type: "failed", message: String((error && error.message) || error) });
});

self.onmessage = async ({ data }) => {
  await started;
  if (!call) {
    post({ type: "result", id: data.id, ok: false, problems: ["The engine is not running."] });
    return;
  }
  try {
    post({ type: "result", id: data.id, ...JSON.parse(call(data.op, data.payload)) });
  } catch (error) {
    post({ type: "result", id: data.id, ok: false, problems: [String(error.message || error)] });
  }
};
