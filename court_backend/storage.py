"""The backend's SQLite database: one file in the data directory for events and simulation state.

Each simulation tick commits its events and the state of the teams that produced them in one
transaction, so that a backend restarted on the same directory carries on exactly where its
event log ends.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from court_backend.simulation import Simulation

DATABASE_FILE = "court-backend.sqlite3"


def open_database(data_dir: Path) -> sqlite3.Connection:
    data_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(data_dir / DATABASE_FILE, check_same_thread=False)
    db.execute("pragma journal_mode=wal")
    db.execute("pragma synchronous=normal")
    db.execute("create table if not exists events (id integer primary key, type text not null, data text not null)")
    db.execute("create table if not exists teams (id text primary key, state text not null)")
    db.execute("create table if not exists meta (key text primary key, value text not null)")
    db.commit()
    return db


def restore_simulation(db: sqlite3.Connection, simulation: Simulation) -> bool:
    """Replaces the seed's fresh start with the stored state, if there is one; True when restored."""
    rng = db.execute("select value from meta where key = 'rng'").fetchone()
    rows = db.execute("select state from teams order by id").fetchall()
    if rng is None or not rows:
        return False
    simulation.restore(json.loads(rng[0]), [json.loads(state) for (state,) in rows])
    return True


def save_simulation(db: sqlite3.Connection, simulation: Simulation, team_ids: set[str] | None = None) -> None:
    """Stores the generator and the given teams (all when None), in the caller's transaction."""
    teams = simulation.teams if team_ids is None else [t for t in simulation.teams if t.id in team_ids]
    db.executemany("insert or replace into teams (id, state) values (?, ?)",
                   [(t.id, json.dumps(t.to_state(), ensure_ascii=False)) for t in teams])
    db.execute("insert or replace into meta (key, value) values ('rng', ?)", (json.dumps(simulation.state()),))
