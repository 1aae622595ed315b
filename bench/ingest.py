"""The console under a heavy stream: the reference backend at a given event rate, the console
offscreen with all its panels, for a while. Prints one JSON line, then a readable summary:
  events_per_s            events the console applied a second
  events_lost             events the backend published that the console never applied
  heartbeat_lag_p50_ms,   lateness of a 10 ms precise timer on the GUI thread: how long the GUI
  heartbeat_lag_p99_ms    was busy (an operator's click waits that long)
  gui_block_max_ms        the longest the GUI thread was busy, meanwhile, while an operator's
                          command went through the outbox every second
  event_to_model_p99_ms   from the time a position carries to its batch reaching the models
  rss_mb                  the console's peak resident memory (the backend is its own process)

    python -m bench.ingest --rate 2000 --seconds 60
Targets at 2,000 events/s: events_lost 0, heartbeat lag p99 ≤ 50 ms, event-to-model p99 ≤ 250 ms,
no command lost.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

WARM_UP_S = 3.0


def run(rate: float, seconds: float) -> dict:
    from console.commands import Action, CommandState, Subject
    from console.embedded import EmbeddedBackend
    from console.records import Collection
    from widgets.app import ConsoleSession

    session = ConsoleSession(
        QSettings(str(Path(os.environ["ENFORCEMENT_CONSOLE_CONFIG_DIR"]) / "bench.ini"), QSettings.Format.IniFormat),
        EmbeddedBackend(cases=2000, options=("--event-rate", str(rate))),
    )
    session.window.show()
    session.start()
    lags, delays = [], []
    clock = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(10)
    last = [0]

    def on_beat() -> None:
        now = clock.elapsed()
        lags.append(max(0, now - last[0] - 10))
        last[0] = now

    def on_changed(changes) -> None:
        if changes.oldest_position_at is not None:
            delays.append((time.time() - changes.oldest_position_at) * 1000.0)

    def command() -> None:  # an operator's instruction: written to the outbox, then sent
        subject = Subject(Collection.TEAMS, session.store.teams[0][1].id)
        backend = session.store.teams[0][0]
        submitted.append(session.connections.submit(backend, Action.MESSAGE, subject, {"text": "保持联络"}, "指令").id)

    submitted: list[str] = []
    operator = QTimer()
    operator.setInterval(1000)
    operator.timeout.connect(command)

    loop = QEventLoop()
    try:
        deadline = time.monotonic() + 60
        while not session.is_live():
            if time.monotonic() > deadline:
                raise SystemExit("the console did not go live")
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        QTimer.singleShot(int(WARM_UP_S * 1000), loop.quit)
        loop.exec()
        health = next(iter(session.store.health.values()))
        first_id, first_count = health.last_event_id, health.events_received
        session.live.changed.connect(on_changed)
        clock.start()
        heartbeat.timeout.connect(on_beat)
        heartbeat.start()
        operator.start()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        heartbeat.stop()
        operator.stop()
        deadline = time.monotonic() + 30
        while any((c := session.store.commands.get(i)) is None or c.state == CommandState.PENDING for i in submitted):
            if time.monotonic() > deadline:
                break
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        delivered = sum(session.store.commands.get(i).state == CommandState.DELIVERED for i in submitted)
        # Every id between the first and the last applied must have been applied once.
        applied = health.events_received - first_count
        published = health.last_event_id - first_id
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    finally:
        session.shutdown()
        session.window.close()
    return {
        "bench": "ingest",
        "rate": rate,
        "seconds": seconds,
        "events_per_s": round(applied / seconds, 1),
        "events_lost": published - applied,  # below 0 would mean events applied twice
        "heartbeat_lag_p50_ms": round(float(np.percentile(lags, 50)), 1),
        "heartbeat_lag_p99_ms": round(float(np.percentile(lags, 99)), 1),
        "gui_block_max_ms": round(float(max(lags)) + 10.0, 1),
        "commands_lost": len(submitted) - delivered,
        "event_to_model_p99_ms": round(float(np.percentile(delays, 99)), 1),
        "rss_mb": round(rss_mb, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=2000.0, help="extra events a second from the backend")
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["ENFORCEMENT_CONSOLE_CONFIG_DIR"] = str(Path(home) / "config")
        os.environ["ENFORCEMENT_CONSOLE_DATA_DIR"] = str(Path(home) / "data")
        from widgets.app import collect_garbage_on_gui_thread

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        collect_garbage_on_gui_thread(QApplication.instance() or QApplication(sys.argv[:1]))  # as the console runs
        figures = run(args.rate, args.seconds)
    print(json.dumps(figures))
    print(
        f"ingest: {figures['events_per_s']:.0f} events/s applied, {figures['events_lost']} lost; GUI heartbeat lag "
        f"p50 {figures['heartbeat_lag_p50_ms']} ms, p99 {figures['heartbeat_lag_p99_ms']} ms, longest GUI block "
        f"{figures['gui_block_max_ms']} ms; event to model p99 {figures['event_to_model_p99_ms']} ms; "
        f"{figures['commands_lost']} commands lost; RSS {figures['rss_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
