"""The checker as a reader meets it: the answer first, problems marked where they are, nothing
typed lost, a shareable link, print, both palettes, phone sizes and a page that holds still.
Expected words come from the package (labels, the API), never from the page's own markup."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from sendorskip import bridge, knowledge
from sendorskip import page as views
from sendorskip.form_words import FORM, QUESTIONS, VALUES
from sendorskip.labels import PHRASES, SEVERITIES, WORDS

from .conftest import Site, Watch
from .test_checker import (
    XSS,
    XSS_FLAG,
    advice_region,
    axe,
    check_draft,
    draft_region,
    fill_person,
    shown_verdict,
    submit,
    went,
)

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 720}  # Playwright's own default
PANEL = [("Ana", "caching"), ("Ben", "on-call"), ("Cy", "dashboards")]
PANEL_SITUATION = {
    "went": "well",
    "interviewers": [
        {"name": name, "email_known": True, "topics": [topic]} for name, topic in PANEL
    ],
}


@pytest.fixture
def ready(site: Site, watched: tuple[Any, Watch]) -> Iterator[Any]:
    page, watch = watched
    page.goto(site.url + "checker/")
    page.evaluate("window.sendorskip.ready")
    yield page
    assert watch.errors == []
    assert watch.foreign(site.origin) == []


def fill_panel(page: Any) -> None:
    went(page, "well")
    for i, (name, topic) in enumerate(PANEL):
        if i:
            page.get_by_role("button", name=FORM["add_person"]).click()
        fill_person(page, i, name, topic)


def test_answer_first_verdict_plan_drafts_why_experts(ready: Any) -> None:
    ready.set_viewport_size(PHONE)  # the in-page menu is for phones
    fill_panel(ready)
    submit(ready)
    expected = views.advice(PANEL_SITUATION)
    assert shown_verdict(ready) == WORDS.verdicts[expected["verdict"]]
    region = advice_region(ready)
    headings = region.get_by_role("heading", level=3).all_inner_texts()
    assert headings == [PHRASES[k] for k in ("plan", "drafts", "why", "experts")]
    menu = region.get_by_role("navigation", name=PHRASES["contents"])
    assert menu.get_by_role("link").all_inner_texts() == headings
    plan = region.get_by_role("region", name=PHRASES["plan"])
    assert plan.get_by_role("listitem").all_inner_texts()[:3] == expected["plan_lines"]
    experts = region.get_by_role("region", name=PHRASES["experts"])
    counts = [
        PHRASES["stance_count"].format(
            label=WORDS.stances[s], n=sum(p["stance"] == s for p in expected["panel"])
        )
        for s in ("send", "neutral", "skip", "silent")
        if any(p["stance"] == s for p in expected["panel"])
    ]
    assert experts.get_by_role("heading", level=4).all_inner_texts() == counts
    menu.get_by_role("link", name=PHRASES["drafts"]).click()
    # The section lands below Material's sticky header, not under it. The box is read once the
    # heading is in view: on a busy machine the click's scroll (and Material's handling of the
    # link) can still be under way, when the heading has no box yet.
    heading = region.get_by_role("heading", name=PHRASES["drafts"])
    expect(heading).to_be_in_viewport()
    top = heading.bounding_box()["y"]
    header = ready.locator("header").first.bounding_box()["height"]
    assert top >= header
    ready.set_viewport_size(DESKTOP)  # every section is in view: no menu
    assert menu.count() == 0


def test_an_experts_card_opens_under_the_reason_without_leaving(ready: Any) -> None:
    fill_panel(ready)
    submit(ready)
    reason = views.advice(PANEL_SITUATION)["reasons"][0]
    voice = knowledge.default().voices[reason["voices"][0]]
    why = advice_region(ready).get_by_role("region", name=PHRASES["why"])
    item = why.get_by_role("listitem").filter(has_text=reason["text"])
    link = item.get_by_role("link", name=voice.name)
    at = ready.url
    link.click()
    card = item.get_by_text(voice.view)
    assert card.is_visible() and ready.url == at
    assert link.get_attribute("aria-expanded") == "true"
    # Only the card asked for is open: the other voices of the reason stay closed.
    assert [t.is_visible() for t in item.get_by_text(PHRASES["view"]).all()].count(True) == 1
    link.click()
    assert not card.is_visible()
    # Still a real link: it leads to the card on the experts page.
    assert link.get_attribute("href").endswith(f"#voice-{voice.id}")


def test_each_verdict_has_its_own_look(ready: Any) -> None:
    looks = {}
    for value in ("well", "disaster"):
        went(ready, value)
        submit(ready)
        verdict = views.advice({"went": value})["verdict"]
        box = advice_region(ready).get_by_text(WORDS.verdicts[verdict], exact=True)
        box.wait_for()
        looks[verdict] = box.evaluate("e => getComputedStyle(e.parentElement).backgroundColor")
    assert len(set(looks.values())) == 2


def test_problems_are_marked_on_their_field(ready: Any) -> None:
    fill_panel(ready)
    submit(ready)
    shown_verdict(ready)
    ready.get_by_text(FORM["more"]).click()
    # Under "More", the questions stand in headed sections.
    timing = ready.get_by_role("group", name=FORM["more.timing"])
    days = timing.get_by_label(QUESTIONS["response_expected_in_days"])
    days.fill("-5")
    ready.get_by_text(FORM["more"]).click()  # closed again: the problem must open it
    submit(ready)
    wrong = {**PANEL_SITUATION, "response_expected_in_days": -5}
    message = json.loads(bridge.call("advise", json.dumps(wrong)))["records"][0]["message"]
    # The answer comes back from the worker: wait for it before reading the field.
    expect(ready.get_by_role("alert").filter(has_text=PHRASES["please_check"])).to_be_visible()
    expect(days).to_have_attribute("aria-invalid", "true")
    expect(days).to_be_focused()
    described = days.get_attribute("aria-describedby")
    assert ready.locator(f"#{described}").inner_text() == message
    assert advice_region(ready).is_hidden()  # no stale answer under the problems


def test_the_last_interviewer_cannot_be_removed(ready: Any) -> None:
    remove = ready.get_by_role("button", name=FORM["remove_person"])
    expect(remove).to_have_count(0)  # one interviewer: nothing to remove
    ready.get_by_role("button", name=FORM["add_person"]).click()
    expect(remove).to_have_count(2)
    remove.first.click()
    expect(remove).to_have_count(0)
    legend = PHRASES["interviewer_n"].format(n=1)
    expect(ready.get_by_role("group", name=legend)).to_have_count(1)


def test_each_drafts_buttons_are_named_after_its_draft(ready: Any) -> None:
    # A screen reader's list of buttons would otherwise hold "Copy" three times, with no draft.
    fill_panel(ready)
    submit(ready)
    shown_verdict(ready)
    for name, _ in PANEL:
        group = advice_region(ready).get_by_role("group", name=PHRASES["to"].format(name=name))
        for button in ("copy", "download", "check_this"):
            expect(group.get_by_role("button", name=PHRASES[button])).to_have_count(1)


# Japan has its own custom in the sources; India is a country none of them names.
@pytest.mark.parametrize(("name", "code"), [("Japan", "JP"), ("India", "IN")])
def test_the_country_is_picked_by_name_and_the_advice_follows_it(
    ready: Any, name: str, code: str
) -> None:
    went(ready, "well")
    ready.get_by_text(FORM["more"]).click()
    interview = ready.get_by_role("group", name=FORM["more.interview"])
    country = interview.get_by_label(QUESTIONS["country"])
    expect(country.locator("option:checked")).to_have_text(FORM["country"])
    country.select_option(label=name)
    submit(ready)
    expected = views.advice({"went": "well", "country": code})
    assert shown_verdict(ready) == WORDS.verdicts[expected["verdict"]]
    reasons = advice_region(ready).get_by_role("listitem")
    for reason in expected["reasons"]:
        expect(reasons.filter(has_text=reason["text"])).to_have_count(1)


def test_no_answer_to_how_it_went_is_asked_in_place(ready: Any) -> None:
    submit(ready)
    group = ready.get_by_role("radiogroup", name=QUESTIONS["went"])
    expect(group).to_have_attribute("aria-invalid", "true")
    expect(group.get_by_text(PHRASES["choose_went"])).to_be_visible()


def test_draft_check_groups_problems_worst_first(ready: Any) -> None:
    note = "Dear [Name], sorry the interview went badly. I really need this job. [Company] rocks."
    ready.get_by_label(QUESTIONS["notes.text"]).fill(note)
    check_draft(ready)
    groups = views.findings({"notes": [{"text": note}]})["groups"]
    items = draft_region(ready).get_by_role("listitem").all_inner_texts()
    assert len(items) == len(groups) >= 2
    for item, group in zip(items, groups, strict=True):
        assert item.startswith(f"{group['severity_label']}: {group['title']}")
        assert PHRASES["instead"] in item and group["check"] not in item
    assert items[0].startswith(SEVERITIES["error"])
    assert any(PHRASES["places"].format(n=2) in item for item in items)
    # Edit in place and check again.
    draft_region(ready).get_by_role("button", name=PHRASES["edit_draft"]).click()
    box = ready.get_by_label(QUESTIONS["notes.text"])
    assert box.evaluate("e => e === document.activeElement")
    box.fill("Dear Ana, the caching question stayed with me: I sketched a fix.")
    check_draft(ready)
    assert draft_region(ready).get_by_role("listitem").count() < len(groups)


def test_share_link_round_trip(ready: Any, site: Site) -> None:
    ready.context.grant_permissions(["clipboard-read", "clipboard-write"])
    fill_panel(ready)
    ready.get_by_label(QUESTIONS["hours_since"]).fill("3")
    ready.get_by_role("button", name=PHRASES["share"]).click()
    link = ready.evaluate("navigator.clipboard.readText()")
    assert link.startswith(site.url + "checker/#situation=")
    # Opened later, the hours would be wrong: the link leaves them out.
    assert "hours_since" not in unquote(link) and "went" in unquote(link)
    other = ready.context.new_page()
    other.goto(link)
    other.evaluate("window.sendorskip.ready")
    # The advice is there at once, with the form filled in to change it.
    assert shown_verdict(other) == WORDS.verdicts[views.advice(PANEL_SITUATION)["verdict"]]
    assert other.get_by_label(VALUES["went"]["well"], exact=True).is_checked()
    other.close()


def test_hostile_share_link_is_reported_never_run(ready: Any, site: Site) -> None:
    payload = XSS[0].format(f=XSS_FLAG)
    hostile = {"went": payload, "company": payload, "evil": payload}
    ready.goto(site.url + "checker/#situation=" + quote(json.dumps(hostile)))
    ready.evaluate("window.sendorskip.ready")
    alert = ready.get_by_role("alert").filter(has_text=PHRASES["share_problems"])
    alert.wait_for()
    assert "evil" in alert.inner_text()  # an unknown field is listed, by name
    expect(ready.get_by_role("radiogroup").first).to_have_attribute("aria-invalid", "true")
    assert ready.get_by_label(QUESTIONS["company"]).input_value() == payload
    assert ready.evaluate(XSS_FLAG) is None
    ready.goto(site.url + "checker/#situation=%7Bnot json")
    ready.get_by_role("alert").filter(has_text=PHRASES["share_problems"]).wait_for()


def test_leaving_and_coming_back_keeps_form_and_results(ready: Any) -> None:
    fill_panel(ready)
    submit(ready)
    verdict = shown_verdict(ready)
    ready.get_by_label(QUESTIONS["notes.text"]).fill("Dear Ana, thanks.")
    # To the experts' page through the site's menu (instant navigation), then Back.
    menu = ready.get_by_role("navigation", name="Navigation")
    menu.get_by_role("link", name="The experts", exact=True).first.click()
    ready.wait_for_url("**/experts/**")
    ready.go_back()
    ready.wait_for_url("**/checker/")
    assert shown_verdict(ready) == verdict
    person = ready.get_by_role("group", name=PHRASES["interviewer_n"].format(n=3))
    assert person.get_by_label(QUESTIONS["interviewers.name"]).input_value() == "Cy"
    assert ready.get_by_label(QUESTIONS["notes.text"]).input_value() == "Dear Ana, thanks."


def test_reload_offers_what_was_kept_only_when_asked(ready: Any) -> None:
    went(ready, "poorly")
    ready.reload()
    ready.evaluate("window.sendorskip.ready")
    assert ready.get_by_role("button", name=PHRASES["restore"]).count() == 0
    went(ready, "poorly")
    ready.get_by_label(PHRASES["keep"]).check()
    ready.reload()
    ready.evaluate("window.sendorskip.ready")
    assert not ready.get_by_label(VALUES["went"]["poorly"], exact=True).is_checked()
    ready.get_by_role("button", name=PHRASES["restore"]).click()
    assert ready.get_by_label(VALUES["went"]["poorly"], exact=True).is_checked()


def test_print_shows_verdict_plan_and_drafts_without_suggestions(ready: Any) -> None:
    fill_panel(ready)
    submit(ready)
    verdict = shown_verdict(ready)
    region = advice_region(ready)
    suggestion = views.advice(PANEL_SITUATION)["drafts"][0]["suggestions"][0]
    assert region.get_by_text(suggestion, exact=True).first.is_visible()
    ready.emulate_media(media="print")
    assert region.get_by_text(verdict, exact=True).is_visible()
    assert region.get_by_role("heading", name=PHRASES["plan"]).is_visible()
    assert region.get_by_role("article").first.is_visible()
    assert region.get_by_text(suggestion, exact=True).first.is_hidden()
    assert ready.get_by_role("button", name=FORM["advise_submit"]).is_hidden()
    assert region.get_by_role("navigation").is_hidden()


def settled_axe(page: Any) -> list[str]:
    # Material fades the header's title in and out as the page scrolls; axe must not catch it
    # half-way (a mid-fade colour is not the page's).
    page.wait_for_timeout(500)
    return axe(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_in_every_state(browser: Any, site: Site, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    held: list[Any] = []
    page.route("**/*.wasm", lambda route: held.append(route))
    page.goto(site.url + "checker/")
    page.get_by_role("status").filter(has_text=PHRASES["stage_1"]).wait_for()
    states = {"loading": axe(page)}
    for route in held:
        route.continue_()
    page.evaluate("window.sendorskip.ready")
    states["ready"] = settled_axe(page)
    submit(page)
    expect(page.get_by_role("radiogroup").first).to_have_attribute("aria-invalid", "true")
    states["problems"] = settled_axe(page)
    fill_panel(page)
    submit(page)
    shown_verdict(page)
    states["advice"] = settled_axe(page)
    page.get_by_label(QUESTIONS["notes.text"]).fill("Dear [Name], sorry. I really need this job.")
    check_draft(page)
    states["findings"] = settled_axe(page)
    context.close()
    assert {k: v for k, v in states.items() if v} == {}


def test_phone_inputs_and_tap_targets(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site.url + "checker/")
    page.get_by_text(FORM["more"]).click()
    sizes = page.eval_on_selector_all(
        ".sos-app input:not([type=radio],[type=checkbox]), .sos-app select, .sos-app textarea",
        "els => els.filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert sizes and min(sizes) >= 16
    heights = page.eval_on_selector_all(
        ".sos-app button, .sos-app summary, .sos-app label:has(input[type=radio],input[type=checkbox])",
        "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)",
    )
    assert heights and min(heights) >= 44
    context.close()


def test_fields_sharing_a_row_are_equally_tall(ready: Any) -> None:
    ready.get_by_text(FORM["more"]).click()
    rows = ready.eval_on_selector_all(
        ".sos-row",
        "rows => rows.map(r => [...r.querySelectorAll('input:not([type=checkbox]), select')]"
        ".map(e => e.getBoundingClientRect().height))",
    )
    shared = [heights for heights in rows if len(heights) > 1]
    assert len(shared) >= 3  # job title, company, your name; timing; the round and the format
    assert all(max(heights) - min(heights) < 0.5 for heights in shared), shared


def test_page_holds_still_while_the_checker_loads(browser: Any, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(
        "window.__cls = 0; new PerformanceObserver(l => l.getEntries().forEach(e => "
        "{ if (!e.hadRecentInput) window.__cls += e.value; })).observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(site.url + "checker/")
    page.evaluate("window.sendorskip.ready")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__cls") < 0.05
    context.close()


def test_submit_before_ready_answers_at_once_then_advises(browser: Any, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    held: list[Any] = []
    page.route("**/*.wasm", lambda route: held.append(route))
    page.goto(site.url + "checker/")
    went(page, "well")
    submit(page)
    # The wasm is held back, so the engine cannot have started: this is the page's own answer.
    page.get_by_role("status").filter(has_text=PHRASES["waiting"]).wait_for()
    for route in held:
        route.continue_()
    assert shown_verdict(page) == WORDS.verdicts["send"]
    context.close()


def test_follow_up_dates_download_as_a_calendar(ready: Any, site: Site, tmp_path: Any) -> None:
    # Filled from a share link, as a reader would arrive; the calendar is made in the page.
    situation = {
        "went": "well",
        "response_expected_in_days": 5,
        "company": "Acme",
        "interviewers": [{"name": "Ana", "email_known": True, "topics": ["caching"]}],
    }
    ready.goto(site.url + "checker/#situation=" + quote(json.dumps(situation)))
    ready.evaluate("window.sendorskip.ready")
    submit(ready)
    lines = views.advice(situation)["follow_up_lines"]
    region = advice_region(ready)
    for line in lines:
        region.get_by_text(line).wait_for()
    with ready.expect_download() as download:
        region.get_by_role("button", name=PHRASES["calendar"]).click()
    assert download.value.suggested_filename == PHRASES["calendar_file"]
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries == [
        "Follow up: ask where things stand (email)",
        "Follow up: ask once more (email)",
    ]
    today = date.fromisoformat(ready.evaluate("new Date().toLocaleDateString('sv')"))
    starts = [event.decoded("DTSTART") for event in calendar.walk("VEVENT")]
    assert starts == [today + timedelta(days=12), today + timedelta(days=19)]
