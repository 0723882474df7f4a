"""The client's web page in Debian's Chromium against a real backend, as a client uses it:
on a phone and a desktop, in Finnish, Swedish and English, with a keyboard only, with a
screen reader's live region, while looking at another tab.

Every state of the page is checked by axe-core (WCAG 2.1 A and AA: no violation allowed),
for reflow at 320 px, for the emergency numbers above the fold on a 390×844 phone, and
photographed at 390×844 and 1280×800 in the three languages (artifacts/webchat-*.png).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from backend.config import load_service_config
from backend.domain.callbacks import due_at
from backend.domain.contrast import contrast
from tests.browser import Browser, axe_violations
from tests.helpers import BackendProcess, Peer, running_backend, staff

pytestmark = pytest.mark.e2e

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
LANGS = ("fi", "sv", "en")


def closed_today(tmp_path: Path) -> Path:
    """Chat closed today (opens on the other days): the closed page has a next opening."""
    today = datetime.now(ZoneInfo("Europe/Helsinki")).isoweekday()
    days = [d for d in range(1, 8) if d != today]
    path = tmp_path / "closed_today.toml"
    path.write_text(
        f"""
timezone = "Europe/Helsinki"
holidays = ""
weekdays = "08:00-15:00"
open_days = {days}
[meter.chat]
target_s = 120
[meter.phone]
target_s = 300
[[queues]]
id = "neuvola"
channel = "chat"
skill = "neuvola"
names = {{ fi = "Äitiys- ja lastenneuvola", sv = "Mödra- och barnrådgivning" }}
[[queues]]
id = "puh_asiakas"
channel = "phone"
skill = "asiakaspalvelu"
names = {{ fi = "Puhelin: asiakaspalvelu", sv = "Telefon: kundtjänst" }}
""",
        "utf-8",
    )
    return path


def picture(tmp_path: Path) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (40, 120, 200)).save(out, "PNG")
    path = tmp_path / "ihottuma.png"
    path.write_bytes(out.getvalue())
    return path


def look_at(page: Any, name: str, artifacts: str) -> dict[str, Any]:
    """axe-core in every language at both sizes, a picture of each, reflow at 320 px, and
    the emergency numbers in view on the phone. Returns what was wrong, by language/size."""
    found: dict[str, Any] = {}
    for lang in LANGS:
        page.click(f"button[data-lang={lang}]")
        for label, (width, height) in SIZES.items():
            page.set_viewport_size({"width": width, "height": height})
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=os.path.join(artifacts, f"webchat-{name}-{label}-{lang}.png"))
            violations = axe_violations(page)
            if violations:
                found[f"axe {lang}/{label}"] = violations
            if label == "phone":
                # In view at the top and where the page has scrolled to (the chat).
                for where in ("0", "document.documentElement.scrollHeight"):
                    page.evaluate(f"window.scrollTo(0, {where})")
                    box = page.locator(".emergency").bounding_box()
                    if box is None or box["y"] < 0 or box["y"] + box["height"] > height:
                        found[f"emergency {lang} at {where}"] = box
        page.set_viewport_size({"width": 320, "height": 640})
        wide = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if wide > 0:
            found[f"reflow {lang}"] = f"{wide}px of horizontal scroll at 320 px"
    page.click("button[data-lang=fi]")
    page.set_viewport_size({"width": 900, "height": 900})
    return found


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("webchat")) as b:
        yield b


@pytest.fixture
def browser() -> Iterator[Browser]:
    with Browser() as b:
        yield b


async def nurse_takes(nurse: Peer) -> str:
    offer = await nurse.expect("offer", timeout=10)
    await nurse.send(type="accept", conversation_id=offer["conversation_id"])
    await nurse.expect("conversation")
    return str(offer["conversation_id"])


async def test_every_state_of_the_page_passes_axe_and_reflows(
    backend: BackendProcess, browser: Browser, artifacts: str, tmp_path: Path
) -> None:
    nurse = await staff(backend.ws, "hoitaja")
    problems: dict[str, Any] = {}

    def start_page(page: Any) -> dict[str, Any]:
        page.goto(backend.http + "/?lang=fi")
        page.wait_for_selector("#queues label")
        seen = {
            "topics": page.inner_text("#queues"),
            "phones": page.inner_text("#phones"),
            "message_hidden": page.is_hidden("#message"),
            "footer": page.inner_text(".foot"),
            "privacy": page.get_attribute("#privacy-link", "href"),
        }
        seen["problems"] = look_at(page, "start", artifacts)
        return seen

    start = await browser.run(start_page, browser.page)
    problems["start"] = start.pop("problems")
    # Only the chat topics; the phone lines are information with the number and hours.
    assert "Äitiys- ja lastenneuvola" in start["topics"]
    assert "Puhelin" not in start["topics"]
    assert "Puhelin: asiakaspalvelu" in start["phones"] and "09 310 12345" in start["phones"]
    assert "joka päivä klo 00:00–24:00" in start["phones"]
    # Mental health has nobody Ready: unknown, with the reason, and a message is offered.
    assert "kukaan ei juuri nyt vastaa tähän aiheeseen" in start["topics"]
    assert start["message_hidden"] is False
    assert "Saavutettavuusseloste" in start["footer"] and "Tietosuojaseloste" in start["footer"]
    assert start["privacy"] == "https://example.fi/tietosuoja"

    await nurse.send(type="set_status", status="not_ready", reason="break")
    await nurse.expect("status", status="not_ready")

    def queued(page: Any) -> dict[str, Any]:
        page.check("input[name=queue][value=neuvola]")
        page.click("#start-button")
        page.wait_for_selector("#chat:not([hidden])")
        page.wait_for_selector("#chat-state >> text=Olet seuraavana vuorossa")
        state = page.inner_text("#chat-state")
        return {"state": state, "problems": look_at(page, "queued", artifacts)}

    seen = await browser.run(queued, browser.page)
    problems["queued"] = seen["problems"]
    assert "Odotusaikaa ei voi nyt arvioida" in seen["state"]

    await nurse.send(type="set_status", status="ready")
    cid = await nurse_takes(nurse)
    await nurse.send(type="send", conversation_id=cid, client_msg_id="n1", text="Hei! Kerro lisää.")

    def chatting(page: Any) -> dict[str, Any]:
        page.wait_for_selector("#chat-state >> text=Hanna on liittynyt keskusteluun.")
        page.wait_for_selector("#lines li.staff")
        page.fill("#text", "Vauva ei syö kunnolla.")
        page.press("#text", "Enter")
        page.wait_for_selector("#lines li.client:not(.pending)")
        return look_at(page, "chatting", artifacts)

    problems["chatting"] = await browser.run(chatting, browser.page)
    await nurse.expect("message", conversation_id=cid)

    def client_ends(page: Any) -> dict[str, Any]:
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#leave")
        page.wait_for_selector("#chat-state >> text=Lopetit keskustelun.")
        page.wait_for_selector("#lines li.system")
        return {
            "composer_hidden": page.is_hidden("#composer"),
            "again_visible": page.is_visible("#again"),
            "feedback_visible": page.is_visible("#feedback"),
            "lines": page.inner_text("#lines"),
            "problems": look_at(page, "ended-by-client", artifacts),
        }

    seen = await browser.run(client_ends, browser.page)
    problems["ended-by-client"] = seen.pop("problems")
    assert seen["composer_hidden"] and seen["again_visible"] and seen["feedback_visible"]
    assert "Asiakas" not in seen["lines"]  # no staff wording on the client's screen
    await nurse.expect("client_left", conversation_id=cid)
    await nurse.send(type="close", conversation_id=cid, outcome="one_contact")
    await nurse.expect("closed", conversation_id=cid)
    # The nurse closing afterwards does not turn the client's own end into hers.
    state = await browser.run(
        lambda p: (p.wait_for_timeout(300), p.inner_text("#chat-state"))[1], browser.page
    )
    assert state == "Lopetit keskustelun."
    await nurse.send(type="set_status", status="ready")
    await nurse.expect("status", status="ready")

    photo = picture(tmp_path)

    def again(page: Any) -> None:
        page.click("#again")
        page.wait_for_selector("#queues label")
        page.check("input[name=queue][value=neuvola]")
        page.click("#start-button")
        page.wait_for_selector("#chat:not([hidden])")

    await browser.run(again, browser.page)
    cid = await nurse_takes(nurse)
    for n in range(30):
        text = f"Rivi {n}: pitkä ohje syöttämisestä, unesta ja ihottumasta. " * 2
        await nurse.send(type="send", conversation_id=cid, client_msg_id=f"l{n}", text=text)
    await nurse.send(type="picture_request", conversation_id=cid)

    def long_transcript(page: Any) -> dict[str, Any]:
        page.wait_for_selector("#lines li.staff >> nth=29")
        page.wait_for_selector("li.request")
        page.set_input_files("#picture-input", str(photo))
        page.wait_for_selector("#lines img.picture")
        # The transcript scrolls by keyboard: focus it and page up.
        page.focus("#log")
        bottom = page.evaluate("document.getElementById('log').scrollTop")
        page.keyboard.press("PageUp")
        page.wait_for_timeout(300)
        up = page.evaluate("document.getElementById('log').scrollTop")
        return {"bottom": bottom, "up": up}

    scrolled = await browser.run(long_transcript, browser.page)
    assert scrolled["bottom"] > 0 and scrolled["up"] < scrolled["bottom"]
    await nurse.send(type="close", conversation_id=cid, outcome="one_contact")

    def nurse_ended(page: Any) -> dict[str, Any]:
        page.wait_for_selector("#chat-state >> text=Ammattilainen päätti keskustelun.")
        return {
            "next": page.inner_text("#chat-next"),
            "problems": look_at(page, "ended-by-nurse", artifacts),
        }

    seen = await browser.run(nurse_ended, browser.page)
    problems["ended-by-nurse"] = seen["problems"]
    assert "09 310 12345" in seen["next"] and "aloita uusi keskustelu" in seen["next"]

    def feedback(page: Any) -> dict[str, Any]:
        page.click("#feedback button[type=submit]")
        empty = page.inner_text("#fb-error")
        page.check("input[name=score][value='4']")
        page.fill("#fb-comment", "Selkeät ohjeet, kiitos")
        page.click("#feedback button[type=submit]")
        page.wait_for_selector("#fb-done >> text=Kiitos palautteestasi!")
        return {"empty": empty, "problems": look_at(page, "feedback-given", artifacts)}

    seen = await browser.run(feedback, browser.page)
    problems["feedback-given"] = seen["problems"]
    assert seen["empty"] == "Valitse arvosana tai kirjoita kommentti."
    assert backend.query("SELECT score, comment FROM client_feedback") == [
        (4, "Selkeät ohjeet, kiitos")
    ]

    def statement(page: Any) -> dict[str, Any]:
        found = {}
        for lang in LANGS:
            page.goto(backend.http + f"/accessibility?lang={lang}")
            for label, (width, height) in SIZES.items():
                page.set_viewport_size({"width": width, "height": height})
                page.screenshot(
                    path=os.path.join(artifacts, f"webchat-statement-{label}-{lang}.png"),
                    full_page=True,
                )
                violations = axe_violations(page)
                if violations:
                    found[f"{lang}/{label}"] = violations
        return found

    problems["statement"] = await browser.run(statement, browser.page)
    await nurse.close()
    wrong = {state: found for state, found in problems.items() if found}
    assert wrong == {}, json.dumps(wrong, indent=1, ensure_ascii=False)


async def test_closed_topic_leave_a_message_becomes_a_callback(
    tmp_path: Path, browser: Browser, artifacts: str
) -> None:
    service_file = closed_today(tmp_path)
    with running_backend(tmp_path, service_file) as backend:
        nurse = await staff(backend.ws, "hoitaja", ready=False)
        problems: dict[str, Any] = {}

        def closed(page: Any) -> dict[str, Any]:
            page.goto(backend.http + "/?lang=fi")
            page.wait_for_selector("#status .closed")
            start = page.locator("#start-button")
            seen = {
                "status": page.inner_text("#status"),
                "topic": page.inner_text("#queues"),
                "radio_disabled": page.is_disabled("input[name=queue][value=neuvola]"),
                "start_disabled": start.is_disabled(),
                "start_looks": start.evaluate(
                    "b => [getComputedStyle(b).cursor, getComputedStyle(b).borderTopStyle]"
                ),
                "details_hidden": page.is_hidden("#who"),
                "emergency": page.inner_text(".emergency"),
                "message": page.is_visible("#message"),
            }
            page.click("button[data-lang=sv]")
            seen["status_sv"] = page.inner_text("#status")
            page.click("button[data-lang=fi]")
            seen["problems"] = look_at(page, "closed", artifacts)
            return seen

        seen = await browser.run(closed, browser.page)
        problems["closed"] = seen.pop("problems")
        assert seen["status"].startswith("Chat on nyt suljettu. Avaamme seuraavan kerran")
        assert "Suljettu, avautuu" in seen["topic"]
        assert seen["radio_disabled"] and seen["start_disabled"] and seen["details_hidden"]
        # The disabled start button looks disabled, not like the primary button.
        assert seen["start_looks"] == ["not-allowed", "dashed"]
        assert "112" in seen["emergency"] and "116 117" in seen["emergency"]
        assert seen["status_sv"].startswith("Chatten är stängd nu. Vi öppnar nästa gång")
        assert seen["message"]

        def bad_then_good(page: Any) -> dict[str, Any]:
            # Continuing in chat waits for the topic to open; the callback is the way now.
            assert page.is_disabled("#how-chat")
            assert "vasta kun se avautuu" in page.inner_text("#how-chat-hint")
            page.fill("#msg-number", "12 34")
            page.fill("#msg-text", "Lapsella korvakipua, haluaisin neuvoa")
            page.click("#msg-send")
            page.wait_for_selector("#msg-number-error >> text=Aloita numero 0:lla")
            result = {
                "invalid": page.get_attribute("#msg-number", "aria-invalid"),
                "focused": page.evaluate("document.activeElement.id"),
                "problems": look_at(page, "message-refused", artifacts),
            }
            page.fill("#msg-number", "040 765 4321")
            page.click("#msg-send")
            page.wait_for_selector("#msg-done >> text=Soittopyyntösi on tallennettu")
            result["done"] = page.inner_text("#msg-done")
            result["problems_done"] = look_at(page, "message-sent", artifacts)
            return result

        seen = await browser.run(bad_then_good, browser.page)
        problems["message-refused"] = seen["problems"]
        problems["message-sent"] = seen["problems_done"]
        assert seen["invalid"] == "true" and seen["focused"] == "msg-number"
        assert "040 765 4321" in seen["done"] and "mennessä" in seen["done"]

        await nurse.send(type="callback_list")
        while True:
            items = (await nurse.expect("callbacks"))["items"]
            if items:
                break
        (item,) = items
        assert item["number"] == "+358407654321" and item["queue"] == "neuvola"
        config = load_service_config(service_file)
        expected = due_at(
            datetime.fromisoformat(item["created_at"]),
            config.opening_hours("neuvola"),
            time.fromisoformat(config.callbacks.cutoff),
        )
        assert expected is not None and datetime.fromisoformat(item["due_at"]) == expected

        # A script sending request after request from this page is stopped.
        def flood(page: Any) -> str:
            for n in range(6):
                page.evaluate(
                    "() => { document.getElementById('msg-done').textContent = '';"
                    " document.getElementById('msg-error').textContent = ''; }"
                )
                page.fill("#msg-number", f"040 765 {n:04d}")
                page.fill("#msg-text", "Testi")
                page.click("#msg-send")
                page.wait_for_function(
                    "() => document.getElementById('msg-done').textContent"
                    " || document.getElementById('msg-error').textContent"
                )
                error: str = page.inner_text("#msg-error")
                if error:
                    return error
            return ""

        refused = await browser.run(flood, browser.page)
        assert refused.startswith("Tästä osoitteesta tai numerosta on jätetty jo monta pyyntöä")
        await nurse.close()
        wrong = {state: found for state, found in problems.items() if found}
    assert wrong == {}, json.dumps(wrong, indent=1, ensure_ascii=False)


async def test_new_lines_are_announced_once_and_own_lines_are_not_repeated(
    backend: BackendProcess, browser: Browser
) -> None:
    nurse = await staff(backend.ws, "hoitaja2")

    def start(page: Any) -> None:
        page.goto(backend.http + "/?lang=fi")
        page.check("input[name=queue][value=neuvola]")
        page.click("#start-button")
        page.wait_for_selector("#chat:not([hidden])")
        page.evaluate(
            """() => {
                window.liveAdded = 0; window.liveRemoved = 0;
                new MutationObserver((records) => {
                    for (const r of records) {
                        if (r.target.id === 'lines') {
                            window.liveAdded += r.addedNodes.length;
                            window.liveRemoved += r.removedNodes.length;
                        }
                    }
                }).observe(document.getElementById('lines'), {childList: true});
            }"""
        )

    await browser.run(start, browser.page)
    cid = await nurse_takes(nurse)
    for n in range(5):
        await nurse.send(type="send", conversation_id=cid, client_msg_id=f"a{n}", text=f"Rivi {n}")

    def client_writes(page: Any) -> dict[str, int]:
        page.wait_for_selector("#lines li.staff >> nth=4")
        for n in range(3):
            page.fill("#text", f"Vastaus {n}")
            page.press("#text", "Enter")
        page.wait_for_function("() => !document.querySelector('#lines li.pending')")
        page.wait_for_timeout(300)
        counts: dict[str, int] = page.evaluate(
            "() => ({added: window.liveAdded, removed: window.liveRemoved,"
            " items: document.querySelectorAll('#lines li').length})"
        )
        return counts

    counts = await browser.run(client_writes, browser.page)
    # Five lines from her, three from the client: eight additions, nothing re-rendered.
    assert counts == {"added": 8, "removed": 0, "items": 8}
    await nurse.send(type="close", conversation_id=cid, outcome="one_contact")
    await nurse.close()


async def test_keyboard_only_from_topic_to_sent_message_with_a_visible_focus(
    backend: BackendProcess, browser: Browser
) -> None:
    nurse = await staff(backend.ws, "hoitaja")

    def tab_to(page: Any, selector: str) -> dict[str, Any]:
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches({selector!r})"):
                return dict(
                    page.evaluate(
                        """() => { const s = getComputedStyle(document.activeElement);
                        return {width: parseFloat(s.outlineWidth), colour: s.outlineColor,
                                style: s.outlineStyle}; }"""
                    )
                )
        raise AssertionError(f"Tab never reached {selector}")

    def by_keyboard(page: Any) -> list[dict[str, Any]]:
        # Leave a message first (mental health has nobody Ready, so it is offered) ...
        page.goto(backend.http + "/?lang=fi")
        page.wait_for_selector("#message:not([hidden])")
        rings = [tab_to(page, "#msg-queue")]
        page.keyboard.press("End")  # the last topic offered: mental health
        rings.append(tab_to(page, "#msg-number"))
        page.keyboard.type("050 111 2233")
        rings.append(tab_to(page, "#msg-text"))
        page.keyboard.type("Soittakaa iltapäivällä")
        rings.append(tab_to(page, "#msg-send"))
        page.keyboard.press("Enter")
        page.wait_for_selector("#msg-done >> text=Soittopyyntösi on tallennettu")
        # ... then a chat, from the topic to a sent line.
        page.goto(backend.http + "/?lang=fi")
        page.wait_for_selector("#queues label")
        rings.append(tab_to(page, "input[name=queue]"))
        page.keyboard.press("Space")
        rings.append(tab_to(page, "#start-button"))
        page.keyboard.press("Enter")
        page.wait_for_selector("#chat:not([hidden])")
        page.wait_for_function("() => document.activeElement.id === 'text'")
        page.keyboard.type("Kirjoitin tämän näppäimistöllä.")
        page.keyboard.press("Enter")
        page.wait_for_selector("#lines li.client:not(.pending)")
        rings.append(tab_to(page, "#leave"))
        return rings

    rings = await browser.run(by_keyboard, browser.page)
    cid = await nurse_takes(nurse)
    await nurse.send(type="close", conversation_id=cid, outcome="one_contact")
    await nurse.close()
    assert len(rings) == 7
    assert backend.query("SELECT queue, number FROM callbacks WHERE number = '+358501112233'") == [
        ("mipa", "+358501112233")
    ]
    for ring in rings:
        assert ring["style"] == "solid" and ring["width"] >= 3
        rgb = [int(x) for x in ring["colour"].strip("rgba()").split(",")[:3]]
        hexed = "#" + "".join(f"{c:02x}" for c in rgb)
        # WCAG 1.4.11: the focus ring at least 3:1 against the white card and the page.
        assert contrast(hexed, "#ffffff") >= 3 and contrast(hexed, "#f5f7f9") >= 3


async def test_language_from_the_link_then_the_device_then_the_browser(
    backend: BackendProcess, browser: Browser
) -> None:
    def title_in(locale: str, path: str = "/", page: Any = None) -> tuple[Any, str]:
        page = page or browser.new_page(locale=locale)
        page.goto(backend.http + path)
        page.wait_for_selector("#queues label")
        return page, str(page.inner_text("h1")) + "|" + str(
            page.evaluate("document.documentElement.lang")
        )

    def languages() -> dict[str, str]:
        swedish, seen_sv = title_in("sv-FI")
        _, link_en = title_in("sv-FI", "/?lang=en", swedish)
        _, remembered = title_in("sv-FI", "/", swedish)  # the choice stays on this device
        swedish.context.close()
        english, seen_en = title_in("en-GB")
        english.context.close()
        german, fallback = title_in("de-DE")
        german.context.close()
        return {
            "browser_sv": seen_sv,
            "link_en": link_en,
            "remembered": remembered,
            "browser_en": seen_en,
            "fallback": fallback,
        }

    seen = await browser.run(languages)
    assert seen == {
        "browser_sv": "Rådgivningstjänstens chatt|sv",
        "link_en": "Health advice chat|en",
        "remembered": "Health advice chat|en",
        "browser_en": "Health advice chat|en",
        "fallback": "Neuvontapalvelun chat|fi",
    }


async def test_cues_only_while_the_page_is_hidden_and_the_draft_survives_a_drop(
    backend: BackendProcess, browser: Browser
) -> None:
    nurse = await staff(backend.ws, "hoitaja", ready=False)
    pages: dict[str, Any] = {}

    def queue_and_look_away() -> dict[str, Any]:
        page = browser.new_page(locale="fi-FI")
        page.context.grant_permissions(["notifications"], origin=backend.http)
        # Records what the page asks the browser to notify (the pop-up itself is the
        # desktop's, not ours to see here). Headless Chromium keeps every tab visible, so
        # the tab switch is played by the page's visibility (the same event a switch fires).
        page.add_init_script(
            """(() => { window.shownNotes = []; const Real = window.Notification;
            function Recorded(title, options) {
                window.shownNotes.push(options.body); return new Real(title, options); }
            Object.defineProperty(Recorded, 'permission', {get: () => Real.permission});
            Recorded.requestPermission = () => Real.requestPermission();
            window.Notification = Recorded;
            let hidden = false;
            Object.defineProperty(Document.prototype, 'hidden', {get: () => hidden});
            Object.defineProperty(Document.prototype, 'visibilityState',
                {get: () => hidden ? 'hidden' : 'visible'});
            window.switchTab = (away) => {
                hidden = away; document.dispatchEvent(new Event('visibilitychange')); };
            })();"""
        )
        page.goto(backend.http + "/")
        page.check("input[name=queue][value=neuvola]")
        page.click("#start-button")
        page.wait_for_selector("#notify")
        page.click("#notify")
        page.type("#text", "Keskeneräinen viesti")
        page.evaluate("() => switchTab(true)")
        pages["page"] = page
        return {"pressed": page.get_attribute("#notify", "aria-pressed"), "title": page.title()}

    before = await browser.run(queue_and_look_away)
    assert before == {"pressed": "true", "title": "Neuvontapalvelun chat"}
    await nurse.send(type="set_status", status="ready")
    cid = await nurse_takes(nurse)

    def cue_seen() -> dict[str, Any]:
        page = pages["page"]
        page.wait_for_function("() => document.title.startsWith('(1)')")
        seen = {"title": page.title(), "notes": page.evaluate("window.shownNotes")}
        page.evaluate("() => switchTab(false)")
        page.wait_for_function("() => !document.title.startsWith('(')")
        seen["back"] = page.title()
        return seen

    seen = await browser.run(cue_seen)
    assert seen == {
        "title": "(1) Ammattilainen vastasi – Neuvontapalvelun chat",
        "notes": ["Ammattilainen vastasi"],
        "back": "Neuvontapalvelun chat",
    }

    # In front: a new line is no cue.
    await nurse.send(type="send", conversation_id=cid, client_msg_id="c1", text="Hei!")

    def quiet_then_drop() -> dict[str, Any]:
        page = pages["page"]
        page.wait_for_selector("#lines li.staff")
        seen = {"title": page.title(), "notes": page.evaluate("window.shownNotes.length")}
        # The connection drops: the typed text stays, through the reconnect and a reload.
        page.evaluate("ws.close()")
        page.wait_for_selector("#chat-state >> text=Yhteys katkesi")
        page.wait_for_selector("#chat-state >> text=Hanna on liittynyt")
        seen["after_reconnect"] = page.input_value("#text")
        page.reload()
        page.wait_for_selector("#chat:not([hidden])")
        seen["after_reload"] = page.input_value("#text")
        page.context.close()
        return seen

    seen = await browser.run(quiet_then_drop)
    assert seen == {
        "title": "Neuvontapalvelun chat",
        "notes": 1,
        "after_reconnect": "Keskeneräinen viesti",
        "after_reload": "Keskeneräinen viesti",
    }
    await nurse.send(type="close", conversation_id=cid, outcome="one_contact")
    await nurse.close()


async def test_continue_in_chat_starts_the_chat_with_the_description(
    backend: BackendProcess, browser: Browser
) -> None:
    def continue_in_chat(page: Any) -> dict[str, Any]:
        page.goto(backend.http + "/?lang=fi")
        page.wait_for_selector("#message:not([hidden])")
        # Mental health: open, nobody answering just now, so the form is offered.
        page.select_option("#msg-queue", "mipa")
        page.check("#how-chat")
        seen = {
            "number_hidden": page.is_hidden("#msg-number"),
            "button": page.inner_text("#msg-send"),
        }
        page.click("#msg-send")
        seen["refused"] = page.inner_text("#msg-text-error")
        page.fill("#msg-text", "Ahdistaa, haluaisin jutella jonkun kanssa")
        page.click("#msg-send")
        page.wait_for_selector("#chat:not([hidden])")
        page.wait_for_selector("#lines li.client:not(.pending)")
        seen["line"] = page.inner_text("#lines li.client")
        seen["state"] = page.inner_text("#chat-state")
        return seen

    seen = await browser.run(continue_in_chat, browser.page)
    assert seen["number_hidden"] and seen["button"] == "Aloita chat tällä viestillä"
    assert seen["refused"] == "Kerro lyhyesti, mitä asiasi koskee."
    assert "Ahdistaa, haluaisin jutella jonkun kanssa" in seen["line"]
    assert seen["state"].startswith("Olet seuraavana vuorossa.")
    # The professional who logs in for this topic gets it, with the line waiting.
    nurse = await staff(backend.ws, "psyk")
    cid = await nurse_takes(nurse)
    view = nurse.seen[-1]
    assert view["type"] == "conversation"
    assert view["conversation"]["lines"][0]["text"] == "Ahdistaa, haluaisin jutella jonkun kanssa"
    await nurse.send(type="close", conversation_id=cid, outcome="one_contact")
    await nurse.close()


async def test_the_page_says_what_is_true_in_each_language(
    backend: BackendProcess, browser: Browser, artifacts: str
) -> None:
    """The first in the queue is told she is next (never "number 1 … no queue"); the
    message card says why it is offered; a refused phone number marks its field once; the
    emergency numbers stay in view on a phone after the chat starts."""
    nurse = await staff(backend.ws, "hoitaja", ready=False)  # nobody Ready: she waits

    def starts(page: Any, lang: str) -> dict[str, Any]:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(backend.http + f"/?lang={lang}")
        page.wait_for_selector("#queues label")
        page.check("input[name=queue][value=neuvola]")
        # Open now: the card is the alternative to waiting, not "closed or long".
        page.select_option("#msg-queue", "neuvola")
        seen: dict[str, Any] = {"why": page.inner_text("#msg-why")}
        page.fill("#phone", "040 abc")
        page.click("#start-button")
        seen["phone_error"] = page.inner_text("#phone-error")
        seen["form_error"] = page.inner_text("#form-error")
        seen["invalid"] = page.get_attribute("#phone", "aria-invalid")
        seen["focused"] = page.evaluate("document.activeElement.id")
        seen["said"] = page.locator(f"text={seen['phone_error']}").count()
        seen["chat_hidden"] = page.is_hidden("#chat")
        page.fill("#phone", "040 123 4567")
        page.click("#start-button")
        page.wait_for_selector("#chat:not([hidden])")
        page.wait_for_function("document.getElementById('chat-state').textContent.length > 5")
        seen["state"] = page.inner_text("#chat-state")
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        box = page.locator(".emergency").bounding_box()
        seen["emergency"] = box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844
        page.screenshot(path=os.path.join(artifacts, f"webchat-next-phone-{lang}.png"))
        seen["axe"] = axe_violations(page)
        # She leaves the queue: the next language's client is first again.
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#leave")
        page.wait_for_selector("#ended:not([hidden])")
        page.evaluate("sessionStorage.clear()")
        return seen

    expected = {
        "fi": ("Olet seuraavana vuorossa.", "Etkö voi jäädä odottamaan"),
        "sv": ("Du är näst på tur.", "Kan du inte vänta i chatten?"),
        "en": ("You are next in the queue.", "Can't wait in the chat?"),
    }
    for lang, (state, why) in expected.items():
        seen = await browser.run(starts, browser.page, lang)
        assert seen["state"].startswith(state), seen
        assert "1" not in seen["state"] and "jonoa" not in seen["state"], seen
        assert seen["why"].startswith(why), seen
        assert seen["phone_error"] and not seen["form_error"], seen
        assert seen["invalid"] == "true" and seen["focused"] == "phone", seen
        assert seen["said"] == 1 and seen["chat_hidden"], seen  # once, and nothing sent
        assert seen["emergency"], seen
        assert seen["axe"] == [], seen["axe"]
    await nurse.close()


async def test_the_statement_names_the_organisation_as_a_name(
    backend: BackendProcess, browser: Browser
) -> None:
    def intro(page: Any) -> str:
        page.goto(backend.http + "/accessibility?lang=en")
        return str(page.inner_text("main"))

    text = await browser.run(intro, browser.page)
    assert "run by The " not in text and "Wellbeing services county" in text
