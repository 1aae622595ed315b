"""The people who use the backend: an account each, with its own password hashed with argon2id, and
the bearer tokens issued to them.

Accounts and sessions live in the backend's database, so that the CLI (`court-backend users …`)
manages the accounts of a running backend on its data directory, and disabling an account or
resetting its password ends its sessions at once. A session is kept as its token's SHA-256 only:
the database never holds a token that could be replayed.

Sign-ins are throttled per account and per address: after FREE_FAILURES failures in a row, each
further attempt waits (429 with Retry-After) FIRST_LOCK_S, then twice as long at each new failure,
up to MAX_LOCK_S; a success clears both counts, and a count not added to for FORGET_S is forgotten.
Every sign-in, failure, throttle, sign-out, refused token and account change is audited.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from court_backend import audit
from court_backend.catalogue import ROLES
from court_backend.geography import HIGH_COURT
from court_backend.problems import Problem

# The OWASP Password Storage Cheat Sheet's argon2id floor: 19 MiB of memory, 2 passes, 1 lane
# (some 40 ms here). The parameters travel in each hash, so that they can be raised later.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
TOKEN_LIFETIME_S = 8 * 3600
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
# NIST SP 800-63B-4, 3.1.1.2: at least 15 characters for a password that is the only factor.
MIN_PASSWORD = 15
MAX_PASSWORD = 256
MAX_DISPLAY_NAME = 64
DEMO_FILE = "demo-accounts.json"
FREE_FAILURES = 5
FIRST_LOCK_S = 60.0
MAX_LOCK_S = 3600.0
REFUSED_TOKENS_EVERY_S = 10.0
MAX_ADDRESSES_KEPT = 10_000  # of the refused tokens' addresses, then forgotten all at once
MAX_DOUBLINGS = 6  # 60 s · 2⁶ is past MAX_LOCK_S already
FORGET_S = 24 * 3600.0
# The demo's people: two of each role that acts, so that two operators can meet on one escalation
# and the two-person rule can be tried; all of the high court, so that they see the whole province.
DEMO_ACCOUNTS = (
    ("operator", "值班员甲", "operator"),
    ("operator2", "值班员乙", "operator"),
    ("supervisor", "指挥长甲", "supervisor"),
    ("supervisor2", "指挥长乙", "supervisor"),
    ("president", "院长", "president"),
    ("observer", "领导查看", "observer"),
    ("admin", "系统管理员", "admin"),
)
SCHEMA = (
    "create table if not exists users (username text primary key, display_name text not null, role text not null,"
    " court_id text not null, enabled integer not null, password_hash text not null, created_at real not null,"
    " changed_at real not null)",
    "create table if not exists sessions (token_hash text primary key, username text not null,"
    " issued_at real not null, expires_at real not null)",
    "create index if not exists sessions_by_user on sessions (username)",
    "create index if not exists sessions_by_expiry on sessions (expires_at)",
    "create table if not exists login_failures (key text primary key, failures integer not null,"
    " last_at real not null)",
    "create index if not exists login_failures_by_time on login_failures (last_at)",
)
# Verified against when a username is unknown, so that the time taken does not tell which exist.
_NOBODY = HASHER.hash(secrets.token_urlsafe(24))


class AccountError(ValueError):
    """An account that cannot be made or changed as asked; the message says why."""


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str
    court_id: str
    enabled: bool


@dataclass(frozen=True)
class Principal:
    """Who a request is from: a signed-in user, as their session found them."""

    username: str
    display_name: str
    role: str
    court_id: str
    expires_at: float
    session: str  # the SHA-256 of its token


def password_matches(password_hash: str, password: str) -> bool:
    """Whether `password` is the one `password_hash` was made from (slow on purpose: call it off
    the event loop; the hashing releases the interpreter lock)."""
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    """The accounts and sessions of one backend, on a database connection of their own.

    `actor` names who changes the accounts through this object (the CLI's user, or the backend
    itself); `now` is the time the audit records (the backend's clock)."""

    def __init__(
        self, db: sqlite3.Connection, actor: str = "court-backend", now: Callable[[], float] = time.time
    ) -> None:
        self._db = db
        self._actor = actor
        self._now = now
        self._refused: dict[str, tuple[float, int]] = {}  # address → (last audited refused token, refused since)
        with db:
            for statement in SCHEMA:
                db.execute(statement)
        audit.prepare(db)

    def _audit(self, *entries: audit.Entry) -> None:
        audit.write(self._db, *entries)

    def _account_change(self, action: str, username: str, request: dict | None = None) -> audit.Entry:
        return audit.Entry(self._now(), self._actor, action, "account", username, request=request)

    # accounts

    def add(self, username: str, password: str, role: str, court_id: str = HIGH_COURT, display_name: str = "") -> User:
        """Makes an account (raises AccountError when the name is taken or a field is not valid)."""
        return self.add_hashed(
            username, HASHER.hash(self._valid(username, password, role, display_name)), role, court_id, display_name
        )

    def add_hashed(self, username: str, password_hash: str, role: str, court_id: str, display_name: str) -> User:
        now = time.time()
        display_name = display_name or username
        try:
            with self._db:
                self._db.execute("begin immediate")
                self._db.execute(
                    "insert into users values (?, ?, ?, ?, 1, ?, ?, ?)",
                    (username, display_name, role, court_id, password_hash, now, now),
                )
                audit.append(
                    self._db,
                    [
                        self._account_change(
                            "account.add", username, {"role": role, "court_id": court_id, "display_name": display_name}
                        )
                    ],
                )
        except sqlite3.IntegrityError:
            raise AccountError(f"there is already an account {username}") from None
        return self._user(username)

    @staticmethod
    def _valid(username: str, password: str, role: str, display_name: str) -> str:
        if not USERNAME.fullmatch(username):
            raise AccountError(
                "a username has 1 to 64 letters, digits, '.', '_' or '-', and starts with a letter or digit"
            )
        if role not in ROLES:
            raise AccountError(f"a role is one of {', '.join(ROLES)}")
        if len(display_name) > MAX_DISPLAY_NAME or not display_name.isprintable():
            raise AccountError(f"a display name has at most {MAX_DISPLAY_NAME} printable characters")
        check_password(password)
        return password

    def users(self) -> list[User]:
        rows = self._db.execute(
            "select username, display_name, role, court_id, enabled from users order by username"
        ).fetchall()
        return [User(*row[:4], bool(row[4])) for row in rows]

    def _user(self, username: str) -> User:
        row = self._db.execute(
            "select username, display_name, role, court_id, enabled from users where username = ?", (username,)
        ).fetchone()
        if row is None:
            raise AccountError(f"there is no account {username}")
        return User(*row[:4], bool(row[4]))

    def set_enabled(self, username: str, enabled: bool) -> User:
        """Enables or disables an account; disabling it ends its sessions."""
        self._user(username)
        with self._db:
            self._db.execute("begin immediate")
            self._db.execute(
                "update users set enabled = ?, changed_at = ? where username = ?", (int(enabled), time.time(), username)
            )
            if not enabled:
                self._db.execute("delete from sessions where username = ?", (username,))
            audit.append(self._db, [self._account_change("account.enable" if enabled else "account.disable", username)])
        return self._user(username)

    def reset_password(self, username: str, password: str) -> User:
        """Gives an account a new password; its sessions end."""
        self._user(username)
        check_password(password)
        password_hash = HASHER.hash(password)
        with self._db:
            self._db.execute("begin immediate")
            self._db.execute(
                "update users set password_hash = ?, changed_at = ? where username = ?",
                (password_hash, time.time(), username),
            )
            self._db.execute("delete from sessions where username = ?", (username,))
            audit.append(self._db, [self._account_change("account.reset-password", username)])
        return self._user(username)

    # signing in

    def password_hash_of(self, username: str) -> tuple[User | None, str]:
        """The account and its password hash; for an unknown name, None and a hash nobody's password
        matches (verifying against it takes as long as against a real one)."""
        row = self._db.execute(
            "select username, display_name, role, court_id, enabled, password_hash from users where username = ?",
            (username,),
        ).fetchone()
        if row is None:
            return None, _NOBODY
        return User(*row[:4], bool(row[4])), row[5]

    def _login_entry(self, username: str, address: str, outcome: str) -> audit.Entry:
        return audit.Entry(
            self._now(), username, "login", "account", username, request={"address": address}, outcome=outcome
        )

    def attempt(self, username: str, address: str) -> None:
        """Counts a sign-in attempt against the account and the address before its password is
        checked, so that attempts sent at once are counted at once; or refuses it, audited, with
        429 while either waits after its failures. A success clears the counts (`open_session`)."""
        now = time.time()
        keys = (f"user:{username}", f"address:{address}")
        with self._db:
            self._db.execute("begin immediate")
            wait = max(self._wait(key, now) for key in keys)
            if wait > 0:
                audit.append(self._db, [self._login_entry(username, address, "throttled")])
            else:
                self._db.execute("delete from login_failures where last_at < ?", (now - FORGET_S,))
                for key in keys:
                    self._db.execute(
                        "insert into login_failures values (?, 1, ?)"
                        " on conflict (key) do update set failures = failures + 1, last_at = excluded.last_at",
                        (key, now),
                    )
        if wait > 0:
            seconds = math.ceil(wait)
            raise Problem(
                429,
                "throttled",
                f"Too many failed sign-ins: try again in {seconds} s.",
                {"Retry-After": str(seconds)},
                retry_after=seconds,
            )

    def _wait(self, key: str, now: float) -> float:
        """How long `key` still waits after its failures (none until FREE_FAILURES of them)."""
        row = self._db.execute("select failures, last_at from login_failures where key = ?", (key,)).fetchone()
        if row is None or row[0] < FREE_FAILURES:
            return 0.0
        lock = min(FIRST_LOCK_S * 2 ** min(row[0] - FREE_FAILURES, MAX_DOUBLINGS), MAX_LOCK_S)
        return row[1] + lock - now

    def refuse_login(self, username: str, address: str, outcome: str) -> None:
        """Audits a refused sign-in (its attempt was counted already)."""
        self._audit(self._login_entry(username, address, outcome))

    def open_session(self, user: User, address: str) -> tuple[str, Principal]:
        """A new token for `user`, whose password was just checked: their failures and their
        address's are cleared, the sign-in audited, and expired sessions go meanwhile."""
        now = time.time()
        token = secrets.token_urlsafe(32)
        expires_at = now + TOKEN_LIFETIME_S
        with self._db:
            self._db.execute("begin immediate")
            self._db.execute("delete from sessions where expires_at < ?", (now,))
            self._db.execute(
                "insert into sessions values (?, ?, ?, ?)", (_token_hash(token), user.username, now, expires_at)
            )
            self._db.execute(
                "delete from login_failures where key in (?, ?)", (f"user:{user.username}", f"address:{address}")
            )
            audit.append(self._db, [self._login_entry(user.username, address, audit.DONE)])
        who = Principal(user.username, user.display_name, user.role, user.court_id, expires_at, _token_hash(token))
        return token, who

    def close_session(self, who: Principal, address: str) -> None:
        """Signs out: the session's token is refused from now on."""
        with self._db:
            self._db.execute("begin immediate")
            self._db.execute("delete from sessions where token_hash = ?", (who.session,))
            audit.append(
                self._db,
                [
                    audit.Entry(
                        self._now(), who.username, "logout", "account", who.username, request={"address": address}
                    )
                ],
            )

    def authenticate(self, authorization: str | None, address: str) -> Principal:
        """Who holds the bearer token; 401 for none, and (audited) for one unknown, expired or revoked."""
        challenge = {"WWW-Authenticate": 'Bearer realm="court-backend"'}
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Problem(401, "unauthorized", "A bearer token is required.", challenge)
        session = _token_hash(token.strip())
        row = self._db.execute(
            "select u.username, u.display_name, u.role, u.court_id, s.expires_at from sessions s"
            " join users u on u.username = s.username where s.token_hash = ? and u.enabled",
            (session,),
        ).fetchone()
        if row is None or row[4] < time.time():
            self._refused_token(row[0] if row else "unknown", session, address)
            raise Problem(401, "unauthorized", "The token is unknown, expired or revoked.", challenge)
        return Principal(*row, session)

    def _refused_token(self, actor: str, session: str, address: str) -> None:
        """Audits a refused token: the first from an address, then at most one entry every
        REFUSED_TOKENS_EVERY_S, which counts the ones refused since (a flood of forged tokens
        must not flood the audit log)."""
        now = time.monotonic()
        audited_at, since = self._refused.get(address, (-REFUSED_TOKENS_EVERY_S, 0))
        if now - audited_at < REFUSED_TOKENS_EVERY_S:
            self._refused[address] = (audited_at, since + 1)
            return
        if len(self._refused) >= MAX_ADDRESSES_KEPT:
            self._refused.clear()
        self._refused[address] = (now, 0)
        self._audit(
            audit.Entry(
                self._now(),
                actor,
                "authenticate",
                "session",
                session[:16],
                request={"address": address, "refused_since_last_entry": since},
                outcome="invalid-token",
            )
        )

    def holds(self, who: Principal) -> bool:
        """Whether `who`'s session is still open (not signed out, revoked or expired)."""
        row = self._db.execute(
            "select s.expires_at from sessions s join users u on u.username = s.username"
            " where s.token_hash = ? and u.enabled",
            (who.session,),
        ).fetchone()
        return row is not None and row[0] >= time.time()


class DemoAccounts:
    """The demo's accounts, each with a random password of its own, made on a new data directory:
    their passwords are hashed on worker threads (meanwhile the world is built), then stored, and
    written once to a file that only the backend's user may read."""

    def __init__(self, data_dir: Path, accounts: Accounts) -> None:
        self.path = data_dir / DEMO_FILE
        self._accounts = accounts
        self._hashes: list[Future[str]] = []
        self._passwords: dict[str, str] = {}
        if accounts.users():
            return  # a backend made before: its accounts stay as they are
        self._passwords = {username: secrets.token_urlsafe(18) for username, _, _ in DEMO_ACCOUNTS}
        pool = ThreadPoolExecutor(max_workers=len(DEMO_ACCOUNTS), thread_name_prefix="demo-accounts")
        self._hashes = [pool.submit(HASHER.hash, self._passwords[username]) for username, _, _ in DEMO_ACCOUNTS]
        pool.shutdown(wait=False)  # the hashes go on; `finish` waits for them

    def finish(self) -> Path:
        """Stores the accounts begun and writes their passwords; returns the file's path."""
        if self._passwords:
            for (username, display_name, role), password_hash in zip(DEMO_ACCOUNTS, self._hashes, strict=True):
                self._accounts.add_hashed(username, password_hash.result(), role, HIGH_COURT, display_name)
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(self._passwords, file, ensure_ascii=False, indent=1)
            self._passwords = {}
        return self.path
