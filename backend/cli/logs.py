"""How the backend logs: plain or JSON lines, and never a client's address."""

from __future__ import annotations

import json
import logging
import re
import sys


class JsonFormatter(logging.Formatter):
    """One JSON object a line on stdout: what log collectors want."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


# A client's address is personal data (behind the proxy, her own public address): no log
# line keeps one, the server's own (uvicorn's "WebSocket … [accepted]") included.
_ADDRESS = re.compile(
    r"\[[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*\](?::\d+)?"  # [v6]:port (a colon inside: not a pid)
    r"|\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b"  # v4[:port]
    r"|(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){0,6}::[0-9A-Fa-f:]*(?![\w:])"  # v6 with ::
    r"|\b(?:[0-9A-Fa-f]{1,4}:){5,7}[0-9A-Fa-f]{1,4}\b"  # full v6
)


class AddressScrubber(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = _ADDRESS.sub("[address]", message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


# What the WebSocket library says of every socket: "[accepted]" just before already says
# it opened, and the centre's own lines say how a conversation ended. Two lines a chat
# were a third of a chat's log writes (each a write(2) on the event loop's thread).
SOCKET_CHATTER = frozenset({"connection open", "connection closed"})


class SocketChatter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "uvicorn.error" and record.msg in SOCKET_CHATTER)


def setup_logging(json_lines: bool) -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(SocketChatter())
    handler.addFilter(AddressScrubber())
    if json_lines:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    # pysaml2 logs subjects and assertions at INFO and DEBUG: an identified client's
    # identity is never a log line. Its errors still show.
    logging.getLogger("saml2").setLevel(logging.ERROR)
