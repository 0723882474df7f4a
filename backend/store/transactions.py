"""How a batch of writes commits: together, or one by one when one of them fails, and
never past the fence (the node's lease check, backend/node/lease.py)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session


class Fenced(Exception):
    """What a fence raises to refuse a transaction (this node may no longer write)."""


class Refused(Exception):
    """The fence refused a transaction: every write of the batch fails with the reason."""

    def __init__(self, reason: Exception) -> None:
        super().__init__(str(reason))
        self.reason = reason


def commit_all(
    transaction: Callable[[], AbstractContextManager[Session]],
    fns: list[Callable[[Session], Any]],
    fence: Callable[[Connection], None] | None = None,
) -> tuple[list[tuple[bool, Any]], bool]:
    """On the writer thread: all of ``fns`` in one ``transaction`` (a session in a begun
    transaction, committed when the block ends without an error); if one fails, each again
    in a transaction of its own, so only the failing write fails (and nothing it did
    half-way is kept). A refusal by ``fence`` fails the rest at once (and says so)."""

    def run(s: Session, batch: list[Callable[[Session], Any]]) -> list[Any]:
        _pass_fence(fence, s.connection())
        return [fn(s) for fn in batch]

    if len(fns) > 1:
        try:
            with transaction() as s:
                results = run(s, fns)
            return [(True, r) for r in results], False
        except Refused as refused:
            return [(False, refused.reason)] * len(fns), True
        except Exception:
            pass
    outcomes: list[tuple[bool, Any]] = []
    for i, fn in enumerate(fns):
        try:
            with transaction() as s:
                outcomes.append((True, run(s, [fn])[0]))
        except Refused as refused:
            return outcomes + [(False, refused.reason)] * (len(fns) - i), True
        except Exception as exc:
            outcomes.append((False, exc))
    return outcomes, False


def commit_one(
    transaction: Callable[[], AbstractContextManager[Connection]],
    fn: Callable[[Connection], Any],
    fence: Callable[[Connection], None] | None = None,
) -> tuple[tuple[bool, Any], bool]:
    """On the writer thread: ``fn`` alone in one ``transaction`` of a connection (no
    session: a batch of lines); its outcome, and whether ``fence`` refused it."""
    try:
        with transaction() as conn:
            _pass_fence(fence, conn)
            return (True, fn(conn)), False
    except Refused as refused:
        return (False, refused.reason), True
    except Exception as exc:
        return (False, exc), False


def _pass_fence(fence: Callable[[Connection], None] | None, conn: Connection) -> None:
    if fence is not None:
        try:
            fence(conn)
        except Fenced as exc:
            raise Refused(exc) from exc
