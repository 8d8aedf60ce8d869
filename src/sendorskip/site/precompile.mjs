// Compile the standard library and our wheels to bytecode with Pyodide's own CPython.
//
// Usage: node precompile.mjs PYODIDE_DIR REQUEST_JSON
//
// Bytecode only loads in the interpreter version that wrote it, and the host Python is older
// than Pyodide's, so the compiling has to happen in Pyodide; Node is the one place it can run
// at build time. This script only moves bytes: it copies each job's input into Pyodide's
// in-memory file system, runs bytecode.py there, and writes the outputs back to the host.
// REQUEST_JSON is {"python_tag": "cp314", "stdlib": path or null, "jobs": [{"kind", "src",
// "dst", "optimize", "label"}]} with host paths; "stdlib" is an already compiled standard
// library to start from, which starts in a third of the time (a rebuild after an edit to our
// package then takes about two seconds). Exit status: 0 done, 1 the inputs have problems
// (printed), 2 misuse.

import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [pyodideDir, requestPath] = process.argv.slice(2);
if (!pyodideDir || !requestPath) {
  console.error("usage: node precompile.mjs PYODIDE_DIR REQUEST_JSON");
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));

async function main() {
  const request = JSON.parse(await readFile(requestPath, "utf8"));
  const indexURL = pyodideDir.endsWith("/") ? pyodideDir : `${pyodideDir}/`;
  const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
  // packageBaseUrl too: without it a package lookup would fall back to the public CDN.
  const pyodide = await loadPyodide({
    indexURL,
    packageBaseUrl: indexURL,
    ...(request.stdlib ? { stdLibURL: request.stdlib } : {}),
  });

  pyodide.FS.mkdirTree("/precompile/in");
  pyodide.FS.mkdirTree("/precompile/out");
  const jobs = await Promise.all(
    request.jobs.map(async (job, i) => {
      const inner = { ...job, src: `/precompile/in/${i}`, dst: `/precompile/out/${i}` };
      pyodide.FS.writeFile(inner.src, await readFile(job.src));
      return inner;
    }),
  );

  pyodide.runPython(await readFile(join(here, "bytecode.py"), "utf8"));
  const precompile = pyodide.globals.get("precompile");
  const problems = JSON.parse(precompile(JSON.stringify({ ...request, jobs })));
  precompile.destroy();
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  for (const [i, job] of request.jobs.entries()) {
    await writeFile(job.dst, pyodide.FS.readFile(jobs[i].dst));
  }
}

// Only the message (a Python traceback, say): a stack trace through the minified Emscripten
// module is megabytes long and would bury it.
const fail = (error) => {
  console.error(error?.message ?? String(error));
  process.exit(1);
};
process.on("unhandledRejection", fail);
await main().catch(fail);
