"""How soon a new operator sees a live command centre: launch to live, launch to a moving team.

Runs the console offscreen on its embedded backend, as `enforcement-console` does, and prints one
JSON line per run, then a readable summary:
  window_s        construction of the main window (map, panels) after QApplication exists
  live_s          launch to the first snapshot applied (teams on the map)
  first_move_s    launch to the first team marker that moved
  rss_mb          resident memory of the console process once live (the backend not included)

    python -m bench.startup --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from console.embedded import EmbeddedBackend
from widgets.app import ConsoleSession

TIMEOUT_S = 120.0


def wait_for(condition, timeout_s: float = TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while time.monotonic() < deadline:
        if condition():
            return True
        QTimer.singleShot(5, loop.quit)
        loop.exec()
    return False


def one_run(settings_dir: Path) -> dict:
    launched = time.monotonic()
    session = ConsoleSession(QSettings(str(settings_dir / "bench.ini"), QSettings.Format.IniFormat), EmbeddedBackend())
    window_s = time.monotonic() - launched
    session.start()
    session.window.show()
    try:
        if not wait_for(session.is_live):
            raise SystemExit("the console did not go live")
        live_s = time.monotonic() - launched
        positions = session.store.positions
        start = (positions.lon.copy(), positions.lat.copy())
        moved = wait_for(lambda: bool((positions.lon != start[0]).any() or (positions.lat != start[1]).any()))
        first_move_s = time.monotonic() - launched if moved else None
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    finally:
        session.shutdown()
        session.window.close()
        session.window.deleteLater()
    return {
        "window_s": round(window_s, 3),
        "live_s": round(live_s, 3),
        "first_move_s": None if first_move_s is None else round(first_move_s, 3),
        "rss_mb": round(rss_mb, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Launch-to-live time of the console on its embedded backend.")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication.instance() or QApplication(sys.argv[:1])
    results = []
    with tempfile.TemporaryDirectory() as settings_dir:
        for run in range(args.runs):
            result = {"bench": "startup", "run": run + 1, **one_run(Path(settings_dir))}
            print(json.dumps(result), flush=True)
            results.append(result)
    live = [r["live_s"] for r in results]
    moves = [r["first_move_s"] for r in results if r["first_move_s"] is not None]
    print(
        f"startup: live after {statistics.median(live):.2f} s (median of {len(live)}), "
        f"first moving team after {statistics.median(moves):.2f} s, "
        f"window built in {statistics.median(r['window_s'] for r in results):.2f} s, "
        f"peak RSS {max(r['rss_mb'] for r in results):.0f} MB"
    )


if __name__ == "__main__":
    main()
