"""The indicators of 基本解决执行难 per court over a province's book: a million cases filed over
three years (six in ten closed), with their enforcement complaints, in a SQLite database laid out
as the reference backend's (`court_backend.cases`: the columns the indicators count by and their
covering index, beside a document of a real case's size).

Times `court_backend.world.count_figures`: the full recount of the indicators, with the progress
of two campaigns over every court, that the backend runs on a worker thread (never on the event
loop) once a minute, publishing what changed of each court's. Prints one JSON line, then a
readable summary:
  cases, complaints   the book
  first_s             the first recount (the index read from disk into the page cache)
  recount_p50_s, recount_max_s   the recounts after it

    python -m bench.indicators --runs 5
Target: a full recount ≤ 5 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from court_backend.cases import CASE_COLUMNS, SCHEMA, add_indicator_columns
from court_backend.geography import build_courts, load_divisions
from court_backend.world import count_figures

CASES = 1_000_000
DOC_BYTES = 3_000  # a case's document with its history, ledger and parties, about
DAY_S = 86_400.0
OUTCOMES = (("completed", 0.35), ("settled", 0.1), ("terminated_for_now", 0.4), ("preserved", 0.1), ("closed", 0.05))


def fill(database: Path, count: int, now: float, seed: int) -> int:
    """Writes a book of `count` cases over three years before `now`; answers how many complaints."""
    rng = random.Random(seed)
    courts = [court.id for court in build_courts(load_divisions())]
    db = sqlite3.connect(database)
    db.execute("pragma journal_mode = wal")
    for statement in SCHEMA:
        db.execute(statement)
    add_indicator_columns(db)
    doc, plan = "x" * DOC_BYTES, "[]"
    outcomes, weights = zip(*OUTCOMES, strict=True)
    complaints = 0
    for start in range(0, count, 20_000):
        rows, filed_complaints = [], []
        for number in range(start, min(count, start + 20_000)):
            filed_at = now - rng.uniform(0, 3 * 365) * DAY_S
            court = rng.choice(courts)
            closed = rng.random() < 0.6 and filed_at < now - 30 * DAY_S
            closed_at = min(now, filed_at + rng.uniform(20, 400) * DAY_S) if closed else None
            outcome = rng.choices(outcomes, weights)[0] if closed else None
            sought = rng.lognormvariate(11, 1.1)
            case_id = f"K{number + 1:07d}"
            rows.append(
                (
                    case_id,
                    court,
                    "archived" if closed else "assignment",
                    "closed" if closed else "open",
                    None,
                    104.0,
                    30.6,
                    filed_at,
                    closed_at,
                    sought,
                    sought * rng.random() if closed else 0.0,
                    doc,
                    plan,
                    None,
                    filed_at + 180 * DAY_S,
                    outcome,
                    int(rng.random() < 0.97) if outcome == "terminated_for_now" else None,
                    filed_at + 100 * DAY_S if outcome == "terminated_for_now" else None,
                    None,
                )
            )
            if rng.random() < 0.04:
                received = filed_at + rng.uniform(1, 60) * DAY_S
                filed_complaints.append(
                    (
                        case_id,
                        "X1",
                        court,
                        received,
                        received + 30 * DAY_S,
                        received + rng.lognormvariate(2.5, 0.6) * DAY_S,
                    )
                )
        with db:
            db.executemany(f"insert into cases values ({', '.join('?' * CASE_COLUMNS)})", rows)
            db.executemany("insert into complaints values (?, ?, ?, ?, ?, ?)", filed_complaints)
        complaints += len(filed_complaints)
    db.close()
    return complaints


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=CASES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    now = time.time()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "court.sqlite3"
        complaints = fill(database, args.cases, now, args.seed)
        courts = [{"court_id": court.id} for court in build_courts(load_divisions())]
        campaigns = [  # as the demo's: a hundred days under way, a Spring Festival's ended
            {"id": "A1", "_span": (now - 60 * DAY_S, now + 40 * DAY_S), "courts": courts},
            {"id": "A2", "_span": (now - 300 * DAY_S, now - 255 * DAY_S), "courts": courts},
        ]
        times = []
        for _ in range(args.runs + 1):
            started = time.perf_counter()
            figures, _ = count_figures(database, campaigns, now)
            times.append(time.perf_counter() - started)
    assert sum(court["filed"] for court in figures["courts"]) == args.cases
    later = sorted(times[1:])
    result = {
        "bench": "indicators",
        "cases": args.cases,
        "complaints": complaints,
        "courts": len(figures["courts"]),
        "first_s": round(times[0], 2),
        "recount_p50_s": round(later[len(later) // 2], 2),
        "recount_max_s": round(later[-1], 2),
    }
    print(json.dumps(result))
    print(
        f"{args.cases:,} cases, {complaints:,} complaints, {result['courts']} courts: first recount "
        f"{result['first_s']} s, then p50 {result['recount_p50_s']} s, max {result['recount_max_s']} s (target ≤ 5 s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
