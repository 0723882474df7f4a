"""The gateway process's settings, from its environment (``LUUKKU_GATEWAY_*``): the
backend to connect to and its token, this gateway's id, its SIP address and port, the
staff softphones' registrar, the prompts' folder and how many callers it takes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GatewaySettings:
    backend_url: str
    token: str
    gateway_id: str
    sip_port: int
    registrar: str | None  # where the staff softphones register ("127.0.0.1:5070")
    prompts_dir: Path
    # Callers one process holds at once; the next gets 486 Busy, which Kamailio's
    # dispatcher takes as "try the next gateway" where several run. Each caller may have
    # a second leg ringing a professional. Measured in bench/service_number.py: about
    # 0.2 MB and three native threads a caller.
    max_callers: int = 200
    # The local address SIP and RTP use; None lets the stack pick the interfaces (which
    # skips loopback, so a gateway whose registrar is on 127.0.0.1 must name it).
    address: str | None = None
    # Asked to stop (SIGTERM, a restart): new callers get 486 Busy, which Kamailio's
    # dispatcher takes to the other gateway, while the callers held here keep their place
    # until they are through, for at most this long.
    drain_s: float = 300.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> GatewaySettings:
        env = dict(os.environ if env is None else env)
        data = Path(env.get("LUUKKU_DATA_DIR", "data"))
        local = "127.0.0.1" if env.get("LUUKKU_GATEWAY_LOCAL") else None
        return cls(
            backend_url=env.get("LUUKKU_GATEWAY_BACKEND", "ws://127.0.0.1:8765"),
            token=env.get("LUUKKU_GATEWAY_TOKEN", ""),
            gateway_id=env.get("LUUKKU_GATEWAY_ID", "gw1"),
            sip_port=int(env.get("LUUKKU_GATEWAY_SIP_PORT", "5080")),
            # "sip:host:port" and "host:port" both name it.
            registrar=env.get("LUUKKU_GATEWAY_REGISTRAR", "").removeprefix("sip:") or None,
            prompts_dir=Path(env.get("LUUKKU_PROMPTS_DIR", str(data / "prompts"))),
            max_callers=int(env.get("LUUKKU_GATEWAY_MAX_CALLERS", "200")),
            address=env.get("LUUKKU_GATEWAY_ADDRESS") or local,
            drain_s=float(env.get("LUUKKU_GATEWAY_DRAIN_S", "300")),
        )
