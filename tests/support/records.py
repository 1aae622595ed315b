"""Well-formed records of the contract, for tests to start from and break, and the messages that carry them."""

from __future__ import annotations

from console.records import FIRST_SIGHT, Collection
from console.sync import SnapshotLoaded

TEAM = {
    "id": "T1",
    "name": "执行一组",
    "court_id": "C1",
    "members": ["王伟"],
    "vehicle": "川A·12345警",
    "status": "standby",
    "status_since": "2024-11-27T03:00:00Z",
    "task_id": None,
    "version": 1,
    "position": {"lon": 104.0, "lat": 30.6, "heading": 0, "speed_kmh": 0, "at": "2024-11-27T03:00:00Z"},
}

ESCALATION = {
    "id": "E1",
    "kind": "sos",
    "title": "SOS 紧急求助",
    "severity": "P1",
    "state": "open",
    "source": "team",
    "court_id": "C1",
    "case_id": None,
    "team_id": "T1",
    "location": {"lon": 104.0, "lat": 30.6},
    "raised_at": "2024-11-27T03:00:00Z",
    "ack_deadline": "2024-11-27T03:01:00Z",
    "owner": None,
    "escalated_to": None,
    "resolved_at": None,
    "outcome": None,
    "version": 1,
    "timeline": [{"at": "2024-11-27T03:00:00Z", "actor": "T1", "action": "raised", "state": "open", "note": ""}],
}


CASE = {
    "id": "K1",
    "number": "（2026）川0104执1号",
    "court_id": "C510104",
    "kind": "first",
    "track": "simple",
    "applicant": {"type": "person", "name": "张三"},
    "respondent": {"type": "company", "name": "某公司"},
    "amount_sought": 1000.0,
    "amount_realised": 0.0,
    "officer": "李四",
    "filed_at": "2026-11-27T00:00:00Z",
    "deadline": "2027-05-27T00:00:00Z",
    "status": "open",
    "node": "freeze",
    "node_entered_at": "2026-11-27T00:00:00Z",
    "node_deadline": None,
    "overdue": False,
    "tags": [],
    "flags": ["dishonest"],
    "location": {"lon": 104.0, "lat": 30.6},
    "version": 2,
}

RESULT = {
    "id": "R001",
    "institution": "中国工商银行",
    "category": "bank",
    "state": "answered",
    "sent_at": None,
    "answered_at": "2026-11-27T00:01:00Z",
    "hit": True,
    "finding": {
        "kind": "account",
        "asset": "deposit",
        "description": "账户",
        "value": 5.0,
        "measures": ["freeze", "deduct"],
    },
    "measures": [],
}

QUERY = {
    "id": "Q1",
    "case_id": "K1",
    "court_id": "C510104",
    "respondent": {"type": "company", "name": "某公司"},
    "channel": "national",
    "categories": ["bank"],
    "state": "running",
    "created_by": "operator",
    "created_at": "2026-11-27T00:00:00Z",
    "completed_at": None,
    "results": [RESULT],
    "counts": {},
    "version": 1,
}


def first_sight(backend: str, load: int = 1, cursor: int = 0, **rows) -> SnapshotLoaded:
    """A backend's first sight as the link reports it: the collections given (teams as (Team,
    TeamPosition) pairs), the others empty."""
    teams = rows.pop("teams", [])
    held = {collection: list(rows.get(collection.value, [])) for collection in FIRST_SIGHT}
    held[Collection.TEAMS] = [team for team, _ in teams]
    return SnapshotLoaded(backend, load, cursor, held, [position for _, position in teams])
