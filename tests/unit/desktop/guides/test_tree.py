from __future__ import annotations

from desktop.guides.tree import build, for_queue, unread_count
from protocol.messages import HandbookSummary


def page(
    id_: str, area: str, unread: bool = False, kind: str = "page", queues: tuple[str, ...] = ()
) -> HandbookSummary:
    return HandbookSummary(
        id=id_,
        kind=kind,
        area=area,
        title=id_.title(),
        version=1,  # type: ignore[arg-type]
        queues=list(queues),
        important=False,
        unread=unread,
    )


def test_tree_and_counts() -> None:
    pages = [
        page("a", "Lastenneuvola/Ajanvaraus", unread=True),
        page("b", "Lastenneuvola"),
        page("c", "Mipä", unread=True),
        page("q", "Pikavastaukset", True, "quick_reply"),
    ]
    root = build(pages)
    assert sorted(root.areas) == ["Lastenneuvola", "Mipä", "Pikavastaukset"]
    assert [p.id for p in root.areas["Lastenneuvola"].areas["Ajanvaraus"].pages] == ["a"]
    assert root.areas["Lastenneuvola"].unread == 1
    assert root.areas["Pikavastaukset"].unread == 0
    assert unread_count(pages) == 2  # quick replies do not count as unread reading


def test_for_queue_puts_linked_first() -> None:
    pages = [
        page("general", "X"),
        page("mine", "X", queues=("neuvola",)),
        page("other", "X", queues=("mipa",)),
    ]
    assert [p.id for p in for_queue(pages, "neuvola", "page")] == ["mine", "general"]


def test_quick_replies_in_the_clients_language_come_first() -> None:
    def reply(id_: str, lang: str, queues: tuple[str, ...] = ()) -> HandbookSummary:
        return page(id_, "Pikavastaukset", kind="quick_reply", queues=queues).model_copy(
            update={"lang": lang}
        )

    replies = [
        reply("hei", "fi"),
        reply("hej", "sv"),
        reply("any", ""),
        reply("own", "fi", ("neuvola",)),
    ]
    assert [p.id for p in for_queue(replies, "neuvola", "quick_reply", "sv")] == [
        "hej",
        "any",
        "own",
        "hei",
    ]
    assert [p.id for p in for_queue(replies, "neuvola", "quick_reply", "fi")] == [
        "own",
        "hei",
        "any",
        "hej",
    ]
    # Without a language the order is the queue's own first, as before.
    assert next(p.id for p in for_queue(replies, "neuvola", "quick_reply")) == "own"
