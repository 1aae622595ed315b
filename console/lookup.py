"""Finds what an operator types into the map's search box: a case by its number (or a unique part of
it), a team or a court by its name. Whole matches come before partial ones, so that typing a full
number finds that case even when it is part of longer numbers too."""

from __future__ import annotations

from dataclasses import dataclass

from console.store import Store

MAX_MATCHES = 50


@dataclass(frozen=True)
class Match:
    kind: str  # "case", "team" or "court"
    backend: str
    id: str
    name: str  # the case's number, the team's or the court's name
    detail: str  # the case's respondent, the team's and the court's nothing
    lon: float
    lat: float


def lookup(store: Store, text: str, limit: int = MAX_MATCHES) -> list[Match]:
    """What `text` names (case-insensitively), whole matches first; at most `limit`."""
    wanted = text.strip().casefold()
    if not wanted:
        return []
    whole: list[Match] = []
    partial: list[Match] = []

    def consider(name: str, make) -> None:
        folded = name.casefold()
        if folded == wanted:
            whole.append(make())
        elif wanted in folded and len(partial) < limit:
            partial.append(make())

    for team in store.teams:
        consider(team.name, lambda team=team: Match("team", team.backend, team.id, team.name, "", team.lon, team.lat))
    for court in store.courts.values():
        consider(
            court.name,
            lambda court=court: Match("court", court.backend, court.id, court.name, "", court.lon, court.lat),
        )
    for backend, case in store.cases:
        consider(
            case.number,
            lambda backend=backend, case=case: Match(
                "case", backend, case.id, case.number, case.respondent, case.lon, case.lat
            ),
        )
    return (whole + partial)[:limit]
