"""Credit punishment counted by court, from the cases the store holds (their flags say what is in
force): the workbench's table, and its totals."""

from __future__ import annotations

from dataclasses import dataclass

from console.store import Store

FLAGS = ("dishonest", "consumption_restricted", "exit_restricted")  # 失信, 限高, 限制出境


@dataclass(frozen=True, slots=True)
class CourtCredit:
    backend: str
    court_id: str
    court: str  # its name, or its id when the store has no such court
    open_cases: int  # open enforcement cases: the ones credit punishment may fall on
    dishonest: int
    consumption_restricted: int
    exit_restricted: int


def credit_by_court(store: Store) -> list[CourtCredit]:
    """Every court with an open enforcement case or an order in force, the most listed first."""
    counts: dict[tuple[str, str], list[int]] = {}
    for backend, case in store.cases:
        if case.kind == "preservation":
            continue
        row = counts.setdefault((backend, case.court_id), [0, 0, 0, 0])
        row[0] += case.status == "open"
        for index, flag in enumerate(FLAGS, start=1):
            row[index] += flag in case.flags
    rows = []
    for (backend, court_id), (open_cases, *held) in counts.items():
        court = store.courts.get(backend, court_id)
        rows.append(CourtCredit(backend, court_id, court.name if court else court_id, open_cases, *held))
    rows.sort(key=lambda r: (-r.dishonest, -r.consumption_restricted, r.court))
    return rows
