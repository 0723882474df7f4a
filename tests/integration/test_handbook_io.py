"""Import and export of the handbook as Markdown files, against a real SQLite file."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

from backend.handbook_io import export_folder, import_folder
from backend.store.handbook import HandbookStore
from backend.store.migrate import upgrade
from backend.store.repository import Store
from tests.helpers import fresh_database_url


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


async def test_import_export_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "source"
    (source / "Neuvola" / "Rokotukset").mkdir(parents=True)
    (source / "Neuvola" / "Rokotukset" / "kuva.png").write_bytes(tiny_png())
    (source / "Neuvola" / "Rokotukset" / "rokotusohjelma.md").write_text(
        "---\nqueues: [neuvola]\n---\n# Rokotusohjelma\n\n![kaavio](kuva.png)\n"
        "![ulkoinen](https://example.org/x.png)\n\nÄÖÅ äöå\n",
        "utf-8",
    )
    (source / "Neuvola" / "rikki.md").write_text("---\nqueues: [\n---\nteksti\n", "utf-8")
    (source / "vastaus.md").write_text(
        "---\nkind: quick_reply\ntitle: Hei\n---\nHei {first_name}!\n", "utf-8"
    )
    url = fresh_database_url(tmp_path)
    upgrade(url)
    store = Store(url)
    handbook = HandbookStore(store)
    try:
        result = await import_folder(handbook, source, "it-admin")
        assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
        assert any("rikki.md" in p for p in result.problems)
        page = await handbook.page("rokotusohjelma")
        assert page is not None
        assert (page.title, page.area, page.queues, page.updated_by) == (
            "Rokotusohjelma",
            "Neuvola/Rokotukset",
            "neuvola",
            "it-admin",
        )
        embedded = "data:image/png;base64," + base64.b64encode(tiny_png()).decode()
        assert embedded in page.body and "https://example.org/x.png" in page.body
        reply = await handbook.page("vastaus")
        assert reply is not None and reply.kind == "quick_reply" and reply.area == "Yleiset"

        again = await import_folder(handbook, source, "it-admin")
        assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

        out = tmp_path / "export"
        assert await export_folder(handbook, out) == 2
        exported = (out / "Neuvola" / "Rokotukset" / "rokotusohjelma.md").read_text("utf-8")
        assert "title: Rokotusohjelma" in exported and "ÄÖÅ äöå" in exported
        # What was exported imports back unchanged.
        third = await import_folder(handbook, out, "it-admin")
        assert (third.created, third.updated) == (0, 0)
    finally:
        await store.close()


async def test_a_quick_reply_keeps_its_language_through_import_and_export(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "hej.md").write_text(
        "---\nkind: quick_reply\ntitle: Hej\nlang: sv\n---\nHej {first_name}!\n", "utf-8"
    )
    (source / "vaara.md").write_text(
        "---\nkind: quick_reply\ntitle: Väärä\nlang: de\n---\nHallo\n", "utf-8"
    )
    url = fresh_database_url(tmp_path)
    upgrade(url)
    store = Store(url)
    handbook = HandbookStore(store)
    try:
        result = await import_folder(handbook, source, "it-admin")
        assert any("vaara.md: lang must be" in p for p in result.problems)
        hej = await handbook.page("hej")
        assert hej is not None and hej.lang == "sv"
        wrong = await handbook.page("vaara")
        assert wrong is not None and wrong.lang == ""  # imported, for any language
        out = tmp_path / "export"
        await export_folder(handbook, out)
        assert "lang: sv" in (out / "Yleiset" / "hej.md").read_text("utf-8")
        again = await import_folder(handbook, out, "it-admin")
        assert again.updated == 0
    finally:
        await store.close()
