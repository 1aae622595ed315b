"""The HTTP API of the reference court backend (FastAPI), and the loop that drives its world."""

import asyncio
import bisect
import contextlib
import hashlib
import inspect
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Annotated, Literal, TypeVar

import anyio
from fastapi import APIRouter, Body, Depends, FastAPI, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.sse import EventSourceResponse, ServerSentEvent

from court_backend import audit, campaigns, indicators, kpis, openapi, problems, process_warnings, schemas
from court_backend.accounts import TOKEN_LIFETIME_S, Accounts, DemoAccounts, Principal, password_matches
from court_backend.authority import allow
from court_backend.cases import present as present_case
from court_backend.catalogue import API_VERSION, ESCALATION_STATES, SEVERITIES, TASK_STATES
from court_backend.clock import Clock, utc_iso
from court_backend.problems import Problem
from court_backend.records import dumps, public
from court_backend.storage import connect
from court_backend.world import Config, World, count_figures

log = logging.getLogger("court_backend")

API = "/api/v1"
TICK_S = 0.5  # the world moves on twice a second: a team on the road shows it at once
FILING_DELAY_S = 1.0  # before a new book's filing goes on, once the backend listens
FILING_PAUSE_S = 0.05  # between two chunks of it
STEP_S = 30.0  # a stepped clock's tick at most: coarser, so that a test's hours take seconds
LOAD_TICK_S = 0.05
STREAM_POLL_S = 1.0
MAX_PAGE_SIZE = 1000
MAX_KEY_LENGTH = 200
MAX_BODY_BYTES = 64 * 1024  # the largest command is a few hundred bytes
AUDIT_VERIFY_EVERY_S = 60.0
SESSION_CHECK_S = 5.0  # a stream ends this soon after its session is signed out or revoked
AUDITED_REFUSALS = (403, 409, 412, 428)  # refusals that matter to authority or to who saw what
MAX_TICK_AGE_S = 10.0  # a world that has not moved for longer is stalled, and /health says so (503)
PING_S = 10.0  # an idle stream gets a comment this often, well inside the 15 s the contract promises
EVENT_ID = r"^[0-9]{1,18}$"  # ASCII digits only: int() would also take "²", "+5" or "1_000"
EVENT_ID_OR_NONE = r"^([0-9]{1,18})?$"
STRONG_ETAG = r'^"[0-9]{1,18}"$'  # a weak one or `*` would let a change through over someone else's
BBOX = r"^-?[0-9]+(\.[0-9]+)?(,-?[0-9]+(\.[0-9]+)?){3}$"
TEAM_STATUSES = Literal["standby", "en_route", "on_scene", "operating", "returning", "off_duty", "emergency"]

__all__ = ["Config", "create_app"]
# The rules of the contract that no schema can say; docs/api.md tells them at length.
CONTRACT_RULES = """The contract between court backends and the enforcement command-centre console.

- **Versions**: `api_version` (MAJOR.MINOR) in `GET /health` and `GET /me`. A client refuses another
  major version and takes a newer minor; a minor version only adds (fields, event types,
  permissions, problem names), and a client ignores what it does not know.
- **Times** are RFC 3339 with an offset (this backend writes UTC to the millisecond).
- **Sizes**: every string has its `maxLength`, every number its range, every list its `maxItems`
  (ids at most 128 characters, names 200, texts 2000). A client takes every value within them.
- **Errors** are `application/problem+json` (RFC 9457) with a `type` `urn:court-api:problem:<name>`.
- **Pages** are keyed (`page_token` = the `next_page_token` before); each has the `cursor` of the
  newest event it reflects.
- **Events** (`GET /events`, Server-Sent Events): ids are ASCII digits, strictly increasing, never
  reused, across restarts too (this backend's are also consecutive: a client may use that to tell
  a gap from a loss, and must not require it). `Last-Event-ID` resumes after an event; `410
  events-gone` when it is no longer held, or was never issued (take the lists again); `422` when
  it is not digits. An idle stream gets a comment at least every 15 s.
- **Endpoints**: a backend serves `/health`, `/auth/token`, `/me`, every list (courts, teams,
  cases, tasks, messages, queries, measures, approvals, escalations) and its objects, `/events`,
  and the commands its users' permissions name. `/kpis`, `/audit`, `/audit/verification`,
  `/auth/logout` and the reveal are optional: without one, 404, and a client does without it.
- **Commands** need `Idempotency-Key` (else 400) and, to change a shared object, `If-Match` with
  its version (else 428; 412 when stale). A key belongs to its user; the same key again with the
  same request (method, path, body and If-Match) answers the first answer again, a refusal
  included, with `Idempotent-Replayed: true`; with another request, 422 `idempotency-key-reused`.
- **Problems**: `x-problem-types` lists every problem name with its status and the fields it
  carries besides type, title, status and detail.
- **Retry-After** (a 429, a 503 that knows when it will be over) is seconds or an HTTP date.
"""
T = TypeVar("T")


class Backend:
    """One running backend: its accounts and its world, and whether it is shutting down."""

    def __init__(self, config: Config) -> None:
        self.stopping = False  # set on shutdown: streams end so that the server can stop
        self.clock = Clock(stepped=config.stepped_clock)
        self.accounts = Accounts(connect(config.data_dir), now=self.clock.now)
        demo = DemoAccounts(config.data_dir, self.accounts) if config.demo_accounts else None
        self.world = World(config, self.clock)  # meanwhile the demo's passwords are hashed
        self.demo_accounts = demo.finish() if demo is not None else None
        self.events = self.world.events
        self.data_dir = config.data_dir
        self._verifying = asyncio.Lock()
        self._verified: tuple[float, dict] | None = None
        self.last_tick = time.monotonic()

    async def audit_verification(self) -> dict:
        """The audit chain verified whole, on a worker thread with a connection of its own; an
        answer is reused for AUDIT_VERIFY_EVERY_S, and one verification runs at a time."""
        async with self._verifying:
            if self._verified is None or time.monotonic() - self._verified[0] >= AUDIT_VERIFY_EVERY_S:
                self._verified = (time.monotonic(), await asyncio.to_thread(self._verify_audit))
        return self._verified[1]

    def _verify_audit(self) -> dict:
        db = connect(self.data_dir)
        try:
            verdict = audit.verify(audit.rows(db))
        finally:
            db.close()
        return {
            "ok": verdict.ok,
            "entries": verdict.entries,
            "verified_to": verdict.verified_to,
            "broken_id": verdict.broken_id,
            "head": verdict.head,
            "checked_at": utc_iso(time.time()),
        }

    async def run_load(self, rate: float) -> None:
        """Extra events for load tests, spread over 20 batches a second rather than one burst."""
        owed, last = 0.0, time.monotonic()
        while True:
            await asyncio.sleep(LOAD_TICK_S)
            now = time.monotonic()
            owed += rate * (now - last)  # by the clock: the work of each batch must not lower the rate
            last = now
            count, owed = int(owed), owed - int(owed)
            if count:
                self.world.emit_heartbeats(count, self.clock.now())

    async def file_the_book(self) -> None:
        """Files the rest of a new book a chunk at a time, with time between for requests and ticks;
        not at once: the first clients, come to take a first look, are served first."""
        await asyncio.sleep(FILING_DELAY_S)
        while self.world.file_more(self.clock.now()):
            await asyncio.sleep(FILING_PAUSE_S)

    async def run(self) -> None:
        """Moves the world on every TICK_S, by the wall clock (a stepped clock waits for `step`).
        A tick that fails is logged and the next goes on: the world never stops for one error."""
        if self.clock.stepped:
            return
        last = self.clock.now()
        while True:
            await asyncio.sleep(TICK_S)
            now = self.clock.now()
            try:
                self.world.tick(now - last, now)
                if self.world.kpis_due(now):
                    doc = await asyncio.to_thread(kpis.compute, *self.world.kpi_inputs(now))
                    self.world.publish_kpis(doc)
                    counted = await asyncio.to_thread(count_figures, *self.world.figure_inputs(now))
                    self.world.publish_figures(*counted, now)
            except Exception:
                log.exception("the world's tick failed; the next goes on")
            else:
                self.last_tick = time.monotonic()
            last = now

    def tick_age(self) -> float | None:
        """Seconds since the world last moved on; None for a stepped clock, which moves when told."""
        return None if self.clock.stepped else time.monotonic() - self.last_tick

    def step(self, seconds: float) -> float:
        """Moves a stepped clock on by `seconds`, the world with it a tick at a time; returns the time.
        The KPIs and the other figures, when due on the way, are computed once, at the end: a step
        of hours would compute them every minute of it, for a reader who sees only the last."""
        due = False
        while seconds > 0:
            dt = min(STEP_S, seconds)
            self.clock.ahead_s += dt
            seconds -= dt
            now = self.clock.now()
            self.world.tick(dt, now)
            due = self.world.kpis_due(now) or due
        if due:
            now = self.clock.now()
            self.world.publish_kpis(kpis.compute(*self.world.kpi_inputs(now)))
            self.world.publish_figures(*count_figures(*self.world.figure_inputs(now)), now)
        return self.clock.now()


class _BodyLimit:
    """Refuses a request body above MAX_BODY_BYTES (413) before it is read whole."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            too_large = problems.problem_response(
                413, "request-too-large", f"Bodies are at most {MAX_BODY_BYTES} bytes."
            )
            await too_large(scope, receive, send)
            return
        if declared or scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        # A body sent in chunks, with no length declared: read here, up to the limit, then handed on.
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away: nobody to answer
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > MAX_BODY_BYTES:
                too_large = problems.problem_response(
                    413, "request-too-large", f"Bodies are at most {MAX_BODY_BYTES} bytes."
                )
                await too_large(scope, receive, send)
                return
        handed = False

        async def replay():
            nonlocal handed
            if handed:
                return await receive()
            handed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


def backend_of(request: Request) -> Backend:
    return request.app.state.backend


def address_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def current_principal(
    request: Request, authorization: Annotated[str | None, Header(include_in_schema=False)] = None
) -> Principal:
    # Left out of the document's parameters: the bearer security scheme describes it. Async, so
    # that it runs on the event loop: the accounts' connection is used by that thread alone.
    return backend_of(request).accounts.authenticate(authorization, address_of(request))


def resume_point(
    request: Request,
    last_event_id: Annotated[
        str | None,
        Header(
            pattern=EVENT_ID_OR_NONE,
            description="Resume after this event. Without it (or empty), the stream starts after the newest"
            " event: what happens from now on (take the lists first, and stream from their `cursor`).",
        ),
    ] = None,
) -> int:
    """The id after which a stream starts: the client's Last-Event-ID, or the newest event.

    A dependency rather than code in the stream itself: FastAPI has started a 200 response by the
    time an SSE generator runs, so a refusal (422, 410) must be decided before it.
    """
    events = backend_of(request).events
    if not last_event_id:  # absent, or empty: a client that has seen no event yet
        return events.last_id
    resume_from = int(last_event_id)
    if not events.can_resume_after(resume_from):
        # Older than the retention, or an id this log never issued (the client followed another
        # backend, or this one's data was reset): its state cannot be patched from here.
        reach = "" if events.oldest_at is None else f" This backend keeps events back to {utc_iso(events.oldest_at)}."
        raise Problem(
            410,
            "events-gone",
            f"The events after {resume_from} are not held; take a fresh snapshot.{reach}",
            oldest_event_id=events.oldest_id,
            newest_event_id=events.last_id,
            events_since=None if events.oldest_at is None else utc_iso(events.oldest_at),
        )
    return resume_from


def if_match(
    if_match: Annotated[
        str | None, Header(description='The version to change, as its ETag: "3"', pattern=STRONG_ETAG)
    ] = None,
) -> int | None:
    return None if if_match is None else int(if_match.strip('"'))


def known_query_parameters(request: Request) -> None:
    """Refuses query parameters an operation does not take, or takes once but got twice: a typo
    in a filter must not quietly return everything."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    known = _query_names(route.dependant)
    keys = [key for key, _ in request.query_params.multi_items()]
    unknown = sorted(set(keys) - known)
    if unknown:
        raise Problem(422, "invalid-request", f"Unknown query parameters: {', '.join(unknown)}.")
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise Problem(422, "invalid-request", f"Repeated query parameters: {', '.join(repeated)}.")


def _query_names(dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _query_names(dependency)
    return names


class _QuietSseDisconnects(logging.Filter):
    """Drops the error FastAPI's built-in SSE logs on every ordinary client disconnect.

    Its keep-alive task writes to a stream that the request teardown has already closed and the
    resulting ``BrokenResourceError`` is logged as "Exception in ASGI application" (FastAPI
    discussion #15725, not fixed upstream). A client going away is not an error here.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, BaseExceptionGroup):
            # split() by type looks at the leaves; a predicate would be asked about the group itself first.
            _, rest = error.split((anyio.BrokenResourceError, anyio.ClosedResourceError))
            return rest is not None
        return True


async def reader(request: Request, who: Annotated[Principal, Depends(current_principal)]) -> Principal:
    await audited(request, who, "read", lambda: allow(who, "read"))
    return who


async def audited(request: Request, who: Principal, permission: str | tuple[str, ...], work: Callable[[], T]) -> T:
    """`work()`, whose refusal for want of authority (403) is audited before it is answered."""
    try:
        return work()
    except Problem as refusal:
        if refusal.status == 403:
            backend = backend_of(request)
            _audit_refusal(backend, request, who, permission, refusal, await request.body())
            backend.world.records.commit()
        raise


Authenticated = Annotated[Principal, Depends(current_principal)]
Reader = Annotated[Principal, Depends(reader)]  # signed in, and allowed to read the casework
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
PageToken = Annotated[str | None, Query(max_length=64)]
ResumePoint = Annotated[int, Depends(resume_point)]
IfMatch = Annotated[int | None, Depends(if_match)]
Id = Annotated[str, Path(min_length=1, max_length=128)]
FILTER_MEANS = "only the objects whose field is exactly this (a court's own, not those below it)"
Filter = Annotated[str | None, Query(min_length=1, max_length=128, description=FILTER_MEANS)]
NO_NOTE = schemas.NoteRequest()  # the body of a command sent without one
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=MAX_KEY_LENGTH,
        description="Any unique string: the same key twice has one effect",
    ),
]


def _problem_responses(*codes: int) -> dict:
    return {code: {"model": schemas.Problem, "content": {"application/problem+json": {}}} for code in codes}


READ_ERRORS = _problem_responses(401, 404, 422)
COMMAND_ERRORS = _problem_responses(400, 401, 403, 404, 409, 412, 422, 428)


def _not_issued() -> Problem:
    return Problem(422, "invalid-request", "page_token is not one this backend issued.")


def _page(
    items: list[dict],
    cursor: int,
    page_size: int,
    page_token: str | None,
    known: Callable[[str], bool],
    present: Callable[[dict], dict] = public,
) -> dict:
    """One page of `items` (sorted by id) after the object whose id is `page_token`: a key, not an
    offset, so that objects changing between pages neither skip nor repeat any other. Only the
    page's objects are `present`ed."""
    if page_token is not None and not known(page_token):
        raise _not_issued()
    start = bisect.bisect_right(items, page_token, key=lambda item: item["id"]) if page_token else 0
    shown = [present(item) for item in items[start : start + page_size]]
    more = start + page_size < len(items)
    return {"items": shown, "cursor": cursor, "next_page_token": shown[-1]["id"] if more else None}


def _filtered(records, filters: dict) -> list[dict]:
    return sorted(
        (r for r in records if all(value is None or r.get(key) == value for key, value in filters.items())),
        key=lambda r: r["id"],
    )


def _seconds(moment: datetime | None) -> float | None:
    """A time given with or without its zone (UTC then), in seconds since the epoch."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _object(doc: dict) -> JSONResponse:
    return JSONResponse(doc, headers={"ETag": f'"{doc["version"]}"'})


async def _command(
    request: Request,
    who: Principal,
    permission: str | tuple[str, ...],
    key: str | None,
    action: Callable[[float], dict],
    status: int = 200,
) -> JSONResponse:
    """Runs a command once per Idempotency-Key: a repeat gets the first answer, with no new effect.
    A role without `permission` is refused before anything else about the command is checked
    (a body that does not parse is refused earlier still, by the framework)."""
    backend = backend_of(request)
    await audited(request, who, permission, lambda: allow(who, permission))
    if not key:
        raise Problem(400, "idempotency-key-missing", "Commands need an Idempotency-Key header.")
    fingerprint = hashlib.sha256(
        b"\0".join(
            (
                request.method.encode(),
                request.url.path.encode(),
                _canonical(await request.body()),
                (request.headers.get("if-match") or "").strip().encode(),
            )
        )
    ).hexdigest()
    records = backend.world.records
    stored = records.stored_response(who.username, key)
    if stored is not None:
        if stored.fingerprint != fingerprint:
            raise Problem(422, "idempotency-key-reused", "This Idempotency-Key was used for a different request.")
        return _replay(stored.status, stored.body)
    try:
        answer, answer_status = action(backend.clock.now()), status
    except Problem as refusal:
        answer = problems.problem_body(refusal.status, refusal.kind, refusal.detail, **refusal.extra)
        answer_status = refusal.status
        if refusal.status in AUDITED_REFUSALS:
            _audit_refusal(backend, request, who, permission, refusal, await request.body())
    records.store_response(who.username, key, fingerprint, answer_status, dumps(answer))
    records.commit()
    return _replay(answer_status, dumps(answer), replayed=False)


def _audit_refusal(
    backend: Backend,
    request: Request,
    who: Principal,
    permission: str | tuple[str, ...],
    refusal: Problem,
    body: bytes,
) -> None:
    """Queues the audit entry of a refused command: who asked what, and why it was refused."""
    try:
        sent = json.loads(body) if body.strip() else None
    except ValueError:
        sent = body.decode("utf-8", "replace")
    path = request.url.path.removeprefix(API)
    # Of a case, when the request names one that exists (or a supervision order on one): its trail
    # then shows the refusal too.
    named = request.path_params.get("case_id") or (sent.get("case_id") if isinstance(sent, dict) else None)
    if named is None and isinstance(sent, dict) and isinstance(sent.get("case_ids"), list) and sent["case_ids"]:
        named = sent["case_ids"][0]
    if named is None and (order := backend.world.records.get("supervision", request.path_params.get("order_id", ""))):
        named = order["case_id"]
    if named is None and (found := backend.world.findings.get(request.path_params.get("finding_id", ""))):
        named = found["case_id"]
    case_id = named if isinstance(named, str) and backend.world.cases.get(named) is not None else None
    backend.world.records.audit(
        who.username,
        permission if isinstance(permission, str) else "|".join(permission),
        "request",
        path,
        case_id,
        None,
        None,
        {"method": request.method, "path": path, "body": sent, "status": refusal.status, "detail": refusal.detail},
        outcome=refusal.kind,
    )


def _canonical(body: bytes) -> bytes:
    """The same JSON however it is spaced or its keys ordered: a retry that re-serialises its body
    is the same request."""
    if not body.strip():
        return b""
    try:
        parsed = json.loads(body)
    except ValueError:
        return body
    return json.dumps(parsed, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _replay(status: int, body: str, replayed: bool = True) -> JSONResponse:
    doc = json.loads(body)
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    if status < 400 and "version" in doc:
        headers["ETag"] = f'"{doc["version"]}"'
    media_type = problems.MEDIA_TYPE if status >= 400 else "application/json"
    return JSONResponse(doc, status_code=status, headers=headers, media_type=media_type)


def create_app(config: Config) -> FastAPI:
    backend = Backend(config)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(backend.run()), asyncio.create_task(backend.file_the_book())]
        if config.event_rate > 0:
            tasks.append(asyncio.create_task(backend.run_load(config.event_rate)))
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            backend.world.close()

    app = FastAPI(
        title="Court Backend API",
        version=API_VERSION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=f"{API}/openapi.json",
        dependencies=[Depends(known_query_parameters)],
        description=CONTRACT_RULES,
    )
    app.state.backend = backend
    app.add_middleware(_BodyLimit)
    problems.install(app)

    logging.getLogger("uvicorn.error").addFilter(_QuietSseDisconnects())
    app.include_router(_public_routes(backend))
    app.include_router(_read_routes(backend), responses=READ_ERRORS)
    app.include_router(_command_routes(), responses=COMMAND_ERRORS)
    if config.stepped_clock:
        app.include_router(_clock_routes(backend))
    openapi.install(app)
    return app


def _clock_routes(backend: Backend) -> APIRouter:
    """For tests alone, and left out of the document: steps a stepped clock on."""
    router = APIRouter(prefix="/_test", include_in_schema=False)

    @router.post("/clock")
    async def step(seconds: Annotated[float, Body(embed=True, gt=0, le=3600)]) -> dict:
        return {"now": utc_iso(backend.step(seconds))}

    return router


def _public_routes(backend: Backend) -> APIRouter:
    router = APIRouter(prefix=API)

    @router.get("/health", response_model=schemas.Health, responses={503: {"model": schemas.Health}})
    async def health() -> JSONResponse:
        """Whether the backend answers, and its world moves: `stalled` (and 503) when a backend that
        moves on a clock of its own (a simulation) has not for more than 10 s; a backend without
        one is `ok` while it answers, with `tick_age_s` null."""
        age = backend.tick_age()
        stalled = age is not None and age > MAX_TICK_AGE_S
        body = {
            "status": "stalled" if stalled else "ok",
            "api_version": API_VERSION,
            "last_event_id": backend.events.last_id,
            "tick_age_s": None if age is None else round(age, 3),
            "oldest_event_id": backend.events.oldest_id,
            "events_since": None if backend.events.oldest_at is None else utc_iso(backend.events.oldest_at),
        }
        return JSONResponse(body, status_code=503 if stalled else 200)

    @router.post("/auth/token", response_model=schemas.Token, responses=_problem_responses(401, 403, 422, 429))
    async def token(http: Request, request: schemas.TokenRequest) -> dict:
        """Signs in. After 5 failures in a row, an account or an address waits before its next
        try (429 with Retry-After), a minute at first, twice as long at each further failure."""
        accounts, address = backend.accounts, address_of(http)
        accounts.attempt(request.username, address)
        user, password_hash = accounts.password_hash_of(request.username)
        # The hash is slow on purpose: on a worker thread, the event loop serving the others meanwhile.
        if not await asyncio.to_thread(password_matches, password_hash, request.password) or user is None:
            accounts.refuse_login(request.username, address, "invalid-credentials")
            raise Problem(401, "invalid-credentials", "The username or password is wrong.")
        if not user.enabled:
            accounts.refuse_login(user.username, address, "account-disabled")
            raise Problem(403, "account-disabled", f"The account {user.username} is disabled.")
        access_token, who = accounts.open_session(user, address)
        return {"access_token": access_token, "token_type": "bearer", "role": who.role, "expires_in": TOKEN_LIFETIME_S}

    @router.post("/auth/logout", status_code=204, responses=_problem_responses(401))
    async def logout(http: Request, who: Authenticated) -> Response:
        """Signs out: the token is refused from now on, and the streams it opened end."""
        backend.accounts.close_session(who, address_of(http))
        return Response(status_code=204)

    return router


def _read_routes(backend: Backend) -> APIRouter:
    router = APIRouter(prefix=API)
    world = backend.world

    @router.get("/me", response_model=schemas.Me)
    async def me(who: Authenticated) -> dict:
        return world.me(who)

    @router.get("/courts", response_model=schemas.Page[schemas.Court])
    async def courts(
        _: Reader,
        level: Literal["high", "intermediate", "basic"] | None = None,
        parent_id: Filter = None,
        page_size: PageSize = 500,
        page_token: PageToken = None,
    ) -> dict:
        items = sorted(
            (
                c.as_json()
                for c in world.courts
                if (level is None or c.level == level) and (parent_id is None or c.parent_id == parent_id)
            ),
            key=lambda c: c["id"],
        )
        return _page(items, backend.events.last_id, page_size, page_token, lambda token: token in world.court_by_id)

    def courts_seen(who: Principal) -> frozenset[str] | None:
        """The courts whose objects `who` reads; None for all of them."""
        return None if world.jurisdiction.sees_all(who) else world.jurisdiction.courts_of(who)

    def seen_by(who: Principal, items):
        courts = courts_seen(who)
        return items if courts is None else (item for item in items if world.court_of(item) in courts)

    @router.get("/cases", response_model=schemas.Page[schemas.Case])
    async def cases(
        who: Reader,
        court_id: Filter = None,
        node: schemas.NodeCode | None = None,
        status: Literal["open", "closed"] | None = None,
        overdue: bool | None = None,
        bbox: Annotated[
            str | None, Query(description="west,south,east,north in degrees", max_length=100, pattern=BBOX)
        ] = None,
        page_size: PageSize = 500,
        page_token: PageToken = None,
    ) -> dict:
        box = _bbox(bbox) if bbox else None
        if page_token is not None and world.cases.get(page_token) is None:
            raise _not_issued()
        after = page_token or ""
        filters = {
            "court_id": court_id,
            "node": node.value if node else None,
            "status": status,
            "overdue": overdue,
            "bbox": box,
            "courts": courts_seen(who),
        }
        docs = world.cases.page(filters, after, page_size + 1)
        now = backend.clock.now()
        shown = [present_case(doc, history=False, now=now) for doc in docs[:page_size]]
        return {
            "items": shown,
            "cursor": backend.events.last_id,
            "next_page_token": docs[page_size - 1]["id"] if len(docs) > page_size else None,
        }

    @router.get("/cases/{case_id}", response_model=schemas.CaseDetail)
    async def case(request: Request, who: Reader, case_id: Id) -> JSONResponse:
        return _object(await audited(request, who, "read", lambda: world.case(who, case_id)))

    @router.get("/teams", response_model=schemas.Page[schemas.Team])
    async def teams(
        who: Reader,
        court_id: Filter = None,
        status: TEAM_STATUSES | None = None,
        page_size: PageSize = 500,
        page_token: PageToken = None,
    ) -> dict:
        items = sorted(
            seen_by(
                who,
                (
                    t.as_json()
                    for t in world.simulation.teams
                    if (court_id is None or t.court.id == court_id) and (status is None or t.status == status)
                ),
            ),
            key=lambda t: t["id"],
        )
        return _page(
            items, backend.events.last_id, page_size, page_token, lambda token: world.simulation.team(token) is not None
        )

    @router.get("/teams/{team_id}", response_model=schemas.Team)
    async def team(request: Request, who: Reader, team_id: Id) -> JSONResponse:
        found = world.simulation.team(team_id)
        if found is None:
            raise Problem(404, "not-found", f"There is no team {team_id}.")
        await audited(request, who, "read", lambda: world.jurisdiction.within(who, found.court.id, found.name))
        return _object(found.as_json())

    def listing(kind: str, model, path: str, **filter_types) -> None:
        async def list_records(who: Reader, page_size: PageSize = 500, page_token: PageToken = None, **filters) -> dict:
            items = _filtered(seen_by(who, world.records.all(kind)), filters)
            return _page(
                items,
                backend.events.last_id,
                page_size,
                page_token,
                lambda token: world.records.get(kind, token) is not None,
            )

        async def one_record(request: Request, who: Reader, record_id: Id) -> JSONResponse:
            return _object(await audited(request, who, "read", lambda: world.record(who, kind, record_id)))

        # The filters are declared as query parameters so that the OpenAPI document lists them.
        list_records.__signature__ = _with_query_filters(list_records, filter_types)
        router.add_api_route(
            path, list_records, methods=["GET"], response_model=schemas.Page[model], name=f"list_{kind}s"
        )
        router.add_api_route(
            path + "/{record_id}", one_record, methods=["GET"], response_model=model, name=f"get_{kind}"
        )

    listing("task", schemas.Task, "/tasks", court_id=str, case_id=str, team_id=str, state=Literal[TASK_STATES])
    listing("message", schemas.Message, "/messages", team_id=str, state=Literal["sent", "delivered", "read"])
    listing("query", schemas.Query, "/queries", court_id=str, case_id=str, state=Literal["running", "completed"])
    listing(
        "measure",
        schemas.Measure,
        "/measures",
        case_id=str,
        query_id=str,
        state=Literal["awaiting_approval", "sent", "done", "failed", "rejected"],
    )
    listing("approval", schemas.Approval, "/approvals", case_id=str, state=Literal["pending", "approved", "rejected"])
    listing(
        "escalation",
        schemas.Escalation,
        "/escalations",
        court_id=str,
        case_id=str,
        team_id=str,
        severity=Literal[SEVERITIES],
        state=Literal[ESCALATION_STATES],
    )

    listing(
        "supervision",
        schemas.SupervisionOrder,
        "/supervision-orders",
        court_id=str,
        issuer_court_id=str,
        case_id=str,
        state=Literal["issued", "replied", "accepted", "returned"],
        overdue=bool,
    )

    @router.get("/warnings", response_model=schemas.Page[schemas.CaseWarning])
    async def warnings(
        who: Reader,
        court_id: Filter = None,
        officer: Filter = None,
        node: schemas.NodeCode | None = None,
        grade: Literal["due_soon", "overdue", "seriously_overdue", "idle"] | None = None,
        page_size: PageSize = 500,
        page_token: PageToken = None,
    ) -> dict:
        """流程预警: the open cases seen with a process warning now, in case id order (1.4). A case's
        `warnings` say when each begins (see `CaseWarnings`); `grade` narrows to a graded warning
        or to the idle cases."""
        filters = {"court_id": court_id, "officer": officer, "node": node.value if node else None, "grade": grade}
        open_cases = world.cases.open_cases(courts_seen(who))
        found = await asyncio.to_thread(process_warnings.find, open_cases, filters, backend.clock.now())
        start = 0
        if page_token is not None:
            start = bisect.bisect_right([item["case_id"] for item in found], page_token)
            if world.cases.get(page_token) is None:
                raise _not_issued()
        page = found[start : start + page_size]
        more = len(found) > start + page_size
        return {
            "items": page,
            "cursor": backend.events.last_id,
            "next_page_token": page[-1]["case_id"] if more else None,
        }

    @router.get("/warnings/counts", response_model=schemas.WarningCounts)
    async def warning_counts(who: Reader) -> dict:
        """The process warnings of the open cases seen, counted per court and per officer now (1.4)."""
        open_cases = world.cases.open_cases(courts_seen(who))
        return await asyncio.to_thread(process_warnings.count, open_cases, backend.clock.now())

    @router.get("/findings", response_model=schemas.Page[schemas.SupervisionFinding])
    async def findings(
        request: Request,
        who: Reader,
        court_id: Filter = None,
        situation: Annotated[int | None, Query(ge=1, le=25)] = None,
        state: Literal["open", "confirmed", "dismissed"] | None = None,
        case_id: Filter = None,
        page_size: PageSize = 500,
        page_token: PageToken = None,
    ) -> dict:
        """Findings of passive enforcement (消极执行) on the cases seen, in id order (1.5)."""
        if page_token is not None and world.findings.get(page_token) is None:
            raise _not_issued()
        filters = {"court_id": court_id, "situation": situation, "state": state, "case_id": case_id}
        found = world.findings_seen(who, filters, page_token or "", page_size + 1)
        return {
            "items": found[:page_size],
            "cursor": backend.events.last_id,
            "next_page_token": found[page_size - 1]["id"] if len(found) > page_size else None,
        }

    @router.get("/findings/{finding_id}", response_model=schemas.SupervisionFinding)
    async def finding(request: Request, who: Reader, finding_id: Id) -> JSONResponse:
        return _object(await audited(request, who, "read", lambda: world.finding(who, finding_id)))

    @router.get("/indicators", response_model=schemas.Indicators)
    async def indicator_figures(who: Reader, court_id: Filter = None) -> dict:
        """The indicators of 基本解决执行难 of each court seen (or of `court_id` alone, since 1.6),
        with the counts they are made of (1.5)."""
        if world.indicators is None:  # not yet counted: the first reader waits for it
            world.indicators = await asyncio.to_thread(indicators.compute, world.database, backend.clock.now())
        seen = courts_seen(who)
        courts = [
            c
            for c in world.indicators["courts"]
            if (seen is None or c["court_id"] in seen) and court_id in (None, c["court_id"])
        ]
        return {**world.indicators, "courts": courts}

    @router.get("/campaigns", response_model=schemas.Page[schemas.Campaign])
    async def campaign_progress(
        who: Reader, kind: Filter = None, page_size: PageSize = 500, page_token: PageToken = None
    ) -> dict:
        """专项执行行动 and each court's progress against its targets (1.5); paged, and filtered by
        `kind`, since 1.6."""
        held = [c for c in world.records.all("campaign") if kind in (None, c["kind"])]
        uncounted = [c for c in held if c["id"] not in world.campaign_progress]  # planned since last counted
        if uncounted:
            now = backend.clock.now()
            world.campaign_progress.update(await asyncio.to_thread(campaigns.progress, world.database, uncounted, now))
        seen = courts_seen(who)
        items = []
        for campaign in held:
            done = world.campaign_progress.get(campaign["id"], {})
            courts = [
                {**court, "done": done.get(court["court_id"], campaigns.NOTHING_DONE)}
                for court in campaign["courts"]
                if seen is None or court["court_id"] in seen
            ]
            items.append({**campaign, "courts": courts, "computed_at": utc_iso(world.campaign_progress_at)})
        items.sort(key=lambda campaign: campaign["id"])
        known = {campaign["id"] for campaign in held}
        return _page(items, backend.events.last_id, page_size, page_token, known.__contains__)

    @router.get("/kpis", response_model=schemas.Kpis)
    async def kpis(_: Reader) -> dict:
        return world.kpis

    @router.get("/audit", response_model=schemas.AuditPage)
    async def audit_entries(
        request: Request,
        who: Reader,
        case_id: Filter = None,
        object_id: Filter = None,
        actor: Filter = None,
        since: Annotated[datetime | None, Query(description="entries at or after this time")] = None,
        until: Annotated[datetime | None, Query(description="entries before this time")] = None,
        page_size: PageSize = 500,
        page_token: PageToken = None,
    ) -> dict:
        """The audit log, oldest first: one hash chain (each entry's `hash` is the SHA-256 of the
        entry without `hash`, as canonical JSON: keys sorted, no spaces, UTF-8; its `prev_hash`
        the hash of the entry before it, 64 zeros for the first). Outside the high court, a user
        reads the entries of one case of their jurisdiction at a time (`case_id`)."""
        if not world.jurisdiction.sees_all(who):
            await audited(request, who, "read", lambda: world.case_of_theirs(who, case_id))
        if page_token is not None and not (
            re.fullmatch(EVENT_ID, page_token)
            and str(int(page_token)) == page_token
            and audit.has_entry(world.records.db, int(page_token))
        ):
            raise _not_issued()
        filters = {"case_id": case_id, "object_id": object_id, "actor": actor}
        filters |= {"since": _seconds(since), "until": _seconds(until)}
        after = int(page_token) if page_token else 0
        entries = audit.page(world.records.db, filters, after, page_size + 1)
        return {
            "items": entries[:page_size],
            "next_page_token": str(entries[page_size - 1]["id"]) if len(entries) > page_size else None,
        }

    @router.get("/audit/verification", response_model=schemas.AuditVerification)
    async def audit_verification(_: Reader) -> dict:
        """The whole chain checked from its first entry, as `court-backend audit verify` does
        (at most once a minute: a newer answer waits for the next)."""
        return await backend.audit_verification()

    @router.get("/events", response_class=EventSourceResponse, responses=_problem_responses(410))
    async def events(who: Reader, cursor: ResumePoint) -> AsyncIterator[ServerSentEvent]:
        """The event stream (Server-Sent Events). Send `Last-Event-ID` to resume after an event;
        the event types and the schemas of their data are in `x-event-types`."""
        last_sent = last_check = time.monotonic()
        courts = courts_seen(who)  # the events of the reader's jurisdiction, and the province's
        while not backend.stopping:
            if not backend.events.can_resume_after(cursor):
                return  # this reader fell behind the retention; on reconnecting it is told so (410)
            if time.monotonic() - last_check >= SESSION_CHECK_S:
                if not backend.accounts.holds(who):
                    return  # signed out or revoked: reconnecting, the client is told so (401)
                last_check = time.monotonic()
            batch = backend.events.after(cursor)
            for event in batch:
                if courts is None or event.court_id is None or event.court_id in courts:
                    yield ServerSentEvent(raw_data=event.data, event=event.type, id=str(event.id))
                    last_sent = time.monotonic()
            if time.monotonic() - last_sent >= PING_S:  # also when all that came was of other courts
                last_sent = time.monotonic()
                yield ServerSentEvent(comment="ping")
            if batch:
                cursor = batch[-1].id
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(backend.events.wait_after(cursor), STREAM_POLL_S)

    return router


def _command_routes() -> APIRouter:
    router = APIRouter(prefix=API)

    def world_of(request: Request) -> World:
        return backend_of(request).world

    @router.post("/tasks", status_code=201, response_model=schemas.Task)
    async def dispatch(request: Request, who: Authenticated, body: schemas.DispatchRequest, key: IdempotencyKey = None):
        """Dispatch: send an available team to a case for an operation."""
        return await _command(
            request,
            who,
            "task.dispatch",
            key,
            lambda now: world_of(request).dispatch(
                who, body.case_id, body.team_id, body.kind.value, body.note, now, body.checkin_every_min
            ),
            status=201,
        )

    @router.post("/tasks/{task_id}/check-ins", status_code=201, response_model=schemas.Task)
    async def check_in(
        request: Request, who: Authenticated, task_id: Id, body: schemas.CheckInRequest, key: IdempotencyKey = None
    ):
        """A team on scene checks in (报平安), from its field device or by radio: the task, with the
        next check-in due, whether or not it was made under duress (1.6)."""
        return await _command(
            request,
            who,
            "task.check_in",
            key,
            lambda now: world_of(request).check_in(who, task_id, body.duress, now),
            status=201,
        )

    @router.post("/tasks/{task_id}/reassign", response_model=schemas.Task)
    async def reassign(
        request: Request,
        who: Authenticated,
        task_id: Id,
        body: schemas.ReassignRequest,
        version: IfMatch,
        key: IdempotencyKey = None,
    ):
        """Re-task: give an open task to another, available team."""
        return await _command(
            request,
            who,
            "task.dispatch",
            key,
            lambda now: world_of(request).reassign(who, task_id, body.team_id, body.note, version, now),
        )

    @router.post("/tasks/{task_id}/cancel", response_model=schemas.Task)
    async def cancel(
        request: Request,
        who: Authenticated,
        task_id: Id,
        version: IfMatch,
        body: Annotated[schemas.NoteRequest, Body()] = NO_NOTE,
        key: IdempotencyKey = None,
    ):
        return await _command(
            request,
            who,
            "task.dispatch",
            key,
            lambda now: world_of(request).cancel(who, task_id, body.note, version, now),
        )

    @router.post("/teams/{team_id}/messages", status_code=201, response_model=schemas.Message)
    async def message(
        request: Request, who: Authenticated, team_id: Id, body: schemas.MessageRequest, key: IdempotencyKey = None
    ):
        """Send an instruction to a team; its delivery shows in `team.message` events."""
        return await _command(
            request,
            who,
            "team.message",
            key,
            lambda now: world_of(request).message(who, team_id, body.text, now),
            status=201,
        )

    @router.post("/escalations/{escalation_id}/acknowledge", response_model=schemas.Escalation)
    async def acknowledge(
        request: Request,
        who: Authenticated,
        escalation_id: Id,
        version: IfMatch,
        body: Annotated[schemas.NoteRequest, Body()] = NO_NOTE,
        key: IdempotencyKey = None,
    ):
        """Take ownership. Refused with 409 naming the owner when someone else has it."""
        return await _command(
            request,
            who,
            "escalation.handle",
            key,
            lambda now: world_of(request).acknowledge(who, escalation_id, body.note, version, now),
        )

    @router.post("/escalations/{escalation_id}/escalate", response_model=schemas.Escalation)
    async def escalate(
        request: Request,
        who: Authenticated,
        escalation_id: Id,
        body: schemas.EscalateRequest,
        version: IfMatch,
        key: IdempotencyKey = None,
    ):
        return await _command(
            request,
            who,
            "escalation.handle",
            key,
            lambda now: world_of(request).escalate(who, escalation_id, body.to, body.reason, body.note, version, now),
        )

    @router.post("/escalations/{escalation_id}/resolve", response_model=schemas.Escalation)
    async def resolve(
        request: Request,
        who: Authenticated,
        escalation_id: Id,
        body: schemas.ResolveRequest,
        version: IfMatch,
        key: IdempotencyKey = None,
    ):
        return await _command(
            request,
            who,
            "escalation.handle",
            key,
            lambda now: world_of(request).resolve(who, escalation_id, body.outcome, body.note, version, now),
        )

    @router.post("/queries", status_code=201, response_model=schemas.Query)
    async def launch_query(
        request: Request, who: Authenticated, body: schemas.QueryRequest, key: IdempotencyKey = None
    ):
        """Launch a network query for a case's respondent on a channel, to the chosen categories."""
        return await _command(
            request,
            who,
            "query.launch",
            key,
            lambda now: world_of(request).launch_query(
                who, body.case_id, body.channel.value, [c.value for c in body.categories], now
            ),
            status=201,
        )

    @router.post("/queries/{query_id}/results/{result_id}/{kind}", status_code=201, response_model=schemas.Measure)
    async def order_measure(
        request: Request,
        who: Authenticated,
        query_id: Id,
        result_id: Id,
        kind: schemas.MeasureKind,
        body: schemas.MeasureRequest,
        key: IdempotencyKey = None,
    ):
        """A measure on a hit, one its finding's `measures` names (409 `measure-not-for-asset`):
        freeze or deduct money by `amount` (422 `amount-required`); freeze equity, seal up or seize
        property whole (422 `amount-not-for-property`), once (409 `already-controlled`). Never
        beyond what the case still owes (422 `over-control`): money above it, nor property while
        the money frozen covers it unless a `reason` says why. Above the approval threshold (see
        /me) it waits for a supervisor."""
        return await _command(
            request,
            who,
            "measure.order",
            key,
            lambda now: world_of(request).order_measure(
                who, query_id, result_id, kind.value, body.amount, body.reason, now
            ),
            status=201,
        )

    @router.post("/measures/{measure_id}/renewal", response_model=schemas.Measure)
    async def renew_measure(
        request: Request,
        who: Authenticated,
        measure_id: Id,
        version: IfMatch,
        body: Annotated[schemas.NoteRequest, Body()] = NO_NOTE,
        key: IdempotencyKey = None,
    ):
        """续行: a control measure still holding holds for its legal term again from its
        `expires_at` (409 `not-holding` otherwise). A `measure_lapsing` escalation warns 30 days ahead."""
        return await _command(
            request,
            who,
            "measure.order",
            key,
            lambda now: world_of(request).renew_measure(who, measure_id, body.note, version, now),
        )

    @router.post("/cases/{case_id}/coercions", status_code=201, response_model=schemas.Approval)
    async def request_coercion(
        request: Request, who: Authenticated, case_id: Id, body: schemas.CoercionRequest, key: IdempotencyKey = None
    ):
        """Ask for a coercive measure with its grounds: a judicial detention (at most 15 days), a fine
        or a 拘传 (compelled appearance). A president decides, never the one who asked."""
        details = body.model_dump(exclude={"kind", "emergency"})
        emergency = getattr(body, "emergency", False)
        return await _command(
            request,
            who,
            "coercion.request",
            key,
            lambda now: world_of(request).request_coercion(who, case_id, body.kind, details, emergency, now),
            status=201,
        )

    @router.post(
        "/cases/{case_id}/coercions/{coercion_id}/family-notice", status_code=201, response_model=schemas.CaseDetail
    )
    async def notify_family(
        request: Request,
        who: Authenticated,
        case_id: Id,
        coercion_id: Id,
        body: schemas.NoteRequest,
        key: IdempotencyKey = None,
    ):
        """Record that a detained person's family was told, how and by whom (within 24 hours of the
        detention; 民诉法解释 art. 180). Once (409 `already-notified`). (1.3)"""
        return await _command(
            request,
            who,
            "coercion.request",
            key,
            lambda now: world_of(request).notify_family(who, case_id, coercion_id, body.note, now),
            status=201,
        )

    @router.post("/cases/{case_id}/coercions/{coercion_id}/review", status_code=201, response_model=schemas.CaseDetail)
    async def apply_for_review(
        request: Request,
        who: Authenticated,
        case_id: Id,
        coercion_id: Id,
        body: schemas.NoteRequest,
        key: IdempotencyKey = None,
    ):
        """Record that the person fined or detained applied to the court above for review (复议):
        once, within 3 days of the decision (409 `review-too-late`). The decision is carried out
        meanwhile. (1.3)"""
        return await _command(
            request,
            who,
            "coercion.request",
            key,
            lambda now: world_of(request).apply_for_review(who, case_id, coercion_id, body.note, now),
            status=201,
        )

    @router.post(
        "/cases/{case_id}/coercions/{coercion_id}/review/decision", status_code=201, response_model=schemas.CaseDetail
    )
    async def decide_review(
        request: Request,
        who: Authenticated,
        case_id: Id,
        coercion_id: Id,
        body: schemas.ReviewDecision,
        key: IdempotencyKey = None,
    ):
        """The court above decides a review: a president of that court only (403
        `not-the-court-above`). Revoked, the coercion ends. (1.3)"""
        return await _command(
            request,
            who,
            "coercion.decide",
            key,
            lambda now: world_of(request).decide_review(
                who, case_id, coercion_id, body.outcome == "upheld", body.note, now
            ),
            status=201,
        )

    @router.post("/cases/{case_id}/credit", status_code=201, response_model=schemas.CaseDetail)
    async def order_credit(
        request: Request, who: Authenticated, case_id: Id, body: schemas.CreditRequest, key: IdempotencyKey = None
    ):
        """List the respondent of an open enforcement case as a dishonest judgment debtor on a ground
        (法释〔2017〕7号 art. 1), or restrict its high consumption or its leaving the country: one of
        each kind in force at a time (409 `already-in-force`); not while property under control covers
        what is owed (409 `debt-secured`). (1.3)"""
        return await _command(
            request,
            who,
            "credit.order",
            key,
            lambda now: world_of(request).order_credit(
                who, case_id, body.kind, body.ground and body.ground.value, body.extra_years, body.note, now
            ),
            status=201,
        )

    @router.post("/cases/{case_id}/credit/{credit_id}/removal", response_model=schemas.CaseDetail)
    async def remove_credit(
        request: Request,
        who: Authenticated,
        case_id: Id,
        credit_id: Id,
        body: schemas.CreditRemoval,
        key: IdempotencyKey = None,
    ):
        """Take a credit order off, for a reason of 法释〔2017〕7号 art. 10 or 12; `performed` only when
        nothing is owed (409 `not-performed`). (1.3)"""
        return await _command(
            request,
            who,
            "credit.order",
            key,
            lambda now: world_of(request).remove_credit(who, case_id, credit_id, body.reason, body.note, now),
        )

    @router.post("/cases/{case_id}/bankruptcy-referral", status_code=201, response_model=schemas.CaseDetail)
    async def refer_for_bankruptcy(
        request: Request, who: Authenticated, case_id: Id, body: schemas.ReferralRequest, key: IdempotencyKey = None
    ):
        """拟移送: propose a company respondent's open enforcement case for bankruptcy review with a
        party's written consent (法发〔2017〕2号 art. 2): 409 `not-a-company`, `already-referred`,
        `nothing-owed`, `debt-secured`. (1.3)"""
        return await _command(
            request,
            who,
            "case.refer",
            key,
            lambda now: world_of(request).refer_for_bankruptcy(who, case_id, body.consent, body.note, now),
            status=201,
        )

    @router.post("/cases/{case_id}/bankruptcy-referral/transfer", response_model=schemas.CaseDetail)
    async def transfer_for_bankruptcy(
        request: Request, who: Authenticated, case_id: Id, body: schemas.NoteRequest, key: IdempotencyKey = None
    ):
        """已移送: the president signs the transfer to the court that reviews bankruptcy, which rules
        within 30 days; the case's enforcement is suspended. (1.3)"""
        return await _command(
            request,
            who,
            "bankruptcy.transfer",
            key,
            lambda now: world_of(request).transfer_for_bankruptcy(who, case_id, body.note, now),
        )

    @router.post("/cases/{case_id}/bankruptcy-referral/ruling", response_model=schemas.CaseDetail)
    async def rule_on_bankruptcy(
        request: Request, who: Authenticated, case_id: Id, body: schemas.RulingRequest, key: IdempotencyKey = None
    ):
        """受理 or 不受理, recorded by the court the case went to (403 `outside-jurisdiction` elsewhere);
        refused, enforcement goes on. (1.3)"""
        return await _command(
            request,
            who,
            "case.refer",
            key,
            lambda now: world_of(request).rule_on_bankruptcy(who, case_id, body.accepted, body.note, now),
        )

    @router.post("/cases/{case_id}/relief", status_code=201, response_model=schemas.CaseDetail)
    async def apply_for_relief(
        request: Request, who: Authenticated, case_id: Id, body: schemas.ReliefRequest, key: IdempotencyKey = None
    ):
        """执行救助 for the applicant in hardship: at most 36 months' average wage (422
        `above-relief-cap`) and what the case owes (422 `above-outstanding`); one open at a time (409
        `relief-pending`). (1.3)"""
        return await _command(
            request,
            who,
            "case.refer",
            key,
            lambda now: world_of(request).apply_for_relief(who, case_id, body.amount, body.reason, now),
            status=201,
        )

    @router.post("/cases/{case_id}/relief/{relief_id}/{step}", response_model=schemas.CaseDetail)
    async def decide_relief(
        request: Request,
        who: Authenticated,
        case_id: Id,
        relief_id: Id,
        step: Literal["approval", "rejection", "payment"],
        body: schemas.NoteRequest,
        key: IdempotencyKey = None,
    ):
        """A supervisor other than the one who applied approves or rejects relief (403
        `two-person-rule`); approved relief is then paid from the fund (409 `relief-not-approved`
        before). (1.3)"""
        state = {"approval": "approved", "rejection": "rejected", "payment": "paid"}[step]
        return await _command(
            request,
            who,
            "funds.pay",
            key,
            lambda now: world_of(request).decide_relief(who, case_id, relief_id, state, body.note, now),
        )

    @router.post("/cases/{case_id}/disposals", status_code=201, response_model=schemas.CaseDetail)
    async def value_property(
        request: Request, who: Authenticated, case_id: Id, body: schemas.ValuationRequest, key: IdempotencyKey = None
    ):
        """Property valued by 询价 or 评估, to be sold: the start of its disposal; not for a
        property-preservation case (409 `not-for-preservation`). (1.4)"""
        return await _command(
            request,
            who,
            "measure.order",
            key,
            lambda now: world_of(request).value_property(who, case_id, body.model_dump(), now),
            status=201,
        )

    @router.post("/cases/{case_id}/disposals/{disposal_id}/rounds", response_model=schemas.CaseDetail)
    async def record_disposal_round(
        request: Request,
        who: Authenticated,
        case_id: Id,
        disposal_id: Id,
        body: schemas.DisposalRoundRequest,
        key: IdempotencyKey = None,
    ):
        """An auction, a 变卖 or a 以物抵债, in order (409 `out-of-order`): a first auction at no
        less than 70% of the value, a second at no less than 80% of the first's reserve (422
        `reserve-too-low`); sold at no less than the reserve (422 `below-reserve`); taken in payment
        at the failed auction's reserve exactly (422 `not-at-reserve`). (1.4)"""
        return await _command(
            request,
            who,
            "measure.order",
            key,
            lambda now: world_of(request).record_disposal_round(
                who, case_id, disposal_id, body.kind, body.reserve, body.price, body.note, now
            ),
        )

    @router.post("/cases/{case_id}/acts", status_code=201, response_model=schemas.Case)
    async def record_act(
        request: Request, who: Authenticated, case_id: Id, body: schemas.ActRequest, key: IdempotencyKey = None
    ):
        """Record an act done on an enforcement case besides its nodes, once: the applicant heard
        (applicant_interview), an investigation on the spot, the execution notice or the
        asset-report order sent, a consumption restriction or a dishonest listing ordered (which
        flag the case). Never on a property-preservation case (409 `not-for-preservation`)."""
        return await _command(
            request,
            who,
            "case.record",
            key,
            lambda now: world_of(request).record_act(who, case_id, body.act, body.note, now),
            status=201,
        )

    @router.post("/cases/{case_id}/funds/receipts", status_code=201, response_model=schemas.Case)
    async def receive_funds(
        request: Request, who: Authenticated, case_id: Id, body: schemas.ReceiptRequest, key: IdempotencyKey = None
    ):
        """Money received into an open case's account: entered in its ledger and realised on the
        case; to be paid out within 30 days. Never more than the case still owes (422
        `above-outstanding`)."""
        return await _command(
            request,
            who,
            "funds.record",
            key,
            lambda now: world_of(request).receive_funds(who, case_id, body.amount, body.source, now),
            status=201,
        )

    @router.post("/cases/{case_id}/funds/payouts", status_code=201, response_model=schemas.Case)
    async def pay_out(
        request: Request, who: Authenticated, case_id: Id, body: schemas.PayoutRequest, key: IdempotencyKey = None
    ):
        """Money paid out of an open case's account, the oldest receipts first; never above its
        balance (422 `above-balance`)."""
        return await _command(
            request,
            who,
            "funds.pay",
            key,
            lambda now: world_of(request).pay_out(who, case_id, body.amount, body.payee, now),
            status=201,
        )

    @router.post("/cases/{case_id}/termination", response_model=schemas.Case)
    async def terminate(
        request: Request,
        who: Authenticated,
        case_id: Id,
        body: Annotated[schemas.NoteRequest, Body()] = NO_NOTE,
        key: IdempotencyKey = None,
    ):
        """终本 (terminate the current enforcement procedure): refused with 409
        `termination-conditions-unmet`, naming each unmet condition of the case's checklist
        (`CaseDetail.termination`), until all are met. The case closes, then is re-queried every six
        months for five years; a hit raises a `terminated_case_hit` escalation."""
        return await _command(
            request,
            who,
            "case.terminate",
            key,
            lambda now: world_of(request).terminate(who, case_id, body.note, now),
        )

    @router.post("/cases/{case_id}/resumption", status_code=201, response_model=schemas.Case)
    async def resume(
        request: Request,
        who: Authenticated,
        case_id: Id,
        body: Annotated[schemas.NoteRequest, Body()] = NO_NOTE,
        key: IdempotencyKey = None,
    ):
        """恢复执行: a new 执恢 case for what a 终本 case still owes, with its parties, linked both ways
        (`resumed_from`, `resumed_as`); the answer is the new case."""
        return await _command(
            request,
            who,
            "case.terminate",
            key,
            lambda now: world_of(request).resume(who, case_id, body.note, now),
            status=201,
        )

    @router.post(
        "/cases/{case_id}/parties/{role}/reveal",
        response_model=schemas.RevealedParty,
        responses=_problem_responses(403, 404, 422, 429),
    )
    async def reveal(
        request: Request,
        who: Authenticated,
        case_id: Id,
        role: Literal["applicant", "respondent"],
        body: schemas.RevealRequest,
    ) -> dict:
        """One party's personal data, unmasked, for the reason given: audited (who, when, which
        party, why), refused to observers, and at most 30 an hour for each user (then 429)."""
        backend = backend_of(request)
        try:
            return backend.world.reveal(who, case_id, role, body.reason, backend.clock.now())
        except Problem as refusal:
            if refusal.status != 404:
                _audit_refusal(backend, request, who, "party.reveal", refusal, await request.body())
                backend.world.records.commit()
            raise

    @router.post("/supervision-orders", status_code=201, response_model=schemas.SupervisionOrder)
    async def issue_supervision(
        request: Request, who: Authenticated, body: schemas.SupervisionRequest, key: IdempotencyKey = None
    ):
        """督办: a supervisor's order to a court below theirs (403 `not-a-court-below`) on cases of
        that court (422 `case-of-another-court`), due by a deadline in the future (422
        `deadline-passed`). (1.4)"""
        return await _command(
            request,
            who,
            "supervision.issue",
            key,
            lambda now: world_of(request).issue_supervision(
                who, body.court_id, body.case_ids, body.requirement, body.deadline.timestamp(), now
            ),
            status=201,
        )

    @router.post("/supervision-orders/{order_id}/{step}", response_model=schemas.SupervisionOrder)
    async def answer_supervision(
        request: Request,
        who: Authenticated,
        order_id: Id,
        step: Literal["reply", "acceptance", "return"],
        version: IfMatch,
        body: schemas.SupervisionStepRequest,
        key: IdempotencyKey = None,
    ):
        """The addressed court replies with what it did (`reply`: only that court, 403
        `not-the-addressed-court`; 409 `not-awaiting-reply`); the issuing court accepts the reply
        or returns it for more (`acceptance`, `return`: only that court, 403 `not-the-issuing-court`;
        409 `not-replied`). (1.4)"""
        state = {"reply": "replied", "acceptance": "accepted", "return": "returned"}[step]
        return await _command(
            request,
            who,
            "supervision.reply" if step == "reply" else "supervision.issue",
            key,
            lambda now: world_of(request).answer_supervision(who, order_id, state, body.note, version, now),
        )

    @router.post("/findings", status_code=201, response_model=schemas.SupervisionFinding)
    async def record_finding(
        request: Request, who: Authenticated, body: schemas.FindingRequest, key: IdempotencyKey = None
    ):
        """A situation recorded by hand on a case by a supervisor of a court above its court (403
        `not-a-court-above`), confirmed as recorded; once for a case and a situation (409
        `already-found`). (1.5)"""
        return await _command(
            request,
            who,
            "finding.decide",
            key,
            lambda now: world_of(request).record_finding(who, body.situation, body.case_id, body.note, now),
            status=201,
        )

    @router.post("/findings/{finding_id}/{decision}", response_model=schemas.SupervisionFinding)
    async def decide_finding(
        request: Request,
        who: Authenticated,
        finding_id: Id,
        decision: Literal["confirmation", "dismissal"],
        version: IfMatch,
        body: schemas.FindingDecision,
        key: IdempotencyKey = None,
    ):
        """A supervisor of a court above the finding's court (403 `not-a-court-above`) confirms it or
        dismisses it, with a reason; once (409 `already-decided`). (1.5)"""
        state = {"confirmation": "confirmed", "dismissal": "dismissed"}[decision]
        return await _command(
            request,
            who,
            "finding.decide",
            key,
            lambda now: world_of(request).decide_finding(who, finding_id, state, body.reason, version, now),
        )

    @router.post("/approvals/{approval_id}/{decision}", response_model=schemas.Approval)
    async def decide(
        request: Request,
        who: Authenticated,
        approval_id: Id,
        decision: Literal["approve", "reject"],
        version: IfMatch,
        body: Annotated[schemas.NoteRequest, Body()] = NO_NOTE,
        key: IdempotencyKey = None,
    ):
        """A supervisor decides a measure above the threshold, a president a coercive measure; never
        the one who asked (two-person rule)."""
        return await _command(
            request,
            who,
            ("approval.decide", "coercion.decide"),
            key,
            lambda now: world_of(request).decide(who, approval_id, decision == "approve", body.note, version, now),
        )

    return router


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        raise Problem(422, "invalid-request", "bbox is west,south,east,north in degrees.") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise Problem(422, "invalid-request", "bbox is west,south,east,north with west ≤ east and south ≤ north.")
    return west, south, east, north


def _with_query_filters(func, filter_types: dict) -> inspect.Signature:
    """`func`'s signature with its **filters spelled out as optional query parameters."""
    signature = inspect.signature(func)
    fixed = [p for p in signature.parameters.values() if p.kind != inspect.Parameter.VAR_KEYWORD]
    extra = [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            default=None,
            annotation=Annotated[kind | None, Query(min_length=1, max_length=128, description=FILTER_MEANS)]
            if kind is str
            else Annotated[kind | None, Query()],
        )
        for name, kind in filter_types.items()
    ]
    return signature.replace(parameters=[*fixed, *extra])
