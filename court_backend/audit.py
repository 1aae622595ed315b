"""The audit log, one hash chain: each entry holds the SHA-256 of the entry before it and of its own
canonical content, so that an entry edited, removed or slipped in afterwards breaks the chain at
that entry, and `court-backend audit verify` names it.

An entry's content is the entry as `GET /audit` shows it, without its `hash`: the JSON object with
its keys sorted, no spaces and UTF-8 text (`canonical`), so that anyone holding an exported entry
can check it with no code of ours. The first entry's `prev_hash` is 64 zeros.

Every writer (the world's commits, the sign-ins, the CLI's account changes, each from its own
connection and maybe its own process) appends inside a transaction begun with `BEGIN IMMEDIATE`:
it holds the database's write lock from before it reads the chain's head until it commits, so the
chain stays one chain however many write to it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from court_backend.clock import utc_iso

GENESIS = "0" * 64
DONE = "done"  # the outcome of what was done; a refusal's is its problem type (e.g. "forbidden")
SCHEMA = (
    "create table if not exists audit (id integer primary key autoincrement, at real not null, actor text not null,"
    " action text not null, object_type text not null, object_id text not null, case_id text,"
    " before text, after text, request text, outcome text not null default 'done', prev_hash text, hash text)",
    "create index if not exists audit_case on audit (case_id)",
    "create index if not exists audit_object on audit (object_id)",
    "create index if not exists audit_actor on audit (actor)",
    "create index if not exists audit_at on audit (at)",
)
COLUMNS = "id, at, actor, action, object_type, object_id, case_id, before, after, request, outcome, prev_hash, hash"


@dataclass(frozen=True)
class Entry:
    """An entry to append: what happened, by whom, to what (the chain gives it its id and hashes)."""

    at: float
    actor: str
    action: str
    object_type: str
    object_id: str
    case_id: str | None = None
    before: dict | None = None
    after: dict | None = None
    request: dict | None = None
    outcome: str = DONE


@dataclass(frozen=True)
class Verdict:
    entries: int  # that hold
    verified_to: int | None  # the id of the last entry that holds
    broken_id: int | None  # the first entry that does not hold, None when all do
    head: str  # the hash of the last entry that holds

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(entry: dict) -> bytes:
    """The bytes an entry's hash is taken of: the entry without `hash`, keys sorted, no spaces."""
    return _dumps({key: value for key, value in entry.items() if key != "hash"}).encode()


def entry_hash(entry: dict) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def prepare(db: sqlite3.Connection) -> None:
    """Makes the table; a database from before the chain has its entries chained, in order, once."""
    with db:
        for statement in SCHEMA[:1]:
            db.execute(statement)
        columns = {row[1] for row in db.execute("pragma table_info(audit)")}
        for column, declaration in (
            ("outcome", "text not null default 'done'"),
            ("prev_hash", "text"),
            ("hash", "text"),
        ):
            if column not in columns:
                db.execute(f"alter table audit add column {column} {declaration}")
        for statement in SCHEMA[1:]:
            db.execute(statement)
    if db.execute("select 1 from audit where hash is null limit 1").fetchone():
        with db:
            db.execute("begin immediate")
            head = db.execute("select hash from audit where hash is not null order by id desc limit 1").fetchone()
            previous = head[0] if head else GENESIS
            for row in db.execute(f"select {COLUMNS} from audit where hash is null order by id").fetchall():
                entry = {**_shown(row), "prev_hash": previous}
                previous = entry_hash(entry)
                db.execute(
                    "update audit set prev_hash = ?, hash = ? where id = ?", (entry["prev_hash"], previous, row[0])
                )


def append(db: sqlite3.Connection, entries: Iterable[Entry]) -> None:
    """Chains `entries` on to the log. Call inside a transaction begun with `BEGIN IMMEDIATE` on `db`."""
    head = db.execute("select id, hash from audit order by id desc limit 1").fetchone()
    next_id, previous = (head[0] + 1, head[1]) if head else (1, GENESIS)
    for entry in entries:
        shown = {
            "id": next_id,
            "at": utc_iso(entry.at),
            "actor": entry.actor,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "case_id": entry.case_id,
            "before": entry.before,
            "after": entry.after,
            "request": entry.request,
            "outcome": entry.outcome,
            "prev_hash": previous,
        }
        digest = entry_hash(shown)
        db.execute(
            f"insert into audit ({COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                next_id,
                entry.at,
                entry.actor,
                entry.action,
                entry.object_type,
                entry.object_id,
                entry.case_id,
                _json_or_none(entry.before),
                _json_or_none(entry.after),
                _json_or_none(entry.request),
                entry.outcome,
                previous,
                digest,
            ),
        )
        next_id, previous = next_id + 1, digest


def write(db: sqlite3.Connection, *entries: Entry) -> None:
    """Appends `entries` in a transaction of their own."""
    with db:
        db.execute("begin immediate")
        append(db, entries)


def _json_or_none(value: dict | None) -> str | None:
    return None if value is None else _dumps(value)


def _shown(row: tuple) -> dict:
    """An entry as the API shows it, from its row."""
    return {
        "id": row[0],
        "at": utc_iso(row[1]),
        "actor": row[2],
        "action": row[3],
        "object_type": row[4],
        "object_id": row[5],
        "case_id": row[6],
        "before": json.loads(row[7]) if row[7] else None,
        "after": json.loads(row[8]) if row[8] else None,
        "request": json.loads(row[9]) if row[9] else None,
        "outcome": row[10],
        "prev_hash": row[11],
        "hash": row[12],
    }


def page(db: sqlite3.Connection, filters: dict[str, str | float | None], after_id: int, limit: int) -> list[dict]:
    """Entries after `after_id` that match the filters (case_id, object_id, actor; since and until,
    in seconds since the epoch), oldest first."""
    clauses, params = ["id > ?"], [after_id]
    for column in ("case_id", "object_id", "actor"):
        if filters.get(column):
            clauses.append(f"{column} = ?")
            params.append(filters[column])
    if filters.get("since") is not None:
        clauses.append("at >= ?")
        params.append(filters["since"])
    if filters.get("until") is not None:
        clauses.append("at < ?")
        params.append(filters["until"])
    rows = db.execute(
        f"select {COLUMNS} from audit where {' and '.join(clauses)} order by id limit ?", (*params, limit)
    ).fetchall()
    return [_shown(row) for row in rows]


def times(db: sqlite3.Connection, actor: str, action: str, since: float) -> list[float]:
    """When `actor` did `action` (and it was done) from `since` on, oldest first."""
    rows = db.execute(
        "select at from audit where actor = ? and action = ? and outcome = ? and at >= ? order by at",
        (actor, action, DONE, since),
    ).fetchall()
    return [at for (at,) in rows]


def has_entry(db: sqlite3.Connection, entry_id: int) -> bool:
    return db.execute("select 1 from audit where id = ?", (entry_id,)).fetchone() is not None


def rows(db: sqlite3.Connection, batch: int = 5000) -> Iterator[dict]:
    """Every entry, oldest first, a batch at a time."""
    last = 0
    while chunk := page(db, {}, last, batch):
        yield from chunk
        last = chunk[-1]["id"]


def verify(entries: Iterable[dict], whole: bool = True) -> Verdict:
    """Checks each entry's hash against its content, and its `prev_hash` against the hash of the
    entry before it: every link of a `whole` chain (the first entry's predecessor being GENESIS);
    of an export holding only some entries, the links between entries whose ids follow on."""
    count, previous, previous_id = 0, GENESIS, 0
    for entry in entries:
        linked = whole or entry.get("id") == previous_id + 1
        if entry.get("hash") != entry_hash(entry) or (linked and entry.get("prev_hash") != previous):
            return Verdict(count, previous_id or None, entry.get("id"), previous)
        count, previous, previous_id = count + 1, entry["hash"], entry["id"]
    return Verdict(count, previous_id or None, None, previous)


def verify_export(lines: Iterable[str]) -> Verdict:
    """Checks an export: JSON Lines of entries, oldest first, then a line `{"chain_head": {"id", "hash"}}`,
    the chain's last entry when it was exported. Each entry's hash is checked, the links between
    entries whose ids follow on, and an entry whose id is the head's must have the head's hash.
    Raises ValueError for a line that is neither."""
    entries, head = [], None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError:
            raise ValueError(f"line {number} is not JSON") from None
        if isinstance(doc, dict) and isinstance(doc.get("chain_head"), dict):
            head = doc["chain_head"]
        elif isinstance(doc, dict) and isinstance(doc.get("id"), int) and isinstance(doc.get("hash"), str):
            entries.append(doc)
        else:
            raise ValueError(f"line {number} is not an audit entry")
    verdict = verify(entries, whole=False)
    if verdict.ok and head is not None:
        for entry in entries:
            if entry["id"] == head.get("id") and entry["hash"] != head.get("hash"):
                return Verdict(verdict.entries, None, entry["id"], verdict.head)
    return verdict
