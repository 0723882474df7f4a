"""The handbook as a tree of areas (from "Lastenneuvola/Ajanvaraus" paths). No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

from protocol.messages import HandbookSummary


@dataclass
class Area:
    name: str
    areas: dict[str, Area] = field(default_factory=dict)
    pages: list[HandbookSummary] = field(default_factory=list)

    @property
    def unread(self) -> int:
        """Unread pages below; quick replies are snippets, not reading, and never count."""
        own = sum(1 for p in self.pages if p.unread and p.kind == "page")
        return own + sum(a.unread for a in self.areas.values())


def build(pages: list[HandbookSummary]) -> Area:
    root = Area("")
    for page in sorted(pages, key=lambda p: (p.area.lower(), p.title.lower())):
        node = root
        for part in (p for p in page.area.split("/") if p):
            node = node.areas.setdefault(part, Area(part))
        node.pages.append(page)
    return root


def unread_count(pages: list[HandbookSummary]) -> int:
    return sum(1 for p in pages if p.unread and p.kind == "page")


def for_queue(
    pages: list[HandbookSummary], queue: str, kind: str, lang: str | None = None
) -> list[HandbookSummary]:
    """Pages (or quick replies) linked to a queue first, then the ones linked to none.

    With the client's ``lang``: those written in it first, then those for any language,
    then the rest (a Swedish-speaking client's nurse finds the Swedish reply at the top).
    """
    linked = [p for p in pages if p.kind == kind and queue in p.queues]
    general = [p for p in pages if p.kind == kind and not p.queues]
    found = linked + general
    if lang is None:
        return found
    # A stable sort: within each language, the queue's own still come first.
    return sorted(found, key=lambda p: 0 if p.lang == lang else 1 if not p.lang else 2)
