"""The ``sendorskip`` MkDocs plugin: fills the handbook's markers from the package's knowledge.

In ``mkdocs.yml``::

    plugins:
      - search
      - sendorskip:
          overrides: center/     # a career center's override directory (optional)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..errors import SendOrSkipError
from ..knowledge import OVERRIDES_ENV, Knowledge, load
from . import checker, pages
from .markers import expand
from .scenarios import Scenario, load_scenarios


class SendOrSkipConfig(Config):
    overrides = c.Optional(c.Dir(exists=True))
    # false: no checker assets and no runtime (a handbook-only build is much faster).
    checker = c.Type(bool, default=True)


class SendOrSkipPlugin(BasePlugin[SendOrSkipConfig]):
    kb: Knowledge
    scenarios: list[Scenario]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.kb = load(self.config.overrides)
            self.scenarios = load_scenarios()
        except SendOrSkipError as exc:
            raise PluginError("sendorskip: " + exc.report()) from None
        if self.config.checker:
            checker.add_assets(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.config.checker:
            for file in checker.asset_files(config):
                files.append(file)
        return files

    def _renderers(self, links: pages.Links) -> dict[str, tuple[Any, bool]]:
        kb = self.kb
        return {
            "voice": (lambda vid: pages.voice_card(kb, kb.voices[vid], links), True),
            "matrix": (lambda _: pages.matrix(kb, self.scenarios, links), False),
            "decision-guide": (lambda _: pages.decision_guide(kb, links), False),
            "rules-reference": (lambda _: pages.rules_reference(kb, links), False),
            "checks-reference": (lambda _: pages.checks_reference(kb, links), False),
            "sources": (lambda _: pages.source_list(kb, links), False),
            "checker": (lambda _: self.checker_html(links), False),
        }

    def checker_html(self, links: pages.Links) -> str:
        # The static text stays when JavaScript is off; the widget replaces it once it starts.
        guide = links.to("decision-guide.md")
        return (
            '<div class="sos-checker" data-sos-checker markdown>\n\n'
            f"The checker needs JavaScript. The [decision guide]({guide}) gives the same advice on plain pages.\n\n"
            f"{checker.PLACEHOLDER}\n\n</div>"
        )

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        links = pages.Links(page.file.src_uri)
        ids = {"voice": lambda: list(self.kb.voices)}
        try:
            return expand(markdown, page.file.src_uri, self._renderers(links), ids)
        except SendOrSkipError as exc:
            raise PluginError("sendorskip: " + exc.report()) from None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return checker.fill(html, self.kb, page, files) if self.config.checker else html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.checker:
            return
        overrides = self.config.overrides or os.environ.get(OVERRIDES_ENV)
        try:
            checker.build(config.site_dir, Path(overrides) if overrides else None)
        except SendOrSkipError as exc:
            raise PluginError("sendorskip: " + exc.report()) from None
