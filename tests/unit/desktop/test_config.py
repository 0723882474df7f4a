from __future__ import annotations

from pathlib import Path

import pytest

from desktop.config import MachineConfigError, load_machine_file, machine_config_path, resolve


def test_precedence_default_machine_user_environment_command_line(tmp_path: Path) -> None:
    machine = {"backend_url": "https://luukku.example", "language": "sv", "sip_transport": "tls"}
    user = {"language": "en", "username": "hanna"}
    env = {"LUUKKU_USER": "liisa", "LUUKKU_SIP_TRANSPORT": "tcp"}
    cli = {"username": "pekka", "backend_url": None}
    r = resolve(machine, user, env, cli, tmp_path / "luukku.toml")
    assert (r["backend_url"].value, r["backend_url"].source) == (
        "https://luukku.example",
        "machine file",
    )
    assert r["backend_url"].detail == str(tmp_path / "luukku.toml")
    assert (r["language"].value, r["language"].source) == ("en", "user settings")
    assert (r["sip_transport"].value, r["sip_transport"].source) == ("tcp", "environment")
    assert r["sip_transport"].detail == "LUUKKU_SIP_TRANSPORT"
    assert (r["username"].value, r["username"].source) == ("pekka", "command line")
    assert (r["srtp"].value, r["srtp"].source) == ("optional", "default")


def test_machine_file(tmp_path: Path) -> None:
    path = tmp_path / "luukku.toml"
    assert load_machine_file(path) == {}  # absent: nothing set, no error
    path.write_text('[luukku]\nbackend_url = "https://luukku.example"\nsip_transport = "tls"\n')
    assert load_machine_file(path) == {
        "backend_url": "https://luukku.example",
        "sip_transport": "tls",
    }
    path.write_text('[luukku]\nsip_transport = "carrier-pigeon"\n')
    with pytest.raises(MachineConfigError, match=r"luukku\.sip_transport"):
        load_machine_file(path)
    path.write_text('[luukku]\nbackend = "typo"\n')
    with pytest.raises(MachineConfigError, match=r"luukku\.backend"):
        load_machine_file(path)
    path.write_text("not = = toml")
    with pytest.raises(MachineConfigError, match="cannot read"):
        load_machine_file(path)


def test_machine_file_location_can_be_pointed_elsewhere(tmp_path: Path) -> None:
    assert (
        machine_config_path({"LUUKKU_MACHINE_CONFIG": str(tmp_path / "x.toml")})
        == tmp_path / "x.toml"
    )
