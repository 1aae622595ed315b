"""`court-backend`: runs the reference court backend on a host and port of your choice;
`court-backend users …` manages the accounts on its data directory (a running backend's too), and
`court-backend audit verify` checks its audit log's hash chain, or an export of it."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import ipaddress
import json
import logging
import socket
import ssl
import sys
import threading
from pathlib import Path

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from court_backend import audit, conformance
from court_backend.accounts import AccountError, Accounts, check_password
from court_backend.app import Config, create_app
from court_backend.catalogue import ROLES
from court_backend.events import DEFAULT_KEEP_S, DEFAULT_RETENTION
from court_backend.geography import HIGH_COURT, build_courts, load_divisions
from court_backend.storage import DATABASE_FILE, connect

DEFAULT_DATA = Path("court-backend-data")
REQUEST_TIMEOUT_S = 10.0  # to send a whole request, on a new connection or after an answer
KEEP_ALIVE_S = 5  # an idle connection between requests is closed after this
MAX_CONNECTIONS = 1000  # beyond this, a request is answered 503 at once
MAX_CASES = 1_000_000  # the largest book a backend files (a province holds about this many open and recent)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="court-backend",
        description="The reference court backend, with a live simulation.",
        epilog="Also: court-backend users {add,list,disable,enable,reset-password,courts} … (the accounts of a data"
        " directory), court-backend audit verify [--data DIR | --file F] (the audit log's hash chain) and"
        " court-backend conformance URL --user U --password-file F (any backend against the contract); each"
        " with --help.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8470, help="port to listen on; 0 picks a free one (default 8470)")
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="data directory, created when missing (default ./court-backend-data)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the simulation (default 1)")
    parser.add_argument("--teams", type=int, default=200, help="number of field teams (default 200, at most 2000)")
    parser.add_argument(
        "--cases",
        type=int,
        default=50_000,
        help="cases in a new book (default 50,000, at most 1,000,000; an existing book keeps its own)",
    )
    parser.add_argument(
        "--speed", type=float, default=1.0, help="time scale of the simulation (default 1.0: real time)"
    )
    parser.add_argument(
        "--event-retention",
        type=int,
        default=DEFAULT_RETENTION,
        metavar="N",
        help=f"at most N events kept for resuming clients and replay (default {DEFAULT_RETENTION:,})",
    )
    parser.add_argument(
        "--event-keep-hours",
        type=float,
        default=DEFAULT_KEEP_S / 3600,
        metavar="H",
        help=f"events kept for H hours of the backend's clock, within the N (default {DEFAULT_KEEP_S / 3600:g})",
    )
    parser.add_argument(
        "--event-rate",
        type=float,
        default=0.0,
        metavar="N",
        help="for load tests: N extra team heartbeats a second (default 0)",
    )
    parser.add_argument(
        "--demo-accounts",
        action="store_true",
        help="on a new data directory, make the demo's accounts, each with a random password written to a file"
        " there that only you can read",
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


class _RequestDeadline(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request, headers and body, counted from the
    connection's start and from the end of each answer: a connection that sends nothing, or sends
    its request a byte at a time, is closed after REQUEST_TIMEOUT_S rather than held for ever."""

    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._start_deadline()

    def handle_events(self) -> None:
        super().handle_events()
        if self._received():
            self._cancel_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._start_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def _received(self) -> bool:
        """Whether a request has come whole, and is being answered."""
        return self.cycle is not None and not self.cycle.more_body and not self.cycle.response_complete

    def _start_deadline(self) -> None:
        self._cancel_deadline()
        self._deadline = self.loop.call_later(REQUEST_TIMEOUT_S, self._on_deadline)

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _on_deadline(self) -> None:
        self._deadline = None
        if not self._received():
            self.transport.close()


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


def _users_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="court-backend users",
        description="Manage the accounts of a backend's data directory; passwords are read from standard input.",
    )
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory (default ./court-backend-data)")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", parents=[data], help="make an account")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--court", default=HIGH_COURT, metavar="COURT_ID", help=f"the user's court (default {HIGH_COURT})")
    add.add_argument("--display-name", default="", help="the name shown for the user (default the username)")
    commands.add_parser("list", parents=[data], help="list the accounts")
    commands.add_parser("courts", help="list the courts an account may belong to (id, level, name)")
    for name, text in (
        ("disable", "disable an account (its sessions end)"),
        ("enable", "enable an account"),
        ("reset-password", "give an account a new password (its sessions end)"),
    ):
        commands.add_parser(name, parents=[data], help=text).add_argument("username")
    return parser


def _read_password(username: str) -> str:
    """The new password, from standard input: its first line (prompted for, twice, at a terminal)."""
    if sys.stdin.isatty():
        password = getpass.getpass(f"password for {username}: ")
        if getpass.getpass("again: ") != password:
            raise AccountError("the two passwords differ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    check_password(password)
    return password


def users(argv: list[str]) -> None:
    args = _users_parser().parse_args(argv)
    courts = {court.id: court for court in build_courts(load_divisions())}
    if args.command == "courts":
        for court in courts.values():
            print(f"{court.id}\t{court.level}\t{court.name}")
        return
    accounts = Accounts(connect(args.data), actor=f"cli:{getpass.getuser()}")
    try:
        if args.command == "add":
            if args.court not in courts:
                raise AccountError(f"there is no court {args.court} (court-backend users courts lists them)")
            user = accounts.add(args.username, _read_password(args.username), args.role, args.court, args.display_name)
            print(f"court-backend: made {user.username} ({user.role}, {courts[user.court_id].name})")
        elif args.command == "list":
            for user in accounts.users():
                court = courts.get(user.court_id)
                state = "enabled" if user.enabled else "disabled"
                shown = court.name if court else user.court_id
                print(f"{user.username}\t{user.display_name}\t{user.role}\t{user.court_id}\t{shown}\t{state}")
        elif args.command in ("disable", "enable"):
            user = accounts.set_enabled(args.username, args.command == "enable")
            print(f"court-backend: {user.username} is {args.command}d")
        else:
            accounts.reset_password(args.username, _read_password(args.username))
            print(f"court-backend: {args.username} has a new password; its sessions have ended")
    except AccountError as error:
        sys.exit(f"court-backend: {error}")


def _audit_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="court-backend audit", description="Check the audit log's hash chain.")
    commands = parser.add_subparsers(dest="command", required=True)
    verify = commands.add_parser(
        "verify", help="check every entry's hash and link; exit 1 at the first entry that does not hold"
    )
    where = verify.add_mutually_exclusive_group()
    where.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory (default ./court-backend-data)")
    where.add_argument("--file", type=Path, help="an export (JSON Lines) instead of a data directory")
    return parser


def audit_command(argv: list[str]) -> None:
    args = _audit_parser().parse_args(argv)
    if args.file is not None:
        try:
            verdict = audit.verify_export(args.file.read_text(encoding="utf-8").splitlines())
        except (OSError, ValueError) as error:
            sys.exit(f"court-backend: cannot read {args.file}: {error}")
    else:
        if not (args.data / DATABASE_FILE).is_file():
            sys.exit(f"court-backend: no backend database in {args.data}")
        db = connect(args.data)
        verdict = audit.verify(audit.rows(db))
        db.close()
    if not verdict.ok:
        sys.exit(f"court-backend: broken at entry {verdict.broken_id} ({verdict.entries} entries before it hold)")
    print(f"ok {verdict.entries} entries")


def conformance_command(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="court-backend conformance",
        description="Check a backend against the Court Backend API, as a client sees it (read-only unless --commands).",
    )
    parser.add_argument("url", help="the backend's base URL, e.g. https://court.example:8470")
    parser.add_argument("--user", required=True, help="an account to sign in with (a reader of the whole province)")
    parser.add_argument("--password-file", required=True, type=Path, help="a file whose first line is its password")
    parser.add_argument("--json", action="store_true", help="one JSON object per check, then a summary")
    parser.add_argument(
        "--commands",
        action="store_true",
        help="also dispatch a standby team, instruct a team and acknowledge an open escalation (changes the backend)",
    )
    args = parser.parse_args(argv)
    try:
        password = args.password_file.read_text(encoding="utf-8").splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError) as error:
        sys.exit(f"court-backend: cannot read a password from {args.password_file}: {error}")
    results = conformance.Conformance(args.url, args.user, password, commands=args.commands).run()
    if args.json:
        for result in results:
            print(json.dumps(result.as_json(), ensure_ascii=False))
        print(json.dumps({"passed": sum(r.ok for r in results), "failed": sum(not r.ok for r in results)}))
    else:
        print(conformance.report(results))
    if not all(result.ok for result in results):
        sys.exit(1)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["conformance"]:
        conformance_command(argv[1:])
        return
    if argv[:1] == ["users"]:
        users(argv[1:])
        return
    if argv[:1] == ["audit"]:
        audit_command(argv[1:])
        return
    parser = _parser()
    args = parser.parse_args(argv)
    if not 1 <= args.teams <= 2000:
        parser.error("--teams must be between 1 and 2000")
    if not 1 <= args.cases <= MAX_CASES:
        parser.error(f"--cases must be between 1 and {MAX_CASES}")
    if args.speed <= 0:
        parser.error("--speed must be above 0")
    if not 0 <= args.event_rate <= 100_000:
        parser.error("--event-rate must be between 0 and 100000")
    if args.event_retention < 1:
        parser.error("--event-retention must be at least 1")
    if not args.event_keep_hours > 0:
        parser.error("--event-keep-hours must be more than 0")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
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
            seed=args.seed,
            teams=args.teams,
            cases=args.cases,
            speed=args.speed,
            event_retention=args.event_retention,
            event_keep_s=args.event_keep_hours * 3600,
            event_rate=args.event_rate,
            stepped_clock=args.stepped_clock,
            demo_accounts=args.demo_accounts,
        )
    )
    backend = app.state.backend
    if backend.demo_accounts is not None:
        names = ", ".join(user.username for user in backend.accounts.users())
        print(f"court-backend: demo accounts {names}; their passwords are in {backend.demo_accounts}", flush=True)
    elif not backend.accounts.users():
        print(
            f"court-backend: no accounts yet: court-backend users add NAME --role ROLE --data {args.data}", flush=True
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
    config = uvicorn.Config(
        app,
        http=_RequestDeadline,
        log_level="warning",
        timeout_keep_alive=KEEP_ALIVE_S,
        limit_concurrency=MAX_CONNECTIONS,
        timeout_graceful_shutdown=2,
        **tls,
    )
    server = _Server(config, app.state.backend)
    if args.exit_with_stdin:
        server.stop_when_stdin_closes()
    server.run(sockets=[sock])
