// @ts-check
// The snapshot boot, in the worker: snapshot.bin (snapfile.mjs) restored while it downloads.
//
// Restoring rests on four things, each checked before Python runs: the payload arrived whole
// (META.payload), the fresh memory it patches is what it was at build time in every page it
// leaves alone (META.rests_on: the same wasm, instantiated the same way), the memory has the
// same size, and the standard library zip is the one it was taken with (META.stdlib). Any
// mismatch throws, and the worker starts the normal way instead.

import { checksumBytes, layout, restoreInPlace, siteFiles, unpack, writeSite } from "./snapfile.mjs";

/** @typedef {import("./snapfile.mjs").Meta} Meta */
/** @typedef {import("./snapfile.mjs").Snapshot} Snapshot */
/** @typedef {import("./snapfile.mjs").FileSystem} FileSystem */

/**
 * Read a snapshot file as it downloads: its META as soon as it has arrived (so that the wasm
 * can be instantiated meanwhile), then the whole, checked.
 * @param {Promise<Response>} response
 * @returns {{meta: Promise<Meta>, whole: Promise<Snapshot>}}
 */
function receive(response) {
  /** @type {{resolve: (meta: Meta) => void, reject: (error: unknown) => void}} */
  let found = { resolve: () => {}, reject: () => {} };
  /** @type {Promise<Meta>} */
  const meta = new Promise((resolve, reject) => (found = { resolve, reject }));
  const whole = (async () => {
    const r = await response;
    if (!r.ok || !r.body) throw new Error(`snapshot.bin: HTTP ${r.status}`);
    const reader = r.body.getReader();
    let out = new Uint8Array(0);
    let have = 0;
    /** @type {ReturnType<typeof layout>} */
    let parts = null;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const bytes = chunk.value;
      // Exactly the file's size once its META says it; until then, room to grow.
      const size = parts ? parts.start + parts.size : Math.max(2 * out.length, have + bytes.length);
      if (have + bytes.length > size) throw new Error("snapshot: damaged");
      if (out.length !== size) {
        const grown = new Uint8Array(size);
        grown.set(out.subarray(0, have));
        out = grown;
      }
      out.set(bytes, have);
      have += bytes.length;
      if (!parts && (parts = layout(out.subarray(0, have)))) found.resolve(parts.meta);
    }
    if (!parts || have !== out.length) throw new Error("snapshot: damaged");
    return unpack(out.buffer);
  })();
  whole.catch(found.reject);
  return { meta, whole };
}

const STDLIB_POLL_MS = 10;
const STDLIB_WAIT_MS = 60_000;

/**
 * loadPyodide options that restore a snapshot while it downloads: the build's environment and
 * program name (the snapshot holds Python's copy of them), site-packages, and the memory, laid
 * in place once the wasm is instantiated. A damaged or mismatched snapshot rejects loadPyodide.
 * @param {Promise<Response>} response snapshot.bin
 * @param {Promise<(settings: any) => Promise<{HEAP8: Int8Array, API: {restoreSnapshot: (snapshot: Uint8Array) => unknown}}>>} createModule
 *   pyodide.asm.mjs's default export
 */
export function restoreOptions(response, createModule) {
  const { meta, whole } = receive(response);
  whole.catch(() => {}); // reported through loadPyodide
  /** @type {Record<string, string>} */
  const env = {};
  /** @type {Promise<void>} */
  let site = Promise.reject(new Error("snapshot: site-packages not written"));
  site.catch(() => {});
  return {
    env,
    // Pyodide sizes the memory from this and would copy it all into place; it is never written
    // to, and the changed pages go straight into place below instead.
    _loadSnapshot: meta.then((m) => new Uint8Array(m.header + m.memory)),
    // Pyodide does not wait for a failure here, so it is raised once the module is made.
    fsInit: async (/** @type {FileSystem} */ fs, /** @type {{sitePackages: string}} */ info) => {
      site = (async () => {
        const snapshot = await whole;
        // /lib/python3.14/... -> /lib/python314.zip. Pyodide writes it in a start-up step of its
        // own that runs alongside this one, once its download is in: when that comes after the
        // snapshot's, wait for it (a failed download stops loadPyodide, and this with it).
        const stdlib = info.sitePackages.replace(/^(\/lib\/python\d+)\.(\d+)\/.*$/, "$1$2.zip");
        for (let waited = 0; !fs.analyzePath(stdlib).exists; waited += STDLIB_POLL_MS) {
          if (waited > STDLIB_WAIT_MS) throw new Error("snapshot: standard library not installed");
          await new Promise((resolve) => setTimeout(resolve, STDLIB_POLL_MS));
        }
        if (checksumBytes(fs.readFile(stdlib)) !== snapshot.meta.stdlib) {
          throw new Error("snapshot: standard library differs");
        }
        writeSite(fs, info.sitePackages, siteFiles(snapshot), snapshot.meta.mtime);
      })();
      await site.catch(() => {});
    },
    createPyodideModule: async (/** @type {{thisProgram?: string}} */ settings) => {
      const { env: built, executable } = await meta;
      // As the build had them, in its order: Pyodide read this object when loadPyodide began.
      for (const name of Object.keys(env)) delete env[name];
      Object.assign(env, built);
      settings.thisProgram = executable;
      const module = await (await createModule)(settings);
      await site;
      const snapshot = await whole;
      const heap = module.HEAP8;
      restoreInPlace(snapshot, new Uint8Array(heap.buffer, heap.byteOffset, heap.length));
      // Pyodide's restore checks the header (magic, build id) and copies what follows it: only
      // the header, then, since the memory is in place already.
      const restore = module.API.restoreSnapshot;
      module.API.restoreSnapshot = () => restore(snapshot.header);
      return module;
    },
  };
}
