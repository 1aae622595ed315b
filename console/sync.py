"""Live sync with one backend: a worker thread that signs in, takes a snapshot and follows the
event stream, and a second one that loads the case work meanwhile.

The threads never touch the store. They decode what they receive and put messages on a queue that
the GUI thread drains in batches: the first sight of the backend (courts, teams, the escalations to
handle, its KPIs), then each event after the snapshot's cursor, the case work page by page beside
them, and the link's own health as it changes. The link is a state machine (`Phase`): sign in,
snapshot, stream, wait; where it goes after a failure is decided by `after_failure`, a pure
function (the step that failed only forgets what the failure spoiled: a refused token, a cursor the
stream went back on). Nothing is skipped silently: a record it cannot decode is dropped and reported.
"""

from __future__ import annotations

import json
import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum

import requests

from console.api import ApiClient, ApiError, AuthFailed, EventsGone, EventStream, IncompatibleBackend
from console.campaigns import Campaign, decode_campaign
from console.casework import Kpis, decode_kpis
from console.decoding import DecodeError, listed
from console.domain import TeamPosition
from console.indicators import Indicators, decode_indicators
from console.profiles import InsecureTransport
from console.records import CASE_WORK, EVENT_DECODERS, FIRST_SIGHT, LISTINGS, Collection
from console.session import BackendSession, Credentials, Token
from console.sse import OversizedEvent

log = logging.getLogger(__name__)

DROPS_LOGGED = 100
MAX_SAID = 200  # characters kept of what a backend says of its user (display name, court)


class LinkState(StrEnum):
    STARTING = "starting"
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"  # still trying, but it has failed for a while: the operator must know
    AUTH_FAILED = "auth_failed"
    FAILED = "failed"
    STOPPED = "stopped"


# What the workers report, in the order they learn it.


@dataclass(frozen=True)
class SnapshotLoaded:
    """The first sight of a backend: what a live centre needs at once. It replaces what was held
    of those collections; the case work follows in `RowsLoaded` pages, under the same `load`."""

    backend: str
    load: int  # which snapshot of the backend this is: pages of an older one are stale
    cursor: int
    rows: dict[Collection, list]  # of the FIRST_SIGHT collections
    positions: list[TeamPosition]  # where each of rows[TEAMS] was, in the same order
    kpis: Kpis | None = None
    indicators: Indicators | None = None  # None: the backend publishes none (before 1.5), or broke them
    campaigns: list[Campaign] | None = None


@dataclass(frozen=True)
class RowsLoaded:
    """A page of a case-work collection, loaded after the first sight; `final` on its last page."""

    backend: str
    load: int
    collection: Collection
    items: list
    final: bool


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
    display_name: str = ""  # of the user, as the backend knows them (GET /me)
    court_id: str = ""  # the user's court, whose jurisdiction they see
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


class StreamInconsistent(ApiError):
    """The event stream went back on its ids: the console's picture of the backend cannot be patched."""


class SignInRefused(Exception):
    """The backend refused the credentials themselves: trying again would not help."""


# What a backend or the network may do to a link; anything else is a defect of the console's own.
KNOWN_FAILURES = (ApiError, requests.RequestException, OSError, SignInRefused)

# The link as a state machine.


class Phase(Enum):
    SIGN_IN = "sign in"  # a token (the session's, or a new login) and the user's rights (GET /me)
    SNAPSHOT = "snapshot"  # the first sight; its case work loads beside the stream, once that is open
    STREAM = "stream"  # follows the events from the last one applied
    WAIT = "wait"  # backs off after a failure, then goes where `resume` says
    DONE = "done"  # stopped, or refused for good


@dataclass(frozen=True)
class Follow:
    """What the link knows between two steps."""

    phase: Phase = Phase.SIGN_IN
    signed_in: bool = False  # holds a token and the rights that go with it
    need_snapshot: bool = True
    fresh_token: bool = False  # the token in use was issued in this round
    fresh_snapshot: bool = False  # the snapshot in use was taken in this round
    failures: int = 0  # in a row
    delivered: bool = False  # the stream open now has delivered an event
    detail: str = ""  # why it waits
    asked_s: float | None = None  # how long the backend asked to be left alone


def resume(follow: Follow) -> Phase:
    """Where a round starts: the first step not yet done."""
    if not follow.signed_in:
        return Phase.SIGN_IN
    return Phase.SNAPSHOT if follow.need_snapshot else Phase.STREAM


def new_round(follow: Follow, **changes) -> Follow:
    """Starts a round (after a wait, or at once when a failure needs none): what it obtains is fresh again."""
    follow = replace(follow, fresh_token=False, fresh_snapshot=False, detail="", asked_s=None, **changes)
    return replace(follow, phase=resume(follow))


def waiting(follow: Follow, detail: str, asked_s: float | None = None, **changes) -> Follow:
    """A failure that is waited out: counted (from nought again if the stream had delivered)."""
    failures = 1 if follow.delivered else follow.failures + 1
    return replace(
        follow, phase=Phase.WAIT, failures=failures, delivered=False, detail=detail, asked_s=asked_s, **changes
    )


def after_failure(follow: Follow, error: BaseException) -> Follow:
    """Where the link goes after a step raised `error`: a pure decision, tested on its own."""
    if isinstance(error, SignInRefused | IncompatibleBackend):
        return replace(follow, phase=Phase.DONE, detail=str(error))
    if isinstance(error, AuthFailed):
        if follow.fresh_token:  # a backend at odds with itself: tried again, after a while
            return waiting(follow, f"the backend refused the token it had just issued ({error})", signed_in=False)
        return new_round(follow, signed_in=False)  # an expired token: sign in again straight away
    if isinstance(error, EventsGone):
        if follow.fresh_snapshot:
            return waiting(follow, f"the events after its own snapshot's cursor are gone ({error})", need_snapshot=True)
        return new_round(follow, need_snapshot=True)
    if isinstance(error, StreamInconsistent):
        return waiting(follow, str(error), need_snapshot=True)
    if isinstance(error, ApiError):
        return waiting(follow, str(error), error.retry_after_s)  # a busy backend says when to come back: no sooner
    if isinstance(error, requests.RequestException | OSError):
        return waiting(follow, str(error))
    return waiting(follow, f"unexpected error: {error!r}")


def _rights(me: dict) -> dict:
    """Who is signed in (display name, court) and their permissions and limits, from a `GET /me`
    answer; whatever is malformed counts as not granted (or not said)."""
    granted, limits = me.get("permissions"), me.get("limits")
    permissions = tuple(p for p in granted if isinstance(p, str)) if isinstance(granted, list) else ()
    numbers = (
        {
            k: float(v)
            for k, v in limits.items()
            if isinstance(v, int | float) and not isinstance(v, bool) and abs(v) < 1e15
        }
        if isinstance(limits, dict)
        else {}
    )
    said = {key: me.get(key) for key in ("display_name", "court_id")}
    return {
        "permissions": permissions,
        "limits": numbers,
        **{key: value[:MAX_SAID] for key, value in said.items() if isinstance(value, str)},
    }


class Reporter:
    """Puts a link's messages on the queue until it is asked to stop, and counts what it drops."""

    def __init__(self, backend: str, sink: queue.SimpleQueue) -> None:
        self.backend = backend
        self._sink = sink
        self.stopping = threading.Event()
        # Held while reporting: once `stopping` is set under it, nothing more is reported.
        self.lock = threading.Lock()
        self._dropped = 0

    def put(self, message: object) -> None:
        with self.lock:
            if not self.stopping.is_set():
                self._sink.put(message)

    def drop(self, reason: str) -> None:
        self._dropped += 1
        if self._dropped <= DROPS_LOGGED or self._dropped % DROPS_LOGGED == 0:
            # Each is counted and shown; the log tells the first ones, then one in DROPS_LOGGED.
            log.warning("backend %s: dropped a record (%d so far): %s", self.backend, self._dropped, reason[:300])
        self.put(RecordDropped(self.backend, reason[:500]))

    def decode_all(self, records: list, decode: Callable[[object], object], what: str) -> list:
        decoded = []
        for record in records:
            try:
                decoded.append(decode(record))
            except Exception as error:  # whatever a record makes a decoder raise, only that record goes
                self.drop(f"{what}: {_reason(error)}")
        return decoded


class BackendLink:
    """Follows one backend on a worker thread and reports to `sink`.

    `prepare`, when given, runs first on the worker thread and returns the backend's URL and the
    credentials to sign in with (the embedded backend uses it to wait for its process to listen and
    to read its user's password); if it raises, the link fails with
    the error's message. `sender`, when given, is the backend's `outbox.CommandSender`: started
    once the backend's address is known, stopped with the link (it reports to the queue itself,
    and the store lets go of an answer for a backend no longer followed).
    """

    def __init__(
        self,
        session: BackendSession,
        sink: queue.SimpleQueue,
        *,
        prepare: Callable[[], tuple[str, Credentials]] | None = None,
        sender=None,
        rng: random.Random | None = None,
    ) -> None:
        self.session = session
        self.backend = session.name
        self._prepare = prepare
        self._sender = sender
        self._rng = rng or random.Random()
        self._report = Reporter(self.backend, sink)
        self._stream: EventStream | None = None
        self._thread = threading.Thread(target=self._do_run, name=f"sync-{self.backend}", daemon=True)
        self._loader: CaseWorkLoader | None = None
        self._loads = 0
        self._case_work_due = False  # a snapshot was taken whose case work is to load once live
        self.last_event_id: int | None = None
        self._token: Token | None = None
        self._rights: dict = {}  # who is signed in and what they may do, told with the LIVE state
        self._note = ""  # what the operator should know of the rights (a backend without /me)
        self._progress = Follow()  # what the step under way has achieved so far, for when it fails
        self._steps: dict[Phase, Callable[[ApiClient, Follow], Follow]] = {
            Phase.SIGN_IN: self._do_sign_in,
            Phase.SNAPSHOT: self._do_snapshot,
            Phase.STREAM: self._do_stream,
            Phase.WAIT: self._do_wait,
        }

    @property
    def url(self) -> str:
        return self.session.url

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def start(self) -> None:
        self._thread.start()

    def request_stop(self) -> None:
        """Asks the workers to end, without waiting for them (safe on the GUI thread). The link
        reports nothing more once this returns."""
        with self._report.lock:
            self._report.stopping.set()
            if self._stream is not None:
                self._stream.interrupt()
        if self._loader is not None:
            self._loader.request_stop()
        if self._sender is not None:
            self._sender.request_stop()

    def stop(self, timeout: float = 5.0) -> None:
        """Ends the workers and waits for them, `timeout` at most in all."""
        deadline = time.monotonic() + timeout
        self.request_stop()
        if self._thread.is_alive():
            self._thread.join(timeout)
        for worker in (self._loader, self._sender):
            if worker is not None:
                worker.stop(max(0.0, deadline - time.monotonic()))

    def _health(self, state: LinkState, detail: str = "", **extra) -> None:
        self._report.put(HealthChanged(self.backend, state, self.url, detail, **extra))

    def _do_run(self) -> None:
        if self._prepare is not None:
            self._health(LinkState.STARTING)
            try:
                self.session.locate(*self._prepare())
            except Exception as error:  # any failure to start is shown to the operator, not raised
                log.error("backend %s did not start: %s", self.backend, error)
                self._health(LinkState.FAILED, str(error))
                return
        try:
            client = self.session.client()
        except InsecureTransport as error:
            self._health(LinkState.FAILED, str(error))
            return
        if self._sender is not None:
            self._sender.start()
        try:
            self._health(LinkState.CONNECTING)
            follow = Follow()
            while not self._report.stopping.is_set() and follow.phase is not Phase.DONE:
                follow = self._step(client, follow)
        finally:
            client.close()

    def _step(self, client: ApiClient, follow: Follow) -> Follow:
        """One step of the state machine; a failure is decided by `after_failure`."""
        self._progress = follow
        try:
            return self._steps[follow.phase](client, follow)
        except Exception as error:
            follow = self._progress
            if not isinstance(error, KNOWN_FAILURES):
                log.exception("backend %s: unexpected error", self.backend)  # a defect must not end the link
            if isinstance(error, AuthFailed) and self._token is not None:
                self.session.forget(self._token)
            after = after_failure(follow, error)
            if isinstance(error, StreamInconsistent):
                self.last_event_id = None
            if after.phase is Phase.DONE:
                self._health(
                    LinkState.AUTH_FAILED if isinstance(error, SignInRefused) else LinkState.FAILED, after.detail
                )
            elif after.phase is not Phase.WAIT:
                log.warning("backend %s: %s; %s again", self.backend, error, after.phase.value)
            return after
        finally:
            with self._report.lock:
                self._stream = None

    def _do_sign_in(self, client: ApiClient, follow: Follow) -> Follow:
        started = time.monotonic()
        try:
            token, fresh = self.session.sign_in(client)
        except AuthFailed as error:
            raise SignInRefused(str(error)) from None
        self._token = token
        self._progress = follow = replace(follow, fresh_token=follow.fresh_token or fresh)
        latency_ms = (time.monotonic() - started) * 1000.0
        note = ""
        try:
            rights = _rights(client.me())
        except ApiError as error:
            if error.status != 404:
                raise
            # A 404 is a backend without /me: followed, read only.
            note = "the backend has no GET /me: connected read only"
            log.warning("backend %s: %s", self.backend, note)
            rights = {}
        self._rights = {"role": token.role, "user": self.session.username, "latency_ms": latency_ms, **rights}
        self._note = note
        follow = replace(follow, signed_in=True)
        return replace(follow, phase=resume(follow))

    def _published(self, record: dict | None, decode: Callable[[object], object], what: str):
        """An optional document, decoded; None from a backend that publishes none, or one that
        breaks it (dropped, and counted)."""
        decoded = [] if record is None else self._report.decode_all([record], decode, what)
        return decoded[0] if decoded else None

    def _do_snapshot(self, client: ApiClient, follow: Follow) -> Follow:
        pages = {
            collection: [
                client.snapshot(LISTINGS[collection].path, **filters) for filters in LISTINGS[collection].filters
            ]
            for collection in FIRST_SIGHT
        }
        kpis = self._published(client.kpis(), decode_kpis, "kpis")
        indicators = self._published(client.indicators(), decode_indicators, "indicators")
        held = self._published(client.campaigns(), lambda page: listed(page, "items"), "campaigns")
        campaigns = None if held is None else self._report.decode_all(held, decode_campaign, "campaigns")
        rows = {
            collection: self._report.decode_all(
                [record for page in pages[collection] for record in page.items],
                LISTINGS[collection].decode,
                collection.value,
            )
            for collection in FIRST_SIGHT
        }
        teams_with_positions = rows[Collection.TEAMS]
        rows[Collection.TEAMS] = [team for team, _ in teams_with_positions]
        # Stream from the oldest cursor: replaying an event already reflected is harmless.
        cursor = min(page.cursor for collection_pages in pages.values() for page in collection_pages)
        self.last_event_id = cursor
        self._loads += 1
        self._report.put(
            SnapshotLoaded(
                self.backend,
                self._loads,
                cursor,
                rows,
                [position for _, position in teams_with_positions],
                kpis,
                indicators,
                campaigns,
            )
        )
        if self._loader is not None:
            self._loader.request_stop()  # the case work of an older snapshot: given up
        self._case_work_due = True
        return replace(follow, phase=Phase.STREAM, need_snapshot=False, fresh_snapshot=True)

    def _load_case_work(self) -> None:
        """Starts loading the case work of the last snapshot, once its stream is open: its pages
        would otherwise hold up the stream's opening at the backend, and the centre going live."""
        self._case_work_due = False
        self._loader = CaseWorkLoader(self.session, self._report, self._loads, self._rng)
        self._loader.start()

    def _do_stream(self, client: ApiClient, follow: Follow) -> Follow:
        stream = client.open_events(self.last_event_id)
        with self._report.lock:
            if self._report.stopping.is_set():
                stream.interrupt()
                return replace(follow, phase=Phase.DONE)
            self._stream = stream
        log.info("backend %s: live, following its events after #%s", self.backend, self.last_event_id)
        self._health(LinkState.LIVE, self._note, **self._rights)
        if self._case_work_due:
            self._load_case_work()
        self._do_read(stream)
        return waiting(self._progress, "the backend closed the event stream")

    def _do_wait(self, client: ApiClient, follow: Follow) -> Follow:
        backoff = self.session.backoff
        delay = backoff.next_delay(follow.failures, self._rng.random(), follow.asked_s)
        log.info("backend %s: %s; reconnecting in %.1f s", self.backend, follow.detail, delay)
        state = LinkState.OFFLINE if backoff.offline(follow.failures) else LinkState.RECONNECTING
        self._health(state, follow.detail)
        self._report.stopping.wait(delay)
        return new_round(follow)

    def _do_read(self, stream: EventStream) -> None:
        """Reads the stream until it ends (or breaks off: then it raises); notes whether it delivered."""
        for item in stream:
            if self._report.stopping.is_set():
                return
            if isinstance(item, OversizedEvent):
                self._report.drop(str(item))
                continue
            event_id = int(item.id) if item.has_own_id and item.id.isascii() and item.id.isdigit() else None
            if event_id is None or event_id >= 2**63:
                # The contract gives every event an id of its own; one that inherits the previous
                # id could not be told from a repeat, and would be skipped without a word.
                self._report.drop(f"{item.type[:64]}: no event id of its own (digits)")
                continue
            if self.last_event_id is not None and event_id == self.last_event_id:
                continue  # the resume point itself, sent again (a common off-by-one): already applied
            if self.last_event_id is not None and event_id < self.last_event_id:
                # Asked for what follows last_event_id, the backend sent an older one: its log is not
                # the one this console followed (reset, or ids out of order). Start again from a snapshot.
                self._report.drop(f"{item.type[:64]} #{event_id}: not after #{self.last_event_id}")
                raise StreamInconsistent(f"event #{event_id} came after #{self.last_event_id}")
            self.last_event_id = event_id
            if not self._progress.delivered:
                self._progress = replace(self._progress, delivered=True)
            decode = EVENT_DECODERS.get(item.type)
            update = None  # a type this console does not use (yet): counted, and its id kept for resuming
            if decode is not None:
                try:
                    update = decode(json.loads(item.data))
                except Exception as error:  # whatever it is, this event goes, and the stream goes on
                    self._report.drop(f"{item.type} #{event_id}: {_reason(error)}")
                    continue
            self._report.put(EventReceived(self.backend, event_id, update, item.type[:64]))


class CaseWorkLoader:
    """Loads the case work of one snapshot page by page on a thread of its own, while the link
    follows the stream: tasks, approvals, queries, measures, then the cases. A page that fails is
    asked again after the session's backoff."""

    def __init__(self, session: BackendSession, report: Reporter, load: int, rng: random.Random) -> None:
        self._session = session
        self._report = report
        self._load = load
        self._rng = rng
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._do_run, name=f"sync-{session.name}-case-work", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def request_stop(self) -> None:
        self._stopping.set()

    def stop(self, timeout: float) -> None:
        self.request_stop()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _do_run(self) -> None:
        for collection in CASE_WORK:
            failures = 0
            while not self._stopping.is_set() and not self._report.stopping.is_set():
                try:
                    self._session.call(lambda client, collection=collection: self._do_load(client, collection))
                    break
                except Exception as error:  # a page that did not come is asked again, from the start
                    failures += 1
                    delay = self._session.backoff.next_delay(failures, self._rng.random(), _asked(error))
                    log.warning(
                        "backend %s: loading its %s: %s; again in %.1f s", self._session.name, collection, error, delay
                    )
                    self._stopping.wait(delay)

    def _do_load(self, client: ApiClient, collection: Collection) -> None:
        listing = LISTINGS[collection]
        try:
            for filters in listing.filters:
                pages = client.snapshot_pages(listing.path, **filters)
                for page in pages:
                    if self._stopping.is_set():
                        return
                    items = self._report.decode_all(page.items, listing.decode, collection.value)
                    self._report.put(RowsLoaded(self._session.name, self._load, collection, items, final=False))
        except ApiError as error:
            if not (listing.optional and error.status == 404):
                raise
            log.info("backend %s: has no %s (an earlier version): none", self._session.name, listing.path)
        self._report.put(RowsLoaded(self._session.name, self._load, collection, [], final=True))


def _asked(error: Exception) -> float | None:
    return error.retry_after_s if isinstance(error, ApiError) else None


def _reason(error: Exception) -> str:
    return str(error) if isinstance(error, DecodeError) else f"{type(error).__name__}: {str(error)[:200]}"
