"""The indicators by which 基本解决执行难 was assessed (DOMAIN.md, Indicators), per court, over the
cases filed in the last three years (近三年), with the counts each rate is made of, so that any
client adds a court's figures to its jurisdiction's and checks them against the raw cases:

- 有财产可供执行案件法定期限内实际执结率 (target 90%): of the cases actually enforced (执行完毕, or
  performed by settlement: the cases that had property), those closed within their legal limit
  (6 months from filing, 3 for a non-litigation title);
- 无财产可供执行案件终本合格率 (90%): of the 终本 cases, those that met every 终本 condition;
- 执行信访办结率 (90%): of the enforcement complaints received, those concluded;
- 近三年执行案件整体执结率 (80%): of the cases filed, those closed (终本 included: a way to close);
- 实际执行率: of the closed cases, those actually enforced;
- 执行到位率: of the sums sought in the closed cases, what was realised.

Computed on a worker thread from columns kept beside each case (`cases.INDICATOR_COLUMNS`, one
covering index), on its own read-only connection: a full pass over a million cases never holds
up the event loop.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from court_backend.catalogue import DAY_S
from court_backend.clock import utc_iso

WINDOW_DAYS = 3 * 365
TARGETS = {
    "closed_in_limit": 0.9,
    "termination_qualified": 0.9,
    "complaints_concluded": 0.9,
    "overall_closure": 0.8,
}
# rate → (numerator, denominator), both counts of a court's row
RATES = {
    "closed_in_limit": ("enforced_in_limit", "enforced"),
    "termination_qualified": ("terminated_qualified", "terminated_for_now"),
    "complaints_concluded": ("complaints_concluded", "complaints"),
    "overall_closure": ("closed", "filed"),
    "actual_enforcement": ("enforced", "closed"),
    "realisation": ("realised", "sought"),
}
ENFORCED = ("completed", "settled")  # 实际执结: performed in full, or by a settlement


def compute(database: Path, now: float) -> dict:
    """Every court's counts and rates over the cases filed (and complaints received) since three
    years before `now`."""
    since = now - WINDOW_DAYS * DAY_S
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        cases = db.execute(
            "select court_id, count(*), count(closed_at), count(case when outcome in (?, ?) then 1 end),"
            " count(case when outcome in (?, ?) and closed_at <= deadline then 1 end),"
            " count(case when outcome = 'terminated_for_now' then 1 end),"
            " count(case when outcome = 'terminated_for_now' and gate_met = 1 then 1 end),"
            " total(case when closed_at is not null then sought end),"
            " total(case when closed_at is not null then realised end)"
            " from cases indexed by cases_indicators where filed_at >= ? group by court_id",
            (*ENFORCED, *ENFORCED, since),
        ).fetchall()
        complaints = {
            court_id: (received, concluded)
            for court_id, received, concluded in db.execute(
                "select court_id, count(*), count(case when concluded_at <= ? then 1 end) from complaints"
                " where received_at >= ?"
                " group by court_id",
                (now, since),
            )
        }
    finally:
        db.close()
    courts = []
    for court_id, filed, closed, enforced, in_limit, terminated, qualified, sought, realised in cases:
        received, concluded = complaints.get(court_id, (0, 0))
        counts = {
            "filed": filed,
            "closed": closed,
            "enforced": enforced,
            "enforced_in_limit": in_limit,
            "terminated_for_now": terminated,
            "terminated_qualified": qualified,
            "complaints": received,
            "complaints_concluded": concluded,
            "sought": round(sought, 2),
            "realised": round(realised, 2),
        }
        courts.append({"court_id": court_id, **counts, "rates": rates(counts)})
    return {"computed_at": utc_iso(now), "since": utc_iso(since), "targets": TARGETS, "courts": courts}


def rates(counts: dict) -> dict[str, float | None]:
    """Each rate of a court's (or a jurisdiction's summed) counts; None where nothing is counted."""
    return {
        name: round(counts[part] / counts[whole], 4) if counts[whole] else None for name, (part, whole) in RATES.items()
    }
