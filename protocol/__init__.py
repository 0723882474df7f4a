"""The wire protocol shared by the backend and the staff desktop (and mirrored by the web page)."""

from protocol.messages import (
    MAX_FRAME_BYTES,
    MAX_TEXT_CHARS,
    PROTOCOL_VERSION,
    ClientFrame,
    ServerToClientFrame,
    ServerToStaffFrame,
    StaffFrame,
    dump_frame,
    parse_client_frame,
    parse_staff_frame,
    parse_to_client_frame,
    parse_to_staff_frame,
)

__all__ = [
    "MAX_FRAME_BYTES",
    "MAX_TEXT_CHARS",
    "PROTOCOL_VERSION",
    "ClientFrame",
    "ServerToClientFrame",
    "ServerToStaffFrame",
    "StaffFrame",
    "dump_frame",
    "parse_client_frame",
    "parse_staff_frame",
    "parse_to_client_frame",
    "parse_to_staff_frame",
]
