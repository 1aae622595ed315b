"""The backend's audit log as a hash chain, checked and exported by the console.

Each entry's `hash` is the SHA-256 of the entry without `hash`, as JSON with its keys sorted, no
spaces and UTF-8 text; its `prev_hash` is the hash of the entry before it (the contract, GET /audit).
The console checks every entry it is shown against its hash, shows how far the backend found the
whole chain to hold (GET /audit/verification), and exports entries as JSON Lines that
`court-backend audit verify --file` checks offline: the entries, oldest first, then a line
`{"chain_head": {"id", "hash"}}` naming the chain's last entry when it was exported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from console.api import ApiError
from console.decoding import DecodeError, integer, required, text, timestamp
from console.session import BackendSession


def entry_hash(record: dict) -> str:
    canonical = json.dumps(
        {key: value for key, value in record.items() if key != "hash"},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def first_mismatch(records: list[dict]) -> int | None:
    """The id of the first entry whose content does not match its hash, None when all do."""
    return next((record.get("id") for record in records if record.get("hash") != entry_hash(record)), None)


@dataclass(frozen=True)
class Verification:
    """How far the backend found its chain to hold, when it last checked it whole."""

    ok: bool
    entries: int
    verified_to: int | None
    broken_id: int | None
    head: str
    checked_at: float


def decode_verification(record: dict) -> Verification:
    ok = required(record, "ok")
    if not isinstance(ok, bool):
        raise DecodeError("'ok' must be true or false")

    def optional_id(name: str) -> int | None:
        return None if required(record, name) is None else integer(record, name)

    return Verification(
        ok=ok,
        entries=integer(record, "entries"),
        verified_to=optional_id("verified_to"),
        broken_id=optional_id("broken_id"),
        head=text(record, "head", 64),
        checked_at=timestamp(record, "checked_at"),
    )


def export_lines(records: list[dict], head: Verification) -> str:
    """The export of `records`: one entry a line, then the chain's head."""
    lines = [json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records]
    lines.append(json.dumps({"chain_head": {"id": head.verified_to, "hash": head.head}}))
    return "\n".join(lines) + "\n"


def export_range(session: BackendSession, since: float, until: float, path: Path) -> int:
    """Writes the backend's audit entries from `since` to `until` (seconds since the epoch) and its
    chain's head to `path`; returns how many entries. Blocks: call it on a worker thread."""

    def iso(moment: float) -> str:
        return datetime.fromtimestamp(moment, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    records, verified = session.call(
        lambda client: (client.audit(since=iso(since), until=iso(until)), client.audit_verification())
    )
    try:
        head = decode_verification(verified)
    except DecodeError as error:
        raise ApiError(f"the audit verification breaks the contract: {error}") from None
    path.write_text(export_lines(records, head), encoding="utf-8")
    return len(records)
