"""The handbook's desktop side, without Qt: the tree of areas and pages, unread counts,
and quick-reply placeholders (the design card names this folder ``guides``)."""
