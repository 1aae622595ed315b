"""Each court's casework figures, from the cases the store holds (their flags say what is in force):
respondents on the list of dishonest judgment debtors, restricted in high consumption or in leaving
the country, cases transferred for bankruptcy review (执转破) and applicants granted judicial relief
(执行救助). The court figures panel's table, and its totals."""

from __future__ import annotations

from dataclasses import dataclass

from console.store import Store

# 失信, 限高, 限制出境, 执转破 (transferred, not refused), 执行救助 (paid)
FLAGS = ("dishonest", "consumption_restricted", "exit_restricted", "bankruptcy_referred", "relief_granted")


@dataclass(frozen=True, slots=True)
class CourtFigures:
    backend: str
    court_id: str
    court: str  # its name, or its id when the store has no such court
    open_cases: int  # open enforcement cases
    counts: tuple[int, ...]  # of the cases flagged with each of `FLAGS`


def figures_by_court(store: Store) -> list[CourtFigures]:
    """Every court with an enforcement case, the most listed first."""
    counts: dict[tuple[str, str], list[int]] = {}
    for backend, case in store.cases:
        if case.kind == "preservation":
            continue
        row = counts.setdefault((backend, case.court_id), [0] * (1 + len(FLAGS)))
        row[0] += case.status == "open"
        for index, flag in enumerate(FLAGS, start=1):
            row[index] += flag in case.flags
    rows = []
    for (backend, court_id), (open_cases, *held) in counts.items():
        court = store.courts.get(backend, court_id)
        rows.append(CourtFigures(backend, court_id, court.name if court else court_id, open_cases, tuple(held)))
    rows.sort(key=lambda r: (-r.counts[0], -r.counts[1], r.court))
    return rows
