"""The backend's SQLite database: one file in the data directory for events, the world's state and
the accounts.

Each tick and each command commits its events and the state they leave behind in one transaction
(see `records`), so that a backend restarted on the same directory carries on exactly where its
event log ends. The directory is its user's alone (0700), and so is the database (0600).
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

DATABASE_FILE = "court-backend.sqlite3"
BUSY_TIMEOUT_S = 5.0  # another connection's write (the CLI's, or the backend's own) is waited for


def connect(data_dir: Path) -> sqlite3.Connection:
    """A connection to the data directory's database, made (with the directory) when missing."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    data_dir.chmod(0o700)
    path = data_dir / DATABASE_FILE
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    db.execute("pragma journal_mode=wal")
    db.execute("pragma synchronous=normal")
    return db


def secret(db: sqlite3.Connection, name: str) -> bytes:
    """A random key of the backend's own, made at its first start and kept in its database."""
    with db:
        db.execute("insert or ignore into meta (key, value) values (?, ?)", (name, secrets.token_hex(32)))
    (value,) = db.execute("select value from meta where key = ?", (name,)).fetchone()
    return bytes.fromhex(value)


def open_database(data_dir: Path) -> sqlite3.Connection:
    db = connect(data_dir)
    db.execute(
        "create table if not exists events (id integer primary key, type text not null, data text not null,"
        " court_id text)"
    )
    columns = {row[1] for row in db.execute("pragma table_info(events)")}
    if "court_id" not in columns:
        db.execute("alter table events add column court_id text")  # a database from before jurisdictions
    if "at" not in columns:
        db.execute("alter table events add column at real")  # from before retention by time: null, kept by count
    db.execute("create table if not exists meta (key text primary key, value text not null)")
    db.commit()
    return db
