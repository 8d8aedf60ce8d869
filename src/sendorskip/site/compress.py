"""Precompressed copies of the built site: ``NAME.br`` (brotli) and ``NAME.gz`` (gzip) next to
each file that shrinks, for a server to send as they are (nginx ``brotli_static`` and
``gzip_static``, Apache's rewrite rules: see docs/hosting/).

A server compressing on the fly uses a fast level; these use the strongest (brotli 11, gzip
9), which is too slow to do per request: brotli takes half a minute over Pyodide's wasm. So
each content is compressed once (large files in the runtime cache), and ``mkdocs serve``
rebuilds stay quick. The output depends on the input alone: gzip gets no time and no name.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import brotli

# What shrinks: text, and the runtime's WebAssembly, zips (their members are stored, not
# deflated, so that this compression sees the bytecode; see runtime/bytecode.py) and the
# engine's memory snapshot (snapshot.bin, mostly bytecode and zeroed pages).
TEXT = {".html", ".css", ".js", ".mjs", ".map", ".json", ".svg", ".xml", ".txt"}
EXTENSIONS = frozenset({*TEXT, ".wasm", ".zip", ".whl", ".bin"})
# A copy is kept only when it is meaningfully smaller: below this share of the file's size.
# Anything close to 1 costs the server a lookup and the reader nothing.
KEEP_BELOW = 0.9
# Larger results are kept on disk, by content, in the runtime cache; smaller ones (a page, which
# changes with every edit) only in memory, so the cache does not fill with old pages.
CACHE_FROM = 32 * 1024

Codec = tuple[Callable[[bytes], bytes], Callable[[bytes], bytes]]  # (encode, decode)
ENCODINGS: dict[str, Codec] = {
    ".br": (lambda data: brotli.compress(data, quality=11), brotli.decompress),
    ".gz": (lambda data: gzip.compress(data, compresslevel=9, mtime=0), gzip.decompress),
}
# What the cached bytes depend on besides the input: a new library may compress differently.
_CODECS = f"brotli-{brotli.__version__}-q11,zlib-{zlib.ZLIB_RUNTIME_VERSION}-9"


def candidates(root: Path) -> Iterator[Path]:
    """Every file under ``root`` worth trying, in a stable order."""
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix in EXTENSIONS:
                yield path


# Small results of this process, by content: `mkdocs serve` rebuilds every page on each edit.
_MEMORY: dict[str, bytes] = {}


def _compressed(data: bytes, suffix: str, cache: Path | None) -> bytes:
    key = hashlib.sha256(_CODECS.encode("ascii") + b"\0" + data).hexdigest() + suffix
    if key in _MEMORY:
        return _MEMORY[key]
    small = len(data) < CACHE_FROM
    entry = None if cache is None or small else cache / "compressed" / key[:2] / key
    if entry is not None and entry.is_file():
        return entry.read_bytes()
    out = ENCODINGS[suffix][0](data)
    if small:
        _MEMORY[key] = out
    elif entry is not None:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Another build may write the same entry at the same time: each writes a file of its
        # own and moves it into place, so no build reads half of one.
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False) as tmp:
            tmp.write(out)
        os.replace(tmp.name, entry)
    return out


def _holds(copy: Path, data: bytes, decode: Callable[[bytes], bytes]) -> bool:
    try:
        return decode(copy.read_bytes()) == data
    except (OSError, EOFError, zlib.error, brotli.error):
        return False


def precompress(root: Path, cache: Path | None = None) -> dict[str, int]:
    """Write ``.br`` and ``.gz`` next to every file under ``root`` that they make meaningfully
    smaller, and remove stale copies (an earlier build's, of other content). A copy that is
    not worth writing but holds the file's content stays (MkDocs' own ``sitemap.xml.gz``).
    Large results are kept in ``cache`` by content. Returns how many copies of each kind the
    site now has."""
    written = dict.fromkeys(ENCODINGS, 0)
    for path in candidates(root):
        data = path.read_bytes()
        for suffix in ENCODINGS:
            target = path.with_name(path.name + suffix)
            out = _compressed(data, suffix, cache)
            if len(out) < KEEP_BELOW * len(data):
                if not target.is_file() or target.read_bytes() != out:
                    target.write_bytes(out)
                written[suffix] += 1
            elif target.is_file() and not _holds(target, data, ENCODINGS[suffix][1]):
                target.unlink()
    return written


def compressed_size(path: Path) -> dict[str, int]:
    """Bytes a reader downloads for ``path`` (a file, or a folder's files) from a server set up
    as the hosting guide says: ``identity``, ``gzip`` and ``br``, each summing the file's
    precompressed copy where the build wrote one, else the file itself."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    sizes = {"identity": 0, "gzip": 0, "br": 0}
    for file in files:
        if file.suffix in ENCODINGS and file.with_suffix("").is_file():
            continue  # a copy, counted with its file
        size = file.stat().st_size
        sizes["identity"] += size
        for encoding, suffix in (("gzip", ".gz"), ("br", ".br")):
            copy = file.with_name(file.name + suffix)
            sizes[encoding] += copy.stat().st_size if copy.is_file() else size
    return sizes
