// @ts-check
// The snapshot file: how it is laid out, made (at build time, under Node: runtime/snapshot.mjs)
// and read back (in the worker: restore.mjs), in one place so the two cannot drift.
//
// A snapshot is the engine's wasm memory once Python has imported the package and answered
// once, taken with Pyodide's makeMemorySnapshot. Stored whole it is 30 MB; this file keeps only
// the pages that differ from freshly instantiated memory, and the files of site-packages (the
// memory snapshot holds no file system). Layout, little-endian:
//
//   u32 MAGIC, u32 length of META, META (JSON, padded to 4 bytes), then the payload:
//   Pyodide's own header (META.header bytes), the changed pages (META.runs), the files
//   (META.files, each padded to 4 bytes).
//
// META also holds the checksums restoring rests on (restore.mjs): of the payload, of the fresh
// memory in every page the snapshot leaves alone, and of the standard library zip.

export const MAGIC = 0x70616e73; // "snap"
export const PAGE = 4096;
const WORD = 4;

/**
 * @typedef {{
 *   version: 1, build_id: string, memory: number, header: number,
 *   runs: [number, number][], files: [string, number][], mtime: number,
 *   env: Record<string, string>, executable: string, rests_on: string, payload: string, stdlib: string,
 * }} Meta
 * @typedef {{meta: Meta, header: Uint8Array, pages: Uint8Array, files: Uint8Array}} Snapshot
 * @typedef {{
 *   mkdirTree: (path: string) => void,
 *   analyzePath: (path: string) => {exists: boolean},
 *   readFile: (path: string) => Uint8Array,
 *   writeFile: (path: string, data: Uint8Array) => void,
 *   utime: (path: string, atime: number, mtime: number) => void,
 * }} FileSystem
 */

/**
 * A checksum of 32-bit words over [from, to) ranges: four interleaved FNV-1a lanes, as 32 hex
 * digits. Not cryptographic: it finds a damaged or mismatched file in a few milliseconds.
 * @param {Uint32Array} words
 * @param {[number, number][]} ranges
 */
export function checksum(words, ranges = [[0, words.length]]) {
  const prime = 0x01000193;
  let a = 0x811c9dc5;
  let b = a ^ 1;
  let c = a ^ 2;
  let d = a ^ 3;
  for (const [from, to] of ranges) {
    const quads = from + ((to - from) & ~3);
    let i = from;
    for (; i < quads; i += 4) {
      a = Math.imul(a ^ words[i], prime);
      b = Math.imul(b ^ words[i + 1], prime);
      c = Math.imul(c ^ words[i + 2], prime);
      d = Math.imul(d ^ words[i + 3], prime);
    }
    for (; i < to; i++) a = Math.imul(a ^ words[i], prime);
  }
  return [a, b, c, d].map((lane) => (lane >>> 0).toString(16).padStart(8, "0")).join("");
}

/**
 * The word ranges of memory that a snapshot leaves as freshly instantiated.
 * @param {[number, number][]} runs changed pages: [first page, count]
 * @param {number} memory bytes
 * @returns {[number, number][]}
 */
function untouched(runs, memory) {
  /** @type {[number, number][]} */
  const ranges = [];
  let at = 0;
  for (const [first, count] of runs) {
    if (first * PAGE > at) ranges.push([at / WORD, (first * PAGE) / WORD]);
    at = (first + count) * PAGE;
  }
  if (at < memory) ranges.push([at / WORD, memory / WORD]);
  return ranges;
}

/** @param {Uint8Array} bytes */
const words = (bytes) => new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / WORD);

/** @param {number} n */
const padded = (n) => Math.ceil(n / WORD) * WORD;

/**
 * The checksum of any bytes (zero-padded to whole words).
 * @param {Uint8Array} bytes
 */
export function checksumBytes(bytes) {
  const copy = new Uint8Array(padded(bytes.length));
  copy.set(bytes);
  return checksum(words(copy));
}

/**
 * The snapshot file (build time).
 * @param {{snapshot: Uint8Array, fresh: Uint8Array, files: [string, Uint8Array][], stdlib: Uint8Array,
 *   build_id: string, mtime: number, env: Record<string, string>, executable: string}} made
 *   snapshot: what makeMemorySnapshot returned; fresh: memory as instantiated, before Python ran;
 *   stdlib: the standard library zip in place when the snapshot was taken
 */
export function pack({ snapshot, fresh, files, stdlib, build_id, mtime, env, executable }) {
  const headerLength = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2)[1];
  const header = snapshot.subarray(0, headerLength);
  const memory = snapshot.subarray(headerLength);
  if (memory.length !== fresh.length) {
    throw new Error(`the snapshot's memory (${memory.length} bytes) outgrew the initial memory (${fresh.length})`);
  }
  const now = words(memory);
  const before = words(fresh);
  /** @type {[number, number][]} */
  const runs = [];
  for (let page = 0; page < memory.length / PAGE; page++) {
    const at = (page * PAGE) / WORD;
    let same = true;
    for (let i = at; same && i < at + PAGE / WORD; i++) same = now[i] === before[i];
    if (same) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === page) last[1]++;
    else runs.push([page, 1]);
  }
  const changed = runs.reduce((sum, [, count]) => sum + count, 0);
  const payload = new Uint8Array(
    header.length + changed * PAGE + files.reduce((sum, [, data]) => sum + padded(data.length), 0),
  );
  payload.set(header, 0);
  let at = header.length;
  for (const [first, count] of runs) {
    payload.set(memory.subarray(first * PAGE, (first + count) * PAGE), at);
    at += count * PAGE;
  }
  for (const [, data] of files) {
    payload.set(data, at);
    at += padded(data.length);
  }
  /** @type {Meta} */
  const meta = {
    version: 1,
    build_id,
    memory: memory.length,
    header: header.length,
    runs,
    files: files.map(([path, data]) => [path, data.length]),
    mtime,
    env,
    executable,
    rests_on: checksum(before, untouched(runs, memory.length)),
    payload: checksum(words(payload)),
    stdlib: checksumBytes(stdlib),
  };
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const out = new Uint8Array(8 + padded(json.length) + payload.length);
  new Uint32Array(out.buffer, 0, 2).set([MAGIC, json.length]);
  out.set(json, 8);
  out.set(payload, 8 + padded(json.length));
  return out;
}

/**
 * Where a snapshot file's parts are, from its first bytes; null until enough have arrived.
 * @param {Uint8Array} bytes
 * @returns {{meta: Meta, start: number, size: number} | null}
 */
export function layout(bytes) {
  if (bytes.length < 8) return null;
  const [magic, length] = new Uint32Array(bytes.buffer, bytes.byteOffset, 2);
  if (magic !== MAGIC) throw new Error("snapshot: not a snapshot file");
  if (bytes.length < 8 + length) return null;
  /** @type {Meta} */
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
  if (meta.version !== 1) throw new Error("snapshot: unknown version");
  const changed = meta.runs.reduce((sum, [, count]) => sum + count, 0);
  const size = meta.header + changed * PAGE + meta.files.reduce((sum, [, n]) => sum + padded(n), 0);
  return { meta, start: 8 + padded(length), size };
}

/**
 * Read a snapshot file and check that it arrived whole; throws otherwise.
 * @param {ArrayBuffer} buffer
 * @returns {Snapshot}
 */
export function unpack(buffer) {
  const bytes = new Uint8Array(buffer);
  const parts = layout(bytes);
  if (!parts || bytes.length !== parts.start + parts.size) throw new Error("snapshot: damaged");
  const { meta, start, size } = parts;
  if (checksum(new Uint32Array(buffer, start, size / WORD)) !== meta.payload) {
    throw new Error("snapshot: damaged");
  }
  const pages = start + meta.header;
  const files = pages + (size - meta.header - meta.files.reduce((sum, [, n]) => sum + padded(n), 0));
  return {
    meta,
    header: bytes.subarray(start, pages),
    pages: bytes.subarray(pages, files),
    files: bytes.subarray(files),
  };
}

/**
 * Lay the changed pages over freshly instantiated memory, in place. Throws, leaving the memory
 * as it was, if that memory is not what the snapshot was made on.
 * @param {Snapshot} snapshot
 * @param {Uint8Array} memory the instantiated module's memory
 */
export function restoreInPlace({ meta, pages }, memory) {
  if (memory.length !== meta.memory) throw new Error("snapshot: memory size differs");
  if (checksum(words(memory), untouched(meta.runs, meta.memory)) !== meta.rests_on) {
    throw new Error("snapshot: fresh memory differs");
  }
  let at = 0;
  for (const [first, count] of meta.runs) {
    memory.set(pages.subarray(at, at + count * PAGE), first * PAGE);
    at += count * PAGE;
  }
}

/**
 * Write site-packages as it was when the snapshot was taken, timestamps included: Jinja2
 * recompiles a template whose file's time has changed.
 * @param {FileSystem} fs
 * @param {string} dir
 * @param {[string, Uint8Array][]} files paths relative to dir
 * @param {number} mtime seconds
 */
export function writeSite(fs, dir, files, mtime) {
  const folders = new Set([dir]);
  for (const [path, data] of files) {
    const parts = `${dir}/${path}`.split("/");
    for (let i = dir.split("/").length; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
    fs.mkdirTree(parts.slice(0, -1).join("/"));
    fs.writeFile(`${dir}/${path}`, data);
    fs.utime(`${dir}/${path}`, mtime * 1000, mtime * 1000);
  }
  for (const folder of folders) fs.utime(folder, mtime * 1000, mtime * 1000);
}

/**
 * The files of a snapshot, for writeSite.
 * @param {Snapshot} snapshot
 * @returns {[string, Uint8Array][]}
 */
export function siteFiles({ meta, files }) {
  let at = 0;
  return meta.files.map(([path, size]) => {
    const data = files.subarray(at, at + size);
    at += padded(size);
    return [path, data];
  });
}
