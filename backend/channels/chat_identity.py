"""What a chat start's Suomi.fi ticket proves, as the queue's rule allows (``off``,
``optional``, ``required``): a required identification without a valid ticket is refused.
Anonymous starts never wait on anything here (no I/O: the ticket is in memory)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from protocol.messages import ErrorCode, ProtocolError

if TYPE_CHECKING:  # pysaml2 is loaded only where identification is set up
    from backend.domain.identification import Identity
    from backend.suomifi import SuomiFi


def identity_of(suomifi: SuomiFi | None, rule: str, ticket: str | None) -> Identity | None:
    identity = None
    if ticket is not None and rule != "off" and suomifi is not None:
        identity = suomifi.take(ticket)
        if identity is None:
            raise ProtocolError(
                ErrorCode.IDENTIFICATION_REQUIRED, "the identification has expired; again"
            )
    if rule == "required" and identity is None:
        raise ProtocolError(
            ErrorCode.IDENTIFICATION_REQUIRED, "this topic needs a Suomi.fi identification"
        )
    return identity
