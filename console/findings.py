"""Findings of passive enforcement (消极执行, API 1.5): one of the 25 situations of DOMAIN.md's
catalogue, by its number, found on a case, with its evidence and the case's officer; confirmed or
dismissed, with a reason, by a supervisor of a court above. Counted per officer, for the panel
that shows who lets cases lie. Strict decoders, as in `console.domain`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from console.casework import optional_note
from console.decoding import (
    MAX_ID_LENGTH,
    DecodeError,
    integer,
    listed,
    number,
    one_of,
    optional_text,
    optional_timestamp,
    text,
    timestamp,
)

SITUATIONS = tuple(range(1, 26))
RECORDED_BY_HAND = frozenset({11, 21, 22, 24})  # what the data cannot show: a supervisor records it
FINDING_STATES = ("open", "confirmed", "dismissed")
SOURCES = frozenset({"detected", "recorded"})
FACTS = frozenset(
    {
        "filed",
        "entered",
        "left",
        "due",
        "checked",
        "closed",
        "last_activity",
        "auction_failed",
        "next_round",
        "received",
        "paid",
        "complaint_received",
        "complaint_concluded",
        "terminated",
        "measure_lapsed",
        "hit",
        "supervision_issued",
        "noted",
    }
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What happened, or was due, when: at a node, or of a record (`ref`)."""

    fact: str
    at: float | None
    node: str | None
    ref: str
    amount: float | None
    note: str


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    situation: int
    case_id: str
    case_number: str
    court_id: str
    officer: str
    evidence: tuple[Evidence, ...]
    source: str  # detected, recorded
    found_at: float
    state: str  # open, confirmed, dismissed
    decided_by: str | None
    decided_at: float | None
    reason: str
    version: int

    @property
    def since(self) -> float:
        """When the situation arose: when its limit ran out, or (without one) its first evidence."""
        due = [e.at for e in self.evidence if e.fact == "due" and e.at is not None]
        return due[0] if due else next((e.at for e in self.evidence if e.at is not None), self.found_at)


def _evidence(item: dict) -> Evidence:
    if not isinstance(item, dict):
        raise DecodeError("evidence must be objects")
    return Evidence(
        fact=one_of(item, "fact", FACTS),
        at=optional_timestamp(item, "at"),
        node=optional_text(item, "node"),
        ref=optional_note(item, "ref"),
        amount=None if item.get("amount") is None else number(item, "amount", 0.0, 1e13),
        note=optional_note(item, "note"),
    )


def decode_finding(record: dict) -> Finding:
    situation = integer(record, "situation")
    if situation not in SITUATIONS:
        raise DecodeError(f"'situation' {situation} is not one of the 25")
    return Finding(
        id=text(record, "id", MAX_ID_LENGTH),
        situation=situation,
        case_id=text(record, "case_id", MAX_ID_LENGTH),
        case_number=text(record, "case_number", 200),
        court_id=text(record, "court_id", MAX_ID_LENGTH),
        officer=text(record, "officer", 64),
        evidence=tuple(_evidence(item) for item in listed(record, "evidence")),
        source=one_of(record, "source", SOURCES),
        found_at=timestamp(record, "found_at"),
        state=one_of(record, "state", frozenset(FINDING_STATES)),
        decided_by=optional_text(record, "decided_by"),
        decided_at=optional_timestamp(record, "decided_at"),
        reason=optional_note(record, "reason"),
        version=integer(record, "version"),
    )


def tally(findings: Iterable[tuple[str, Finding]]) -> dict[tuple[str, str, str], Counter]:
    """The findings counted by (backend, court, officer), by state: who lets cases lie. Dismissed
    ones are counted apart: they were not passive enforcement after all."""
    counted: dict[tuple[str, str, str], Counter] = {}
    for backend, finding in findings:
        counted.setdefault((backend, finding.court_id, finding.officer), Counter())[finding.state] += 1
    return counted
