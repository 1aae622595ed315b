"""Finds what an operator types: a case by its number (or a part of it), a party's name or its
court's name; a team or a court by its name. The one place where typed text is matched, for the
window's search and the case panel alike. Text is compared as NFKC without spaces and without
case, so that full-width brackets and digits (（2026）川0104执１２号) match their ASCII forms; whole
matches come before partial ones, so that typing a full number finds that case even when it is
part of longer numbers too."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from console.records import Collection
from console.store import Store

MAX_MATCHES = 50
NUMBER_EXAMPLE = "（2026）川0104执123号"  # how a case number reads: (year) court code, case type, sequence
KINDS = (Collection.CASES, Collection.TEAMS, Collection.COURTS)


@dataclass(frozen=True)
class Match:
    kind: Collection  # of a case, a team or a court
    backend: str
    id: str
    name: str  # the case's number, the team's or the court's name
    detail: str  # the case's parties and court, the team's and the court's nothing
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


@lru_cache(maxsize=400_000)  # each keystroke folds every case's number and parties again
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
    for kind, backend, item, name, detail, lon, lat, also in _candidates(store, kinds):
        names = [folded(name), *(folded(other) for other in also)]
        if not any(wanted in each for each in names):
            continue
        total += 1
        is_whole = names[0] == wanted  # its own name: a case found by its court is not that court
        if is_whole or len(partial) < limit:
            (whole if is_whole else partial).append(Match(kind, backend, item.id, name, detail, lon, lat, is_whole))
    return Found((whole + partial)[:limit], total)


def _candidates(store: Store, kinds: tuple[Collection, ...]) -> Iterator[tuple]:
    """(kind, backend, object, name, detail, lon, lat, other names it is found by) of everything
    that can be looked up."""
    if Collection.TEAMS in kinds:
        positions = store.positions
        for row, (backend, team) in enumerate(store.teams):
            lon, lat = float(positions.lon[row]), float(positions.lat[row])
            yield Collection.TEAMS, backend, team, team.name, "", lon, lat, ()
    if Collection.COURTS in kinds:
        for backend, court in store.courts:
            yield Collection.COURTS, backend, court, court.name, "", court.lon, court.lat, ()
    if Collection.CASES in kinds:
        courts = {(backend, court.id): court.name for backend, court in store.courts}
        for backend, case in store.cases:
            court = courts.get((backend, case.court_id), "")
            detail = " · ".join(filter(None, (f"{case.applicant} / {case.respondent}", court)))
            yield (
                Collection.CASES,
                backend,
                case,
                case.number,
                detail,
                case.lon,
                case.lat,
                (
                    case.applicant,
                    case.respondent,
                    court,
                ),
            )
