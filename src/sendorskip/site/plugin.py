"""The ``sendorskip`` MkDocs plugin: fills the handbook's markers from the package's knowledge.

In ``mkdocs.yml``::

    plugins:
      - search
      - sendorskip:
          overrides: center/     # a career center's override directory (optional)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..errors import SendOrSkipError
from ..knowledge import OVERRIDES_ENV, Knowledge, data_dir, load
from ..validate import problems as validation_problems
from . import checker, pages
from .center import Contact, check_theme, contact_html, read_contact
from .markers import expand
from .scenarios import Scenario, load_scenarios


class SendOrSkipConfig(Config):
    # A career center's override directory (rules, checks, voices, sources, templates).
    overrides = c.Optional(c.Type(str))
    # The center's contact block: see center.py.
    center = c.Type(dict, default={})
    # false: no checker assets and no runtime (a handbook-only build is much faster).
    checker = c.Type(bool, default=True)


class SendOrSkipPlugin(BasePlugin[SendOrSkipConfig]):
    kb: Knowledge
    scenarios: list[Scenario]
    contact: Contact | None
    overrides: Path | None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check everything a center can get wrong, and report it all in one go."""
        problems: list[str] = []
        chosen = self.config.overrides or os.environ.get(OVERRIDES_ENV)
        self.overrides = Path(config.config_file_path).parent / chosen if chosen else None
        if self.overrides and not self.overrides.is_dir():
            problems.append(
                f"mkdocs.yml: plugins.sendorskip.overrides: expected a directory; got {chosen!r}, which does not exist."
            )
            self.overrides = None
        try:
            self.kb = load(self.overrides)
            self.scenarios = load_scenarios()
            if self.overrides:
                problems += validation_problems(self.kb)
        except SendOrSkipError as exc:
            problems += exc.problems
        self.contact = read_contact(self.config.center, config.site_name, problems)
        check_theme(config.theme, Path(config.docs_dir), problems)
        if problems:
            raise PluginError("sendorskip: " + SendOrSkipError(problems).report())
        # Our partials (CSP-friendly start-up scripts, accessible progress bar) go just before
        # Material's own, so a site's custom_dir can still override them.
        theme_dirs = config.theme.dirs
        material = next(
            (i for i, d in enumerate(theme_dirs) if Path(d).parent.name == "material"), 0
        )
        theme_dirs.insert(material, str(Path(__file__).parent / "theme"))
        if self.config.checker:
            checker.add_assets(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for file in checker.theme_files(config):
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
            "matrix": (lambda _: pages.matrix(kb, self.scenarios, links), False),
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
            return expand(markdown, page.file.src_uri, renderers, ids)
        except SendOrSkipError as exc:
            raise PluginError("sendorskip: " + exc.report()) from None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return (
            checker.fill(html, self.kb, page, files, self.contact) if self.config.checker else html
        )

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        # The pages are built from this data too: editing a rule or a template rebuilds them.
        server.watch(str(data_dir()))
        if self.overrides:
            server.watch(str(self.overrides))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.checker:
            return
        try:
            checker.build(config.site_dir, self.overrides)
        except SendOrSkipError as exc:
            raise PluginError("sendorskip: " + exc.report()) from None
