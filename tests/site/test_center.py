"""A career center's fork in the upgrade-safe layout: it builds with the center's settings,
rules, wording and pages, and every mistake a center can make is reported in plain words, all
at once, by `sendorskip validate -f center.yml` and by the build alike."""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from sendorskip.cli import main
from sendorskip.drafts import TEMPLATES
from sendorskip.errors import choices
from sendorskip.facts import FACT_BY_NAME
from sendorskip.form_words import QUESTIONS
from sendorskip.knowledge import load
from sendorskip.overrides import DATA_FILES
from sendorskip.site.markers import TAKES_ID
from sendorskip.site.palette import ACCENTS, COLOURS, PASSING
from sendorskip.validate import STRICT, stamp

from .fork import CENTER, build, built, make_fork

# Lists that grow with our data are filled in from it; every message is otherwise pinned whole.
C = "center.yml: plugins.sendorskip.center.contact"
R = "center/rules.toml: rule NFC101 (fair-chats-optional)"
T = "center/templates/interviewer.txt.j2"
LIGHT = "      primary: deep purple\n      accent: amber\n      toggle:\n        icon: material/brightness-7"
NOT_UTF8 = "the file is not saved as UTF-8 (byte 0x{b}, perhaps an accented letter saved in a Windows encoding); save it again choosing the encoding UTF-8."
# The sample rule again, under the same id.
DUPLICATE = (CENTER / "center" / "rules.toml").read_text("utf-8").split("[[rule]]")[1]
DUPLICATE = "[[rule]]" + DUPLICATE.replace('"fair-chats-optional"', '"fair-chats-again"') + "\n"
INDENT = "cannot read this: this line is not indented like the lines it belongs with."

# (what the center did: "edit" file old -> new, "add" file with text new, "move" file to new,
#  "encode" = edit and save in Windows-1252; what validate and the build report)
MISTAKES: list[tuple[str, str, str | None, str, str]] = [
    # --- settings in center.yml -----------------------------------------------------------
    (
        "edit",
        "center.yml",
        "email: careers@northfield.example",
        "email: careers-at-northfield",
        f"{C}.email: expected an email address like careers@example.edu; got 'careers-at-northfield'.",
    ),
    (
        "edit",
        "center.yml",
        "email: careers@northfield.example",
        "email: mailto:careers@northfield.example",
        f"{C}.email: expected an email address like careers@example.edu (leave out \"mailto:\"); got 'mailto:careers@northfield.example'.",
    ),
    (
        "edit",
        "center.yml",
        "email: careers@northfield.example",
        "email: https://northfield.example/careers",
        f"{C}.email: expected an email address like careers@example.edu; got 'https://northfield.example/careers'.",
    ),
    (
        "edit",
        "center.yml",
        "            - name: Dana",
        "            - nmae: Dana",
        f"{C}.advisors[0].nmae: unknown setting; valid settings: 'name', 'role', 'email', 'phone'.\n{C}.advisors[0].name: required: the advisor's name.",
    ),
    (
        "edit",
        "center.yml",
        "booking_url: https://northfield.example/careers/book",
        "booking_url: book with Dana",
        f"{C}.booking_url: expected a web address like https://example.edu/book; got 'book with Dana'.",
    ),
    (
        "edit",
        "center.yml",
        "booking_url: https://northfield.example/careers/book",
        "booking_url: northfield.example/careers/book",
        f"{C}.booking_url: expected a web address like https://example.edu/book; got 'northfield.example/careers/book' (did you mean 'https://northfield.example/careers/book'?).",
    ),
    (
        "edit",
        "center.yml",
        "          text: We read",
        "          txt: We read",
        f"{C}.txt: unknown setting; valid settings: 'heading', 'text', 'advisors', 'booking_url', 'email'.",
    ),
    (
        "edit",
        "center.yml",
        "      center:\n        contact:",
        "      center:\n        contacts:",
        "center.yml: plugins.sendorskip.center.contacts: unknown setting; valid settings: 'contact', 'pages'.",
    ),
    # Lists replace ours whole (INHERIT merges mappings only): what a center's list drops.
    (
        "edit",
        "center.yml",
        "plugins:\n",
        "extra_css:\n  - center/brand.css\nplugins:\n",
        "Warning: center.yml: extra_css: your list replaces ours (INHERIT merges settings, not lists) and leaves out 'assets/stylesheets/handbook.css'; list those too.",
    ),
    (
        "edit",
        "center.yml",
        "plugins:\n",
        "nav:\n  - Visit us: center/visit-us.md\nplugins:\n",
        "Warning: center.yml: nav: replaces the handbook's whole menu, so pages we add in a release will not appear; list your pages under the sendorskip plugin's center.pages instead.",
    ),
    (
        "edit",
        "center.yml",
        'site_url: !ENV [SITE_URL, "https://careers.northfield.example/thank-you/"]\n',
        "",
        "Warning: center.yml: site_url: not set; without it the sitemap is empty, Material's instant navigation is off and the checker starts again on every page: set it to the address you publish at (or build with SITE_URL=that address).",
    ),
    (
        "edit",
        "center.yml",
        "logo: center/northfield-logo.svg",
        "logo: center/northfeld-logo.svg",
        "center.yml: theme.logo: file not found: expected it in docs/ as center/northfeld-logo.svg; got no such file.",
    ),
    (
        "edit",
        "center.yml",
        "logo: center/northfield-logo.svg",
        "logo: docs/center/northfield-logo.svg",
        "center.yml: theme.logo: file not found: expected it in docs/ as docs/center/northfield-logo.svg; got no such file (paths are from docs/: write center/northfield-logo.svg).",
    ),
    (
        "edit",
        "center.yml",
        "logo: center/northfield-logo.svg",
        "logo: center/northfield-logo.svg\n  favicon: center/northfield-icon.png",
        "center.yml: theme.favicon: file not found: expected it in docs/ as center/northfield-icon.png; got no such file.",
    ),
    (
        "edit",
        "center.yml",
        LIGHT,
        LIGHT.replace("deep purple", "sea green"),
        "center.yml: theme.palette[1].primary: expected one of {colours}; got 'sea green'.",
    ),
    (
        "edit",
        "center.yml",
        "      accent: amber\n      toggle:\n        icon: material/brightness-4",
        "      accent: black\n      toggle:\n        icon: material/brightness-4",
        "center.yml: theme.palette[2].accent: expected one of {accents}; got 'black'.",
    ),
    (
        "edit",
        "center.yml",
        LIGHT,
        LIGHT.replace("deep purple", "Green"),
        "center.yml: theme.palette[1].primary: expected one of {colours}; got 'Green' (Material knows only its lower-case spelling, 'green').",
    ),
    (
        "edit",
        "center.yml",
        LIGHT,
        LIGHT.replace("deep purple", "green"),
        "Warning: center.yml: theme.palette[1].primary: 'green' is hard to read: its text contrast is 2.8:1, and WCAG AA asks for 4.5:1; readable choices: {readable}."
        + STRICT,
    ),
    (
        "edit",
        "center.yml",
        LIGHT,
        LIGHT.replace("deep purple", "orange"),
        "Warning: center.yml: theme.palette[1].primary: 'orange' is hard to read: its text contrast is 1.9:1, and WCAG AA asks for 4.5:1; readable choices: {readable}."
        + STRICT,
    ),
    (
        "edit",
        "center.yml",
        LIGHT,
        LIGHT.replace("amber", "Amber"),
        "center.yml: theme.palette[1].accent: expected one of {accents}; got 'Amber' (Material knows only its lower-case spelling, 'amber').",
    ),
    (
        "edit",
        "center.yml",
        "overrides: center",
        "overrides: centre",
        "center.yml: plugins.sendorskip.overrides: expected a directory; got 'centre', which does not exist.",
    ),
    (
        "edit",
        "center.yml",
        "overrides: center",
        "override: center",
        "center.yml: plugins.sendorskip.override: unknown setting; valid settings: 'overrides', 'center', 'checker', 'compress', 'boot'.",
    ),
    (
        "edit",
        "center.yml",
        "overrides: center",
        "overrides: center\n      checker: off-for-now",
        "center.yml: plugins.sendorskip.checker: expected true or false; got 'off-for-now'.",
    ),
    (
        "edit",
        "center.yml",
        "overrides: center",
        "overrides: [center]",
        "center.yml: plugins.sendorskip.overrides: expected a folder name like center/; got a list.",
    ),
    (
        "edit",
        "center.yml",
        "email: d.whitfield@northfield.example",
        "email: Dana Whitfield",
        f"{C}.advisors[0].email: expected an email address like careers@example.edu; got 'Dana Whitfield'.",
    ),
    (
        "edit",
        "center.yml",
        'phone: "+1 555 0100"',
        'phone: ""',
        f"{C}.advisors[0].phone: expected text; got ''.",
    ),
    (
        "edit",
        "center.yml",
        "              role: Career",
        "              title: Career",
        f"{C}.advisors[0].title: unknown setting; valid settings: 'name', 'role', 'email', 'phone'.",
    ),
    (
        "edit",
        "center.yml",
        "heading: Talk to a Northfield advisor",
        'heading: ""',
        f"{C}.heading: expected text; got ''.",
    ),
    (
        "edit",
        "center.yml",
        '          advisors:\n            - name: Dana Whitfield\n              role: Career advisor, engineering\n              email: d.whitfield@northfield.example\n              phone: "+1 555 0100"\n',
        "          advisors: Dana Whitfield\n",
        f"{C}.advisors: expected a list of advisors (each with a name); got 'Dana Whitfield'.",
    ),
    (
        "edit",
        "center.yml",
        "- Visit us: center/visit-us.md",
        "- Visit us: visit-us.md",
        "center.yml: plugins.sendorskip.center.pages[0]: file not found: expected a page in docs/; got 'visit-us.md'.",
    ),
    (
        "edit",
        "center.yml",
        "pages:\n          - Visit us: center/visit-us.md",
        "pages: center/visit-us.md",
        "center.yml: plugins.sendorskip.center.pages: expected a list of '- Title: page.md'; got 'center/visit-us.md'.",
    ),
    (
        "edit",
        "center.yml",
        "- Visit us: center/visit-us.md",
        "- center/visit-us.md",
        "center.yml: plugins.sendorskip.center.pages[0]: expected 'Title: page.md'; got 'center/visit-us.md'.",
    ),
    (
        "edit",
        "center.yml",
        "INHERIT: mkdocs.yml",
        "INHERIT: mkdoc.yml",
        "center.yml: INHERIT: Inherited config file 'mkdoc.yml' does not exist at 'mkdoc.yml'.",
    ),
    (
        "edit",
        "center.yml",
        "copyright:",
        "copyrite:",
        "center.yml: copyrite: unknown setting; did you mean 'copyright'?",
    ),
    (
        "edit",
        "center.yml",
        'copyright: "© Northfield College Career Center. Advice adapted from Send or Skip."',
        "copyright: 2026",
        "center.yml: copyright: expected text; got a number: put it in quotes.",
    ),
    (
        "edit",
        "center.yml",
        "  - sendorskip:",
        "  - sendorskp:",
        "center.yml: plugins: 'sendorskp' is not installed; did you mean 'sendorskip'?",
    ),
    # --- YAML a parser cannot read ------------------------------------------------------------
    (
        "edit",
        "center.yml",
        "      center:\n        contact:",
        "      center:\n        - contact:",
        f"center.yml: line 48: {INDENT}",
    ),
    (
        "edit",
        "center.yml",
        "text: We read drafts",
        "text: Note: we read drafts",
        "center.yml: line 38: cannot read this: a ':' where none can be: put text that holds ': ' in quotes, or check the indentation.",
    ),
    (
        "edit",
        "center.yml",
        "          text: We read",
        "\ttext: We read",
        "center.yml: line 38: cannot read this: a tab: indent with spaces only.",
    ),
    (
        "edit",
        "center.yml",
        "          booking_url:",
        "         booking_url:",
        f"center.yml: line 44: {INDENT}",
    ),
    (
        "edit",
        "center.yml",
        'phone: "+1 555 0100"',
        'phone: "+1 555 0100',
        "center.yml: line 43: cannot read this: a quote is opened and never closed.",
    ),
    (
        "encode",
        "center.yml",
        "Career Center.",
        "Career Center. Conçu à Northfield.",
        "center.yml: line 8: " + NOT_UTF8.format(b="a9"),
    ),
    # --- rules ---------------------------------------------------------------------------------
    (
        "edit",
        "center/rules.toml",
        "when = { informational = true }",
        "when = { fair = true }",
        f"{R}: when.fair: unknown fact; valid facts: {{facts}}.",
    ),
    (
        "edit",
        "center/rules.toml",
        "when = { informational = true }",
        'when = { informational = "yes" }',
        f"{R}: when.informational: expected one of true, false; got 'yes'.",
    ),
    (
        "edit",
        "center/rules.toml",
        'effect = { verdict = "optional" }',
        'effect = { verdict = "maybe" }',
        f"{R}: effect.verdict: expected one of 'withdraw', 'skip', 'recruiter_only', 'optional', 'send'; got 'maybe'.",
    ),
    (
        "edit",
        "center/rules.toml",
        'id = "NFC101"',
        'id = "NFC101"\nid2 = "x"',
        f"{R}: id2: unknown field; valid fields: 'id', 'name', 'when', 'effect', 'message', 'why', 'voices', 'examples'.",
    ),
    (
        "edit",
        "center/rules.toml",
        'voices = ["northfield"]',
        'voices = ["northfeild"]',
        f"{R}: voices: unknown voice 'northfeild'; valid voices: {{voices}}.",
    ),
    (
        "edit",
        "center/rules.toml",
        "# Northfield's own rule",
        'disable = ["SOS199"]\n# Northfield\'s own rule',
        "center/rules.toml: disable: unknown rule 'SOS199'; valid rules: {rules}.",
    ),
    (
        "edit",
        "center/rules.toml",
        "# Northfield's own rule",
        'disable = ["sos112"]\n# Northfield\'s own rule',
        "center/rules.toml: disable: unknown rule 'sos112' (ids are matched exactly: did you mean 'SOS112'?); valid rules: {rules}.",
    ),
    (
        "edit",
        "center/rules.toml",
        'examples.silent = [{ went = "well" }]',
        'examples.silent = [{ went = "well", informational = true }]',
        'center/rules.toml: rule NFC101 (fair-chats-optional): examples.silent[0]: expected to stay silent for {{ went = "well", informational = true }}; it fires.',
    ),
    (
        "edit",
        "center/rules.toml",
        'fires = [{ went = "well"',
        'fires = [{ went = "great"',
        "center/rules.toml: rule NFC101 (fair-chats-optional): examples.fires[0]: went: expected one of 'well', 'mixed', 'poorly', 'disaster'; got 'great'.",
    ),
    (
        "edit",
        "center/rules.toml",
        'message = "After',
        "message = After",
        "center/rules.toml: line 7, column 11: cannot read this: a value must be text in quotes, a number, true, false, [a list] or {{ a table }}.",
    ),
    (
        "edit",
        "center/rules.toml",
        'not an interview."',
        "not an interview.",
        'center/rules.toml: line 8, column 77: cannot read this: text in quotes must end on the line it starts (use """ for several lines).',
    ),
    (
        "edit",
        "center/rules.toml",
        "[[rule]]",
        "[[rules]]",
        "center/rules.toml: rules: unknown table; valid tables: 'rule', 'disable'.",
    ),
    (
        "edit",
        "center/rules.toml",
        'why = "Our',
        'why = ""\nwas = "Our',
        f"{R}: was: unknown field; valid fields: 'id', 'name', 'when', 'effect', 'message', 'why', 'voices', 'examples'.\n{R}: why: expected some text; got ''.",
    ),
    (
        "edit",
        "center/rules.toml",
        'message = "After',
        'mesage = "After',
        f"{R}: message: required field is missing.\n{R}: mesage: unknown field; valid fields: 'id', 'name', 'when', 'effect', 'message', 'why', 'voices', 'examples'.",
    ),
    (
        "edit",
        "center/rules.toml",
        'voices = ["northfield"]',
        'voices = ["northfield"]\nvoices = ["princeton"]',
        "center/rules.toml: line 10, column 23: cannot read this: this name is given a value twice.",
    ),
    (
        "edit",
        "center/rules.toml",
        "[[rule]]",
        DUPLICATE + "[[rule]]",
        "center/rules.toml: rule NFC101: duplicate id; ids must be unique.",
    ),
    (
        "encode",
        "center/rules.toml",
        "career fair, a note",
        "career fair, a note (café chats too)",
        "center/rules.toml: line 1: " + NOT_UTF8.format(b="e9"),
    ),
    # --- voices and sources --------------------------------------------------------------------
    (
        "edit",
        "center/voices.toml",
        'source = "northfield-interviews"',
        'source = "northfield-interview"',
        "center/voices.toml: voice northfield: source: expected one of {sources}; got 'northfield-interview'.",
    ),
    # The question's own problem only: NFC102, which asks it, is not told it names no fact.
    (
        "edit",
        "center/questions.toml",
        'type = "yes-no"',
        'type = "yesno"',
        "center/questions.toml: question on_campus: type: expected one of 'yes-no', 'choice'; got 'yesno'.",
    ),
    (
        "edit",
        "center/voices.toml",
        'stance = "neutral"',
        'stance = "maybe"',
        "center/voices.toml: voice northfield: stance[0].stance: expected one of 'send', 'skip', 'neutral', 'silent'; got 'maybe'.",
    ),
    (
        "edit",
        "center/voices.toml",
        'name = "Northfield College Career Center"\n',
        "",
        "center/voices.toml: voice northfield: name: required field is missing.",
    ),
    (
        "edit",
        "center/sources.toml",
        'kind = "career-center"',
        'kind = "careers"',
        "center/sources.toml: source northfield-interviews: kind: expected one of 'article', 'outlet', 'career-center', 'guide'; got 'careers'.",
    ),
    (
        "edit",
        "center/sources.toml",
        'url = "https://careers.northfield.example/interview-day"',
        'url = "careers.northfield.example/interview-day"',
        "center/sources.toml: source northfield-interviews: url: expected a web address starting with https://; got 'careers.northfield.example/interview-day'.",
    ),
    # --- templates -----------------------------------------------------------------------------
    (
        "edit",
        T,
        '{{ company or "[company]" }}',
        '{{ compnay or "[company]" }}',
        f"{T}: line 11: 'compnay' is undefined; valid variables: {{variables}}.",
    ),
    (
        "edit",
        T,
        "{% endif %}\n\nAs a",
        "{% endfi %}\n\nAs a",
        f"{T}: line 14: Encountered unknown tag 'endfi'. Jinja was looking for the following tags: 'endif'. The innermost block that needs to be closed is 'if'.",
    ),
    # A branch no sample situation reaches: still checked, so no reader ever sees a traceback.
    (
        "edit",
        T,
        "As a Northfield graduate",
        '{% if medium == "handwritten" and went == "disaster" %}{{ adress }}{% endif %}As a Northfield graduate',
        f"{T}: line 16: 'adress' is undefined; valid variables: {{variables}}.",
    ),
    (
        "edit",
        T,
        "topics | and_join",
        "topics | and_joni",
        f"{T}: line 11: unknown filter 'and_joni'; valid filters: {{filters}}.",
    ),
    (
        "edit",
        T,
        "As a Northfield graduate",
        '{% include "signature.j2" %}As a Northfield graduate',
        f"{T}: line 16: includes 'signature.j2', which is in neither center/templates/ nor our templates.",
    ),
    # Outside any branch Jinja fails as it compiles: still a message, never a traceback.
    (
        "edit",
        T,
        "Dear {{ to }},",
        "Dear {{ to | capitalise }},",
        f"{T}: line 8: unknown filter 'capitalise'; valid filters: {{filters}}.",
    ),
    (
        "edit",
        T,
        "{% if topics %}",
        "{% if topics is shouty %}",
        f"{T}: line 10: unknown test 'shouty'; valid tests: {{tests}}.",
    ),
    (
        "move",
        T,
        None,
        "center/interviewer.txt.j2",
        "center/interviewer.txt.j2: a template belongs in center/templates/; move it there.",
    ),
    (
        "move",
        T,
        None,
        "center/templates/interviewer.j2",
        "center/templates/interviewer.j2: expected the file name 'interviewer.txt.j2'; got 'interviewer.j2'.",
    ),
    (
        "move",
        T,
        None,
        "center/templates/interviewer-note.txt.j2",
        "center/templates/interviewer-note.txt.j2: unknown template; valid templates: {templates}.",
    ),
    (
        "add",
        "center/templates/thanks/interviewer.txt.j2",
        None,
        "Dear {{ to }},\n",
        "center/templates/thanks/interviewer.txt.j2: a template in a folder inside center/templates/ is not read; move it to center/templates/.",
    ),
    (
        "add",
        "center/templates/recruiter.txt.j2",
        None,
        "\n",
        "center/templates/recruiter.txt.j2: the template is empty; write the note's wording in it, or delete the file to use ours.",
    ),
    (
        "encode",
        T,
        "As a Northfield graduate",
        "As a Northfield graduate (promotion d'été)",
        f"{T}: line 16: " + NOT_UTF8.format(b="e9"),
    ),
    (
        "edit",
        T,
        "{# sendorskip: based on interviewer.txt.j2 ",
        "{# sendorskip: based on interviewer.txt.j2 0",
        f"Warning: {T}: our interviewer.txt.j2 has changed since you copied it: compare your copy with the package's data/templates/interviewer.txt.j2, then make its first line {{stamp}}"
        + STRICT,
    ),
    (
        "edit",
        T,
        "{# sendorskip: based on",
        "{# copied from",
        f"Warning: {T}: replaces our interviewer.txt.j2; so that you hear when ours changes, make its first line {{stamp}}"
        + STRICT,
    ),
    (
        "add",
        "center/rule.toml",
        None,
        "disable = []\n",
        "center/rule.toml: unknown file; valid files: {files}.",
    ),
    # --- markers in the center's pages ---------------------------------------------------------
    (
        "edit",
        "docs/center/visit-us.md",
        "<!-- sendorskip: contact -->",
        "<!-- sendorskip: contacts -->",
        "docs/center/visit-us.md:5: marker 'contacts': unknown marker; valid markers: {markers}.",
    ),
    (
        "edit",
        "docs/center/visit-us.md",
        "<!-- sendorskip: contact -->",
        "<!-- sendorskip: voice northfeild -->",
        "docs/center/visit-us.md:5: marker 'voice': unknown id 'northfeild'; valid ids: {voice_ids}.",
    ),
    (
        "edit",
        "docs/center/visit-us.md",
        "<!-- sendorskip: contact -->",
        "<!-- sendorskip contact -->",
        "docs/center/visit-us.md:5: malformed marker '<!-- sendorskip contact -->'; expected '<!-- sendorskip: NAME [ID] -->' on a line of its own, not indented.",
    ),
    (
        "edit",
        "docs/center/visit-us.md",
        "<!-- sendorskip: contact -->",
        "<!-- sendorskip: contact now -->",
        "docs/center/visit-us.md:5: marker 'contact': takes no argument; got 'now'.",
    ),
    (
        "edit",
        "docs/center/visit-us.md",
        "<!-- sendorskip: contact -->",
        "<!-- sendorskip: voice -->",
        "docs/center/visit-us.md:5: marker 'voice': expected an id; valid ids: {voice_ids}.",
    ),
    (
        "encode",
        "docs/center/visit-us.md",
        "drop-in session",
        "drop-in session (café)",
        "docs/center/visit-us.md: line 3: " + NOT_UTF8.format(b="e9"),
    ),
    # --- our words, replaced in labels.toml ---------------------------------------------
    (
        "edit",
        "center/labels.toml",
        "job_title =",
        "job_tilte =",
        "center/labels.toml: questions: job_tilte: unknown key; valid keys: {questions}.",
    ),
    (
        "edit",
        "center/labels.toml",
        'send = "Write to them"',
        "send = true",
        "center/labels.toml: verdicts: send: expected some text; got true.",
    ),
    (
        "add",
        "center/labels.toml",
        None,
        '[phrases]\nwithin_days = "in a few days"\n[verdict]\nsend = "Go"\n',
        "center/labels.toml: verdict: unknown table; valid tables: 'verdicts', 'stances', "
        "'severities', 'kinds', 'channels', 'phrases', 'questions', 'form', 'values'.\n"
        "center/labels.toml: phrases: within_days: expected the placeholders {{n}}, as in "
        "'within {{n}} days'; got 'in a few days'.",
    ),
    (
        "edit",
        "center.yml",
        "overrides: center",
        "overrides: center\n      compress: brotli",
        "center.yml: plugins.sendorskip.compress: expected true or false; got 'brotli'.",
    ),
    (
        "edit",
        "center.yml",
        "overrides: center",
        "overrides: center\n      boot: fast",
        "center.yml: plugins.sendorskip.boot: expected one of 'auto', 'snapshot', 'normal'; got 'fast'.",
    ),
]
# Reported by validate only: MkDocs reads its configuration before any plugin runs, and says
# these in its own words (a YAML mistake) or only warns (an unknown top-level name).
VALIDATE_ONLY = (
    "INHERIT",
    "copyrite",
    "put it in quotes",
    "sendorskp",
    "line 48",
    "line 38",
    "line 44",
    "line 43",
    "line 8",
    # warnings about what a center may mean: MkDocs builds these as written
    "replaces ours",
    "whole menu",
    "site_url: not set",
)


def expected(message: str) -> list[str]:
    kb = load(CENTER / "center")
    return message.format(
        facts=choices([*FACT_BY_NAME, *kb.extra]),  # the center's own questions are facts too
        voices=choices(sorted(kb.voices)),
        voice_ids=choices(kb.voices),
        rules=choices(r.id for r in load().rules),
        sources=choices(sorted(kb.sources)),
        templates=choices(sorted(t + ".txt.j2" for t in TEMPLATES)),
        variables=VARIABLES,
        filters=FILTERS,
        tests=TESTS,
        stamp=stamp("interviewer"),
        colours=choices(COLOURS),
        accents=choices(ACCENTS),
        readable=choices(PASSING),
        markers=choices(TAKES_ID),
        files=choices((*DATA_FILES, "templates/")),
        questions=choices(QUESTIONS),
    ).splitlines()


def _variables() -> tuple[str, str, str]:
    from sendorskip.drafts import environment
    from sendorskip.validate import _variables as variables

    kb = load(CENTER / "center")
    env = environment(kb.template_dirs)
    names = (variables(kb)["interviewer"], env.filters, env.tests)
    return ", ".join(sorted(names[0])), ", ".join(sorted(names[1])), ", ".join(sorted(names[2]))


VARIABLES, FILTERS, TESTS = _variables()


def apply(fork: Path, op: str, file: str, old: str | None, new: str) -> None:
    path = fork / file
    if op == "add":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, "utf-8")
    elif op == "move":
        path.rename(fork / new)
    else:
        text = path.read_text("utf-8")
        assert old and old in text, f"{old!r} not in {file}"
        path.write_bytes(text.replace(old, new, 1).encode("cp1252" if op == "encode" else "utf-8"))


def validate(fork: Path, *args: str) -> tuple[int, list[str]]:
    """`sendorskip validate` in the fork's folder, which reads its center.yml as the hosting
    guide says: exit status and stderr lines."""
    err = io.StringIO()
    cwd = Path.cwd()
    os.chdir(fork)
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main(["validate", *args])
    finally:
        os.chdir(cwd)
    return status, [line for line in err.getvalue().splitlines() if not line.startswith("Aborted")]


IDS = [f"{i}-{m[1].split('/')[-1]}" for i, m in enumerate(MISTAKES)]


@pytest.mark.parametrize(("op", "file", "old", "new", "message"), MISTAKES, ids=IDS)
def test_validate_reports_each_mistake(
    tmp_path: Path, op: str, file: str, old: str | None, new: str, message: str
) -> None:
    fork = make_fork(tmp_path)
    apply(fork, op, file, old, new)
    status, lines = validate(fork)
    assert lines == expected(message)
    assert status == (0 if message.startswith("Warning:") else 2)


def test_ok_with_warnings_says_how_many(tmp_path: Path) -> None:
    fork = make_fork(tmp_path)
    apply(fork, "edit", "center.yml", LIGHT, LIGHT.replace("deep purple", "green"))
    out, cwd = io.StringIO(), Path.cwd()
    os.chdir(fork)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            assert main(["validate"]) == 0
    finally:
        os.chdir(cwd)
    assert out.getvalue() == (
        "OK: center.yml, its override directory and its pages. With 1 warning (above).\n"
    )


def test_a_sound_fork_validates(tmp_path: Path) -> None:
    fork = make_fork(tmp_path)
    assert validate(fork) == validate(fork, "-f", "center.yml") == (0, [])


# One mistake of each kind the build sees, all in one fork: one run reports every one.
TOGETHER = [i for i, m in enumerate(MISTAKES) if not any(k in m[4] for k in VALIDATE_ONLY)]
# Chosen by what they say, so that adding a mistake to the table above does not change them.
SAMPLE = [
    next(i for i, m in enumerate(MISTAKES) if says in m[4])
    for says in (
        "got 'careers-at-northfield'",
        "got no such file",
        "got 'Green'",
        "when.fair: unknown fact",
        "got 'northfield-interview'.",
        "'compnay' is undefined",
        "thanks/interviewer.txt.j2: a template in a folder",
        "recruiter.txt.j2: the template is empty",
        "center/rule.toml: unknown file",
        "marker 'contacts'",
    )
]


def test_the_build_reports_every_mistake_at_once(tmp_path: Path) -> None:
    fork = make_fork(tmp_path)
    chosen = [i for i in SAMPLE if i in TOGETHER]
    for i in chosen:
        apply(fork, *MISTAKES[i][:4])
    _, from_validate = validate(fork)
    done = build(fork, tmp_path / "site")
    assert done.returncode == 1
    report = done.stderr.split("sendorskip: ", 1)[1].split("\nAborted: ")[0].splitlines()
    wanted = [line for i in chosen for line in expected(MISTAKES[i][4])]
    assert sorted(report) == sorted(wanted) == sorted(from_validate)
    assert "Traceback" not in done.stderr


def test_a_warning_fails_the_strict_build(tmp_path: Path) -> None:
    fork = make_fork(tmp_path)
    mistake = next(m for m in MISTAKES if "'green' is hard to read" in m[4])
    apply(fork, *mistake[:4])
    done = build(fork, tmp_path / "site")
    assert done.returncode == 1
    assert (
        "WARNING -  sendorskip: "
        + expected(mistake[4])[0].removeprefix("Warning: ").removesuffix(STRICT)
        in done.stderr
    )


def test_markers_and_renderers_agree() -> None:
    from sendorskip.site import plugin

    source = Path(plugin.__file__).read_text("utf-8")
    assert all(f'"{name}": (' in source for name in TAKES_ID)


@pytest.fixture(scope="module")
def center_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fork = make_fork(tmp_path_factory.mktemp("fork"))
    return built(fork, fork / "site")


def test_branding_contact_and_extra_page(center_site: Path) -> None:
    home = (center_site / "index.html").read_text("utf-8")
    assert "<title>Northfield College Careers: thank-you notes</title>" in home
    assert 'src="center/northfield-logo.svg"' in home
    assert 'data-md-color-primary="deep-purple"' in home and 'data-md-color-accent="amber"' in home
    assert "© Northfield College Career Center" in home
    visit = (center_site / "center" / "visit-us" / "index.html").read_text("utf-8")
    assert '<aside class="sos-contact" aria-label="Talk to a Northfield advisor">' in visit
    assert 'href="mailto:d.whitfield@northfield.example"' in visit
    assert 'href="center/visit-us/"' in home  # center.pages: added to the end of our menu
    checker = (center_site / "checker" / "index.html").read_text("utf-8")
    assert "Talk to a Northfield advisor" in checker


def test_the_centers_words_reach_the_form_the_settings_and_the_pages(center_site: Path) -> None:
    """labels.toml: the verdict "Send" is "Write to them" in the script's settings and in the
    matrix, the job title's question is the center's in the form, and the center's own
    question stands under the center's heading."""
    checker = (center_site / "checker" / "index.html").read_text("utf-8")
    settings = re.search(r'data-sos-settings="([^"]*)"', checker)
    assert settings
    labels = json.loads(html.unescape(settings[1]))["labels"]
    assert labels["verdict"]["send"] == "Write to them"
    assert "<label>The job&#39;s title, as in the posting" in checker
    assert "Job title" not in checker
    section = re.search(r"<legend>Asked by Northfield</legend>(.*?)</fieldset>", checker, re.S)
    assert section and 'name="on_campus"' in section[1]
    matrix = (center_site / "who-says-what" / "index.html").read_text("utf-8")
    assert "<strong>Write to them</strong>" in matrix and "<strong>Send</strong>" not in matrix


def test_center_rule_is_in_the_guide_and_the_browser_wheel(center_site: Path) -> None:
    guide = (center_site / "decision-guide" / "index.html").read_text("utf-8")
    assert "After a short chat at a Northfield career fair, a note is welcome" in guide
    (wheel,) = (center_site / "assets" / "sendorskip" / "pyodide").glob("*/sendorskip-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sendorskip/data/overrides/rules.toml" in names
    assert "sendorskip/data/overrides/templates/interviewer.txt.j2" in names
