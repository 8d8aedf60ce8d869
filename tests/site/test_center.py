"""A career center's fork: settings, overrides and pages build; every mistake is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT
from .conftest import mkdocs_build

CENTER = ROOT / "tests" / "center"


def make_fork(dest: Path) -> Path:
    """What a center does: copy this project's site, then add its own files over it."""
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", dest / "base.yml")
    shutil.copytree(CENTER, dest, dirs_exist_ok=True)
    return dest


@pytest.fixture(scope="module")
def center_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fork = make_fork(tmp_path_factory.mktemp("fork"))
    return mkdocs_build(fork / "site", config=fork / "mkdocs.yml")


def test_branding_contact_and_extra_page(center_site: Path) -> None:
    home = (center_site / "index.html").read_text("utf-8")
    assert "<title>Northfield College Careers: thank-you notes</title>" in home
    assert 'src="assets/northfield-logo.svg"' in home
    assert 'data-md-color-primary="teal"' in home and 'data-md-color-accent="amber"' in home
    assert "© Northfield College Career Center" in home
    visit = (center_site / "visit-us" / "index.html").read_text("utf-8")
    assert '<aside class="sos-contact" aria-label="Talk to a Northfield advisor">' in visit
    assert 'href="mailto:d.whitfield@northfield.example"' in visit
    checker = (center_site / "checker" / "index.html").read_text("utf-8")
    assert "Talk to a Northfield advisor" in checker


def test_center_rule_is_in_the_guide_and_the_browser_wheel(center_site: Path) -> None:
    import zipfile

    guide = (center_site / "decision-guide" / "index.html").read_text("utf-8")
    assert "After a short chat at a Northfield career fair, a note is welcome" in guide
    (wheel,) = (center_site / "assets" / "sendorskip" / "pyodide").glob("sendorskip-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sendorskip/data/overrides/rules.toml" in names
    assert "sendorskip/data/overrides/templates/interviewer.txt.j2" in names


CONTACT = "plugins.sendorskip.center.contact"
MISTAKES: list[tuple[str, str, str, str]] = [
    (
        "mkdocs.yml",
        "email: careers@northfield.example",
        "email: careers-at-northfield",
        f"mkdocs.yml: {CONTACT}.email: expected an email address like careers@example.edu; got 'careers-at-northfield'.",
    ),
    (
        "mkdocs.yml",
        "            - name: Dana Whitfield\n",
        "            - nmae: Dana Whitfield\n",
        f"mkdocs.yml: {CONTACT}.advisors[0].nmae: unknown setting; valid settings: 'name', 'role', 'email', 'phone'.\n"
        f"mkdocs.yml: {CONTACT}.advisors[0].name: required: the advisor's name.",
    ),
    (
        "mkdocs.yml",
        "booking_url: https://northfield.example/careers/book",
        "booking_url: book with Dana",
        f"mkdocs.yml: {CONTACT}.booking_url: expected a web address like https://example.edu/book; got 'book with Dana'.",
    ),
    (
        "mkdocs.yml",
        "          text: We read",
        "          txt: We read",
        f"mkdocs.yml: {CONTACT}.txt: unknown setting; valid settings: 'heading', 'text', 'advisors', 'booking_url', 'email'.",
    ),
    (
        "mkdocs.yml",
        "      center:\n        contact:",
        "      center:\n        contacts:",
        "mkdocs.yml: plugins.sendorskip.center.contacts: unknown setting; valid settings: 'contact'.\n"
        f"mkdocs.yml: {CONTACT}: expected heading, text, advisors, booking_url and email; got null.",
    ),
    (
        "mkdocs.yml",
        "logo: assets/northfield-logo.svg",
        "logo: assets/northfeld-logo.svg",
        "mkdocs.yml: theme.logo: file not found: expected it in docs/ as assets/northfeld-logo.svg; got no such file.",
    ),
    (
        "mkdocs.yml",
        "      primary: teal\n      accent: amber\n      toggle:\n        icon: material/brightness-7",
        "      primary: sea green\n      accent: amber\n      toggle:\n        icon: material/brightness-7",
        "mkdocs.yml: theme.palette[0].primary: expected one of 'red', 'pink', 'purple', 'deep purple', 'indigo', 'blue', "
        "'light blue', 'cyan', 'teal', 'green', 'light green', 'lime', 'yellow', 'amber', 'orange', 'deep orange', 'brown', "
        "'grey', 'blue grey', 'black', 'white', 'custom'; got 'sea green'.",
    ),
    (
        "mkdocs.yml",
        "      accent: amber\n      toggle:\n        icon: material/brightness-4",
        "      accent: black\n      toggle:\n        icon: material/brightness-4",
        "mkdocs.yml: theme.palette[1].accent: expected one of 'red', 'pink', 'purple', 'deep purple', 'indigo', 'blue', "
        "'light blue', 'cyan', 'teal', 'green', 'light green', 'lime', 'yellow', 'amber', 'orange', 'deep orange', "
        "'custom'; got 'black'.",
    ),
    (
        "mkdocs.yml",
        "overrides: center",
        "overrides: centre",
        "mkdocs.yml: plugins.sendorskip.overrides: expected a directory; got 'centre', which does not exist.",
    ),
    (
        "center/rules.toml",
        "when = { informational = true }",
        "when = { fair = true }",
        "{d}/rules.toml: rule NFC101 (fair-chats-optional): when.fair: unknown fact; valid facts: 'went', 'interest', "
        "'decision', 'preferred_medium', 'writing_confidence', 'handwriting', 'interviewer_engaged', 'informational', "
        "'panel', 'has_recruiter', 'late', 'lead_email_known', 'no_interviewer_email'.",
    ),
    (
        "center/rules.toml",
        "when = { informational = true }",
        'when = { informational = "yes" }',
        "{d}/rules.toml: rule NFC101 (fair-chats-optional): when.informational: expected one of true, false; got 'yes'.",
    ),
    (
        "center/rules.toml",
        'effect = { verdict = "optional" }',
        'effect = { verdict = "maybe" }',
        "{d}/rules.toml: rule NFC101 (fair-chats-optional): verdict: expected one of 'withdraw', 'skip', "
        "'recruiter_only', 'optional', 'send'; got 'maybe'.",
    ),
    (
        "center/rules.toml",
        'id = "NFC101"',
        'id = "NFC101"\nid2 = "x"',
        "{d}/rules.toml: rule NFC101 (fair-chats-optional): id2: unknown field; valid fields: 'id', 'name', 'when', "
        "'effect', 'message', 'why', 'voices', 'examples'.",
    ),
    (
        "center/rules.toml",
        'voices = ["northfield"]',
        'voices = ["northfeild"]',
        "{d}/rules.toml: rule NFC101 (fair-chats-optional): voices: unknown voice 'northfeild'; valid voices: 'dunkerton', "
        "'goldman', 'green', 'iowa-state', 'lawrence', 'mcclure', 'neece', 'northfield', 'princeton', 'sarikas', "
        "'siegel', 'wesleyan', 'when-to-send', 'yea-or-nay'.",
    ),
    (
        "center/rules.toml",
        "# Northfield's own rule",
        'disable = ["SOS199"]\n# Northfield\'s own rule',
        "{d}/rules.toml: disable: unknown rule 'SOS199'; valid rules: "
        + ", ".join(f"'SOS{i}'" for i in range(101, 121))
        + ".",
    ),
    (
        "center/rules.toml",
        'examples.silent = [{ went = "well" }]',
        'examples.silent = [{ went = "well", informational = true }]',
        "rules.toml: rule NFC101 (fair-chats-optional): examples: expected to stay silent for "
        "{{'went': 'well', 'informational': True}}.",
    ),
    (
        "center/templates/interviewer.txt.j2",
        '{{ company or "[company]" }}',
        '{{ compnay or "[company]" }}',
        "templates/interviewer.txt.j2: 'compnay' is undefined; valid variables: add, candidate_name, company, forgot, "
        "greet, informational, interest, is_lead, job_title, kind, medium, met, panel, remember, shape, short, "
        "suggestions, to, topics, went, when, why.",
    ),
    (
        "center/templates/interviewer.txt.j2",
        "{% endif %}\n\nAs a",
        "{% endfi %}\n\nAs a",
        "templates/interviewer.txt.j2: line 13: Encountered unknown tag 'endfi'. Jinja was looking for the following tags: "
        "'endif'. The innermost block that needs to be closed is 'if'.",
    ),
]


def _break(fork: Path, file: str, old: str, new: str) -> None:
    path = fork / file
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _failure(fork: Path) -> list[str]:
    with pytest.raises(AssertionError) as exc:
        mkdocs_build(fork / "site", config=fork / "mkdocs.yml")
    report = str(exc.value).split("sendorskip: ", 1)[1]
    return report.split("\nAborted: ")[0].splitlines()


@pytest.mark.parametrize(
    ("file", "old", "new", "message"), MISTAKES, ids=[str(i) for i in range(len(MISTAKES))]
)
def test_each_mistake_is_reported(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    fork = make_fork(tmp_path)
    _break(fork, file, old, new)
    assert _failure(fork) == message.format(d=fork / "center").splitlines()


def test_several_mistakes_are_reported_together(tmp_path: Path) -> None:
    fork = make_fork(tmp_path)
    chosen = [MISTAKES[i] for i in (0, 5, 10, 13)]
    for file, old, new, _ in chosen:
        _break(fork, file, old, new)
    expected = [
        line for *_, message in chosen for line in message.format(d=fork / "center").splitlines()
    ]
    assert sorted(_failure(fork)) == sorted(expected)
