"""The checker in a real browser: the built site served on 127.0.0.1, the engine under the
self-hosted Pyodide in a module worker, Debian's Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from sendorskip import api, knowledge
from sendorskip import page as views
from sendorskip.form_words import FORM, QUESTIONS, VALUES
from sendorskip.labels import PHRASES, SEVERITIES, WORDS

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
    person = page.get_by_role("group", name=PHRASES["interviewer_n"].format(n=row + 1))
    person.get_by_label(QUESTIONS["interviewers.name"]).fill(name)
    person.get_by_label(QUESTIONS["topics"]).fill(topics)
    person.get_by_label(QUESTIONS["interviewers.email_known"]).set_checked(email)


def advice_region(page: Any) -> Any:
    return page.get_by_role("region", name=PHRASES["advice"])


def shown_verdict(page: Any) -> str:
    """The verdict as a reader sees it: the word in the answer's box, read once it is there."""
    region = advice_region(page)
    region.get_by_role("heading", name=PHRASES["advice"]).wait_for()
    return str(region.locator("p").first.inner_text()).strip().lstrip("✓✕?→← ").strip()


def submit(page: Any) -> None:
    page.get_by_role("button", name=FORM["advise_submit"]).click()


def went(page: Any, value: str) -> None:
    page.get_by_label(VALUES["went"][value], exact=True).check()


def draft_region(page: Any) -> Any:
    return page.get_by_role("region", name=PHRASES["your_draft"])


def check_draft(page: Any) -> None:
    page.get_by_role("button", name=FORM["check_submit"]).click()
    draft_region(page).get_by_role("heading", name=PHRASES["your_draft"]).wait_for()


def test_good_interview_gives_send_and_a_draft(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    assert axe(page) == []
    went(page, "well")
    fill_person(page, 0, "Ana Ruiz", "the billing migration")
    page.get_by_label(QUESTIONS["job_title"]).fill("Data Engineer")
    submit(page)
    assert shown_verdict(page) == WORDS.verdicts["send"]
    situation = {
        "went": "well",
        "interviewers": [
            {"name": "Ana Ruiz", "email_known": True, "topics": ["the billing migration"]}
        ],
        "job_title": "Data Engineer",
    }
    expected = views.advice(situation)
    region = advice_region(page)
    assert region.get_by_text(expected["headline"], exact=True).is_visible()
    assert region.get_by_text(expected["plan_lines"][0], exact=True).is_visible()
    drafts = region.get_by_role("article")
    assert drafts.count() == 1
    assert drafts.first.locator("pre").inner_text() == expected["drafts"][0]["body"]
    assert axe(page) == []


def test_panel_of_three_gives_three_different_drafts(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    went(page, "well")
    for i, (name, topic) in enumerate(
        [("Ana", "caching"), ("Ben", "on-call"), ("Cy", "dashboards")]
    ):
        if i:
            page.get_by_role("button", name=FORM["add_person"]).click()
        fill_person(page, i, name, topic)
    submit(page)
    shown_verdict(page)
    bodies = advice_region(page).get_by_role("article").locator("pre").all_inner_texts()
    assert len(bodies) == 3 and len(set(bodies)) == 3


def test_references_typed_on_one_line_each_get_a_note(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    went(page, "well")
    fill_person(page, 0, "Ana Ruiz", "the billing migration")
    page.get_by_text(FORM["more"]).click()
    page.get_by_label(QUESTIONS["references"]).fill(" Dr. Maria Lopez,Ben Ode ; ")
    submit(page)
    shown_verdict(page)
    situation = {
        "went": "well",
        "interviewers": [
            {"name": "Ana Ruiz", "email_known": True, "topics": ["the billing migration"]}
        ],
        "references": ["Dr. Maria Lopez", "Ben Ode"],
    }
    expected = views.advice(situation)
    assert [d["to"] for d in expected["drafts"]] == ["Ana Ruiz", "Dr. Maria Lopez", "Ben Ode"]
    drafts = advice_region(page).get_by_role("article")
    assert drafts.locator("pre").all_inner_texts() == [d["body"] for d in expected["drafts"]]
    for line in expected["plan_lines"]:
        assert advice_region(page).get_by_text(line, exact=True).first.is_visible()


def test_disaster_gives_no_apology_draft(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    went(page, "disaster")
    fill_person(page, 0, "Ana Ruiz")
    submit(page)
    assert shown_verdict(page) == WORDS.verdicts["skip"]
    assert advice_region(page).get_by_role("article").count() == 0
    page.get_by_text(FORM["more"]).click()
    page.get_by_label(QUESTIONS["recruiter.name"]).fill("Sam Lee")
    submit(page)
    advice_region(page).get_by_text(WORDS.verdicts["recruiter_only"], exact=True).wait_for()
    body = advice_region(page).get_by_role("article").locator("pre").inner_text().lower()
    assert "sorry" not in body and "apolog" not in body
    assert axe(page) == []  # with "More" open: its sections too


def test_check_mode_highlights_pleading_in_place(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    page.get_by_label(QUESTIONS["notes.text"]).fill(
        "Dear Ana, I really need this job. Please give me another chance."
    )
    check_draft(page)
    assert "I really need this job" in draft_region(page).locator("mark").all_inner_texts()
    check = KB_CHECKS["SOS203"]
    finding = draft_region(page).get_by_role("listitem").filter(has_text=check.message)
    text = finding.first.inner_text()
    assert text.startswith(f"{SEVERITIES[check.severity]}: {check.message}")
    assert f"{PHRASES['instead']} {check.instead}" in text and "SOS203" not in text
    assert axe(page) == []


def test_highlights_land_on_the_words_after_emoji_and_accents(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    # Astral emoji take two UTF-16 units and "é" here is e + a combining accent: a highlight in
    # code points would land two characters early and cut into the words.
    page.get_by_label(QUESTIONS["notes.text"]).fill(
        "Dear Re\u0301mi 🎉🎉, Caf\u00e9 talk was fun. I really need this job, please."
    )
    check_draft(page)
    assert "I really need this job" in draft_region(page).locator("mark").all_inner_texts()


def test_a_mark_over_several_paragraphs_leaves_the_blank_lines_alone(
    checker: tuple[Any, Watch],
) -> None:
    page, _ = checker
    paragraphs = [" ".join(f"word{p}x{i}" for i in range(60)) for p in range(4)]  # 240 words
    page.get_by_label(QUESTIONS["notes.text"]).fill("\n\n".join(paragraphs) + "\n\n")
    check_draft(page)
    marks = draft_region(page).locator("mark[data-sos-check~='SOS207']").all_inner_texts()
    assert len(marks) >= 2 and all(m.strip() == m and m for m in marks)
    # Its number follows the note's last word, not a line of its own after it.
    assert marks[-1].endswith("word3x59")
    number = draft_region(page).locator("mark[data-sos-check~='SOS207'] + sup").last
    assert number.inner_text().startswith("[")


def test_instant_navigation_keeps_one_engine(checker: tuple[Any, Watch], site: Site) -> None:
    page, watch = checker
    page.evaluate("window.__samePage = true")  # a full page load would forget this
    page.get_by_role("link", name="Privacy").first.click()
    page.wait_for_url("**/privacy/")
    page.get_by_role("link", name="Checker").first.click()
    page.wait_for_url("**/checker/")
    went(page, "poorly")
    submit(page)
    assert shown_verdict(page) == WORDS.verdicts[api.advise({"went": "poorly"})["verdict"]]
    assert sum(u.endswith("pyodide.asm.wasm") for u in watch.requests) == 1
    assert sum(u.endswith("/worker.js") for u in watch.requests) == 1
    assert page.evaluate("window.__samePage") is True


def test_pages_without_the_checker_never_start_the_engine(
    site: Site, watched: tuple[Any, Watch]
) -> None:
    page, watch = watched
    page.goto(site.url + "experts/", wait_until="networkidle")
    assert not any("pyodide" in u or u.endswith("worker.js") for u in watch.requests)


# Notes the moment the page creates the engine's worker (Material's search has one too). When
# its thread then starts and fetches the script is up to the browser (later on a busy
# machine), so that is not what counts.
CREATED = """
window.__workerCreated = null;
window.Worker = class extends Worker {
  constructor(url, options) {
    super(url, options);
    if (String(url).endsWith("/worker.js")) window.__workerCreated ??= performance.now();
  }
};
"""


def test_the_engine_starts_while_the_page_is_read(site: Site, watched: tuple[Any, Watch]) -> None:
    page, _ = watched
    page.add_init_script(CREATED)
    page.goto(site.url + "checker/")
    page.evaluate("window.sendorskip.ready")
    created, parsed = page.evaluate(
        """() => [
          window.__workerCreated,
          performance.getEntriesByType("navigation")[0].domContentLoadedEventStart,
        ]"""
    )
    assert created is not None and created < parsed


def test_instant_navigation_to_the_checker_starts_the_engine(
    site: Site, watched: tuple[Any, Watch]
) -> None:
    page, watch = watched
    page.goto(site.url + "experts/")
    page.get_by_role("link", name="Checker").first.click()
    page.wait_for_url("**/checker/")
    assert page.evaluate("window.sendorskip.ready")["boot"] == "snapshot"
    went(page, "poorly")
    submit(page)
    assert shown_verdict(page) == WORDS.verdicts[api.advise({"went": "poorly"})["verdict"]]
    assert sum(u.endswith("/worker.js") for u in watch.requests) == 1


# What the worker says before checker.js has taken it over (a slow phone): the route that
# forces it, and what it said.
SAID_EARLY = {
    "ready": (None, "ready"),
    "failed": ("**/*.wasm", "failed"),
    "error": ("**/worker.js", "error"),
}


@pytest.mark.parametrize("said", SAID_EARLY)
def test_what_the_engine_said_before_the_page_listened_is_shown(
    site: Site, browser: Any, said: str
) -> None:
    pattern, kind = SAID_EARLY[said]
    context = browser.new_context()
    held: list[Any] = []
    context.route("**/checker.js", lambda route: held.append(route))
    if pattern:
        context.route(pattern, lambda route: route.fulfill(status=404, body="not here"))
    page = context.new_page()
    page.goto(site.url + "checker/", wait_until="domcontentloaded")
    page.wait_for_function(
        "(kind) => window.sendorskipWorker.said.some((e) => (e.data ? e.data.type : e.type) === kind)",
        arg=kind,
    )
    for route in held:
        route.continue_()
    page.wait_for_function("() => window.sendorskip")
    if said == "ready":
        # Waited for with a time limit: without the replay the engine would never be ready.
        page.get_by_role("status").filter(has_text=PHRASES["ready"]).wait_for(state="visible")
        assert page.evaluate("window.sendorskip.ready")["boot"] == "snapshot"
        went(page, "poorly")
        submit(page)
        assert shown_verdict(page) == WORDS.verdicts[api.advise({"went": "poorly"})["verdict"]]
    else:
        failure = page.get_by_role("alert").filter(has_text=PHRASES["failed_title"])
        failure.wait_for(state="visible")
    context.close()


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
    QUESTIONS[name]
    for name in (
        "job_title",
        "company",
        "candidate_name",
        "recruiter.name",
        "highlights",
        "forgot_to_mention",
    )
]
PERSON_FIELDS = [QUESTIONS[name] for name in ("interviewers.name", "interviewers.role", "topics")]


def test_hostile_input_never_executes_or_injects(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    count = "() => document.querySelectorAll('img,script,iframe,svg,object,embed,video,audio,marquee,math,style,link,meta,table,body *[onerror]').length"
    before = page.evaluate(count)
    went(page, "well")
    page.get_by_text(FORM["more"]).click()
    person = page.get_by_role("group", name=PHRASES["interviewer_n"].format(n=1))
    for template in XSS:
        payload = template.format(f=XSS_FLAG)
        for label in PERSON_FIELDS:
            person.get_by_label(label).fill(payload)
        for label in TEXT_FIELDS:
            page.get_by_label(label, exact=True).fill(payload)
        page.evaluate(
            "document.querySelectorAll('[data-sos-results],[data-sos-findings]').forEach(s => s.replaceChildren())"
        )
        submit(page)
        advice_region(page).get_by_role("article").first.wait_for()
        page.get_by_label(QUESTIONS["notes.to"]).fill(payload)
        page.get_by_label(QUESTIONS["notes.text"]).fill(payload)
        check_draft(page)
        marked = draft_region(page).locator(".sos-marked")
        shown = marked.evaluate(
            "el => [...el.childNodes].filter(n => n.nodeName !== 'SUP').map(n => n.textContent).join('')",
        )
        assert shown == payload  # the note comes back as text, character for character
    assert page.evaluate(XSS_FLAG) is None
    assert page.evaluate(count) == before
    assert len(XSS) >= 30


# Pyodide itself would wait forever on a wasm it cannot compile.
WASM_FAILURES = {
    "unreachable": lambda route: route.abort(),
    "damaged": lambda route: route.fulfill(
        status=200, body=b"\0asm not really", content_type="application/wasm"
    ),
}


@pytest.mark.parametrize("how", WASM_FAILURES)
def test_engine_failure_shows_the_message_and_keeps_the_text(
    site: Site, browser: Any, how: str
) -> None:
    context = browser.new_context()
    context.route("**/*.wasm", WASM_FAILURES[how])
    page = context.new_page()
    page.goto(site.url + "checker/")
    page.get_by_label(QUESTIONS["notes.text"]).fill("My own words, kept.")
    failure = page.get_by_role("alert").filter(has_text=PHRASES["failed_title"])
    failure.wait_for(state="visible")
    assert failure.get_by_role("link", name=PHRASES["guide_link"]).is_visible()
    assert "pyodide.asm.wasm" in failure.inner_text()
    assert page.get_by_label(QUESTIONS["notes.text"]).input_value() == "My own words, kept."
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
    status = page.get_by_role("status").filter(has_text=PHRASES["stage_1"])
    status.wait_for(state="visible")
    assert page.get_by_role("progressbar", name=PHRASES["starting"]).get_attribute("max") == "3"
    assert axe(page) == []
    for route in held:
        route.continue_()
    page.evaluate("window.sendorskip.ready")
    expect(page.get_by_role("status").filter(has_text=PHRASES["ready"])).to_be_visible()
    context.close()


def test_keyboard_only(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    page.get_by_label(VALUES["went"]["well"], exact=True).focus()
    page.keyboard.press("Space")
    for _ in range(12):  # Tab on to the first interviewer's name
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "name":
            break
    page.keyboard.type("Ana Ruiz")
    page.keyboard.press("Enter")
    assert shown_verdict(page) == WORDS.verdicts["send"]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == PHRASES["advice"]


def test_draft_actions_and_nothing_stored(checker: tuple[Any, Watch]) -> None:
    page, _ = checker
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    went(page, "well")
    fill_person(page, 0, "Ana Ruiz", "caching")
    submit(page)
    draft = advice_region(page).get_by_role("article").first
    body = draft.locator("pre").inner_text()
    mailto = draft.get_by_role("link", name=PHRASES["mail"]).get_attribute("href")
    assert (
        mailto.startswith("mailto:?subject=")
        and "caching" in mailto
        and "&body=Dear%20Ana%2C" in mailto
    )
    draft.get_by_role("button", name=PHRASES["copy"], exact=True).click()
    # The copy is a promise: the page says "copied" once it has been kept. It is the note
    # alone: a "Subject:" line pasted into a message would land in its body.
    expect(draft.locator(".sos-actions").get_by_role("status")).to_have_text(PHRASES["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == body + "\n"
    subject = draft.get_by_role(
        "button", name=PHRASES["copy_subject_to"].format(name="Ana Ruiz"), exact=True
    )
    expect(subject).to_have_text(PHRASES["copy_subject"])
    subject.click()
    expect(draft.locator(".sos-draft__subject").get_by_role("status")).to_have_text(
        PHRASES["copied"]
    )
    assert page.evaluate("navigator.clipboard.readText()") == "Thank you"
    with page.expect_download() as download:
        draft.get_by_role("button", name=PHRASES["download"]).click()
    assert download.value.suggested_filename == "note-to-Ana-Ruiz.txt"
    assert Path(download.value.path()).read_text("utf-8").endswith(body + "\n")
    stored = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert [k for k in stored if "sos" in k.lower() or "sendorskip" in k.lower()] == []
    assert page.context.cookies() == []
