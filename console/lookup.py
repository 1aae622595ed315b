"""Finds what an operator types: a case by its number (or a unique part of it), a team or a court
by its name. The one place where typed text is matched, for the map's search and the case panel
alike. Text is compared as NFKC without spaces and without case, so that full-width brackets and
digits (（2026）川0104执１２号) match their ASCII forms; whole matches come before partial ones, so
that typing a full number finds that case even when it is part of longer numbers too."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from console.records import Collection
from console.store import Store

MAX_MATCHES = 50
KINDS = (Collection.CASES, Collection.TEAMS, Collection.COURTS)


@dataclass(frozen=True)
class Match:
    kind: Collection  # of a case, a team or a court
    backend: str
    id: str
    name: str  # the case's number, the team's or the court's name
    detail: str  # the case's respondent, the team's and the court's nothing
    lon: float
    lat: float
    whole: bool  # the text is the whole name, not a part of it


@dataclass(frozen=True)
class Found:
    matches: list[Match]  # whole matches first, at most the limit asked for
    total: int  # how many matched in all

    def one(self) -> Match | None:
        """The match meant: the only whole one, or the only one at all."""
        whole = [m for m in self.matches if m.whole]
        if len(whole) == 1:
            return whole[0]
        return self.matches[0] if self.total == 1 else None


def folded(text: str) -> str:
    """Text as compared: NFKC, no spaces, any case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def lookup(store: Store, text: str, kinds: tuple[Collection, ...] = KINDS, limit: int = MAX_MATCHES) -> Found:
    """What `text` names among `kinds`, whole matches first."""
    wanted = folded(text)
    if not wanted:
        return Found([], 0)
    whole: list[Match] = []
    partial: list[Match] = []
    total = 0
    for kind, backend, item, name, detail, lon, lat in _candidates(store, kinds):
        name_folded = folded(name)
        if wanted not in name_folded:
            continue
        total += 1
        is_whole = name_folded == wanted
        if is_whole or len(partial) < limit:
            (whole if is_whole else partial).append(Match(kind, backend, item.id, name, detail, lon, lat, is_whole))
    return Found((whole + partial)[:limit], total)


def _candidates(store: Store, kinds: tuple[Collection, ...]) -> Iterator[tuple]:
    """(kind, backend, object, name, detail, lon, lat) of everything that can be looked up."""
    if Collection.TEAMS in kinds:
        positions = store.positions
        for row, (backend, team) in enumerate(store.teams):
            yield Collection.TEAMS, backend, team, team.name, "", float(positions.lon[row]), float(positions.lat[row])
    if Collection.COURTS in kinds:
        for backend, court in store.courts:
            yield Collection.COURTS, backend, court, court.name, "", court.lon, court.lat
    if Collection.CASES in kinds:
        for backend, case in store.cases:
            yield Collection.CASES, backend, case, case.number, case.respondent, case.lon, case.lat
