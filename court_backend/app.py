"""The HTTP API of the reference court backend (FastAPI), and the loop that drives its simulation."""

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import anyio
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, Field

from court_backend import problems
from court_backend.auth import TOKEN_LIFETIME_S, Accounts, Principal
from court_backend.events import DEFAULT_RETENTION, EventLog
from court_backend.geography import build_courts, load_divisions
from court_backend.problems import Problem
from court_backend.simulation import Simulation
from court_backend.storage import open_database, restore_simulation, save_simulation

log = logging.getLogger("court_backend")

API = "/api/v1"
TICK_S = 1.0
STREAM_POLL_S = 1.0
MAX_PAGE_SIZE = 1000


@dataclass(frozen=True)
class Config:
    data_dir: Path
    demo_password: str
    seed: int = 1
    teams: int = 200
    speed: float = 1.0
    event_retention: int = DEFAULT_RETENTION


class TokenRequest(BaseModel):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


class Backend:
    """Everything one running backend holds: accounts, courts, the event log and the simulation."""

    def __init__(self, config: Config) -> None:
        self.stopping = False  # set on shutdown: streams end so that the server can stop
        self.accounts = Accounts(config.demo_password)
        divisions = load_divisions()
        self.courts = build_courts(divisions)
        self.db = open_database(config.data_dir)
        self.events = EventLog(self.db, config.event_retention)
        self.simulation = Simulation(self.courts, divisions, seed=config.seed, teams=config.teams,
                                     speed=config.speed, now=time.time())
        if restore_simulation(self.db, self.simulation):
            log.info("carrying on from the state stored in %s (event %d)", config.data_dir, self.events.last_id)
        else:
            with self.db:
                save_simulation(self.db, self.simulation)

    async def run_simulation(self) -> None:
        last = time.time()
        while True:
            await asyncio.sleep(TICK_S)
            now = time.time()
            events = self.simulation.tick(now - last, now)
            with self.db:  # the events and the state they leave behind, in one transaction
                self.events.append(events)
                save_simulation(self.db, self.simulation, {payload["team_id"] for _, payload in events})
            self.events.published()
            last = now

    def close(self) -> None:
        self.db.close()


def resume_point(request: Request, last_event_id: Annotated[str | None, Header()] = None) -> int:
    """The id after which a stream starts: the client's Last-Event-ID, or the newest event.

    A dependency rather than code in the stream itself: FastAPI has started a 200 response by the
    time an SSE generator runs, so a refusal (422, 410) must be decided before it.
    """
    events = request.app.state.backend.events
    if last_event_id is None:
        return events.last_id
    try:
        resume_from = int(last_event_id.strip())
    except ValueError:
        raise Problem(422, "invalid-request", "Last-Event-ID must be an event id (an integer).") from None
    if resume_from < 0:
        raise Problem(422, "invalid-request", "Last-Event-ID must not be negative.")
    if not events.can_resume_after(resume_from):
        # Older than the retention, or an id this log never issued (the client followed another
        # backend, or this one's data was reset): its state cannot be patched from here.
        raise Problem(410, "events-gone", f"The events after {resume_from} are not held; take a fresh snapshot.",
                      oldest_event_id=events.oldest_id, newest_event_id=events.last_id)
    return resume_from


def current_principal(request: Request, authorization: Annotated[str | None, Header()] = None) -> Principal:
    return request.app.state.backend.accounts.authenticate(authorization)


class _QuietSseDisconnects(logging.Filter):
    """Drops the error FastAPI's built-in SSE logs on every ordinary client disconnect.

    Its keep-alive task writes to a stream that the request teardown has already closed and the
    resulting ``BrokenResourceError`` is logged as "Exception in ASGI application" (FastAPI
    discussion #15725, not fixed upstream). A client going away is not an error here.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, BaseExceptionGroup):
            rest = error.subgroup(lambda e: not isinstance(e, (anyio.BrokenResourceError, anyio.ClosedResourceError)))
            return rest is not None
        return True


Authenticated = Annotated[Principal, Depends(current_principal)]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
ResumePoint = Annotated[int, Depends(resume_point)]


def _page(items: list[dict], cursor: int, page_size: int, page_token: str | None) -> dict:
    try:
        start = int(page_token) if page_token else 0
    except ValueError:
        raise Problem(422, "invalid-request", "page_token is not one this backend issued.") from None
    if start < 0:
        raise Problem(422, "invalid-request", "page_token is not one this backend issued.")
    end = start + page_size
    return {"items": items[start:end], "cursor": cursor, "next_page_token": str(end) if end < len(items) else None}


def create_app(config: Config) -> FastAPI:
    backend = Backend(config)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(backend.run_simulation())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            backend.close()

    app = FastAPI(title="Court Backend API", version="1", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.backend = backend
    logging.getLogger("uvicorn.error").addFilter(_QuietSseDisconnects())
    problems.install(app)

    @app.get(f"{API}/health")
    async def health() -> dict:
        return {"status": "ok", "api_version": "1", "last_event_id": backend.events.last_id}

    @app.post(f"{API}/auth/token")
    async def token(request: TokenRequest) -> dict:
        access_token, who = backend.accounts.issue(request.username, request.password)
        return {"access_token": access_token, "token_type": "bearer", "role": who.role, "expires_in": TOKEN_LIFETIME_S}

    @app.get(f"{API}/courts")
    async def courts(_: Authenticated, page_size: PageSize = 500, page_token: str | None = None) -> dict:
        items = [court.as_json() for court in backend.courts]
        return _page(items, backend.events.last_id, page_size, page_token)

    @app.get(f"{API}/teams")
    async def teams(_: Authenticated, page_size: PageSize = 500, page_token: str | None = None) -> dict:
        items = [team.as_json() for team in backend.simulation.teams]
        return _page(items, backend.events.last_id, page_size, page_token)

    @app.get(f"{API}/events", response_class=EventSourceResponse)
    async def events(_: Authenticated, cursor: ResumePoint) -> AsyncIterator[ServerSentEvent]:
        while not backend.stopping:
            if not backend.events.can_resume_after(cursor):
                return  # this reader fell behind the retention; on reconnecting it is told so (410)
            batch = backend.events.after(cursor)
            if not batch:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(backend.events.wait_after(cursor), STREAM_POLL_S)
                continue
            for event in batch:
                yield ServerSentEvent(raw_data=event.data, event=event.type, id=str(event.id))
            cursor = batch[-1].id

    return app
