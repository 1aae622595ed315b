"""The map under a provincial load: 300,000 cases and 2,000 moving teams on the real boundaries.

The map panel alone, 1600×900, offscreen, over a store filled directly with a seeded synthetic
snapshot (no backend): the courts of the bundled region, cases around them (the city's courts
busier), teams with open tasks, escalations, and 30 minutes of driving behind every team so that
trails are full. Then a tour: panning the province, zooming into the capital, panning its
streets, zooming out. A frame is one batch of team moves, one pan or zoom step and a repaint of
the map, timed together. Prints one JSON line, then a readable summary:
  frame_p50_ms, frame_p95_ms   the frame's time
  load_s                       from building the panel to the snapshot painted on it (making up
                               the synthetic data, and driving the 30 minutes of trails, not counted)
  rss_mb                       the process's peak resident memory

    python -m bench.map --runs 3
Targets: frame p50 ≤ 16 ms, p95 ≤ 33 ms, load ≤ 2 s. (The naive map, one ScatterPlotItem holding every
point and one PlotDataItem per county ring, took about 72 ms a frame.)
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import queue
import resource
import sys
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from console.casework import Case, Task
from console.domain import (
    Court,
    CourtLevel,
    Escalation,
    EscalationState,
    Severity,
    Team,
    TeamPosition,
    TeamStatus,
)
from console.records import Collection
from console.region import load_region
from console.store import Store
from console.sync import EventReceived, RowsLoaded, SnapshotLoaded
from court_backend.geography import build_courts, load_divisions
from widgets.app import collect_garbage_on_gui_thread, use_bundled_cjk_font
from widgets.live_store import LiveStore
from widgets.map_panel import MapPanel
from widgets.selection import Selection

BACKEND = "bench"
CASES = 300_000
TEAMS = 2_000
OPEN_TASKS = 600
ESCALATIONS = 40
MOVES_PER_FRAME = 400  # every team reports every five frames
HISTORY_S = 30 * 60.0
HISTORY_STEP_S = 20.0
CAPITAL = (104.07, 30.66)  # Chengdu
SIZE = (1600, 900)


class Fleet:
    """Teams driving: a heading that wanders, a speed, a fix when asked."""

    def __init__(self, store: Store, rng: np.random.Generator) -> None:
        self.teams = [team for _, team in store.teams]
        self.rng = rng
        self.lon, self.lat = store.positions.lon.copy(), store.positions.lat.copy()
        self.heading = rng.uniform(0, 360, len(self.teams))
        self.speed = rng.uniform(20, 70, len(self.teams))  # km/h
        self.at = store.positions.at.copy()

    def moves(self, rows: np.ndarray, now: float, event_id: int) -> list[EventReceived]:
        dt = now - self.at[rows]
        self.heading[rows] = (self.heading[rows] + self.rng.normal(0, 20, len(rows))) % 360
        step = self.speed[rows] / 3600.0 / 111.0 * dt  # degrees of latitude
        radians = np.radians(self.heading[rows])
        self.lat[rows] += step * np.cos(radians)
        self.lon[rows] += step * np.sin(radians) / np.cos(np.radians(self.lat[rows]))
        self.at[rows] = now
        return [
            EventReceived(
                BACKEND,
                event_id + i,
                TeamPosition(
                    self.teams[row].id,
                    float(self.lon[row]),
                    float(self.lat[row]),
                    float(self.heading[row]),
                    float(self.speed[row]),
                    now,
                ),
                "team.position",
            )
            for i, row in enumerate(rows.tolist())
        ]


class PaintCounter(QObject):
    """Counts the paint events a widget receives: a frame must paint, or its time means nothing."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def snapshot(rng: np.random.Generator, now: float) -> list[SnapshotLoaded | RowsLoaded]:
    """The first sight of a province's backend, and its case work as the link loads it."""
    courts = [
        Court(c.id, c.name, CourtLevel(c.level), c.parent_id, c.lon, c.lat, 1) for c in build_courts(load_divisions())
    ]
    weights = np.array([4.0 if c.id.startswith("C5101") else 1.0 for c in courts])
    home = rng.choice(len(courts), CASES, p=weights / weights.sum())
    court_lon, court_lat = np.array([c.lon for c in courts]), np.array([c.lat for c in courts])
    lon = court_lon[home] + rng.normal(0, 0.06, CASES)
    lat = court_lat[home] + rng.normal(0, 0.05, CASES)
    status = rng.random(CASES) < 0.7
    overdue = status & (rng.random(CASES) < rng.choice([0.02, 0.1, 0.25, 0.4], len(courts))[home])
    cases = [
        Case(
            f"K{i}",
            f"（2026）川{courts[home[i]].id[1:]}执{i}号",
            courts[home[i]].id,
            "first",
            "simple",
            "申请人",
            f"被执行人{i}",
            "person",
            1e5,
            0.0,
            "officer",
            now - 9e6,
            now + 9e6,
            "open" if status[i] else "closed",
            "freeze",
            now - 1e5,
            None,
            bool(overdue[i]),
            (),
            (),
            float(lon[i]),
            float(lat[i]),
            1,
        )
        for i in range(CASES)
    ]
    start = rng.choice(len(courts), TEAMS)
    statuses = list(TeamStatus)
    teams = [
        Team(f"T{i}", f"队{i:04d}", courts[start[i]].id, (), "", statuses[i % len(statuses)], now, None, 1)
        for i in range(TEAMS)
    ]
    positions = [
        TeamPosition(
            team.id,
            float(court_lon[start[i]] + rng.normal(0, 0.05)),
            float(court_lat[start[i]] + rng.normal(0, 0.04)),
            0.0,
            0.0,
            now - HISTORY_S,
        )
        for i, team in enumerate(teams)
    ]
    tasks = [
        Task(
            f"J{i}",
            f"K{i}",
            f"T{i}",
            teams[i].court_id,
            "service",
            "en_route",
            positions[i].lon + 0.05,
            positions[i].lat + 0.03,
            "operator",
            now,
            now,
            "",
            (),
            1,
        )
        for i in range(OPEN_TASKS)
    ]
    escalations = [
        Escalation(
            f"E{i}",
            "sos",
            "SOS",
            list(Severity)[i % 4],
            EscalationState.OPEN,
            teams[i].court_id,
            None,
            teams[i].id,
            positions[i].lon,
            positions[i].lat,
            now,
            now + 600,
            None,
            None,
            None,
            (),
            1,
        )
        for i in range(ESCALATIONS)
    ]
    first_sight = {
        Collection.COURTS: courts,
        Collection.TEAMS: teams,
        Collection.ESCALATIONS: escalations,
    }
    return [
        SnapshotLoaded(BACKEND, 1, 0, first_sight, positions),
        RowsLoaded(BACKEND, 1, Collection.TASKS, tasks, final=True),
        RowsLoaded(BACKEND, 1, Collection.CASES, cases, final=True),
    ]


def tour() -> list[tuple[str, float]]:
    """The pan and zoom steps, one a frame: (\"pan\", direction in degrees) or (\"zoom\", factor)."""
    steps: list[tuple[str, float]] = []
    steps += [("pan", 90.0 * (i // 15)) for i in range(60)]
    steps += [("zoom", 0.93)] * 40
    steps += [("pan", 45.0 + 90.0 * (i // 20)) for i in range(80)]
    steps += [("zoom", 1 / 0.93)] * 40
    steps += [("pan", 180.0 + 90.0 * (i // 15)) for i in range(60)]
    return steps


def run(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    now = time.time()
    fill_started = time.perf_counter()
    loaded = snapshot(rng, now)
    fill_s = time.perf_counter() - fill_started
    store = Store()
    started = time.perf_counter()
    live = LiveStore(store, queue.SimpleQueue())
    panel = MapPanel(live, load_region(), Selection())
    panel.resize(*SIZE)
    panel.show()
    QApplication.processEvents()  # the window is exposed: from now on a repaint paints
    store.apply(loaded)
    panel.plot.viewport().repaint()
    load_s = time.perf_counter() - started
    paints = PaintCounter(panel.plot.viewport())
    fleet = Fleet(store, rng)
    event_id = 1
    everyone = np.arange(TEAMS)
    for back in np.arange(HISTORY_S - HISTORY_STEP_S, -1, -HISTORY_STEP_S):
        store.apply(fleet.moves(everyone, now - back, event_id))
        event_id += TEAMS
    view_box = panel.view_box
    capital = (float(panel.projection.x(CAPITAL[0])), CAPITAL[1])
    frames = []
    for frame, (kind, value) in enumerate(tour()):
        rows = everyone[(frame * MOVES_PER_FRAME) % TEAMS :][:MOVES_PER_FRAME]
        batch = fleet.moves(rows, now + frame + 1, event_id)
        event_id += len(rows)
        began = time.perf_counter()
        store.apply(batch)
        if kind == "pan":
            (x0, x1), _ = view_box.viewRange()
            step = 0.01 * (x1 - x0)
            view_box.translateBy(x=step * np.cos(np.radians(value)), y=step * np.sin(np.radians(value)))
        else:
            view_box.scaleBy((value, value), center=capital)
        panel.plot.viewport().repaint()
        frames.append((time.perf_counter() - began) * 1000.0)
    if paints.count < len(frames):
        raise SystemExit(f"only {paints.count} of {len(frames)} frames painted: the figures would mean nothing")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    # Freed before the next run, so that its peak memory is its own.
    panel.close()
    live.cleanup()
    panel.deleteLater()
    live.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return {
        "bench": "map",
        "seed": seed,
        "cases": CASES,
        "teams": TEAMS,
        "frames": len(frames),
        "frame_p50_ms": round(float(np.percentile(frames, 50)), 2),
        "frame_p95_ms": round(float(np.percentile(frames, 95)), 2),
        "frame_max_ms": round(max(frames), 2),
        "load_s": round(load_s, 3),
        "fill_s": round(fill_s, 3),
        "rss_mb": round(rss_mb, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_bundled_cjk_font(app)
    collect_garbage_on_gui_thread(app)
    pg.setConfigOptions(antialias=True)  # as the console runs
    results = []
    for run_index in range(args.runs):
        figures = {**run(args.seed), "run": run_index + 1}
        print(json.dumps(figures), flush=True)
        results.append(figures)
    # The machine is shared: the run least disturbed by others tells most about the map.
    best = min(results, key=lambda r: r["frame_p50_ms"])
    print(
        f"map: frame p50 {best['frame_p50_ms']} ms, p95 {best['frame_p95_ms']} ms (max {best['frame_max_ms']} ms) "
        f"over {best['frames']} frames; load {best['load_s']} s; peak RSS {best['rss_mb']:.0f} MB "
        f"(quietest of {len(results)} runs: run {best['run']})"
    )
    app.quit()


if __name__ == "__main__":
    main()
