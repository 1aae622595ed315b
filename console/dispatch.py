"""Which team to send: the available teams of a backend ranked by estimated travel time to a target.

Available means free to take a task, as the backend has it: standing by with no task given, and
in contact (a team whose heartbeat has stopped cannot be reached). Travel time is the straight-line distance
stretched by a road factor, at a typical speed for the distance: a rough guide for the operator,
who still chooses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from console.domain import Team, TeamPosition, TeamStatus, out_of_contact
from console.store import Store

AVAILABLE = frozenset({TeamStatus.STANDBY})
ROAD_FACTOR = 1.35  # roads are longer than the crow flies, more so in the mountains of the west
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Suggestion:
    team: Team
    position: TeamPosition
    distance_km: float
    eta_min: float


def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def travel_minutes(km: float) -> float:
    """Town streets for short trips, highways for long ones."""
    road_km = km * ROAD_FACTOR
    speed_kmh = 30.0 if road_km < 10 else 50.0 if road_km < 60 else 70.0
    return road_km / speed_kmh * 60.0


def suggest_teams(store: Store, backend: str, lon: float, lat: float, now: float, limit: int = 10) -> list[Suggestion]:
    """The available teams of `backend`, nearest in time first."""
    suggestions = []
    for row, (team_backend, team) in enumerate(store.teams):
        if team_backend != backend or team.status not in AVAILABLE or team.task_id is not None:
            continue
        position = store.positions.of(row, team.id)
        if out_of_contact(position.at, now):
            continue
        km = distance_km(position.lon, position.lat, lon, lat)
        suggestions.append(Suggestion(team, position, km, travel_minutes(km)))
    suggestions.sort(key=lambda s: (s.eta_min, s.team.id))
    return suggestions[:limit]
