// Start a built runtime under Node either way the worker can, and answer every situation.
//
// Usage: node tests/node/boot.mjs RUNTIME_DIR snapshot|normal SITUATIONS_JSON
//
// "snapshot" restores snapshot.bin through restore.mjs, exactly as the worker does; "normal"
// starts Python and loads the wheels. Prints one JSON line: {"boot", "ms", "advice": {name:
// the bridge's advise reply}}; tests/runtime/test_snapshot.py compares the advice with CPython's
// and between the two. Exit status 1 on any failure, with a short message.

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { restoreOptions } from "../../src/sendorskip/site/assets/restore.mjs";

function fail(message) {
  console.error(`boot: ${message}`);
  process.exit(1);
}

async function main(dir, boot, situationsPath) {
  const url = (name) => pathToFileURL(`${dir}${name}`).href;
  const started = performance.now();
  const { loadPyodide } = await import(url("pyodide.mjs"));
  const common = { indexURL: dir, packageBaseUrl: dir, stdout: () => {}, stderr: (line) => console.error(line) };
  let pyodide;
  if (boot === "snapshot") {
    const response = readFile(`${dir}snapshot.bin`).then((bytes) => new Response(bytes));
    const createModule = import(url("pyodide.asm.mjs")).then((module) => module.default);
    const stdLibURL = `${dir}snapshot_stdlib.zip`;
    pyodide = await loadPyodide({ ...common, ...restoreOptions(response, createModule), stdLibURL });
  } else {
    pyodide = await loadPyodide(common);
    const errors = [];
    await pyodide.loadPackage("sendorskip", { messageCallback: () => {}, errorCallback: (m) => errors.push(m) });
    if (errors.length > 0) fail(errors.join("\n"));
  }
  const call = pyodide.pyimport("sendorskip.bridge").call;
  const situations = JSON.parse(await readFile(situationsPath, "utf8"));
  const advice = {};
  for (const [name, situation] of Object.entries(situations)) {
    advice[name] = JSON.parse(call("advise", JSON.stringify(situation)));
  }
  console.log(JSON.stringify({ boot, ms: Math.round(performance.now() - started), advice }));
}

const [dirArg, boot, situations] = process.argv.slice(2);
if (!dirArg || !["snapshot", "normal"].includes(boot) || !situations) {
  console.error("usage: node boot.mjs RUNTIME_DIR snapshot|normal SITUATIONS_JSON");
  process.exit(2);
}
process.on("unhandledRejection", (error) => fail(error?.message ?? String(error)));
await main(`${resolve(dirArg)}/`, boot, situations).catch((error) => fail(error?.message ?? String(error)));
