"""The gateway process's settings, from its environment (``LUUKKU_GATEWAY_*``): the
backend to connect to and its token, this gateway's id, its SIP port, the staff
softphones' registrar and the prompts' folder."""

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
    # Call legs one process can hold. The pjsua2-python wheel holds 4 whatever maxCalls
    # says (measured: a fifth makeCall or INVITE fails with PJ_ETOOMANY / 486), so a
    # process takes max_calls // 2 callers, each with a leg spare to ring a professional;
    # more callers need more gateway processes behind Kamailio (README, "Scale").
    max_calls: int = 4

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> GatewaySettings:
        env = dict(os.environ if env is None else env)
        data = Path(env.get("LUUKKU_DATA_DIR", "data"))
        return cls(
            backend_url=env.get("LUUKKU_GATEWAY_BACKEND", "ws://127.0.0.1:8765"),
            token=env.get("LUUKKU_GATEWAY_TOKEN", ""),
            gateway_id=env.get("LUUKKU_GATEWAY_ID", "gw1"),
            sip_port=int(env.get("LUUKKU_GATEWAY_SIP_PORT", "5080")),
            registrar=env.get("LUUKKU_GATEWAY_REGISTRAR") or None,
            prompts_dir=Path(env.get("LUUKKU_PROMPTS_DIR", str(data / "prompts"))),
            max_calls=int(env.get("LUUKKU_GATEWAY_MAX_CALLS", "4")),
        )
