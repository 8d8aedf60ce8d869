"""The checker at build time: its page assets, its form, and the Python runtime it runs on."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..knowledge import Knowledge
from ..runtime.build import RuntimeFiles, build_runtime
from ..runtime.wheel import package_wheel
from . import form
from .center import Contact, contact_html

HERE = Path(__file__).parent
ASSET_DIR = "assets/sendorskip"
# checker.js imports the other modules by relative URL; worker.js runs the engine.
MODULES = ("dom.js", "engine.js", "form.js", "problems.js", "advice.js", "findings.js", "keep.js")
# restore.mjs: the worker's snapshot boot, imported only when it restores a snapshot, with the
# snapshot file's format (snapfile.mjs, shared with the build).
# start.js: the engine's early start, in the <head> of a page with the checker (start_early).
ASSETS = (
    "checker.js",
    *MODULES,
    "start.js",
    "worker.js",
    "restore.mjs",
    "snapfile.mjs",
    "checker.css",
)
PLACEHOLDER = '<div data-sos-checker-form="here"></div>'
# Markdown may rewrite the placeholder's attributes; match it loosely.
_PLACEHOLDER = re.compile(r"<div data-sos-checker-form[^>]*>\s*</div>")
_FORM = re.compile(r"<[^>]*\sdata-sos-app[\s>=]")
_HEAD = re.compile(r"<head(\s[^>]*)?>")
STAGES = 3  # the worker's progress stages (worker.js)
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(HERE / "templates")),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def add_assets(config: MkDocsConfig) -> None:
    """Load the glue on every page (instant navigation runs scripts once); it stays idle where
    there is no checker."""
    css = f"{ASSET_DIR}/checker.css"
    if css not in config.extra_css:
        config.extra_css.append(css)
    script = ExtraScriptValue(f"{ASSET_DIR}/checker.js")
    script.type = "module"
    # async: it runs as soon as its modules have arrived, without waiting for the end of
    # parsing. The engine starts earlier still, from the <head> (start_early).
    script.async_ = True
    if all(str(s) != script.path for s in config.extra_javascript):
        config.extra_javascript.append(script)


def asset_files(config: MkDocsConfig) -> list[File]:
    return [
        File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(HERE / "assets" / name))
        for name in ASSETS
    ]


def _url(page: Page, files: Files, path: str, anchor: str = "") -> str | None:
    file = files.get_file_from_path(path)
    if file is None:
        return None
    return get_relative_url(file.url, page.url) + (f"#{anchor}" if anchor else "")


def voice_hrefs(kb: Knowledge, page: Page, files: Files) -> dict[str, str]:
    """Each voice's link from ``page``, as a built URL: a seed voice's card on the experts page,
    wider guidance under its source. A site without those pages gets no link."""
    hrefs = {}
    for voice in kb.voices.values():
        href = (
            _url(page, files, "experts.md", f"voice-{voice.id}")
            if voice.seed
            else _url(page, files, "sources.md", f"source-{voice.source}")
        )
        if href:
            hrefs[voice.id] = href
    return hrefs


def settings(kb: Knowledge, page: Page, files: Files) -> dict[str, Any]:
    """What the glue needs to know, as a JSON island in the page rather than a global: each
    voice's card too, so the results can show it in place instead of leaving for it."""
    hrefs = voice_hrefs(kb, page, files)
    voices = {
        vid: {
            "name": voice.name,
            "cited_as": voice.cited_as,
            "who": ", ".join(part for part in (voice.role, voice.organisation) if part),
            "view": voice.view,
            "quote": voice.quote,
            **({"href": hrefs[vid]} if vid in hrefs else {}),
        }
        for vid, voice in kb.voices.items()
    }
    return {"voices": voices, "labels": kb.words.browser()}


def form_html(kb: Knowledge, page: Page, files: Files, contact: Contact | None) -> str:
    words = kb.words
    guide = _url(page, files, "decision-guide.md") or "#"
    before, after = words.phrases["failed_keep"].split("{guide}")
    link = Markup('<a href="{}">{}</a>').format(guide, words.phrases["guide_link"])
    return _TEMPLATES.get_template("checker.html").render(
        settings=settings(kb, page, files),
        failure_guide=Markup("{}{}{}").format(before, link, after),
        main=form.main_rows(words),
        more=form.more_sections(words, kb.questions),
        check=form.check_controls(words),
        form=words.form,
        phrase=words.phrases,
        stages=STAGES,
        contact=Markup(contact_html(contact)) if contact else "",  # escaped by contact_html
    )


def fill(html: str, kb: Knowledge, page: Page, files: Files, contact: Contact | None) -> str:
    if not _PLACEHOLDER.search(html):
        return html
    form = form_html(kb, page, files, contact)
    return _PLACEHOLDER.sub(lambda _: form, html)


def start_early(html: str, url: str) -> str:
    """Start the engine from the top of the <head> of a page that has the checker (start.js);
    ``url`` is the page's, for the script's relative address."""
    if _FORM.search(html) is None:
        return html
    script = f'<script src="{get_relative_url(f"{ASSET_DIR}/start.js", url)}"></script>'
    return _HEAD.sub(lambda head: head.group(0) + script, html, count=1)


def build(site_dir: str, overrides: Path | None, boot: str) -> RuntimeFiles:
    """The runtime, with a snapshot unless the site starts the normal way only."""
    with tempfile.TemporaryDirectory() as tmp:
        wheel = package_wheel(Path(tmp), overrides)
        return build_runtime(
            Path(site_dir) / ASSET_DIR / "pyodide",
            package_wheel=wheel,
            snapshotted=boot != "normal",
        )
