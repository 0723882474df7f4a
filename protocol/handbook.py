"""The operating handbook: pages, search, editing, versions, notices of changes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from protocol.base import MAX_INT, MAX_PAGE_CHARS, Frame, Ident, PageLang

PageId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$")]


PageKind = Literal["page", "quick_reply"]


class HandbookIndexRequest(Frame):
    type: Literal["handbook_index"] = "handbook_index"


class HandbookOpen(Frame):
    type: Literal["handbook_open"] = "handbook_open"
    page_id: PageId


class HandbookSearch(Frame):
    type: Literal["handbook_search"] = "handbook_search"
    query: Annotated[str, Field(max_length=200)]
    request_id: int = Field(default=0, ge=0, le=MAX_INT)


class HandbookSave(Frame):
    """A new version; ``base_version`` is the version the editor started from (0: new)."""

    type: Literal["handbook_save"] = "handbook_save"
    page_id: PageId
    base_version: int = Field(ge=0, le=MAX_INT)
    kind: PageKind = "page"
    area: Annotated[str, Field(min_length=1, max_length=200)]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    body: Annotated[str, Field(max_length=MAX_PAGE_CHARS)]
    queues: list[Ident] = []
    summary: Annotated[str, Field(max_length=300)] = ""
    important: bool = False
    lang: PageLang = ""


class HandbookHistoryRequest(Frame):
    type: Literal["handbook_history"] = "handbook_history"
    page_id: PageId


class HandbookVersionRequest(Frame):
    type: Literal["handbook_version"] = "handbook_version"
    page_id: PageId
    version: int = Field(ge=1, le=MAX_INT)


class HandbookRestore(Frame):
    type: Literal["handbook_restore"] = "handbook_restore"
    page_id: PageId
    version: int = Field(ge=1, le=MAX_INT)
    base_version: int = Field(ge=1, le=MAX_INT)


class HandbookSummary(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    kind: PageKind
    area: str
    title: str
    version: int
    queues: list[str]
    important: bool
    # Changed since she last opened it (or never opened).
    unread: bool
    # Quick replies carry their text here, so inserting one needs no round trip.
    body: str | None = None
    lang: PageLang = ""


class HandbookPageView(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    kind: PageKind
    area: str
    title: str
    body: str
    version: int
    queues: list[str]
    important: bool
    updated_at: datetime
    updated_by: str
    lang: PageLang = ""


class HandbookVersionInfo(BaseModel):
    model_config = ConfigDict(frozen=True)
    version: int
    author: str
    at: datetime
    summary: str
    important: bool


class ToStaffHandbookIndex(Frame):
    type: Literal["handbook_index"] = "handbook_index"
    pages: list[HandbookSummary]


class ToStaffHandbookPage(Frame):
    type: Literal["handbook_page"] = "handbook_page"
    page: HandbookPageView
    # The version she had read before this opening (None: never): "changed since" notice.
    read_before: int | None


class ToStaffHandbookResults(Frame):
    type: Literal["handbook_results"] = "handbook_results"
    request_id: int
    query: str
    hits: list[HandbookSummary]


class ToStaffHandbookHistory(Frame):
    type: Literal["handbook_history"] = "handbook_history"
    page_id: str
    versions: list[HandbookVersionInfo]


class ToStaffHandbookVersion(Frame):
    type: Literal["handbook_version"] = "handbook_version"
    page_id: str
    version: int
    title: str
    body: str


class ToStaffHandbookSaved(Frame):
    type: Literal["handbook_saved"] = "handbook_saved"
    page_id: str
    version: int


class ToStaffHandbookChanged(Frame):
    """Pushed to everyone when a page changes."""

    type: Literal["handbook_changed"] = "handbook_changed"
    page_id: str
    title: str
    version: int
    important: bool
    author: str
    # The page's new index entry (unread for everyone until they open it): desktops update
    # their index from this instead of each fetching the whole index again.
    page: HandbookSummary
