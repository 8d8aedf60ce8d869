// Damage a snapshot file in one of the ways the worker must survive (tests/browser/test_snapshot.py).
//
// Usage: node tests/node/tamper.mjs SNAPSHOT OUT damaged|rests-on|build-id
//
// damaged: one byte of the payload flipped, its checksum left as it was; rests-on: META's
// checksum of the fresh memory changed; build-id: Pyodide's own header names another build,
// with the payload's checksum made to match, so that only Pyodide's loader can notice.

import { readFile, writeFile } from "node:fs/promises";

import { checksum } from "../../src/sendorskip/site/assets/snapfile.mjs";

const [src, out, how] = process.argv.slice(2);
const bytes = new Uint8Array(await readFile(src));
const length = new Uint32Array(bytes.buffer, bytes.byteOffset, 2)[1];
const start = 8 + Math.ceil(length / 4) * 4;
const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
const payload = bytes.subarray(start);
const words = () => new Uint32Array(payload.buffer, payload.byteOffset, payload.length / 4);
if (how === "damaged") {
  payload[payload.length >> 1] ^= 0xff;
} else if (how === "rests-on") {
  meta.rests_on = meta.rests_on.replace(/^./, (c) => (c === "0" ? "1" : "0"));
} else if (how === "build-id") {
  payload[16] ^= 0xff; // Pyodide's header: magic, sizes, then the build id from byte 16
  meta.payload = checksum(words());
} else {
  console.error("usage: node tamper.mjs SNAPSHOT OUT damaged|rests-on|build-id");
  process.exit(2);
}
// Same length for META: the checksums are fixed-width hex.
const json = new TextEncoder().encode(JSON.stringify(meta));
if (json.length !== length) throw new Error("META changed length");
bytes.set(json, 8);
await writeFile(out, bytes);
