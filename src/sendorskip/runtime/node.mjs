// Run a build job in Pyodide under Node (node.py starts it): `node JOB.mjs PYODIDE_DIR REQUEST`.
//
// A job module calls runJob(main); main gets the request (JSON with host paths) and `start`,
// which loads Pyodide from PYODIDE_DIR with the job's options. Exit status: 0 done, 1 failed
// (the message printed), 2 misuse.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// Only the message (a Python traceback, say): a stack trace through the minified Emscripten
// module is megabytes long and would bury it.
const fail = (error) => {
  console.error(error?.message ?? String(error));
  process.exit(1);
};

export async function runJob(main) {
  const [pyodideDir, requestPath] = process.argv.slice(2);
  if (!pyodideDir || !requestPath) {
    console.error(`usage: node ${process.argv[1]} PYODIDE_DIR REQUEST_JSON`);
    process.exit(2);
  }
  process.on("unhandledRejection", fail);
  const indexURL = pyodideDir.endsWith("/") ? pyodideDir : `${pyodideDir}/`;
  const module = (name) => import(pathToFileURL(join(indexURL, name)).href);
  const { loadPyodide } = await module("pyodide.mjs");
  // packageBaseUrl too: without it a package lookup would fall back to the public CDN.
  const start = (options) => loadPyodide({ indexURL, packageBaseUrl: indexURL, ...options });
  const request = JSON.parse(await readFile(requestPath, "utf8"));
  await main({ request, start, module }).catch(fail);
}
