// Compile the standard library and our wheels to bytecode with Pyodide's own CPython.
//
// Usage: node precompile.mjs PYODIDE_DIR REQUEST_JSON (node.py runs it; node.mjs starts Pyodide)
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
//
// With "record": {"wheels": [paths], "calls": [[op, payload]], "packages": [names], "dst": path}
// (and "stdlib" the compiled standard library) it compiles nothing: it starts Pyodide the way a
// page does, installs the compiled wheels, lets Python errors cross into JavaScript once (as a
// failing call would), and writes to "dst" the standard library members the checker can need
// (bytecode.py's stdlib_members says how they are found).

import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { runJob } from "./node.mjs";

const here = dirname(fileURLToPath(import.meta.url));

await runJob(async ({ request, start }) => {
  const pyodide = await start({
    ...(request.stdlib ? { stdLibURL: request.stdlib } : {}),
    // Bytecode without column positions: a fifth smaller. Columns only serve the ^^^ markers
    // under a source line in a traceback, and the browser has no source lines to show.
    env: { PYTHONNODEBUGRANGES: "1" },
  });

  if (request.record) return record(pyodide, request.record);

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
});

async function record(pyodide, { wheels, calls, packages, dst }) {
  const problems = [];
  await pyodide.loadPackage(wheels, {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  // Pyodide formats a Python exception for JavaScript (traceback, suggestions) on first use.
  for (const code of ["raise ValueError('x')", "undefined_name", "import sys; sys.no_such"]) {
    try {
      pyodide.runPython(code);
    } catch {
      // expected: only the modules it loads matter
    }
  }
  // What is imported so far is the checker's; bytecode.py's own imports are not (see it).
  const present = pyodide.runPython("import sys; sorted(sys.modules)").toJs();
  pyodide.runPython(await readFile(join(here, "bytecode.py"), "utf8"));
  const members = pyodide.globals.get("stdlib_members");
  await writeFile(dst, members(JSON.stringify({ calls, packages, present })));
  members.destroy();
}
