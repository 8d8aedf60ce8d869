// Smoke test of a built runtime: load it under Node the way a page does, run the checker once.
//
// Usage: node tests/node/smoke.mjs RUNTIME_DIR
//
// Prints one JSON line on stdout: the api's answers (tests/runtime/test_build.py compares them
// with CPython's), where modules were loaded from, and timings. Everything else goes to
// stderr. Exit status 1 on any failure, with a short message.
//
// Two traps this guards against: loadPackage() resolves even when a package failed to load
// (it only reports through errorCallback), and Pyodide falls back to the public CDN for a
// package file it cannot find unless packageBaseUrl is given. Here any failure reported to
// errorCallback fails the run, and so does any attempt to fetch from the network.

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const CHECK = `
import json
import sys

import jinja2

from sendorskip import api

json.dumps({
    "python": sys.version.split()[0],
    "jinja2": jinja2.Template("{{ x }}").render(x=1),
    "files": {name: sys.modules[name].__file__
              for name in ("json", "jinja2", "markupsafe", "sendorskip.api")},
    "advise": api.advise({"went": "well"}),
    "check": api.check({"notes": [{"text": "Thank you for your time."}]}),
})
`;

function fail(message) {
  console.error(`smoke: ${message}`);
  process.exit(1);
}

async function main(dir) {
  globalThis.fetch = async (url) => {
    throw new Error(`the runtime tried to fetch ${url}`);
  };
  const ms = {};
  let start = performance.now();
  const lap = (name) => {
    const now = performance.now();
    ms[name] = Math.round(now - start);
    start = now;
  };

  const { loadPyodide } = await import(pathToFileURL(`${dir}pyodide.mjs`).href);
  // indexURL finds the runtime and the (slim) lock file; packageBaseUrl finds the wheels.
  const pyodide = await loadPyodide({
    indexURL: dir,
    packageBaseUrl: dir,
    stdout: (line) => console.error(line),
    stderr: (line) => console.error(line),
  });
  lap("load_pyodide");
  const errors = [];
  await pyodide.loadPackage("sendorskip", {
    messageCallback: (message) => console.error(message),
    errorCallback: (message) => errors.push(message),
  });
  if (errors.length > 0) fail(`loadPackage("sendorskip") failed:\n${errors.join("\n")}`);
  lap("load_package");
  pyodide.runPython("from sendorskip import api");
  lap("import_api");
  const result = JSON.parse(pyodide.runPython(CHECK));
  lap("first_calls");
  console.log(JSON.stringify({ ...result, ms }));
}

const [dirArg] = process.argv.slice(2);
if (!dirArg) {
  console.error("usage: node smoke.mjs RUNTIME_DIR");
  process.exit(2);
}
// A file missing at start-up rejects a promise nobody awaits: fail on that too.
process.on("unhandledRejection", (error) => fail(error?.message ?? String(error)));
// Only the message: a stack trace through the minified Emscripten module is megabytes long.
await main(`${resolve(dirArg)}/`).catch((error) => fail(error?.message ?? String(error)));
