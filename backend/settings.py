"""The backend process's settings, from its environment (``LUUKKU_*``) or a settings file
(systemd's ``EnvironmentFile`` format): where the data is, the database, the address to
listen on, secrets (gateway token, OIDC client secret, SAML key) and TLS. The service
itself (queues, hours, rules) is the service file, ``backend/config.py``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from backend.config_base import ConfigError


@dataclass(frozen=True)
class Settings:
    """Process settings, from the environment (LUUKKU_*)."""

    data_dir: Path
    database_url: str
    service_file: Path | None
    host: str
    port: int
    demo: bool
    session_ttl_h: float
    tls_cert: Path | None = None
    tls_key: Path | None = None
    json_logs: bool = False
    # Addresses whose X-Forwarded-* headers are trusted (the reverse proxy).
    forwarded_allow_ips: str = "127.0.0.1"
    # The phone gateway's shared secret (LUUKKU_GATEWAY_TOKEN); unset: no gateway accepted.
    gateway_token: str | None = None
    # The provider's client secret, where it wants one (LUUKKU_OIDC_CLIENT_SECRET); a
    # public client (Entra ID "mobile and desktop") needs none: PKCE protects the code.
    oidc_client_secret: str | None = None
    # The SAML service provider's key and certificate (identified clients).
    saml_key: Path | None = None
    saml_cert: Path | None = None
    # The softphones' registrar, told to desktops that have none set (LUUKKU_SIP_REGISTRAR).
    sip_registrar: str | None = None
    source: Path | None = None  # the settings file read, if any
    # One of two nodes on one PostgreSQL database (LUUKKU_NODE_NAME; default host:port)
    # and the lease's time to live (LUUKKU_LEASE_TTL_S): a frozen active is replaced
    # after it, a killed one at once (backend/node/).
    node_name: str | None = None
    lease_ttl_s: float = 3.0

    # Where the backend's settings are found when the environment does not name them:
    # ``LUUKKU_ENV_FILE`` ("none": no file), else the server's file, else the one the
    # demo writes in the folder it runs from. The environment wins over the file.
    ENV_FILES = (Path("/etc/luukku/backend.env"), Path("luukku.env"))

    @staticmethod
    def env_file(env: Mapping[str, str]) -> Path | None:
        named = env.get("LUUKKU_ENV_FILE")
        if named:
            return None if named == "none" else Path(named)
        return next((p for p in Settings.ENV_FILES if p.is_file()), None)

    @staticmethod
    def read_env_file(path: Path) -> dict[str, str]:
        """``KEY=VALUE`` lines (systemd's EnvironmentFile), comments and blanks skipped."""
        values = {}
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the settings file: {exc}") from exc
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip().strip('"').strip("'")
        return values

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        source = cls.env_file(env)
        if source is not None:
            env = {**cls.read_env_file(source), **env}
        data_dir = Path(env.get("LUUKKU_DATA_DIR", "data")).resolve()
        default_db = f"sqlite:///{data_dir / 'luukku.db'}"
        service = env.get("LUUKKU_SERVICE_FILE")
        try:
            port = int(env.get("LUUKKU_PORT", "8765"))
            ttl = float(env.get("LUUKKU_SESSION_TTL_H", "10"))
            lease_ttl = float(env.get("LUUKKU_LEASE_TTL_S", "3"))
        except ValueError as exc:
            raise ConfigError(
                f"LUUKKU_PORT / LUUKKU_SESSION_TTL_H / LUUKKU_LEASE_TTL_S: {exc}"
            ) from exc
        if not 1 <= lease_ttl <= 60:
            raise ConfigError(f"LUUKKU_LEASE_TTL_S={lease_ttl}: between 1 and 60 seconds")
        if bool(env.get("LUUKKU_TLS_CERT")) != bool(env.get("LUUKKU_TLS_KEY")):
            raise ConfigError("LUUKKU_TLS_CERT and LUUKKU_TLS_KEY go together: set both or neither")
        return cls(
            data_dir=data_dir,
            database_url=env.get("LUUKKU_DATABASE_URL", default_db),
            service_file=Path(service) if service else None,
            host=env.get("LUUKKU_HOST", "127.0.0.1"),
            port=port,
            demo=env.get("LUUKKU_DEMO", "") in {"1", "true", "yes"},
            session_ttl_h=ttl,
            tls_cert=Path(env["LUUKKU_TLS_CERT"]) if env.get("LUUKKU_TLS_CERT") else None,
            tls_key=Path(env["LUUKKU_TLS_KEY"]) if env.get("LUUKKU_TLS_KEY") else None,
            json_logs=env.get("LUUKKU_JSON_LOGS", "") in {"1", "true", "yes"},
            forwarded_allow_ips=env.get("LUUKKU_FORWARDED_ALLOW_IPS", "127.0.0.1"),
            gateway_token=env.get("LUUKKU_GATEWAY_TOKEN") or None,
            oidc_client_secret=env.get("LUUKKU_OIDC_CLIENT_SECRET") or None,
            saml_key=Path(env["LUUKKU_SAML_KEY"]) if env.get("LUUKKU_SAML_KEY") else None,
            saml_cert=Path(env["LUUKKU_SAML_CERT"]) if env.get("LUUKKU_SAML_CERT") else None,
            sip_registrar=env.get("LUUKKU_SIP_REGISTRAR") or None,
            source=source,
            node_name=env.get("LUUKKU_NODE_NAME") or None,
            lease_ttl_s=lease_ttl,
        )
