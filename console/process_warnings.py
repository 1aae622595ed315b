"""流程预警 on the cases the store holds: each open case's graded warning (due soon, overdue,
seriously overdue) and whether it is idle, at a moment, from the moments its backend said each
begins (`Case.warnings`, API 1.4); counted per court and per officer for the warnings panel."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from console.casework import Case, WarningMoments
from console.store import Store

GRADES = ("due_soon", "overdue", "seriously_overdue")  # in rising order
KINDS = (*GRADES, "idle")  # what the panel counts


@dataclass(frozen=True, slots=True)
class Warned:
    """An open case warned of at a moment."""

    backend: str
    case: Case
    grade: str | None  # None: idle within its node's limit
    idle: bool
    since: float  # when its most serious warning began

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind in (self.grade, "idle" if self.idle else None) if kind)


def began(moments: WarningMoments) -> dict[str | None, float | None]:
    """When each graded warning begins, the most serious first; None: when the case is idle."""
    return {
        "seriously_overdue": moments.seriously_overdue_at,
        "overdue": moments.overdue_at,
        "due_soon": moments.due_soon_at,
        None: moments.idle_at,
    }


def grade_of(moments: WarningMoments, now: float) -> str | None:
    """The graded warning at `now`, the most serious first (plain tests: it runs over every case)."""
    if moments.seriously_overdue_at is not None and now >= moments.seriously_overdue_at:
        return "seriously_overdue"
    if moments.overdue_at is not None and now >= moments.overdue_at:
        return "overdue"
    if moments.due_soon_at is not None and now >= moments.due_soon_at:
        return "due_soon"
    return None


def warned(backend: str, case: Case, now: float) -> Warned | None:
    """The case's warnings at `now`; None for none (or a case whose backend says nothing of them)."""
    moments = case.warnings
    if moments is None or case.status != "open":
        return None
    grade = grade_of(moments, now)
    idle = moments.idle_at is not None and now >= moments.idle_at
    if grade is None and not idle:
        return None
    return Warned(backend, case, grade, idle, began(moments)[grade])


def warned_cases(store: Store, now: float) -> list[Warned]:
    """Every open case of the store warned of at `now`, in the store's order."""
    return [w for backend, case in store.cases if (w := warned(backend, case, now)) is not None]


def counts(warnings: list[Warned], by_officer: bool) -> dict[tuple[str, str, str], Counter]:
    """The warnings counted by (backend, court, officer or ""), each by kind."""
    counted: dict[tuple[str, str, str], Counter] = {}
    for w in warnings:
        key = (w.backend, w.case.court_id, w.case.officer if by_officer else "")
        counted.setdefault(key, Counter()).update(w.kinds)
    return counted
