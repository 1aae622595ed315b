"""How soon the centre hears a duress check-in: from a team's check-in with its silent code to the
P1 escalation on the event stream, on the reference backend at the demo's rate (by its own
clock; the simulation's teams move and report meanwhile).

Starts the backend on loopback, follows its stream as an observer, and makes `--check-ins` duress
check-ins, one a second, on tasks on scene. Prints one JSON line, then a readable summary:
  check_ins                    made
  p1_p50_ms, p1_max_ms         from sending the check-in to reading its `duress` escalation

    python -m bench.duress --check-ins 20
Target: the P1 within 2 s (max).
"""

from __future__ import annotations

import argparse
import json
import queue
import threading
import time
import uuid

import numpy as np
import requests

from console.embedded import EmbeddedBackend
from console.sse import SseParser

ON_SCENE_WAIT_S = 120.0  # the first teams reach their scenes within a minute or two


def token(url: str, username: str, password: str) -> str:
    answer = requests.post(f"{url}/api/v1/auth/token", json={"username": username, "password": password}, timeout=10)
    return answer.json()["access_token"]


def follow(url: str, bearer: str, alarms: queue.Queue, stop: threading.Event) -> None:
    """Puts (time read, team id) for every duress escalation on the stream."""
    parser = SseParser()
    with requests.get(
        f"{url}/api/v1/events", headers={"Authorization": f"Bearer {bearer}"}, stream=True, timeout=(5, 30)
    ) as response:
        for chunk in response.raw.read_chunked(decode_content=True):
            read_at = time.perf_counter()
            for event in parser.feed(chunk):
                if event.type == "escalation.raised" and (data := json.loads(event.data))["kind"] == "duress":
                    alarms.put((read_at, data["team_id"]))
            if stop.is_set():
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-ins", type=int, default=20)
    args = parser.parse_args()
    backend = EmbeddedBackend(cases=2000)
    backend.start()
    stop, alarms = threading.Event(), queue.Queue()
    try:
        url = backend.wait_ready()
        operator = {"Authorization": f"Bearer {token(url, 'operator', backend.password_of('operator'))}"}
        reader = threading.Thread(
            target=follow, args=(url, token(url, "observer", backend.password_of("observer")), alarms, stop)
        )
        reader.start()
        deadline, tasks = time.monotonic() + ON_SCENE_WAIT_S, []
        while len(tasks) < args.check_ins and time.monotonic() < deadline:
            listed = requests.get(f"{url}/api/v1/tasks", params={"page_size": 1000}, headers=operator, timeout=10)
            tasks = [t for t in listed.json()["items"] if t["state"] == "on_scene"]
            time.sleep(1.0)
        delays = []
        for task in (tasks * args.check_ins)[: args.check_ins]:
            sent_at = time.perf_counter()
            answer = requests.post(
                f"{url}/api/v1/tasks/{task['id']}/check-ins",
                json={"duress": True},
                headers={**operator, "Idempotency-Key": uuid.uuid4().hex},
                timeout=10,
            )
            if answer.status_code != 201:  # the task left the scene meanwhile
                continue
            read_at, team_id = alarms.get(timeout=30)
            assert team_id == task["team_id"]
            delays.append((read_at - sent_at) * 1000.0)
            time.sleep(1.0)
        stop.set()
    finally:
        backend.close()
    figures = {
        "bench": "duress",
        "check_ins": len(delays),
        "p1_p50_ms": round(float(np.percentile(delays, 50)), 1),
        "p1_max_ms": round(float(np.max(delays)), 1),
    }
    print(json.dumps(figures))
    print(
        f"duress: {figures['check_ins']} check-ins under duress, the P1 on the stream after "
        f"p50 {figures['p1_p50_ms']} ms, at most {figures['p1_max_ms']} ms (target 2,000 ms)"
    )


if __name__ == "__main__":
    main()
