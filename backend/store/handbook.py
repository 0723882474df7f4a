"""Handbook storage: pages with versions, read marks, and the search index.

Full-text search: SQLite's FTS5 over stemmed text (``backend/domain/text_search.py``);
on PostgreSQL the same stems are matched with one ``LIKE`` a term (fine for a handbook
of a few thousand pages; a ``tsvector`` index is the upgrade path if it ever is not).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from backend.domain.text_search import fts5_query, index_text, stems
from backend.store.repository import Store
from backend.store.tables import HandbookPage, HandbookRead, HandbookVersion


class Conflict(Exception):
    """Saved on top of a version that is no longer the newest."""

    def __init__(self, current: int) -> None:
        super().__init__(f"the page is now at version {current}")
        self.current = current


@dataclass(frozen=True)
class PageDraft:
    id: str
    kind: str
    area: str
    title: str
    body: str
    queues: str
    lang: str = ""  # "": any language


class HandbookStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def pages(self) -> list[HandbookPage]:
        return await self.store.query(
            lambda s: list(
                s.scalars(select(HandbookPage).order_by(HandbookPage.area, HandbookPage.title))
            )
        )

    async def page(self, page_id: str) -> HandbookPage | None:
        return await self.store.query(lambda s: s.get(HandbookPage, page_id))

    async def reads(self, username: str) -> dict[str, int]:
        rows = await self.store.query(
            lambda s: list(
                s.execute(
                    select(HandbookRead.page_id, HandbookRead.version).where(
                        HandbookRead.username == username
                    )
                )
            )
        )
        return {page_id: version for page_id, version in rows}

    async def mark_read(
        self, username: str, page_id: str, version: int, at: datetime
    ) -> int | None:
        """Record the read; returns the version she had read before (None: never)."""

        def write(s: Session) -> int | None:
            row = s.get(HandbookRead, (username, page_id))
            before = None if row is None else row.version
            if row is None:
                s.add(HandbookRead(username=username, page_id=page_id, version=version, at=at))
            else:
                row.version, row.at = max(row.version, version), at
            return before

        return await self.store.transaction(write)

    async def save(
        self,
        draft: PageDraft,
        base_version: int,
        author: str,
        summary: str,
        important: bool,
        at: datetime,
    ) -> int:
        """Store a new version; ``base_version`` 0 creates the page. Raises Conflict."""

        def write(s: Session) -> int:
            current = s.get(HandbookPage, draft.id, with_for_update=True)
            current_version = 0 if current is None else current.version
            if current_version != base_version:
                raise Conflict(current_version)
            version = current_version + 1
            search = index_text(draft.title, draft.body)
            if current is None:
                next_fts = (s.scalar(select(func.max(HandbookPage.fts_id))) or 0) + 1
                current = HandbookPage(id=draft.id, fts_id=next_fts)
                s.add(current)
            current.kind, current.area, current.title = draft.kind, draft.area, draft.title
            current.body, current.queues, current.version = draft.body, draft.queues, version
            current.important, current.updated_at, current.updated_by = important, at, author
            current.lang = draft.lang
            current.search = search
            s.add(
                HandbookVersion(
                    page_id=draft.id,
                    version=version,
                    kind=draft.kind,
                    area=draft.area,
                    title=draft.title,
                    body=draft.body,
                    queues=draft.queues,
                    lang=draft.lang,
                    author=author,
                    at=at,
                    summary=summary,
                    important=important,
                )
            )
            if s.get_bind().dialect.name == "sqlite":
                s.execute(
                    text("DELETE FROM handbook_fts WHERE rowid = :row"), {"row": current.fts_id}
                )
                s.execute(
                    text(
                        "INSERT INTO handbook_fts (rowid, page_id, title, body) "
                        "VALUES (:row, :id, :title, :body)"
                    ),
                    {
                        "row": current.fts_id,
                        "id": draft.id,
                        "title": " ".join(stems(draft.title)),
                        "body": " ".join(stems(draft.body)),
                    },
                )
            return version

        return await self.store.transaction(write)

    async def history(self, page_id: str) -> list[HandbookVersion]:
        return await self.store.query(
            lambda s: list(
                s.scalars(
                    select(HandbookVersion)
                    .where(HandbookVersion.page_id == page_id)
                    .order_by(HandbookVersion.version.desc())
                )
            )
        )

    async def version(self, page_id: str, version: int) -> HandbookVersion | None:
        return await self.store.query(
            lambda s: s.scalar(
                select(HandbookVersion).where(
                    HandbookVersion.page_id == page_id, HandbookVersion.version == version
                )
            )
        )

    async def search(self, terms: list[str], limit: int = 30) -> list[HandbookPage]:
        if not terms:
            return []

        def read(s: Session) -> list[HandbookPage]:
            if s.get_bind().dialect.name == "sqlite":
                ids = [
                    row[0]
                    for row in s.execute(
                        # A hit in the title weighs ten times one in the body.
                        text(
                            "SELECT page_id FROM handbook_fts WHERE handbook_fts MATCH :q "
                            "ORDER BY bm25(handbook_fts, 0.0, 10.0, 1.0) LIMIT :limit"
                        ),
                        {"q": fts5_query(terms), "limit": limit},
                    )
                ]
                if not ids:
                    return []
                pages = {
                    p.id: p for p in s.scalars(select(HandbookPage).where(HandbookPage.id.in_(ids)))
                }
                return [pages[i] for i in ids if i in pages]
            query = select(HandbookPage)
            for term in terms[:-1]:
                query = query.where(func.concat(" ", HandbookPage.search, " ").like(f"% {term} %"))
            query = query.where(func.concat(" ", HandbookPage.search).like(f"% {terms[-1]}%"))
            found = list(s.scalars(query.order_by(HandbookPage.title).limit(limit)))

            def in_title(page: HandbookPage) -> int:
                title = set(stems(page.title))
                return -sum(1 for t in terms if any(w.startswith(t) for w in title))

            return sorted(found, key=in_title)

        return await self.store.query(read)
