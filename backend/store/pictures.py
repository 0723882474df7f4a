"""Pictures in conversations: the picture and the chat line that shows it, stored together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.domain.pictures import CleanPicture, PictureRefused
from backend.store.lines import StoredLine, add_line
from backend.store.repository import Store
from backend.store.tables import Picture


@dataclass(frozen=True)
class PictureMeta:
    id: int
    conversation_id: str
    width: int
    height: int
    size: int
    thumb: bytes


class PictureStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def add(
        self,
        conversation_id: str,
        picture: CleanPicture,
        at: datetime,
        author_name: str | None,
        limit: int | None = None,
    ) -> tuple[PictureMeta, StoredLine]:
        """Store the picture and its line; past ``limit`` pictures in the conversation,
        PictureRefused("too_many"), counted in the same transaction as the insert so
        that uploads at once cannot all slip under it."""

        def write(s: Session) -> tuple[PictureMeta, StoredLine]:
            if limit is not None and _count(s, conversation_id) >= limit:
                raise PictureRefused("too_many", f"at most {limit} pictures a conversation")
            row = Picture(
                conversation_id=conversation_id,
                mime=picture.mime,
                width=picture.width,
                height=picture.height,
                data=picture.data,
                thumb=picture.thumb,
                at=at,
            )
            s.add(row)
            s.flush()
            line = add_line(
                s,
                conversation_id,
                author="client",
                author_name=author_name,
                text="",
                at=at,
                kind="picture",
                picture_id=row.id,
            )
            meta = PictureMeta(
                row.id,
                conversation_id,
                picture.width,
                picture.height,
                len(picture.data),
                picture.thumb,
            )
            return meta, line

        return await self.store.transaction(write)

    async def count(self, conversation_id: str) -> int:
        return await self.store.query(lambda s: _count(s, conversation_id))

    async def meta(self, conversation_id: str) -> dict[int, PictureMeta]:
        def read(s: Session) -> dict[int, PictureMeta]:
            rows = s.execute(
                select(
                    Picture.id,
                    Picture.conversation_id,
                    Picture.width,
                    Picture.height,
                    func.length(Picture.data),
                    Picture.thumb,
                ).where(Picture.conversation_id == conversation_id)
            )
            return {r[0]: PictureMeta(r[0], r[1], r[2], r[3], int(r[4]), r[5]) for r in rows}

        return await self.store.query(read)

    async def get(self, picture_id: int) -> Picture | None:
        def read(s: Session) -> Picture | None:
            row = s.get(Picture, picture_id)
            if row is not None:
                s.expunge(row)
            return row

        return await self.store.query(read)


def _count(s: Session, conversation_id: str) -> int:
    query = select(func.count()).select_from(Picture)
    return int(s.scalar(query.where(Picture.conversation_id == conversation_id)) or 0)
