"""The operating handbook on the staff socket: browse, search, edit with versions, notices.

Every staff member may read; only editors (``handbook_editor``, or a supervisor) write,
checked here on every write path. A save is pushed to everyone as ``handbook_changed``, so
each desktop can show "changed since you last read" without polling.
"""

from __future__ import annotations

import logging

from backend.centre.outbox import Outbox
from backend.centre.records import Online
from backend.centre.service import Service
from backend.domain.text_search import query_terms
from backend.store.handbook import Conflict, HandbookStore, PageDraft
from backend.store.tables import HandbookPage
from protocol.messages import (
    ErrorCode,
    HandbookHistoryRequest,
    HandbookOpen,
    HandbookPageView,
    HandbookRestore,
    HandbookSave,
    HandbookSearch,
    HandbookSummary,
    HandbookVersionInfo,
    HandbookVersionRequest,
    PageLang,
    ProtocolError,
    StaffProfile,
    ToStaffHandbookChanged,
    ToStaffHandbookHistory,
    ToStaffHandbookIndex,
    ToStaffHandbookPage,
    ToStaffHandbookResults,
    ToStaffHandbookSaved,
    ToStaffHandbookVersion,
)

log = logging.getLogger("luukku.handbook")


def can_edit(profile: StaffProfile) -> bool:
    return profile.handbook_editor or profile.role == "supervisor"


def _queues(row: HandbookPage) -> list[str]:
    return [q for q in row.queues.split(",") if q]


def summary(row: HandbookPage, read: int | None) -> HandbookSummary:
    return HandbookSummary(
        id=row.id,
        kind="quick_reply" if row.kind == "quick_reply" else "page",
        area=row.area,
        title=row.title,
        version=row.version,
        queues=_queues(row),
        important=row.important,
        unread=read is None or read < row.version,
        body=row.body if row.kind == "quick_reply" else None,
        lang=page_lang(row.lang),
    )


def page_lang(code: str) -> PageLang:
    return "fi" if code == "fi" else "sv" if code == "sv" else "en" if code == "en" else ""


class Handbook:
    def __init__(
        self, service: Service, online: Online, outbox: Outbox, store: HandbookStore
    ) -> None:
        self.service = service
        self.online = online
        self.outbox = outbox
        self.store = store

    async def index(self, username: str) -> None:
        reads = await self.store.reads(username)
        pages = [summary(row, reads.get(row.id)) for row in await self.store.pages()]
        await self.outbox.send_staff(username, ToStaffHandbookIndex(pages=pages))

    async def open(self, username: str, frame: HandbookOpen) -> None:
        row = await self.store.page(frame.page_id)
        if row is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such page", ref=frame.page_id)
        before = await self.store.mark_read(username, row.id, row.version, self.service.clock())
        page = HandbookPageView(
            id=row.id,
            kind="quick_reply" if row.kind == "quick_reply" else "page",
            area=row.area,
            title=row.title,
            body=row.body,
            version=row.version,
            queues=_queues(row),
            important=row.important,
            updated_at=row.updated_at,
            updated_by=row.updated_by,
            lang=page_lang(row.lang),
        )
        await self.outbox.send_staff(username, ToStaffHandbookPage(page=page, read_before=before))

    async def search(self, username: str, frame: HandbookSearch) -> None:
        reads = await self.store.reads(username)
        rows = await self.store.search(query_terms(frame.query))
        await self.outbox.send_staff(
            username,
            ToStaffHandbookResults(
                request_id=frame.request_id,
                query=frame.query,
                hits=[summary(r, reads.get(r.id)) for r in rows],
            ),
        )

    def _editor(self, username: str) -> StaffProfile:
        profile = self.online.profiles[username]
        if not can_edit(profile):
            raise ProtocolError(ErrorCode.FORBIDDEN, "only handbook editors may change pages")
        return profile

    async def save(self, username: str, frame: HandbookSave) -> None:
        self._editor(username)
        queues = [q for q in frame.queues if self.service.config.queue(q) is not None]
        draft = PageDraft(
            frame.page_id,
            frame.kind,
            frame.area.strip(" /"),
            frame.title.strip(),
            frame.body,
            ",".join(queues),
            frame.lang,
        )
        await self._store(username, draft, frame.base_version, frame.summary, frame.important)

    async def restore(self, username: str, frame: HandbookRestore) -> None:
        self._editor(username)
        old = await self.store.version(frame.page_id, frame.version)
        if old is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such version", ref=frame.page_id)
        draft = PageDraft(
            old.page_id, old.kind, old.area, old.title, old.body, old.queues, old.lang
        )
        await self._store(
            username, draft, frame.base_version, f"restored version {frame.version}", False
        )

    async def _store(
        self, username: str, draft: PageDraft, base: int, note: str, important: bool
    ) -> None:
        try:
            version = await self.store.save(
                draft, base, username, note, important, self.service.clock()
            )
        except Conflict as exc:
            raise ProtocolError(
                ErrorCode.CONFLICT,
                f"someone saved this page meanwhile (now version {exc.current}); "
                "reload it and apply your change again",
                ref=draft.id,
            ) from exc
        log.info("handbook page %s version %d saved by %s", draft.id, version, username)
        await self.outbox.send_staff(
            username, ToStaffHandbookSaved(page_id=draft.id, version=version)
        )
        entry = HandbookSummary(
            id=draft.id,
            kind="quick_reply" if draft.kind == "quick_reply" else "page",
            area=draft.area,
            title=draft.title,
            version=version,
            queues=[q for q in draft.queues.split(",") if q],
            important=important,
            unread=True,
            body=draft.body if draft.kind == "quick_reply" else None,
            lang=page_lang(draft.lang),
        )
        changed = ToStaffHandbookChanged(
            page_id=draft.id,
            title=draft.title,
            version=version,
            important=important,
            author=username,
            page=entry,
        )
        self.outbox.send_all_staff(changed)

    async def history(self, username: str, frame: HandbookHistoryRequest) -> None:
        rows = await self.store.history(frame.page_id)
        await self.outbox.send_staff(
            username,
            ToStaffHandbookHistory(
                page_id=frame.page_id,
                versions=[
                    HandbookVersionInfo(
                        version=r.version,
                        author=r.author,
                        at=r.at,
                        summary=r.summary,
                        important=r.important,
                    )
                    for r in rows
                ],
            ),
        )

    async def version(self, username: str, frame: HandbookVersionRequest) -> None:
        row = await self.store.version(frame.page_id, frame.version)
        if row is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "no such version", ref=frame.page_id)
        await self.outbox.send_staff(
            username,
            ToStaffHandbookVersion(
                page_id=row.page_id, version=row.version, title=row.title, body=row.body
            ),
        )
