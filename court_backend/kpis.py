"""Indicators (KPIs) of the whole book, computed from the database on a worker thread.

The SQL runs on its own read-only connection (SQLite's WAL lets it read beside the writer), so a
slow aggregate over 300,000 cases never stalls the event loop.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from court_backend.catalogue import DAY_S, SEVERITIES
from court_backend.clock import utc_iso

WINDOW_DAYS = 30
AGE_BUCKETS_S = ((60, "<1 min"), (300, "1–5 min"), (1800, "5–30 min"), (14_400, "30 min–4 h"), (float("inf"), ">4 h"))


def compute(database: Path, now: float, team_statuses: list[str], open_escalations: list[tuple[str, float]]) -> dict:
    """The KPI document: `open_escalations` holds (severity, raised_at) of every unresolved one."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        start = now - WINDOW_DAYS * DAY_S
        day = "cast((? - {column}) / 86400 as integer)"
        received = dict(
            db.execute(
                f"select {day.format(column='filed_at')} as d, count(*) from cases where filed_at >= ? group by d",
                (now, start),
            ).fetchall()
        )
        closed = dict(
            db.execute(
                f"select {day.format(column='closed_at')} as d, count(*) from cases where closed_at >= ? group by d",
                (now, start),
            ).fetchall()
        )
        (total_closed, completed, sought, realised, days_sum, within_limit) = db.execute(
            "select count(*), sum(node in ('completed', 'archived') and realised > 0), sum(sought), sum(realised),"
            " sum((closed_at - filed_at) / 86400.0), sum(closed_at - filed_at <= 180 * 86400) from cases"
            " where closed_at is not null"
        ).fetchone()
        overdue_by_court = db.execute(
            "select court_id, count(*) from cases where status = 'open' and node_deadline < ?"
            " group by court_id order by count(*) desc limit 20",
            (now,),
        ).fetchall()
        # 终本合格率: 终本 cases whose gate was met when 终本 was decided (`termination`), of those
        # decided with the gate (a book older than the gate has 终本 cases without a checklist):
        # read from the columns the indicators count by (`cases.INDICATOR_COLUMNS`).
        (terminated, qualified) = db.execute(
            "select count(gate_met), sum(gate_met) from cases where outcome = 'terminated_for_now'"
        ).fetchone()
        # 三个一: cases holding money received more than 30 days ago and not paid out (`funds`).
        (funds_overdue,) = db.execute("select count(*) from cases where funds_due_at < ?", (now,)).fetchone()
        (open_cases, overdue) = db.execute(
            "select count(*), sum(node_deadline < ?) from cases where status = 'open'", (now,)
        ).fetchone()
    finally:
        db.close()
    dates = [utc_iso(now - offset * DAY_S)[:10] for offset in range(WINDOW_DAYS - 1, -1, -1)]
    ages = Counter()
    for _, raised_at in open_escalations:
        ages[next(label for limit, label in AGE_BUCKETS_S if now - raised_at < limit)] += 1
    return {
        "computed_at": utc_iso(now),
        "cases_received_per_day": [
            {"date": d, "count": received.get(WINDOW_DAYS - 1 - i, 0)} for i, d in enumerate(dates)
        ],
        "cases_closed_per_day": [{"date": d, "count": closed.get(WINDOW_DAYS - 1 - i, 0)} for i, d in enumerate(dates)],
        "open_cases": open_cases or 0,
        "closed_cases": total_closed or 0,
        "actual_closure_rate": round((completed or 0) / total_closed, 4) if total_closed else None,
        "money_sought": round(sought or 0.0, 2),
        "money_realised": round(realised or 0.0, 2),
        "realisation_rate": round((realised or 0.0) / sought, 4) if sought else None,
        "average_days_to_close": round(days_sum / total_closed, 1) if total_closed else None,
        "closed_within_limit_rate": round((within_limit or 0) / total_closed, 4) if total_closed else None,
        "terminated_cases": terminated,
        "termination_qualified_rate": round((qualified or 0) / terminated, 4) if terminated else None,
        "funds_overdue_cases": funds_overdue,
        "overdue_nodes": overdue or 0,
        "overdue_nodes_by_court": [{"court_id": court, "count": count} for court, count in overdue_by_court],
        "teams_by_status": dict(sorted(Counter(team_statuses).items())),
        "open_escalations_by_severity": {s: sum(1 for sev, _ in open_escalations if sev == s) for s in SEVERITIES},
        "open_escalations_by_age": {label: ages.get(label, 0) for _, label in AGE_BUCKETS_S},
    }
