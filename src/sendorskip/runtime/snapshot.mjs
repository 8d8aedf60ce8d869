// Take the snapshot that the worker restores (snapfile.mjs says what it holds and how).
//
// Usage: node snapshot.mjs PYODIDE_DIR REQUEST_JSON (snapshot.py runs it; node.mjs starts Pyodide)
//
// REQUEST_JSON is {"stdlib": path, "site": folder, "files": [paths in it], "mtime": seconds,
// "env": {...}, "executable": str, "prepare", "imported" and "slim_stdlib": Python code, "dst":
// path, "dst_stdlib": path}. Pyodide starts the way the worker restores it: the same standard
// library, environment and program name, and site-packages written file by file with one
// timestamp (after loadPackage, a snapshot fails). Then "prepare" runs (imports, the first
// answer), "imported" names the site-packages files now in memory (left out of "dst"),
// "slim_stdlib" replaces the standard library with what is not imported yet (written
// to "dst_stdlib"), and the memory is written to "dst", as changed pages over the memory of a
// fresh instance that Python has not started in.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { pack, writeSite } from "../site/assets/snapfile.mjs";
import { runJob } from "./node.mjs";

const STOP = new Error("fresh memory taken");

await runJob(async ({ request, start, module }) => {
  const createModule = (await module("pyodide.asm.mjs")).default;
  const options = { stdLibURL: request.stdlib, env: request.env, _sysExecutable: request.executable };
  // Instantiated as a restore instantiates it (noInitialRun: Python does not start), then dropped.
  let fresh = new Uint8Array(0);
  await start({
    ...options,
    createPyodideModule: async (settings) => {
      settings.noInitialRun = true;
      const instance = await createModule(settings);
      fresh = new Uint8Array(instance.HEAP8.buffer).slice();
      throw STOP;
    },
  }).catch((error) => {
    if (error !== STOP) throw error;
  });

  const files = await Promise.all(
    request.files.map(async (path) => [path, new Uint8Array(await readFile(join(request.site, path)))]),
  );
  const pyodide = await start({ ...options, _makeSnapshot: true });
  // After the start: packages found in site-packages while Python starts are recorded in a way
  // makeMemorySnapshot refuses ("Unexpected hiwire entry"). The worker writes them before.
  writeSite(pyodide.FS, pyodide._api.sitePackages, files, request.mtime);
  pyodide.runPython(request.prepare);
  const imported = new Set(JSON.parse(pyodide.runPython(request.imported)));
  pyodide.runPython(request.slim_stdlib);
  const stdlib = pyodide.FS.readFile(`/lib/python${pyodide._api.pyVersionTuple.slice(0, 2).join("")}.zip`);
  await writeFile(request.dst_stdlib, stdlib);
  const snapshot = pyodide.makeMemorySnapshot();
  // The environment as Pyodide completed it (HOME, PYTHONINSPECT), in its order.
  const { BUILD_ID: build_id, env } = pyodide._api.config;
  const { mtime, executable } = request;
  const kept = files.filter(([path]) => !imported.has(path));
  await writeFile(request.dst, pack({ snapshot, fresh, files: kept, stdlib, build_id, mtime, env, executable }));
});
