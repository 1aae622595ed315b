"""`court-backend`: runs the reference court backend on a host and port of your choice."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import secrets
import socket
import ssl
import sys
import threading
from pathlib import Path

import uvicorn

from court_backend.app import Config, create_app
from court_backend.auth import ROLES
from court_backend.events import DEFAULT_RETENTION

PASSWORD_ENV = "COURT_BACKEND_DEMO_PASSWORD"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="court-backend", description="The reference court backend, with a live simulation."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8470, help="port to listen on; 0 picks a free one (default 8470)")
    parser.add_argument(
        "--data",
        type=Path,
        default=Path("court-backend-data"),
        help="data directory, created when missing (default ./court-backend-data)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the simulation (default 1)")
    parser.add_argument("--teams", type=int, default=200, help="number of field teams (default 200, at most 2000)")
    parser.add_argument(
        "--cases",
        type=int,
        default=50_000,
        help="cases in a new book (default 50,000, at most 300,000; an existing book keeps its own)",
    )
    parser.add_argument(
        "--speed", type=float, default=1.0, help="time scale of the simulation (default 1.0: real time)"
    )
    parser.add_argument(
        "--event-retention",
        type=int,
        default=DEFAULT_RETENTION,
        metavar="N",
        help=f"events kept for resuming clients (default {DEFAULT_RETENTION:,})",
    )
    parser.add_argument(
        "--event-rate",
        type=float,
        default=0.0,
        metavar="N",
        help="for load tests: N extra team heartbeats a second (default 0)",
    )
    parser.add_argument(
        "--demo-password", help=f"password of the demo accounts (or ${PASSWORD_ENV}); random when absent"
    )
    parser.add_argument("--tls-cert", type=Path, metavar="PEM", help="serve HTTPS with this certificate (chain)")
    parser.add_argument("--tls-key", type=Path, metavar="PEM", help="the certificate's private key")
    parser.add_argument(
        "--tls-client-ca", type=Path, metavar="PEM", help="require client certificates issued by this CA (mutual TLS)"
    )
    parser.add_argument(
        "--exit-with-stdin",
        action="store_true",
        help="stop when standard input closes (the console that starts this backend uses it)",
    )
    parser.add_argument(
        "--stepped-clock",
        action="store_true",
        help='for tests: the simulation stands still until POST /_test/clock {"seconds": N} steps it on',
    )
    return parser


class _Server(uvicorn.Server):
    """Ends the event streams first on shutdown: open streams would otherwise hold it up."""

    def __init__(self, config: uvicorn.Config, backend) -> None:
        super().__init__(config)
        self._backend = backend

    def handle_exit(self, sig, frame) -> None:
        self._backend.stopping = True
        super().handle_exit(sig, frame)

    def stop_when_stdin_closes(self) -> None:
        def _do_watch() -> None:
            while sys.stdin.buffer.read(4096):
                pass
            self._backend.stopping = True
            self.should_exit = True

        threading.Thread(target=_do_watch, name="stdin-watch", daemon=True).start()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def main(argv: list[str] | None = None) -> None:
    parser = _parser()
    args = parser.parse_args(argv)
    if not 1 <= args.teams <= 2000:
        parser.error("--teams must be between 1 and 2000")
    if not 1 <= args.cases <= 300_000:
        parser.error("--cases must be between 1 and 300000")
    if args.speed <= 0:
        parser.error("--speed must be above 0")
    if not 0 <= args.event_rate <= 100_000:
        parser.error("--event-rate must be between 0 and 100000")
    if args.event_retention < 1:
        parser.error("--event-retention must be at least 1")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    password = args.demo_password or os.environ.get(PASSWORD_ENV)
    if not password:
        password = secrets.token_urlsafe(12)
        print(f"court-backend: demo accounts {', '.join(ROLES)}; password {password}", flush=True)
    if (args.tls_key or args.tls_client_ca) and not args.tls_cert:
        parser.error("--tls-key and --tls-client-ca need --tls-cert")
    if not args.tls_cert and not _is_loopback(args.host):
        print("court-backend: warning: serving plain HTTP beyond loopback; clients will refuse it", flush=True)

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Each answer goes out at once: uvicorn writes the headers and the body apart, and Nagle's
    # algorithm would hold a small body back until the client's delayed ACK, some 40 ms later.
    # (Accepted connections take the option from the listening socket.)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as error:
        sys.exit(f"court-backend: cannot listen on {args.host}:{args.port}: {error.strerror}")
    sock.listen(128)
    app = create_app(
        Config(
            args.data,
            password,
            seed=args.seed,
            teams=args.teams,
            cases=args.cases,
            speed=args.speed,
            event_retention=args.event_retention,
            event_rate=args.event_rate,
            stepped_clock=args.stepped_clock,
        )
    )
    host, port = sock.getsockname()[:2]
    shown_host = f"[{host}]" if family == socket.AF_INET6 else host
    scheme = "https" if args.tls_cert else "http"
    # The console starts this process and waits for this exact line to learn the port.
    print(f"court-backend: listening on {scheme}://{shown_host}:{port}", flush=True)
    tls = {}
    if args.tls_cert:
        tls = {"ssl_certfile": str(args.tls_cert), "ssl_keyfile": str(args.tls_key) if args.tls_key else None}
        if args.tls_client_ca:
            tls.update(ssl_ca_certs=str(args.tls_client_ca), ssl_cert_reqs=ssl.CERT_REQUIRED)
    server = _Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=2, **tls), app.state.backend)
    if args.exit_with_stdin:
        server.stop_when_stdin_closes()
    server.run(sockets=[sock])
