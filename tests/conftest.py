"""Shared test helpers: the situation table, the shared sources, golden-file handling."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from sendorskip import knowledge

HERE = Path(__file__).parent
ROOT = HERE.parent


def load_bench(name: str) -> ModuleType:
    """A benchmark script under bench/ as a module, for tests that share its code."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


# CI lays shared/ beside the checkout; a fork without it skips the tests that read the articles.
SHARED = Path(os.environ.get("SENDORSKIP_SHARED", ROOT.parent / "shared"))
SOURCES = SHARED / "sources"
SITUATIONS: dict[str, dict[str, Any]] = json.loads(
    (HERE / "data" / "situations.json").read_text("utf-8")
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files from output."
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def kb() -> knowledge.Knowledge:
    return knowledge.default()


def source_texts() -> dict[str, str]:
    if not SOURCES.is_dir():
        pytest.skip(f"the articles are not here: {SOURCES} (CI lays ../shared beside the checkout)")
    return {p.name: p.read_text("utf-8") for p in sorted(SOURCES.glob("*.txt"))}


def wider_topics() -> str:
    return research_notes()[0]


def research_notes() -> list[str]:
    """The research notes that quote pages beyond the two articles, with their addresses."""
    names = ("wider_topics.md", "survey_figures.md", "content_review.md")
    paths = [SHARED / "research" / name for name in names]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"the research notes are not here: {SHARED / 'research'}")
    return [p.read_text("utf-8") for p in paths]
