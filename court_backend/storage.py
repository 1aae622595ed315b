"""The backend's SQLite database: one file in the data directory for events and the world's state.

Each tick and each command commits its events and the state they leave behind in one transaction
(see `records`), so that a backend restarted on the same directory carries on exactly where its
event log ends.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DATABASE_FILE = "court-backend.sqlite3"


def open_database(data_dir: Path) -> sqlite3.Connection:
    data_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(data_dir / DATABASE_FILE, check_same_thread=False)
    db.execute("pragma journal_mode=wal")
    db.execute("pragma synchronous=normal")
    db.execute("create table if not exists events (id integer primary key, type text not null, data text not null)")
    db.execute("create table if not exists meta (key text primary key, value text not null)")
    db.commit()
    return db
