"""The checker in a real browser: the built site served on 127.0.0.1, the engine under the
self-hosted Pyodide in a module worker, Debian's Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from sendorskip import api, knowledge

from ..conftest import SITUATIONS
from .conftest import Site, Watch
from .test_pages import WCAG_21_AA

KB_CHECKS = {c.id: c for c in knowledge.default().checks}

pytestmark = pytest.mark.browser
XSS_FLAG = "window.__sosXss"


@pytest.fixture
def checker(site: Site, watched: tuple[Any, Watch]) -> Iterator[tuple[Any, Watch]]:
    page, watch = watched
    page.goto(site.url + "checker/")
    page.evaluate("window.sendorskip.ready")
    yield page, watch
    assert watch.errors == []
    assert watch.foreign(site.origin) == []


def axe(page: Any) -> list[str]:
    return [v["id"] for v in Axe().run(page, options=WCAG_21_AA).response["violations"]]


def fill_person(page: Any, row: int, name: str, topics: str = "", email: bool = True) -> None:
    person = page.locator(".sos-person").nth(row)
    person.get_by_label("Name").fill(name)
    person.get_by_label("What you talked about").fill(topics)
    person.get_by_label("I have their email address").set_checked(email)


def test_good_interview_gives_send_and_a_draft(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    assert axe(page) == []
    page.get_by_label("Well", exact=True).check()
    fill_person(page, 0, "Ana Ruiz", "the billing migration")
    page.get_by_label("Job title").fill("Data Engineer")
    page.get_by_role("button", name="Get advice").click()
    assert page.locator("[data-sos-verdict]").get_attribute("data-sos-verdict") == "send"
    drafts = page.locator("[data-sos-draft] pre")
    assert drafts.count() == 1 and "the billing migration" in drafts.first.inner_text()
    assert axe(page) == []


def test_panel_of_three_gives_three_different_drafts(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    page.get_by_label("Well", exact=True).check()
    for i, (name, topic) in enumerate(
        [("Ana", "caching"), ("Ben", "on-call"), ("Cy", "dashboards")]
    ):
        if i:
            page.get_by_role("button", name="Add an interviewer").click()
        fill_person(page, i, name, topic)
    page.get_by_role("button", name="Get advice").click()
    bodies = page.locator("[data-sos-draft] pre").all_inner_texts()
    assert len(bodies) == 3 and len(set(bodies)) == 3


def test_disaster_gives_no_apology_draft(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    page.get_by_label("A disaster", exact=True).check()
    fill_person(page, 0, "Ana Ruiz")
    page.get_by_role("button", name="Get advice").click()
    assert page.locator("[data-sos-verdict]").get_attribute("data-sos-verdict") == "skip"
    assert page.locator("[data-sos-draft]").count() == 0
    page.get_by_text("More about your situation").click()
    page.get_by_label("Recruiter's name").fill("Sam Lee")
    page.get_by_role("button", name="Get advice").click()
    page.wait_for_selector('[data-sos-verdict="recruiter_only"]')
    body = page.locator("[data-sos-draft] pre").inner_text().lower()
    assert "sorry" not in body and "apolog" not in body


def test_check_mode_highlights_pleading_in_place(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    page.get_by_label("Your note").fill(
        "Dear Ana, I really need this job. Please give me another chance."
    )
    page.get_by_role("button", name="Check my draft").click()
    marks = page.locator('mark[data-sos-check~="SOS203"]').all_inner_texts()
    assert "I really need this job" in marks
    check = KB_CHECKS["SOS203"]
    finding = page.get_by_role("listitem").filter(has_text=check.message).first.inner_text()
    assert finding.startswith(f"Problem: {check.message}")
    assert f"Write instead: {check.instead}" in finding and "SOS203" not in finding
    assert axe(page) == []


def test_highlights_land_on_the_words_after_emoji_and_accents(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    # Astral emoji take two UTF-16 units and "é" here is e + a combining accent: a highlight in
    # code points would land two characters early and cut into the words.
    page.get_by_label("Your note").fill(
        "Dear Re\u0301mi 🎉🎉, Caf\u00e9 talk was fun. I really need this job, please."
    )
    page.get_by_role("button", name="Check my draft").click()
    marks = page.locator('mark[data-sos-check~="SOS203"]').all_inner_texts()
    assert "I really need this job" in marks


def test_instant_navigation_keeps_one_engine(checker: tuple[Any, Watch], site: Site) -> None:
    page, watch = checker
    page.evaluate("window.__samePage = true")  # a full page load would forget this
    page.get_by_role("link", name="Privacy").first.click()
    page.wait_for_url("**/privacy/")
    page.get_by_role("link", name="Checker").first.click()
    page.wait_for_url("**/checker/")
    page.get_by_label("Poorly", exact=True).check()
    page.get_by_role("button", name="Get advice").click()
    assert page.locator("[data-sos-verdict]").get_attribute("data-sos-verdict") == "send"
    assert sum(u.endswith("pyodide.asm.wasm") for u in watch.requests) == 1
    assert sum(u.endswith("/worker.js") for u in watch.requests) == 1
    assert page.evaluate("window.__samePage") is True


def test_pages_without_the_checker_never_start_the_engine(
    site: Site, watched: tuple[Any, Watch]
) -> None:
    page, watch = watched
    page.goto(site.url + "experts/", wait_until="networkidle")
    assert not any("pyodide" in u or u.endswith("worker.js") for u in watch.requests)


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_browser_advice_equals_the_cli(checker: tuple[Any, Watch], name: str) -> None:
    page, _ = checker
    assert page.evaluate("s => window.sendorskip.advise(s)", SITUATIONS[name]) == api.advise(
        SITUATIONS[name]
    )


def test_browser_check_equals_the_cli(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    request = {
        "notes": [
            {"to": "Ana", "text": "Hey Ana!! So sorry. [Name]"},
            {"text": "Hey Ana!! So sorry. [Name]"},
        ]
    }
    assert page.evaluate("r => window.sendorskip.check(r)", request) == api.check(request)


def test_bad_input_is_rejected_with_the_problems(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    problems = page.evaluate(
        "s => window.sendorskip.advise(s).catch(e => e.problems)", {"went": "great"}
    )
    assert problems == [
        "situation: went: expected one of 'well', 'mixed', 'poorly', 'disaster'; got 'great'."
    ]


XSS = [
    '<img src=x onerror="{f}=1">',
    "<script>{f}=1</script>",
    '"><script>{f}=1</script>',
    "'><img src=x onerror={f}=1>",
    '<svg onload="{f}=1">',
    "<svg><script>{f}=1</script></svg>",
    '<iframe src="javascript:{f}=1"></iframe>',
    '<iframe srcdoc="<script>parent.{f}=1</script>"></iframe>',
    '<body onload="{f}=1">',
    '<details open ontoggle="{f}=1">',
    '<video><source onerror="{f}=1"></video>',
    '<audio src=x onerror="{f}=1">',
    '<input autofocus onfocus="{f}=1">',
    '<marquee onstart="{f}=1">',
    '<object data="javascript:{f}=1">',
    '<embed src="javascript:{f}=1">',
    '<a href="javascript:{f}=1">click</a>',
    '<math><mtext><img src=x onerror="{f}=1"></mtext></math>',
    '<style>@import "javascript:{f}=1";</style>',
    '<link rel=stylesheet href="javascript:{f}=1">',
    '<meta http-equiv="refresh" content="0;url=javascript:{f}=1">',
    '<form action="javascript:{f}=1"><button>x</button></form>',
    '<isindex action="javascript:{f}=1" type=image>',
    '<table background="javascript:{f}=1">',
    '<div style="background:url(javascript:{f}=1)">',
    '<img src="x` `<script>{f}=1</script>"` `>',
    "<scr<script>ipt>{f}=1</scr</script>ipt>",
    "{{{{7*7}}}} ${{{f}=1}} {{% raw %}}",
    '<template><img src=x onerror="{f}=1"></template>',
    "&lt;img src=x onerror={f}=1&gt;",
    '<noscript><p title="</noscript><img src=x onerror={f}=1>">',
    '<textarea></textarea><img src=x onerror="{f}=1">',
    '[Name]<img src=x onerror="{f}=1">',
    "javascript:{f}=1//",
]
TEXT_FIELDS = [
    "Job title",
    "Company",
    "Your name",
    "Recruiter's name",
    "What went well",
    "Something you forgot",
]


def test_hostile_input_never_executes_or_injects(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    count = "() => document.querySelectorAll('img,script,iframe,svg,object,embed,video,audio,marquee,math,style,link,meta,table,body *[onerror]').length"
    before = page.evaluate(count)
    page.get_by_label("Well", exact=True).check()
    page.get_by_text("More about your situation").click()
    for template in XSS:
        payload = template.format(f=XSS_FLAG)
        person = page.locator(".sos-person").first
        for label in ("Name", "Role (optional)", "What you talked about"):
            person.get_by_label(label).fill(payload)
        for label in TEXT_FIELDS:
            page.get_by_label(label).fill(payload)
        page.evaluate(
            "document.querySelectorAll('[data-sos-results],[data-sos-findings]').forEach(s => s.replaceChildren())"
        )
        page.get_by_role("button", name="Get advice").click()
        page.wait_for_selector("[data-sos-draft]")
        page.get_by_label("Who is it to?").fill(payload)
        page.get_by_label("Your note").fill(payload)
        page.get_by_role("button", name="Check my draft").click()
        page.wait_for_selector("[data-sos-marked]")
        shown = page.eval_on_selector(
            "[data-sos-marked]",
            "el => [...el.childNodes].filter(n => n.nodeName !== 'SUP').map(n => n.textContent).join('')",
        )
        assert shown == payload  # the note comes back as text, character for character
    assert page.evaluate(XSS_FLAG) is None
    assert page.evaluate(count) == before
    assert len(XSS) >= 30


def test_engine_failure_shows_the_message_and_keeps_the_text(site: Site, browser: Any) -> None:
    context = browser.new_context()
    context.route("**/*.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(site.url + "checker/")
    page.get_by_label("Your note").fill("My own words, kept.")
    failure = page.locator("[data-sos-failure]")
    failure.wait_for(state="visible")
    assert "could not start" in failure.inner_text()
    assert failure.get_by_role("link", name="decision guide").is_visible()
    assert page.get_by_label("Your note").input_value() == "My own words, kept."
    assert axe(page) == []
    context.close()


def test_api_results_are_plain_json(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    text = page.evaluate("s => window.sendorskip.advise(s).then(JSON.stringify)", {"went": "well"})
    assert json.loads(text) == api.advise({"went": "well"})


def test_loading_state_shows_progress_and_is_accessible(site: Site, browser: Any) -> None:
    context = browser.new_context()
    held: list[Any] = []
    # Hold the runtime back, to look at the loading state.
    context.route("**/*.wasm", lambda route: held.append(route))
    page = context.new_page()
    page.goto(site.url + "checker/")
    status = page.locator("[data-sos-status]")
    status.wait_for(state="visible")
    page.wait_for_function(
        "document.querySelector('[data-sos-stage]').textContent.startsWith('Loading Python')"
    )
    assert page.locator("[data-sos-progress]").get_attribute("max") == "3"
    assert axe(page) == []
    for route in held:
        route.continue_()
    page.evaluate("window.sendorskip.ready")
    assert status.is_hidden()
    context.close()


def test_keyboard_only(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    page.locator('input[name="went"][value="well"]').focus()
    page.keyboard.press("Space")
    for _ in range(12):  # Tab on to the first interviewer's name
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "name":
            break
    page.keyboard.type("Ana Ruiz")
    page.keyboard.press("Enter")
    assert page.locator("[data-sos-verdict]").get_attribute("data-sos-verdict") == "send"
    assert page.evaluate("document.activeElement.matches('[data-sos-results]')")


def test_draft_actions_and_nothing_stored(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_label("Well", exact=True).check()
    fill_person(page, 0, "Ana Ruiz", "caching")
    page.get_by_role("button", name="Get advice").click()
    draft = page.locator("[data-sos-draft]").first
    body = draft.locator("pre").inner_text()
    mailto = draft.get_by_role("link", name="Open in my mail app").get_attribute("href")
    assert (
        mailto.startswith("mailto:?subject=")
        and "caching" in mailto
        and "&body=Dear%20Ana%2C" in mailto
    )
    draft.get_by_role("button", name="Copy").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(body + "\n")
    with page.expect_download() as download:
        draft.get_by_role("button", name="Download as text").click()
    assert download.value.suggested_filename == "note-to-Ana-Ruiz.txt"
    assert Path(download.value.path()).read_text("utf-8").endswith(body + "\n")
    stored = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert [k for k in stored if "sos" in k.lower() or "sendorskip" in k.lower()] == []
    assert page.context.cookies() == []
