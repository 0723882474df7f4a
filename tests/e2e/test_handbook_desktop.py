"""The handbook in the desktop, against a real backend seeded with the demo handbook."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextTable
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.ui.handbook_edit import EditorDialog, HistoryDialog
from desktop.ui.main_window import MainWindow
from protocol.messages import StaffStatus
from tests.e2e.workstation import until, workstation
from tests.helpers import BackendProcess, Peer, running_backend, staff

pytestmark = [pytest.mark.e2e, pytest.mark.qt]

UNTRUSTED = """# Testisivu

<script>alert('x')</script>

![kuva](http://127.0.0.1:9/evil.png)

[ulkoinen](https://example.org/ohje) ja [sisäinen](hoidon-tarpeen-arviointi)
"""


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    with running_backend(tmp_path_factory.mktemp("handbook-desktop")) as b:
        yield b


def tables(window: MainWindow) -> int:
    doc = window.handbook.browser.document()
    frames = doc.rootFrame().childFrames()
    return sum(isinstance(f, QTextTable) for f in frames)


async def test_search_read_notices_and_untrusted_pages(
    qtbot: QtBot, backend: BackendProcess, artifacts: str
) -> None:
    window, connection = await workstation(qtbot, backend, "hoitaja")
    assert window.sections.tabText(1) == "Käsikirja (5)"  # five pages, none read yet
    assert window.handbook.edit_button.isHidden()  # not an editor

    # Ctrl+K from the work queue: search an inflected word, Enter opens the first hit.
    window.search_shortcut.activated.emit()
    assert window.sections.currentWidget() is window.handbook
    assert window.handbook.search.hasFocus() or QApplication.focusWidget() is window.handbook.search
    window.handbook.search.setText("ajanvarauksen")
    await until(lambda: window.handbook.results.count() > 0, what="search results")
    assert "Ajanvaraus lastenneuvolaan" in window.handbook.results.item(0).text()
    window.handbook.search.returnPressed.emit()
    await until(lambda: window.handbook.title.text() == "Ajanvaraus lastenneuvolaan", what="page")
    text = window.handbook.browser.toPlainText()
    assert "laaja terveystarkastus" in text and "Määräaikaistarkastukset" in text
    assert tables(window) == 1
    await until(lambda: window.sections.tabText(1) == "Käsikirja (4)", what="unread count")
    window.grab().save(os.path.join(artifacts, "handbook-page.png"))

    # An editor saves an untrusted page, marked important: the nurse hears of it at once.
    editor = await staff(backend.ws, "hoitaja2", ready=False)
    await editor.send(
        type="handbook_save",
        page_id="testisivu",
        base_version=0,
        area="Testit",
        title="Testisivu",
        body=UNTRUSTED,
        important=True,
        summary="testi",
    )
    await editor.expect("handbook_saved")
    await until(lambda: "Testisivu" in window.statusBar().currentMessage(), what="notice")
    await until(lambda: window.sections.tabText(1) == "Käsikirja (5)", what="unread +1")

    window.handbook.open_page("testisivu")
    await until(lambda: window.handbook.title.text() == "Testisivu", what="untrusted page")
    browser = window.handbook.browser
    assert "<script>" not in browser.toHtml()  # no HTML passes through as markup
    assert any("127.0.0.1:9/evil.png" in b for b in browser.blocked)  # remote image not loaded
    asked: list[str] = []
    opened: list[QUrl] = []
    browser.confirm_external = lambda address: asked.append(address) or False
    browser.open_external = opened.append
    browser.anchorClicked.emit(QUrl("https://example.org/ohje"))
    assert asked == ["https://example.org/ohje"] and opened == []  # she said no
    browser.confirm_external = lambda address: True
    browser.anchorClicked.emit(QUrl("https://example.org/ohje"))
    assert [u.toString() for u in opened] == ["https://example.org/ohje"]
    browser.anchorClicked.emit(QUrl("hoidon-tarpeen-arviointi"))
    await until(
        lambda: window.handbook.title.text() == "Hoidon tarpeen arviointi (HTA)",
        what="internal link",
    )

    # A page she has read changes: the page says so when she opens it again.
    await editor.send(
        type="handbook_save",
        page_id="testisivu",
        base_version=1,
        area="Testit",
        title="Testisivu",
        body=UNTRUSTED + "\nLisäys.",
        summary="lisäys",
    )
    await editor.expect("handbook_saved")
    await until(
        lambda: any(p.id == "testisivu" and p.unread for p in connection.state.handbook.pages),
        what="unread again",
    )
    window.handbook.open_page("testisivu")
    await until(lambda: "Lisäys." in window.handbook.browser.toPlainText(), what="v2")
    assert window.handbook.changed.isVisible()
    await editor.close()
    await connection.stop()


async def test_quick_reply_fills_placeholders(qtbot: QtBot, backend: BackendProcess) -> None:
    window, connection = await workstation(qtbot, backend, "hoitaja")
    await connection.set_status(StaffStatus.READY)
    client = await Peer.connect(backend.ws + "/ws/client")
    await client.send(type="start", queue="neuvola")
    await client.expect("started")
    await until(lambda: connection.state.offers, what="offer")
    await connection.accept(next(iter(connection.state.offers)))
    await until(lambda: window.panels, what="chat tab")
    panel = next(iter(window.panels.values()))
    titles = [panel.quick_replies.itemText(i) for i in range(panel.quick_replies.count())]
    # A Finnish-speaking client: the Swedish greeting is offered last.
    assert titles[1:] == ["Soittopyyntö jätetty", "Tervehdys", "Hälsning (sv)"]
    panel.quick_replies.activated.emit(2)
    assert panel.input.toPlainText() == "Hei, olen Hanna neuvontapalvelusta. Miten voin auttaa?"
    panel.input.clear()
    panel.quick_replies.activated.emit(1)
    assert "09 310 12345 arkisin klo 8–15" in panel.input.toPlainText()
    menu = [a.text() for a in panel.handbook_menu.actions()]
    assert (
        "Ajanvaraus lastenneuvolaan" in menu
        and "Ohjaus mielenterveys- ja päihdepalveluihin" not in menu
    )
    await client.close()
    await connection.stop()


async def test_editor_preview_save_and_conflict(qtbot: QtBot, backend: BackendProcess) -> None:
    window, connection = await workstation(qtbot, backend, "hoitaja2")
    window.handbook.open_page("ehkaisyneuvonta")
    await until(
        lambda: window.handbook.title.text() == "Ehkäisyneuvonta ja jälkiehkäisy", what="page"
    )
    assert not window.handbook.edit_button.isHidden()
    version = connection.state.handbook.page.page.version  # type: ignore[union-attr]
    window.handbook.edit_button.click()
    dialog: EditorDialog = window.handbook.editors()[0]  # type: ignore[assignment]
    dialog.body.appendPlainText("\n| Menetelmä | Kesto |\n| --- | --- |\n| Kierukka | 5 v |")
    await until(lambda: "Kierukka" in dialog.preview.toPlainText(), what="live preview")
    dialog.summary.setText("kierukka lisätty")
    dialog.save_button.click()
    await until(lambda: not window.handbook.editors(), what="saved and closed")
    await until(
        lambda: (
            connection.state.handbook.page is not None
            and connection.state.handbook.page.page.version == version + 1
        ),
        what="new version",
    )

    # Someone else saves while she edits: her save is refused and her text stays.
    window.handbook.edit_button.click()
    dialog = window.handbook.editors()[0]  # type: ignore[assignment]
    dialog.body.setPlainText("Minun versioni")
    other = await staff(backend.ws, "esihenkilo", ready=False)
    await other.send(
        type="handbook_save",
        page_id="ehkaisyneuvonta",
        base_version=version + 1,
        area="Äitiysneuvola ja ehkäisy",
        title="Ehkäisyneuvonta ja jälkiehkäisy",
        body="Toisen versio",
    )
    await other.expect("handbook_saved")
    dialog.save_button.click()
    await until(
        lambda: "Someone else" in dialog.error.text() or "joku muu" in dialog.error.text().lower(),
        what="conflict shown",
    )
    assert dialog.isVisible() and dialog.body.toPlainText() == "Minun versioni"
    dialog.reject()
    await other.close()
    await connection.stop()
    assert isinstance(window, MainWindow)


async def test_important_change_is_announced_at_next_login(
    qtbot: QtBot, backend: BackendProcess
) -> None:
    editor = await staff(backend.ws, "esihenkilo", ready=False)
    await editor.send(type="handbook_open", page_id="hoidon-tarpeen-arviointi")
    page = (await editor.expect("handbook_page"))["page"]
    await editor.send(
        type="handbook_save",
        page_id=page["id"],
        base_version=page["version"],
        area=page["area"],
        title=page["title"],
        body=page["body"] + "\nUusi ohje.",
        important=True,
        summary="uusi ohje",
    )
    await editor.expect("handbook_saved")
    await editor.close()
    window, connection = await workstation(qtbot, backend, "sihteeri")
    await until(
        lambda: any(
            box.objectName() == "handbookNotice" and box.isVisible()
            for box in window.findChildren(QMessageBox)
        ),
        what="notice",
    )
    box = next(b for b in window.findChildren(QMessageBox) if b.objectName() == "handbookNotice")
    assert "Hoidon tarpeen arviointi (HTA)" in box.text()
    await connection.stop()


async def test_history_view_and_restore(qtbot: QtBot, backend: BackendProcess) -> None:
    window, connection = await workstation(qtbot, backend, "hoitaja2")
    window.handbook.open_page("ohjaus-sosiaalipalveluihin")
    await until(lambda: window.handbook.title.text() == "Ohjaus sosiaalipalveluihin", what="page")
    original = connection.state.handbook.page.page  # type: ignore[union-attr]
    editor = await staff(backend.ws, "esihenkilo", ready=False)
    await editor.send(
        type="handbook_save",
        page_id=original.id,
        base_version=original.version,
        area=original.area,
        title=original.title,
        body="Väärä muutos.",
        summary="vahinko",
    )
    await editor.expect("handbook_saved")
    await editor.close()
    await until(lambda: "Väärä muutos." in window.handbook.browser.toPlainText(), what="reload")

    window.handbook.history_button.click()
    dialog = next(d for d in window.handbook.editors() if isinstance(d, HistoryDialog))
    await until(lambda: dialog.versions.count() == 2, what="two versions listed")
    assert "vahinko" in dialog.versions.item(0).text()
    dialog.versions.setCurrentRow(1)  # the original
    await until(lambda: "suostumuksella" in dialog.preview.toPlainText(), what="old version")
    dialog.restore_button.click()
    await until(
        lambda: (
            "suostumuksella" in window.handbook.browser.toPlainText()
            and connection.state.handbook.page is not None
            and connection.state.handbook.page.page.version == original.version + 2
        ),
        what="restored as a new version",
    )
    await connection.stop()
