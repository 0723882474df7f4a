"""The restore drill: a working service is backed up, its data wiped, the backup put back,
and the service comes up with the same conversations, users and handbook. A file that is
no backup, or a database already in place, is refused without touching anything."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import BackendProcess, Peer, cli, free_port, staff


def snapshot(backend: BackendProcess) -> dict[str, list[tuple[object, ...]]]:
    return {
        "conversations": backend.query("select id, queue, state from conversations order by id"),
        "lines": backend.query(
            "select conversation_id, seq, text from messages order by conversation_id, seq"
        ),
        "users": backend.query("select username, role, skills from staff_users order by username"),
        "handbook": backend.query("select count(*) from handbook_pages"),
    }


async def test_backup_wipe_restore_finds_the_same_service(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    backend = BackendProcess(tmp_path / "data", free_port())
    backend.start()
    try:
        nurse = await staff(backend.ws, "hoitaja")
        client = await Peer.connect(backend.ws + "/ws/client")
        await client.send(type="start", queue="neuvola")
        await client.expect("started")
        await client.send(type="message", client_msg_id="m1", text="Varmuuskopioitu rivi")
        await client.expect("ack")
        offer = await nurse.expect("offer", timeout=10)
        await nurse.send(type="accept", conversation_id=offer["conversation_id"])
        await nurse.expect("conversation")
        await client.close()
        await nurse.close()
        before = snapshot(backend)
        assert before["lines"] and before["handbook"][0][0] > 0
        copy = tmp_path / "luukku-backup.db"
        assert cli(backend, "backup", str(copy)).returncode == 0
    finally:
        backend.stop()

    # Wiped: the data directory's database is gone.
    database = tmp_path / "data" / "luukku.db"
    for path in database.parent.glob("luukku.db*"):
        path.unlink()
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a database", "utf-8")
    refused = cli(backend, "restore", str(not_a_backup))
    assert refused.returncode == 2 and "not a Luukku backup" in refused.stderr
    assert not database.exists()

    done = cli(backend, "restore", str(copy))
    assert done.returncode == 0, done.stderr
    again = cli(backend, "restore", str(copy))  # something is there now: not without --replace
    assert again.returncode == 2 and "--replace" in again.stderr

    backend.start()
    try:
        assert snapshot(backend) == before
        nurse = await staff(backend.ws, "hoitaja", ready=False)  # her account works again
        await nurse.close()
    finally:
        backend.stop()
