"""The audit log proves itself: one hash chain over commands, refusals, sign-ins and account changes,
whoever writes it (the backend and the CLI, side by side), checked whole by `court-backend audit
verify`, which names the first entry edited or removed afterwards; and an export of some entries is
checked offline by the same command."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

from court_backend.audit import GENESIS, Entry, entry_hash, prepare, rows, verify, write
from court_backend.storage import DATABASE_FILE, connect
from tests.support.backends import start_stepped_backend

PASSWORD = "correct horse battery staple"


def cli(*args: str, password: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "court_backend", *args],
        input=f"{password}\n" if password is not None else "",
        capture_output=True,
        text=True,
        timeout=60,
    )


def every_entry(backend) -> list[dict]:
    entries, token = [], None
    while True:
        page = backend.get("audit", username="supervisor", page_size=1000, **({"page_token": token} if token else {}))
        entries += page["items"]
        if not (token := page["next_page_token"]):
            return entries


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    """A backend whose log holds a command, a refusal, sign-ins good and bad, a sign-out and account
    changes made by the CLI while it ran; stopped once the test has read it, so that the test can
    edit its database."""
    data = tmp_path_factory.mktemp("audit") / "data"
    backend = start_stepped_backend(data_dir=data)
    backend.data = data
    sent = backend.command("teams/T0001/messages", {"text": "原地待命"})
    assert sent.status_code == 201, sent.text
    refused = backend.command("teams/T0001/messages", {"text": "越权"}, username="observer")
    assert refused.status_code == 403
    wrong = requests.post(backend.api("auth/token"), json={"username": "operator2", "password": "nope"}, timeout=10)
    assert wrong.status_code == 401
    assert cli("users", "add", "he.ping", "--role", "observer", "--data", str(data), password=PASSWORD).returncode == 0
    assert cli("users", "disable", "he.ping", "--data", str(data)).returncode == 0
    token = backend.token("operator2")
    logout = requests.post(backend.api("auth/logout"), headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert logout.status_code == 204
    entries = every_entry(backend)
    verification = backend.get("audit/verification", username="supervisor")
    backend.process.stop()
    yield backend, entries, verification
    backend.process.close()


def test_every_kind_of_entry_is_in_one_chain(audited):
    _, entries, _ = audited
    assert [entry["id"] for entry in entries] == list(range(1, len(entries) + 1))
    previous = GENESIS
    for entry in entries:
        assert entry["prev_hash"] == previous and entry["hash"] == entry_hash(entry)
        previous = entry["hash"]
    seen = {(entry["actor"], entry["action"], entry["outcome"]) for entry in entries}
    assert ("operator", "message", "done") in seen
    assert ("observer", "team.message", "forbidden") in seen
    assert ("operator2", "login", "invalid-credentials") in seen
    assert ("operator2", "login", "done") in seen and ("operator2", "logout", "done") in seen
    cli_changes = {entry["action"] for entry in entries if entry["actor"].startswith("cli:")}
    assert cli_changes == {"account.add", "account.disable"}
    refusal = next(entry for entry in entries if entry["outcome"] == "forbidden")
    assert refusal["request"]["path"] == "/teams/T0001/messages" and refusal["request"]["body"] == {"text": "越权"}
    assert refusal["request"]["status"] == 403


def test_the_backend_says_how_far_the_chain_holds(audited):
    _, entries, verification = audited
    assert verification["ok"] and verification["broken_id"] is None
    assert verification["entries"] >= len(entries)
    assert verification["verified_to"] == verification["entries"]


def test_the_cli_verifies_the_chain_and_names_an_edited_entry(audited):
    backend, entries, _ = audited
    ok = cli("audit", "verify", "--data", str(backend.data))
    assert ok.returncode == 0 and ok.stdout.startswith("ok ") and "entries" in ok.stdout

    edited = entries[len(entries) // 2]["id"]
    with sqlite3.connect(backend.data / DATABASE_FILE) as db:
        original = db.execute("select actor from audit where id = ?", (edited,)).fetchone()[0]
        db.execute("update audit set actor = 'someone-else' where id = ?", (edited,))
    try:
        broken = cli("audit", "verify", "--data", str(backend.data))
        assert broken.returncode == 1 and f"entry {edited} " in broken.stderr
    finally:
        with sqlite3.connect(backend.data / DATABASE_FILE) as db:
            db.execute("update audit set actor = ? where id = ?", (original, edited))
    assert cli("audit", "verify", "--data", str(backend.data)).returncode == 0


def test_a_removed_entry_breaks_the_chain_at_the_next(audited, tmp_path):
    backend, entries, _ = audited
    copy = tmp_path / "copy"
    copy.mkdir()
    with sqlite3.connect(backend.data / DATABASE_FILE) as db, sqlite3.connect(copy / DATABASE_FILE) as into:
        db.backup(into)
        into.execute("delete from audit where id = 3")
    broken = cli("audit", "verify", "--data", str(copy))
    assert broken.returncode == 1 and "entry 4 " in broken.stderr


def test_an_export_is_verified_offline_entry_by_entry(audited, tmp_path):
    _, entries, _ = audited
    some = entries[1:4] + entries[6:]  # a gap, as an export of one case's entries has
    head = {"chain_head": {"id": entries[-1]["id"], "hash": entries[-1]["hash"]}}
    export = tmp_path / "audit.jsonl"
    export.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in [*some, head]), encoding="utf-8")
    ok = cli("audit", "verify", "--file", str(export))
    assert ok.returncode == 0 and ok.stdout.strip() == f"ok {len(some)} entries"

    tampered = [dict(entry) for entry in some]
    tampered[2]["request"] = {"text": "改过"}
    export.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in [*tampered, head]), encoding="utf-8")
    broken = cli("audit", "verify", "--file", str(export))
    assert broken.returncode == 1 and f"entry {tampered[2]['id']} " in broken.stderr

    Path(export).write_text("not json\n", encoding="utf-8")
    assert "line 1 is not JSON" in cli("audit", "verify", "--file", str(export)).stderr


def test_writers_side_by_side_keep_one_chain(tmp_path):
    """Four writers, each with a connection of its own (as processes sharing the database have),
    appending at once: every entry lands once, and the chain holds."""
    connect(tmp_path).close()
    prepare(connect(tmp_path))

    def write_many(writer: int) -> None:
        db = connect(tmp_path)
        for n in range(50):
            write(db, Entry(float(n), f"writer{writer}", "test", "thing", str(n)))
        db.close()

    threads = [threading.Thread(target=write_many, args=(writer,)) for writer in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    verdict = verify(rows(connect(tmp_path)))
    assert verdict.ok and verdict.entries == 200
