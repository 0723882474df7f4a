"""Where each desktop setting comes from. Pure: no Qt (QSettings is read by the caller).

Precedence, lowest first (the README has the same table):

1. built-in default
2. machine-wide file (IT places it; ``LUUKKU_MACHINE_CONFIG`` points elsewhere)
3. user settings (QSettings: what she changed in the app)
4. environment (``LUUKKU_*``)
5. command line
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class MachineConfigError(Exception):
    pass


class MachineFile(BaseModel):
    """The ``[luukku]`` table of the machine-wide file; unknown keys are an error."""

    model_config = ConfigDict(extra="forbid")
    backend_url: str | None = Field(default=None, pattern=r"^(https?)://[^\s]+$")
    language: Literal["fi", "sv", "en"] | None = None
    sip_registrar: str | None = Field(default=None, pattern=r"^[A-Za-z0-9.\-\[\]:]+$")
    sip_user: str | None = None
    sip_transport: Literal["udp", "tcp", "tls"] | None = None
    srtp: Literal["disabled", "optional", "mandatory"] | None = None
    sip_port: int | None = Field(default=None, ge=0, le=65535)
    sip_tls_ca: str | None = None
    sip_register_seconds: int | None = Field(default=None, ge=30, le=86400)
    auto_answer_s: float | None = Field(default=None, ge=0, le=60)


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    label: str


SETTINGS = (
    Setting("backend_url", "LUUKKU_BACKEND", "http://127.0.0.1:8765", "Backend URL"),
    Setting("language", "LUUKKU_LANG", "fi", "Language"),
    Setting("username", "LUUKKU_USER", "", "Username"),
    Setting("sip_registrar", "LUUKKU_SIP_REGISTRAR", "", "SIP registrar"),
    Setting("sip_user", "LUUKKU_SIP_USER", "", "SIP user (default: the Luukku username)"),
    Setting("sip_transport", "LUUKKU_SIP_TRANSPORT", "udp", "SIP transport"),
    Setting("srtp", "LUUKKU_SRTP", "optional", "SRTP"),
    Setting("sip_port", "LUUKKU_SIP_PORT", "0", "Local SIP port (0 = any)"),
    Setting("sip_tls_ca", "LUUKKU_SIP_TLS_CA", "", "CA file for the registrar's TLS certificate"),
    Setting(
        "sip_register_seconds",
        "LUUKKU_SIP_REGISTER_SECONDS",
        "300",
        "SIP registration lifetime (s)",
    ),
    # Headset work in a queue: a delivered call is answered after this many seconds, with
    # the ring heard first (0: she answers herself).
    Setting("auto_answer_s", "LUUKKU_AUTO_ANSWER_S", "0", "Answer calls after (s, 0 = off)"),
)


@dataclass(frozen=True)
class Resolved:
    value: str
    source: str  # "default" | "machine file" | "user settings" | "environment" | "command line"
    detail: str = ""  # the file path or variable name


def machine_config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("LUUKKU_MACHINE_CONFIG"):
        return Path(env["LUUKKU_MACHINE_CONFIG"])
    if sys.platform == "win32":
        return Path(env.get("ProgramData", r"C:\ProgramData")) / "Luukku" / "luukku.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Luukku/luukku.toml")
    return Path("/etc/luukku/luukku.toml")


def load_machine_file(path: Path) -> dict[str, str]:
    """The values IT set; an absent file is no error, a broken one is (naming the field)."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise MachineConfigError(f"{path}: cannot read: {exc}") from exc
    try:
        model = MachineFile.model_validate(data.get("luukku", {}))
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"])
        raise MachineConfigError(f"{path}: luukku.{field}: {err['msg']}") from exc
    return {k: str(v) for k, v in model.model_dump(exclude_none=True).items()}


def resolve(
    machine: Mapping[str, str],
    user: Mapping[str, str],
    env: Mapping[str, str],
    cli: Mapping[str, str | None],
    machine_path: Path | None = None,
) -> dict[str, Resolved]:
    resolved: dict[str, Resolved] = {}
    for s in SETTINGS:
        value = Resolved(s.default, "default")
        if machine.get(s.name):
            value = Resolved(machine[s.name], "machine file", str(machine_path or ""))
        if user.get(s.name):
            value = Resolved(user[s.name], "user settings")
        if env.get(s.env):
            value = Resolved(env[s.env], "environment", s.env)
        cli_value = cli.get(s.name)
        if cli_value:
            value = Resolved(cli_value, "command line")
        resolved[s.name] = value
    return resolved
