"""A case's detail, fetched on demand: the case with its node history and its parties (personal
data masked) (`GET /cases/{id}`), its audit trail (`GET /audit?case_id=`), each entry checked
against its hash, and how far the backend's audit chain holds (`GET /audit/verification`), from a
backend the console follows.

The store holds every case but not their histories nor who did what to them; those are asked for
when an operator opens a case. `fetch_case_detail` blocks: run it on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.api import ApiError
from console.audit_chain import Verification, decode_verification, first_mismatch
from console.casework import Case, NodeVisit, decode_case, decode_case_history
from console.decoding import (
    MAX_ID_LENGTH,
    DecodeError,
    integer,
    optional_text,
    required,
    text,
    timestamp,
)
from console.session import BackendSession

MASKED = ("id_number", "phone", "address")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One command's trace in the backend's audit log: who did what to which object, and when."""

    id: int
    at: float
    actor: str
    action: str
    object_type: str
    object_id: str
    case_id: str | None
    request: dict  # what the operator asked for, as the command's body said it
    before: dict | None
    after: dict | None
    outcome: str = "done"  # or the problem type of a refusal, whose action is the permission it lacked


@dataclass(frozen=True, slots=True)
class Party:
    """A party as the case view shows it: personal data masked (or "" from a backend without it)."""

    role: str  # applicant or respondent
    type: str
    name: str
    id_number: str
    phone: str
    address: str


@dataclass(frozen=True)
class CaseDetail:
    backend: str
    case: Case
    history: tuple[NodeVisit, ...]
    audit: tuple[AuditEntry, ...]
    parties: tuple[Party, ...] = ()
    audit_records: tuple[dict, ...] = ()  # as the backend sent them, with their hashes: for export
    verification: Verification | None = None  # None: a backend that does not verify its chain
    mismatch: int | None = None  # the first of the case's entries that does not match its hash


def decode_parties(record: dict) -> tuple[Party, ...]:
    parties = []
    for role in ("applicant", "respondent"):
        party = required(record, role)
        said = {key: party.get(key) if isinstance(party.get(key), str) else "" for key in MASKED}
        parties.append(
            Party(role, text(party, "type", 16), text(party, "name", 200), **{k: v[:200] for k, v in said.items()})
        )
    return tuple(parties)


def _object(record: dict, name: str) -> dict | None:
    value = required(record, name)
    if value is not None and not isinstance(value, dict):
        raise DecodeError(f"{name!r} must be an object or null")
    return value


def decode_audit_entry(record: dict) -> AuditEntry:
    return AuditEntry(
        id=integer(record, "id"),
        at=timestamp(record, "at"),
        actor=text(record, "actor", MAX_ID_LENGTH),
        action=text(record, "action", 64),
        object_type=text(record, "object_type", 64),
        object_id=text(record, "object_id", MAX_ID_LENGTH),
        case_id=optional_text(record, "case_id"),
        request=_object(record, "request") or {},
        before=_object(record, "before"),
        after=_object(record, "after"),
        outcome=text(record, "outcome", 64) if "outcome" in record else "done",
    )


def fetch_case_detail(session: BackendSession, case_id: str) -> CaseDetail:
    """Reads the case's detail and audit trail, signed in as the backend's session is.

    Raises `ApiError` when the backend refuses or answers out of contract. Blocks: call it on a worker.
    """
    record, entries, verified = session.call(
        lambda client: (client.case(case_id), client.audit(case_id=case_id), _verification(client))
    )
    try:
        case = decode_case(record)
        history = decode_case_history(record)
        parties = decode_parties(record)
        audit = tuple(decode_audit_entry(entry) for entry in entries)
        verification = None if verified is None else decode_verification(verified)
    except DecodeError as error:
        raise ApiError(f"case {case_id}: the backend's answer breaks the contract: {error}") from None
    if case.id != case_id:
        raise ApiError(f"asked for case {case_id}, the backend answered with case {case.id}")
    strangers = {entry.case_id for entry in audit} - {case_id}
    if strangers:
        raise ApiError(f"case {case_id}: the audit trail holds entries of case {sorted(map(str, strangers))[0]}")
    return CaseDetail(
        session.name, case, history, audit, parties, tuple(entries), verification, first_mismatch(entries)
    )


def _verification(client) -> dict | None:
    try:
        return client.audit_verification()
    except ApiError as error:
        if error.status == 404:
            return None  # a backend that does not verify its chain: the view says nothing of it
        raise
