"""``python -m backend.telephony``: the service number's gateway process (behind Kamailio;
several spread the load where one machine's two cores are not enough)."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from backend.config import load_service_config
from backend.telephony.gateway import Gateway
from backend.telephony.settings import GatewaySettings


def main() -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = GatewaySettings.from_env()
    service = os.environ.get("LUUKKU_SERVICE_FILE")
    config = load_service_config(
        Path(service) if service else None, os.environ.get("LUUKKU_DEMO") == "1"
    )
    if not settings.token:
        raise SystemExit("LUUKKU_GATEWAY_TOKEN is not set: the backend would refuse this gateway")
    gateway = Gateway(settings, config)

    async def amain() -> None:
        import signal

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, gateway.stop)
        await gateway.run()

    asyncio.run(amain())


main()
