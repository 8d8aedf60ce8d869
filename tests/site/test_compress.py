"""Precompressed copies (site/compress.py): every ``.br`` and ``.gz`` of the built site decodes
to its file, the copies are the same bytes on every build, with the cache or without, stale
ones go, and a center can turn them off."""

from __future__ import annotations

import gzip
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from sendorskip.site.compress import (
    CACHE_FROM,
    ENCODINGS,
    KEEP_BELOW,
    compressed_size,
    precompress,
)

from ..conftest import ROOT
from .conftest import mkdocs_build

# The runtime's files that must shrink for the checker to start on a slow line.
RUNTIME = (
    "pyodide.asm.wasm",
    "pyodide.asm.mjs",
    "pyodide.mjs",
    "python_stdlib.zip",
    "snapshot.bin",
    "snapshot_stdlib.zip",
)


def runtime_dir(site: Path) -> Path:
    (folder,) = (site / "assets" / "sendorskip" / "pyodide").iterdir()
    return folder


def copies(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in ENCODINGS and p.is_file())


def test_every_copy_in_the_built_site_decodes_to_its_file(built_site: Path) -> None:
    found = copies(built_site)
    assert len(found) > 100
    for copy in found:
        decode = ENCODINGS[copy.suffix][1]
        assert decode(copy.read_bytes()) == copy.with_suffix("").read_bytes(), copy


def test_the_runtime_and_the_pages_have_both_copies_each_smaller(built_site: Path) -> None:
    folder = runtime_dir(built_site)
    wheels = sorted(p.name for p in folder.glob("*.whl"))
    assert len(wheels) == 3
    for name in [*RUNTIME, *wheels, "pyodide-lock.json"]:
        size = (folder / name).stat().st_size
        br, gz = ((folder / (name + suffix)).stat().st_size for suffix in (".br", ".gz"))
        assert br <= gz < KEEP_BELOW * size, name
    for page in ("index.html", "checker/index.html", "search/search_index.json"):
        assert (built_site / (page + ".br")).is_file() and (built_site / (page + ".gz")).is_file()
    sizes = compressed_size(folder)
    assert sizes["br"] < sizes["gzip"] < sizes["identity"] / 2


def test_the_runtime_zips_are_stored_so_that_brotli_sees_their_bytecode(built_site: Path) -> None:
    folder = runtime_dir(built_site)
    for archive in [folder / "python_stdlib.zip", *folder.glob("*.whl")]:
        with zipfile.ZipFile(archive) as zf:
            assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}, archive


def test_a_build_gives_the_same_copies_with_the_cache_or_without(
    built_site: Path, tmp_path: Path
) -> None:
    """The session's build took its large copies from the cache (or made them); made afresh
    here, with no cache, they are the same bytes; and gzip holds no time and no file name."""
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    source = runtime_dir(built_site)
    # All but the wasm, whose brotli alone takes half a minute.
    for name in [*RUNTIME[1:], *(p.name for p in source.glob("*.whl"))]:
        shutil.copy(source / name, fresh / name)
    shutil.copy(built_site / "index.html", fresh / "index.html")
    precompress(fresh, cache=None)
    for copy in copies(fresh):
        kept = (built_site if copy.name.startswith("index.") else source) / copy.name
        assert copy.read_bytes() == kept.read_bytes(), copy.name
        if copy.suffix == ".gz":
            header = copy.read_bytes()[:10]
            assert header[3] == 0 and header[4:8] == bytes(4), copy.name  # no name, time 0


def test_the_cache_gives_back_what_it_was_given(tmp_path: Path) -> None:
    text = " ".join(f"line {i} of a large page" for i in range(CACHE_FROM // 8)).encode()
    for run in ("first", "second"):
        (tmp_path / run).mkdir()
        (tmp_path / run / "big.txt").write_bytes(text)
        precompress(tmp_path / run, cache=tmp_path / "cache")
    assert len(list((tmp_path / "cache").rglob("*.br"))) == 1
    for suffix in ENCODINGS:
        first, second = (
            (tmp_path / run / f"big.txt{suffix}").read_bytes() for run in ("first", "second")
        )
        assert first == second and ENCODINGS[suffix][1](second) == text


def test_stale_copies_go_and_a_true_one_stays(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>Send a note.</p>\n" * 200, "utf-8")
    assert precompress(tmp_path) == {".br": 1, ".gz": 1}
    # The page becomes something that does not shrink: last build's copies would be wrong.
    page.write_bytes(random.Random(13).randbytes(4000))
    # MkDocs writes sitemap.xml.gz itself, larger than the file: true, so it stays.
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_bytes(b"<urlset/>")
    mkdocs_copy = gzip.compress(sitemap.read_bytes(), mtime=1_700_000_000)
    (tmp_path / "sitemap.xml.gz").write_bytes(mkdocs_copy)
    assert precompress(tmp_path) == {".br": 0, ".gz": 0}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "page.html",
        "sitemap.xml",
        "sitemap.xml.gz",
    ]
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == mkdocs_copy


def test_a_center_can_turn_the_copies_off(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "existing-site", tmp_path / "src")
    config = tmp_path / "src" / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace(
            "  - sendorskip\n", "  - sendorskip:\n      checker: false\n      compress: false\n"
        ),
        "utf-8",
    )
    site = mkdocs_build(tmp_path / "site", config=config)
    assert (site / "index.html").is_file()
    assert [p.name for p in copies(site)] == ["sitemap.xml.gz"]  # MkDocs' own


def test_two_builds_of_the_same_sources_are_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copies included; MkDocs' own sitemap.xml.gz holds the build time unless told one."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    config = ROOT / "tests" / "existing-site" / "mkdocs.yml"
    first, second = (mkdocs_build(tmp_path / name, config=config) for name in ("a", "b"))
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert len(copies(first)) > 50
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []
