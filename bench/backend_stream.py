"""How the reference backend's event stream holds up: N clients reading it at a target rate.

Starts the backend on loopback with `--event-rate` extra team heartbeats a second, connects N
clients (each in its own process, so that the readers do not share one interpreter lock) and
measures, for every `team.position` event, the delay from the time it carries to its arrival.
Prints one JSON line, then a readable summary:
  clients, rate, seconds           what was asked
  events_per_s_per_client          the slowest client's received rate
  delivery_p50_ms, delivery_p99_ms over all clients' team.position events
  lost                             gaps in the event ids any client saw (0 is the only good answer)

    python -m bench.backend_stream --clients 4 --rate 2000 --seconds 20
Target: 2,000 events/s to each of 4 clients with delivery_p99_ms ≤ 50 and lost 0.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import time
from datetime import datetime

import numpy as np
import requests

from console.embedded import EmbeddedBackend
from console.sse import SseParser

# Not counted: the first seconds, while the new backend files the rest of its book (some 1,500
# cases after the first 500, published as they are filed); the stream's steady state is measured.
WARM_UP_S = 5.0


def read_stream(url: str, password: str, seconds: float, results: multiprocessing.Queue) -> None:
    token = requests.post(
        f"{url}/api/v1/auth/token", json={"username": "observer", "password": password}, timeout=10
    ).json()["access_token"]
    parser, delays, ids = SseParser(), [], []
    with requests.get(
        f"{url}/api/v1/events", headers={"Authorization": f"Bearer {token}"}, stream=True, timeout=(5, 30)
    ) as response:
        started = time.time()
        for chunk in response.raw.read_chunked(decode_content=True):
            now = time.time()
            for event in parser.feed(chunk):
                if now - started < WARM_UP_S:
                    continue
                ids.append(int(event.id))
                if event.type == "team.position":
                    sent = datetime.fromisoformat(json.loads(event.data)["at"]).timestamp()
                    delays.append((now - sent) * 1000.0)
            if now - started >= WARM_UP_S + seconds:
                break
    lost = int(np.sum(np.diff(ids) - 1)) if len(ids) > 1 else 0
    results.put({"events": len(ids), "seconds": seconds, "delays": delays, "lost": lost})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rate", type=float, default=2000.0, help="extra events a second (the simulation adds ~100)")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()

    backend = EmbeddedBackend(cases=2000, options=("--event-rate", str(args.rate)))
    backend.start()
    try:
        url = backend.wait_ready()
        results: multiprocessing.Queue = multiprocessing.Queue()
        readers = [
            multiprocessing.Process(
                target=read_stream, args=(url, backend.password_of("observer"), args.seconds, results)
            )
            for _ in range(args.clients)
        ]
        for reader in readers:
            reader.start()
        reports = [results.get(timeout=args.seconds + 60) for _ in readers]
        for reader in readers:
            reader.join()
    finally:
        backend.close()
    delays = np.concatenate([np.asarray(r["delays"]) for r in reports])
    figures = {
        "bench": "backend_stream",
        "clients": args.clients,
        "rate": args.rate,
        "seconds": args.seconds,
        "events_per_s_per_client": round(min(r["events"] / r["seconds"] for r in reports), 1),
        "delivery_p50_ms": round(float(np.percentile(delays, 50)), 1),
        "delivery_p99_ms": round(float(np.percentile(delays, 99)), 1),
        "lost": sum(r["lost"] for r in reports),
    }
    print(json.dumps(figures))
    print(
        f"backend_stream: {figures['clients']} clients, {figures['events_per_s_per_client']:.0f} events/s each, "
        f"delivery p50 {figures['delivery_p50_ms']} ms, p99 {figures['delivery_p99_ms']} ms, lost {figures['lost']}"
    )


if __name__ == "__main__":
    main()
