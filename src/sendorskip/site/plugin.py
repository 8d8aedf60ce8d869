"""The ``sendorskip`` MkDocs plugin: fills the handbook's markers from the package's knowledge.

In ``mkdocs.yml``::

    plugins:
      - search
      - sendorskip:
          overrides: center/     # a career center's override directory (optional)
          boot: auto             # how the checker starts: auto, snapshot or normal (optional)
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..errors import SendOrSkipError, choices, shown
from ..knowledge import OVERRIDES_ENV, Knowledge, data_dir, load
from ..overrides import read_text
from ..runtime.build import BOOTS, default_cache, seal
from ..validate import problems as validation_problems
from ..validate import templates_alone
from ..validate import warnings as template_warnings
from . import checker, pages, startup
from .center import Contact, check_theme, contact_html, read_contact, read_pages
from .compress import precompress
from .markers import check as check_markers
from .markers import expand
from .scenarios import Scenario, load_scenarios

log = logging.getLogger("mkdocs.plugins.sendorskip")


class SendOrSkipConfig(Config):
    # A career center's override directory (rules, checks, voices, sources, templates).
    overrides = c.Optional(c.Type(str))
    # The center's contact block: see center.py.
    center = c.Type(dict, default={})
    # false: no checker assets and no runtime (a handbook-only build is much faster).
    checker = c.Type(bool, default=True)
    # false: no precompressed .br/.gz copies next to the built files (see compress.py).
    compress = c.Type(bool, default=True)
    # How the checker starts (runtime/build.py, seal): auto, snapshot or normal.
    boot = c.Type(str, default="auto")


# Each option's type and, for a mistake, what it should look like. Checked here rather than by
# MkDocs, which only warns about an unknown option (so `override:` would vanish in silence).
OPTIONS: dict[str, tuple[type, str]] = {
    "overrides": (str, "a folder name like center/"),
    "center": (dict, "settings (contact: ...)"),
    "checker": (bool, "true or false"),
    "compress": (bool, "true or false"),
    "boot": (str, f"one of {choices(BOOTS)}"),
}
# Options whose value must be one of a few.
CHOICES: dict[str, tuple[str, ...]] = {"boot": BOOTS}


def shown_path(path: Path) -> str:
    """A path as the center typed it: relative to where the command runs, when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class SendOrSkipPlugin(BasePlugin[SendOrSkipConfig]):
    kb: Knowledge
    voice_ids: list[str] | None  # None: the knowledge did not load, so ids cannot be checked
    scenarios: list[Scenario]
    contact: Contact | None
    overrides: Path | None
    problems: list[str]
    warnings: list[str]
    option_problems: list[str]
    material_scripts: startup.Startup | None  # with the checker only: see startup.py

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[Any, Any]:
        file = Path(config_file_path or "mkdocs.yml").name
        self.option_problems, valid = [], {}
        for key, value in options.items():
            where = f"{file}: plugins.sendorskip.{key}"
            if key not in OPTIONS:
                self.option_problems.append(
                    f"{where}: unknown setting; valid settings: {choices(OPTIONS)}."
                )
            elif not isinstance(value, OPTIONS[key][0]) or (
                OPTIONS[key][0] is not bool and isinstance(value, bool)
            ):
                self.option_problems.append(
                    f"{where}: expected {OPTIONS[key][1]}; got {shown(value)}."
                )
            elif key in CHOICES and value not in CHOICES[key]:
                self.option_problems.append(
                    f"{where}: expected one of {choices(CHOICES[key])}; got {shown(value)}."
                )
            else:
                valid[key] = value
        return super().load_config(valid, config_file_path)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check everything a center can get wrong; the pages are checked in on_files,
        and every problem is reported there, in one go."""
        file = Path(config.config_file_path).name
        self.root = Path(config.config_file_path).parent
        problems: list[str] = list(getattr(self, "option_problems", []))
        self.warnings = []
        self.voice_ids = None
        chosen = self.config.overrides or os.environ.get(OVERRIDES_ENV)
        self.overrides = Path(config.config_file_path).parent / chosen if chosen else None
        if self.overrides and not self.overrides.is_dir():
            problems.append(
                f"{file}: plugins.sendorskip.overrides: expected a directory; got {chosen!r}, which does not exist."
            )
            self.overrides = None
        try:
            self.scenarios = load_scenarios()
            self.kb = load(Path(shown_path(self.overrides)) if self.overrides else None)
            self.voice_ids = list(self.kb.voices)
            if self.overrides:
                problems += validation_problems(self.kb)
                self.warnings += template_warnings(self.kb)
        except SendOrSkipError as exc:
            problems += exc.problems
            if self.overrides and self.voice_ids is None:
                problems += templates_alone(Path(shown_path(self.overrides)))
        self.contact = read_contact(file, self.config.center, config.site_name, problems)
        pages_raw = self.config.center.get("pages", [])
        added = read_pages(file, pages_raw, Path(config.docs_dir), problems)
        if added and config.nav is not None:
            config.nav = [*config.nav, *added]
        check_theme(file, config.theme, Path(config.docs_dir), problems, self.warnings)
        # Our partials (an accessible progress bar, a named search dialog) go just before
        # Material's own, so a site's custom_dir can still override them.
        theme_dirs = config.theme.dirs
        material = next(
            (i for i, d in enumerate(theme_dirs) if Path(d).parent.name == "material"), 0
        )
        theme_dirs.insert(material, str(Path(__file__).parent / "theme"))
        self.material_scripts = None
        if self.config.checker:
            checker.add_assets(config)
            # The hosting guide serves the checker with a policy that blocks inline scripts.
            try:
                self.material_scripts = startup.generate(config)
            except SendOrSkipError as exc:
                problems += exc.problems
        self.problems = problems
        return config

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        if self.material_scripts:
            env.loader = startup.loader(config.theme.dirs, self.material_scripts.partials)
        return env

    def shown(self, file: File) -> str:
        """A page as its messages name it: from the site's folder ("docs/center/visit-us.md"),
        as the override files are ("center/rules.toml"), so the two cannot be confused."""
        if not file.abs_src_path:  # a page made by a plugin
            return file.src_uri
        try:
            shown = Path(os.path.relpath(file.abs_src_path, self.root)).as_posix()
        except ValueError:  # on Windows, another drive
            return file.src_uri
        # Docs outside the site's folder: "../x/docs/..." would help no one more than this.
        return file.src_uri if shown.startswith("..") else shown

    def page_problems(self, files: Files) -> list[str]:
        """Every page's markers, and every page that is not UTF-8, before any page is built."""
        found: list[str] = []
        for file in files.documentation_pages():
            try:
                text = read_text(Path(file.abs_src_path or ""), self.shown(file))
            except SendOrSkipError as exc:
                found += exc.problems
                continue
            found += check_markers(text, self.shown(file), self.voice_ids)
        return found

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        problems = self.problems + self.page_problems(files)
        if problems:
            raise PluginError("sendorskip: " + SendOrSkipError(problems).report())
        for warning in self.warnings:
            log.warning("sendorskip: %s", warning)
        if self.material_scripts:
            for file in self.material_scripts.files(config):
                files.append(file)
        if self.config.checker:
            for file in checker.asset_files(config):
                files.append(file)
        return files

    def _renderers(
        self, links: pages.Links, has_guide: bool, page: Page, files: Files
    ) -> dict[str, tuple[Any, bool]]:
        kb = self.kb
        return {
            "voice": (lambda vid: pages.voice_card(kb, kb.voices[vid], links), True),
            "matrix": (lambda _: pages.matrix(kb, self.scenarios, links, "seed"), False),
            "matrix-wider": (lambda _: pages.matrix(kb, self.scenarios, links, "wider"), False),
            # Raw HTML: its links are written as built URLs, since MkDocs rewrites only Markdown.
            "decision-guide": (
                lambda _: pages.decision_guide(kb, checker.voice_hrefs(kb, page, files)),
                False,
            ),
            "rules-reference": (lambda _: pages.rules_reference(kb, links), False),
            "checks-reference": (lambda _: pages.checks_reference(kb, links), False),
            "sources": (lambda _: pages.source_list(kb, links), False),
            "checker": (lambda _: self.checker_html(links, has_guide), False),
            "contact": (lambda _: contact_html(self.contact) if self.contact else "", False),
        }

    def checker_html(self, links: pages.Links, has_guide: bool) -> str:
        # The static text stays when JavaScript is off; the widget replaces it once it starts.
        # A site that adds only the checker may have no decision guide to point to.
        guide = f"The [decision guide]({links.to('decision-guide.md')}) gives the same advice on plain pages."
        return (
            '<div class="sos-checker" data-sos-checker markdown>\n\n'
            f"The checker needs JavaScript. {guide if has_guide else ''}\n\n"
            f"{checker.PLACEHOLDER}\n\n</div>"
        )

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        links = pages.Links(page.file.src_uri)
        ids = {"voice": lambda: list(self.kb.voices)}
        try:
            has_guide = files.get_file_from_path("decision-guide.md") is not None
            renderers = self._renderers(links, has_guide, page, files)
            return expand(markdown, self.shown(page.file), renderers, ids)
        except SendOrSkipError as exc:
            raise PluginError("sendorskip: " + exc.report()) from None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return (
            checker.fill(html, self.kb, page, files, self.contact) if self.config.checker else html
        )

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return checker.start_early(output, page.url) if self.config.checker else output

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        # The pages are built from this data too: editing a rule or a template rebuilds them.
        server.watch(str(data_dir()))
        if self.overrides:
            server.watch(str(self.overrides))
        return server

    # Last, so that the copies cover what other plugins write here too (the search index).
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.checker:
            try:
                runtime = checker.build(config.site_dir, self.overrides, self.config.boot)
                worker = Path(config.site_dir) / checker.ASSET_DIR / "worker.js"
                seal(runtime, worker, self.config.boot)
            except SendOrSkipError as exc:
                raise PluginError("sendorskip: " + exc.report()) from None
        if self.config.compress:
            precompress(Path(config.site_dir), default_cache())
