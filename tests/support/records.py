"""Well-formed records of the contract, for tests to start from and break, and the messages that carry them."""

from __future__ import annotations

from console.records import FIRST_SIGHT, Collection
from console.sync import SnapshotLoaded

TEAM = {
    "id": "T0001",
    "name": "执行一组",
    "court_id": "C510104",
    "members": ["王伟"],
    "vehicle": "川A·12345警",
    "status": "en_route",
    "status_since": "2024-11-27T03:00:00.000Z",
    "position": {"lon": 104.1, "lat": 30.6, "heading": 90.0, "speed_kmh": 40.0, "at": "2024-11-27T03:01:00Z"},
    "version": 3,
}


def first_sight(backend: str, load: int = 1, cursor: int = 0, **rows) -> SnapshotLoaded:
    """A backend's first sight as the link reports it: the collections given (teams as (Team,
    TeamPosition) pairs), the others empty."""
    teams = rows.pop("teams", [])
    held = {collection: list(rows.get(collection.value, [])) for collection in FIRST_SIGHT}
    held[Collection.TEAMS] = [team for team, _ in teams]
    return SnapshotLoaded(backend, load, cursor, held, [position for _, position in teams])
