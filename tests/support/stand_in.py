"""A stand-in backend for the tests that need one misbehaving on purpose: it answers any login,
and each test's handler answers the rest; and events as a stream carries them."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler


class StandIn(BaseHTTPRequestHandler):
    api_version = "1.0"  # what its /health says
    health_status = 200  # 503: a stalled backend, which still says its version

    def log_message(self, *args) -> None:
        pass

    def answered_health(self) -> bool:
        """Answers GET /health, which a console asks first, for the API version."""
        if self.path.split("?")[0] != "/api/v1/health":
            return False
        status = "ok" if self.health_status == 200 else "stalled"
        self._json({"status": status, "api_version": self.api_version, "last_event_id": 0}, self.health_status)
        return True

    def _json(self, body, status: int = 200) -> None:
        payload = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._json({"access_token": "t0ken", "token_type": "bearer", "role": "operator", "expires_in": 3600})


def event(event_id: int | None, kind: str, data: str) -> bytes:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {kind}\ndata: {data}\n\n".encode()


def position(team_id: str, lon: float) -> str:
    return json.dumps(
        {"team_id": team_id, "lon": lon, "lat": 30.6, "heading": 90, "speed_kmh": 40, "at": "2024-11-27T03:05:00Z"}
    )
