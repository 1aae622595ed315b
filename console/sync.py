"""Live sync with one backend: a worker thread that logs in, snapshots, and follows the event stream.

The thread never touches the store. It decodes what it receives and puts messages on a queue that
the GUI thread drains in batches: a snapshot, then each event after the snapshot's cursor, and its
own health as it changes. On any failure it reconnects with capped exponential backoff and full
jitter, resuming from the last event id it saw; when the backend answers 410 it takes a fresh
snapshot. Nothing is skipped silently: a record it cannot decode is dropped and reported.
"""

from __future__ import annotations

import json
import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

import requests

from console.api import ApiClient, ApiError, AuthFailed, EventsGone, EventStream
from console.casework import (
    Approval,
    Case,
    Kpis,
    Measure,
    Query,
    Task,
    decode_approval,
    decode_case,
    decode_kpis,
    decode_measure,
    decode_query,
    decode_task,
)
from console.domain import (
    EVENT_DECODERS,
    Court,
    DecodeError,
    Escalation,
    Team,
    decode_court,
    decode_escalation,
    decode_team,
)
from console.profiles import InsecureTransport, check_transport
from console.sse import OversizedEvent

log = logging.getLogger(__name__)

UNRESOLVED = ("open", "acknowledged", "escalated")
SNAPSHOT_COLLECTIONS = ("courts", "teams", "cases", "tasks", "queries", "measures", "approvals")
BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 30.0
DROPS_LOGGED = 100
RETRY_AFTER_CAP_S = 300.0  # a Retry-After longer than this is not waited out: the operator would think it dead
OFFLINE_AFTER_FAILURES = 5  # in a row: some eight seconds of backoff, on average


class LinkState(StrEnum):
    STARTING = "starting"
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"  # still trying, but it has failed for a while: the operator must know
    AUTH_FAILED = "auth_failed"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str

    def __repr__(self) -> str:  # never let a password reach a log line through a repr
        return f"Credentials(username={self.username!r}, password=***)"


@dataclass(frozen=True)
class Endpoint:
    """Where and as whom to reach a backend that a link follows: for short calls made beside the link."""

    url: str
    credentials: Credentials
    verify: bool | str = True
    cert: str | tuple[str, str] | None = None
    allow_insecure_http: bool = False


@dataclass(frozen=True)
class SnapshotLoaded:
    backend: str
    courts: list[Court]
    teams: list[Team]
    cursor: int
    escalations: list[Escalation] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    queries: list[Query] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)
    kpis: Kpis | None = None


@dataclass(frozen=True)
class EventReceived:
    backend: str
    event_id: int
    update: object  # a decoded event, or None for a type the console does not use
    kind: str = ""  # the event type, as the stream named it


@dataclass(frozen=True)
class HealthChanged:
    backend: str
    state: LinkState
    url: str
    detail: str = ""
    role: str = ""
    user: str = ""  # who the console is signed in as, once live
    permissions: tuple[str, ...] = ()  # what the backend lets them do (GET /me), once live
    limits: dict[str, float] = field(default_factory=dict)  # its limits, e.g. the approval threshold
    latency_ms: float | None = None


@dataclass(frozen=True)
class RecordDropped:
    backend: str
    reason: str


@dataclass(frozen=True)
class BackendRemoved:
    """The console no longer follows this backend (its profile was removed or renamed): what was
    heard from it goes."""

    backend: str


def _rights(me: dict) -> tuple[tuple[str, ...], dict[str, float]]:
    """The permissions and limits of a `GET /me` answer; whatever is malformed counts as not granted."""
    granted, limits = me.get("permissions"), me.get("limits")
    permissions = tuple(p for p in granted if isinstance(p, str)) if isinstance(granted, list) else ()
    numbers = (
        {
            k: float(v)
            for k, v in limits.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) < 1e15
        }
        if isinstance(limits, dict)
        else {}
    )
    return permissions, numbers


class BackendLink:
    """Follows one backend on a worker thread and reports to `outbox_queue`.

    `prepare`, when given, runs first on the worker thread and returns the backend's URL (the
    embedded backend uses it to wait for its process to listen); if it raises, the link fails with
    the error's message.
    """

    def __init__(
        self,
        backend: str,
        url: str,
        credentials: Credentials,
        sink: queue.SimpleQueue,
        *,
        prepare: Callable[[], str] | None = None,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
        allow_insecure_http: bool = False,
        sender=None,
        rng: random.Random | None = None,
    ) -> None:
        """`sender`, when given, is the backend's `outbox.CommandSender`: started once the URL is
        known and the transport allowed, stopped with the link."""
        self.backend = backend
        self.url = url
        self._credentials = credentials
        self._sink = sink
        self._prepare = prepare
        self._verify = verify
        self._cert = cert
        self._allow_insecure_http = allow_insecure_http
        self._sender = sender
        self._rng = rng or random.Random()
        self._stopping = threading.Event()
        self._stream: EventStream | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._do_run, name=f"sync-{backend}", daemon=True)
        self.last_event_id: int | None = None
        self._dropped = 0
        self._delivered = False  # whether the stream open now has delivered an event

    def start(self) -> None:
        self._thread.start()

    def request_stop(self) -> None:
        """Asks the workers to end, without waiting for them (safe on the GUI thread). The link
        reports nothing more once this returns."""
        with self._lock:
            self._stopping.set()
            if self._stream is not None:
                self._stream.interrupt()
        if self._sender is not None:
            self._sender.request_stop()

    def stop(self, timeout: float = 5.0) -> None:
        """Ends the workers and waits for them, `timeout` at most in all."""
        deadline = time.monotonic() + timeout
        self.request_stop()
        if self._thread.is_alive():
            self._thread.join(timeout)
        if self._sender is not None:
            self._sender.stop(max(0.0, deadline - time.monotonic()))

    def endpoint(self) -> Endpoint | None:
        """The backend's address and this link's credentials and TLS settings; None until the
        address is known (the embedded backend's, once it listens)."""
        if not self.url:
            return None
        return Endpoint(self.url, self._credentials, self._verify, self._cert, self._allow_insecure_http)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _report(self, message: object) -> None:
        with self._lock:
            if not self._stopping.is_set():
                self._sink.put(message)

    def _health(self, state: LinkState, detail: str = "", **extra) -> None:
        self._report(HealthChanged(self.backend, state, self.url, detail, **extra))

    def _do_run(self) -> None:
        if self._prepare is not None:
            self._health(LinkState.STARTING, "starting the backend")
            try:
                self.url = self._prepare()
            except Exception as error:  # any failure to start is shown to the operator, not raised
                log.error("backend %s did not start: %s", self.backend, error)
                self._health(LinkState.FAILED, str(error))
                return
        try:
            check_transport(self.url, self._allow_insecure_http)
        except InsecureTransport as error:
            self._health(LinkState.FAILED, str(error))
            return
        if self._sender is not None:
            self._sender.start(self.url)
        client = ApiClient(self.url, verify=self._verify, cert=self._cert)
        try:
            self._do_follow(client)
        finally:
            client.close()

    def _do_follow(self, client: ApiClient) -> None:
        attempt = 0
        need_snapshot = True
        role, permissions, limits, latency_ms, rights_note = "", (), {}, None, ""
        self._health(LinkState.CONNECTING)
        while not self._stopping.is_set():
            fresh_login = fresh_snapshot = False
            asked_s = None
            try:
                if client.token is None:
                    started = time.monotonic()
                    role = client.login(self._credentials.username, self._credentials.password).role
                    latency_ms = (time.monotonic() - started) * 1000.0
                    fresh_login = True
                    try:
                        permissions, limits, rights_note = *_rights(client.me()), ""
                    except Exception as error:
                        if not (isinstance(error, ApiError) and error.status == 404):
                            client.token = (
                                None  # both again next time: a passing failure must not leave it without rights
                            )
                            raise
                        rights_note = "the backend has no GET /me: connected read only"
                        log.warning("backend %s: %s", self.backend, rights_note)
                        permissions, limits = (), {}
                if need_snapshot:
                    self._do_snapshot(client)
                    need_snapshot, fresh_snapshot = False, True
                stream = client.open_events(self.last_event_id)
                with self._lock:
                    if self._stopping.is_set():
                        stream.interrupt()
                        break
                    self._stream = stream
                log.info("backend %s: live, following its events after #%s", self.backend, self.last_event_id)
                self._health(
                    LinkState.LIVE,
                    rights_note,
                    role=role,
                    user=self._credentials.username,
                    permissions=permissions,
                    limits=limits,
                    latency_ms=latency_ms,
                )
                self._delivered = False
                self._do_read(stream)
                detail = "the backend closed the event stream"
            except AuthFailed as error:
                if fresh_login:  # a backend at odds with itself: tried again, after a while
                    client.token = None
                    detail = f"the backend refused the token it had just issued ({error})"
                elif client.token is not None:
                    client.token = None  # an expired token: log in again straight away
                    continue
                else:
                    self._health(LinkState.AUTH_FAILED, str(error))
                    return
            except EventsGone as error:
                log.warning("backend %s: %s; taking a fresh snapshot", self.backend, error)
                need_snapshot = True
                if not fresh_snapshot:
                    continue
                detail = f"the events after its own snapshot's cursor are gone ({error})"
            except StreamInconsistent as error:
                log.warning("backend %s: %s; taking a fresh snapshot", self.backend, error)
                need_snapshot, self.last_event_id = True, None
                detail = str(error)
            except ApiError as error:
                detail = str(error)
                asked_s = error.retry_after_s  # a busy backend says when to come back: no sooner
            except (requests.RequestException, OSError) as error:
                detail = str(error)
            except Exception as error:  # a defect must not end the link: report it and reconnect
                log.exception("backend %s: unexpected error", self.backend)
                detail = f"unexpected error: {error!r}"
            finally:
                with self._lock:
                    self._stream = None
            if self._stopping.is_set():
                break
            if self._delivered:
                attempt, self._delivered = 0, False  # the stream delivered: this failure starts the backoff afresh
            delay = self._rng.uniform(0.0, min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2**attempt))
            if asked_s is not None:
                delay = max(delay, min(asked_s, RETRY_AFTER_CAP_S))
            attempt += 1
            log.info("backend %s: %s; reconnecting in %.1f s", self.backend, detail, delay)
            self._health(LinkState.OFFLINE if attempt > OFFLINE_AFTER_FAILURES else LinkState.RECONNECTING, detail)
            self._stopping.wait(delay)

    def _do_snapshot(self, client: ApiClient) -> None:
        pages = {collection: client.snapshot(collection) for collection in SNAPSHOT_COLLECTIONS}
        # The escalations still to be dealt with; resolved ones arrive as events from here on.
        escalation_pages = [client.snapshot("escalations", state=state) for state in UNRESOLVED]
        kpis = self._decode_all([client.kpis()], decode_kpis, "kpis")
        courts = self._decode_all(pages["courts"].items, lambda record: decode_court(self.backend, record), "court")
        teams = self._decode_all(pages["teams"].items, lambda record: decode_team(self.backend, record), "team")
        escalations = self._decode_all(
            [r for page in escalation_pages for r in page.items], decode_escalation, "escalation"
        )
        # Stream from the oldest cursor: replaying an event already reflected is harmless.
        cursor = min(page.cursor for page in (*pages.values(), *escalation_pages))
        self.last_event_id = cursor
        self._report(
            SnapshotLoaded(
                self.backend,
                courts,
                teams,
                cursor,
                escalations,
                cases=self._decode_all(pages["cases"].items, decode_case, "case"),
                tasks=self._decode_all(pages["tasks"].items, decode_task, "task"),
                queries=self._decode_all(pages["queries"].items, decode_query, "query"),
                measures=self._decode_all(pages["measures"].items, decode_measure, "measure"),
                approvals=self._decode_all(pages["approvals"].items, decode_approval, "approval"),
                kpis=kpis[0] if kpis else None,
            )
        )

    def _decode_all(self, records: list, decode: Callable[[object], object], what: str) -> list:
        decoded = []
        for record in records:
            try:
                decoded.append(decode(record))
            except Exception as error:  # whatever a record makes a decoder raise, only that record goes
                self._drop(f"{what}: {_reason(error)}")
        return decoded

    def _drop(self, reason: str) -> None:
        self._dropped += 1
        if self._dropped <= DROPS_LOGGED or self._dropped % DROPS_LOGGED == 0:
            # Each is counted and shown; the log tells the first ones, then one in DROPS_LOGGED.
            log.warning("backend %s: dropped a record (%d so far): %s", self.backend, self._dropped, reason[:300])
        self._report(RecordDropped(self.backend, reason[:500]))

    def _do_read(self, stream: EventStream) -> None:
        """Reads the stream until it ends (or breaks off: then it raises); notes whether it delivered."""
        for item in stream:
            if self._stopping.is_set():
                return
            if isinstance(item, OversizedEvent):
                self._drop(str(item))
                continue
            event_id = int(item.id) if item.has_own_id and item.id.isascii() and item.id.isdigit() else None
            if event_id is None or event_id >= 2**63:
                # The contract gives every event an id of its own; one that inherits the previous
                # id could not be told from a repeat, and would be skipped without a word.
                self._drop(f"{item.type[:64]}: no event id of its own (digits)")
                continue
            if self.last_event_id is not None and event_id == self.last_event_id:
                continue  # the resume point itself, sent again (a common off-by-one): already applied
            if self.last_event_id is not None and event_id < self.last_event_id:
                # Asked for what follows last_event_id, the backend sent an older one: its log is not
                # the one this console followed (reset, or ids out of order). Start again from a snapshot.
                self._drop(f"{item.type[:64]} #{event_id}: not after #{self.last_event_id}")
                raise StreamInconsistent(f"event #{event_id} came after #{self.last_event_id}")
            self.last_event_id = event_id
            self._delivered = True
            decode = EVENT_DECODERS.get(item.type)
            update = None  # a type this console does not use (yet): counted, and its id kept for resuming
            if decode is not None:
                try:
                    update = decode(json.loads(item.data))
                except Exception as error:  # whatever it is, this event goes, and the stream goes on
                    self._drop(f"{item.type} #{event_id}: {_reason(error)}")
                    continue
            self._report(EventReceived(self.backend, event_id, update, item.type[:64]))


class StreamInconsistent(ApiError):
    """The event stream went back on its ids: the console's picture of the backend cannot be patched."""


def _reason(error: Exception) -> str:
    return str(error) if isinstance(error, DecodeError) else f"{type(error).__name__}: {str(error)[:200]}"
