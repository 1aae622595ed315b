"""A client of the Court Backend API over HTTP(S): login, paginated snapshots, the event stream.

Every call here blocks, so it runs on a worker thread, never on the GUI thread. Errors come out as
`ApiError` (and its kinds), with the backend's problem details when it sent them.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import quote, urljoin, urlsplit

import requests
import urllib3

from console.profiles import is_loopback
from console.sse import OversizedEvent, SseEvent, SseParser

API_PREFIX = "api/v1/"
CONNECT_TIMEOUT_S = 5.0
MAX_RETRY_AFTER_S = 86400.0  # a Retry-After beyond a day is taken as a day
API_MAJOR = "1"  # the contract this console speaks: any 1.x backend, none of another major
LOGOUT_TIMEOUT_S = 2.0  # signing out as the console closes: not worth a longer wait
READ_TIMEOUT_S = 15.0
# The stream's read timeout must outlast the backend's keep-alive ping (at least every 15 s).
STREAM_READ_TIMEOUT_S = 40.0
MAX_PAGES = 10_000
MAX_EMPTY_PAGES = 100
MAX_SNAPSHOT_ITEMS = 1_000_000  # of one collection: three times the largest book a province holds
MAX_AUDIT_ENTRIES = 20_000  # far more than one case's commands; a backend that pages on without end is cut short
MAX_BODY_BYTES = 64 << 20  # of one answer, once inflated: a page of 1,000 cases is about 2 MiB
MAX_ANSWER_S = 120.0


class ApiError(Exception):
    """A call the backend refused, or an answer that breaks the contract."""

    def __init__(
        self,
        message: str,
        status: int | None = None,
        problem_type: str | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.problem_type = problem_type
        self.retry_after_s = retry_after_s  # what a 429 or 503 asked for, in seconds


class AuthFailed(ApiError):
    """401: wrong credentials, or a token the backend no longer accepts."""


class EventsGone(ApiError):
    """410: the backend no longer holds the events after our resume point; take a new snapshot."""


@dataclass(frozen=True)
class Login:
    token: str
    role: str
    expires_in: float


@dataclass(frozen=True)
class Snapshot:
    items: list
    cursor: int


def _body(response: requests.Response) -> bytes:
    """The answer's body, inflated, read up to MAX_BODY_BYTES and for at most MAX_ANSWER_S: a
    compressed bomb, an endless answer or one that drips in is cut off."""
    chunks, size = [], 0
    # The read timeout is per read: an answer dripping in a byte at a time would pass it for ever.
    # A watch cuts the connection under the read once the answer has taken too long.
    overdue = threading.Event()
    watch = threading.Timer(MAX_ANSWER_S, _cut, (response, overdue))
    watch.daemon = True
    watch.start()
    try:
        for chunk in response.iter_content(1 << 16):
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise ApiError(f"an answer larger than {MAX_BODY_BYTES >> 20} MiB", response.status_code)
            chunks.append(chunk)
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
        if overdue.is_set():
            raise ApiError(f"an answer still arriving after {MAX_ANSWER_S:.0f} s", response.status_code) from None
        raise ApiError(f"the answer broke off: {error}", response.status_code) from None
    finally:
        watch.cancel()
        response.close()
    return b"".join(chunks)


def _cut(response: requests.Response, overdue: threading.Event) -> None:
    overdue.set()
    _shut(response)


def _parse(body: bytes) -> object:
    """JSON, which the contract says is UTF-8; anything else, or nested beyond reason, is an ApiError."""
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ApiError(f"malformed JSON: {type(error).__name__}: {str(error)[:200]}") from None


def _error_from(response: requests.Response) -> ApiError:
    """The refusal a response says, its problem details read if it has them; the response is closed."""
    detail, problem_type, body = response.reason or "", None, None
    if response.headers.get("content-type", "").startswith(("application/problem+json", "application/json")):
        try:
            body = _parse(_body(response))
        except ApiError:
            body = None
    response.close()  # an error that is not JSON (a proxy's HTML page) is not read: the connection goes
    if isinstance(body, dict):
        detail = str(body.get("detail") or body.get("title") or detail)[:500]
        problem_type = body.get("type") if isinstance(body.get("type"), str) else None
    kind = {401: AuthFailed, 410: EventsGone}.get(response.status_code, ApiError)
    asked = response.request
    what = f"{asked.method} {urlsplit(asked.url).path.split(API_PREFIX, 1)[-1]}: " if asked is not None else ""
    return kind(
        f"{what}HTTP {response.status_code}: {detail}", response.status_code, problem_type, _retry_after(response)
    )


def _retry_after(response: requests.Response) -> float | None:
    """The seconds a busy backend asks to be left alone for: Retry-After in seconds, or an HTTP
    date (RFC 9110); a day at most, and None for anything else."""
    value = response.headers.get("retry-after", "").strip()
    if value.isascii() and value.isdigit():
        seconds = float(value[:12])
    else:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


class IncompatibleBackend(ApiError):
    """The backend speaks another major version of the API: following it, or sending it commands,
    would misread it."""


def check_version(health: dict) -> None:
    """Raises IncompatibleBackend unless `health` (GET /health) says this console's major version
    (a newer minor is welcome: it only adds)."""
    version = health.get("api_version")
    if not isinstance(version, str) or version.split(".")[0] != API_MAJOR:
        said = str(version)[:20]
        raise IncompatibleBackend(f"the backend speaks API version {said!r}; this console speaks {API_MAJOR}.x")


class ApiClient:
    def __init__(self, base_url: str, *, verify: bool | str = True, cert: str | tuple[str, str] | None = None) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self._session = requests.Session()
        # A backend on this machine is reached directly: the environment's proxy (HTTP_PROXY) would
        # see its password and token, or refuse it. Beyond loopback, a proxy may be the only way out.
        self._session.trust_env = not is_loopback(urlsplit(self.base_url).hostname or "")
        self._session.headers["Accept"] = "application/json"
        self._verify, self._cert = verify, cert
        self.token: str | None = None

    def _send(self, method: str, path: str, **options) -> requests.Response:
        # verify and cert go with each request: on the session, requests would let an environment
        # variable (REQUESTS_CA_BUNDLE) replace the profile's CA bundle without a word.
        # Redirects are not followed: one could carry the password, or the token, to another host,
        # or from https to plain http, past the profile's checks.
        options.setdefault("timeout", (CONNECT_TIMEOUT_S, READ_TIMEOUT_S))
        options.setdefault("stream", True)  # bodies are read by _body, with a limit
        response = self._session.request(
            method, self._url(path), verify=self._verify, cert=self._cert, allow_redirects=False, **options
        )
        if response.is_redirect:
            response.close()
            raise ApiError(
                f"HTTP {response.status_code}: the backend redirects to {response.headers.get('location', '?')!r};"
                " redirects are not followed (correct the profile's URL)",
                response.status_code,
            )
        return response

    def _url(self, path: str) -> str:
        return urljoin(self.base_url, API_PREFIX + path.lstrip("/"))

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _json(self, response: requests.Response) -> dict:
        if not response.ok:
            raise _error_from(response)
        if not response.headers.get("content-type", "").startswith("application/json"):
            response.close()
            raise ApiError(
                f"expected JSON, got {response.headers.get('content-type', 'no content type')!r}", response.status_code
            )
        body = _parse(_body(response))
        if not isinstance(body, dict):
            raise ApiError("expected a JSON object", response.status_code)
        return body

    def login(self, username: str, password: str) -> Login:
        response = self._send("POST", "auth/token", json={"username": username, "password": password})
        body = self._json(response)
        token, role = body.get("access_token"), body.get("role")
        if not isinstance(token, str) or not token or not isinstance(role, str):
            raise ApiError("the token response lacks access_token or role")
        self.token = token
        expires_in = body.get("expires_in")
        sensible = isinstance(expires_in, (int, float)) and not isinstance(expires_in, bool) and 0 <= expires_in < 1e9
        return Login(token, role, float(expires_in) if sensible else 0.0)

    def logout(self) -> None:
        """Ends this client's token on the backend (a short wait at most: it is said on the way out)."""
        response = self._send("POST", "auth/logout", headers=self._headers(), timeout=(LOGOUT_TIMEOUT_S,) * 2)
        response.close()
        if not response.ok and response.status_code != 401:  # 401: it had ended already
            raise ApiError(f"HTTP {response.status_code} to the sign-out", response.status_code)

    def health(self) -> dict:
        """The backend's health and API version (GET /health: no token needed); a stalled
        backend's 503 says them too."""
        response = self._send("GET", "health")
        if response.status_code == 503 and response.headers.get("content-type", "").startswith("application/json"):
            body = _parse(_body(response))
            return body if isinstance(body, dict) else {}
        return self._json(response)

    def check_version(self) -> None:
        """Refuses a backend of another major API version, before any password is sent to it."""
        check_version(self.health())

    def me(self) -> dict:
        return self._json(self._send("GET", "me", headers=self._headers()))

    def kpis(self) -> dict | None:
        """The indicators, or None from a backend that publishes none (404: the contract makes
        them optional)."""
        return self._optional("kpis")

    def _optional(self, path: str) -> dict | None:
        """What a backend may not have: None when it answers 404."""
        try:
            return self._json(self._send("GET", path, headers=self._headers()))
        except ApiError as error:
            if error.status == 404:
                return None
            raise

    def indicators(self) -> dict | None:
        """The indicators of each court seen (API 1.5), or None from a backend without them (404)."""
        return self._optional("indicators")

    def campaigns(self) -> dict | None:
        """The campaigns and each court's progress (API 1.5), or None from a backend without them (404)."""
        return self._optional("campaigns")

    def case(self, case_id: str) -> dict:
        """A case's detail, its node history included."""
        return self._json(self._send("GET", f"cases/{quote(case_id, safe='')}", headers=self._headers()))

    def audit_verification(self) -> dict:
        """How far the backend found its audit chain to hold (GET /audit/verification)."""
        return self._json(self._send("GET", "audit/verification", headers=self._headers()))

    def reveal(self, case_id: str, role: str, reason: str) -> dict:
        """A party's personal data, unmasked: the backend audits who asked, and why."""
        path = f"cases/{quote(case_id, safe='')}/parties/{quote(role, safe='')}/reveal"
        return self._json(self._send("POST", path, json={"reason": reason}, headers=self._headers()))

    def audit(self, max_entries: int = MAX_AUDIT_ENTRIES, **filters: str) -> list:
        """Every audit entry that matches the filters (case_id, object_id, actor, since, until),
        oldest first."""
        entries: list = []
        params: dict[str, str] = {"page_size": "1000", **filters}
        for page, next_token, _ in self._pages("audit", params):
            entries.extend(page)
            if len(entries) > max_entries:
                raise ApiError(f"audit: more than {max_entries} entries")
            if not next_token:
                return entries
        raise ApiError(f"audit: more than {MAX_PAGES} pages")

    def snapshot(self, collection: str, **filters: str) -> Snapshot:
        """Every item of a collection, following its pages.

        The cursor is the first page's: events after it may repeat what later pages already show,
        which is harmless because events carry whole values, never increments.
        """
        items: list = []
        cursor: int | None = None
        for page in self.snapshot_pages(collection, **filters):
            items.extend(page.items)
            cursor = page.cursor if cursor is None else cursor
        return Snapshot(items, cursor)

    def snapshot_pages(self, collection: str, **filters: str) -> Iterator[Snapshot]:
        """A collection page by page, each page with the cursor of the last event it reflects."""
        count = 0
        params: dict[str, str] = {"page_size": "1000", **filters}
        for page, next_token, body in self._pages(collection, params):
            count += len(page)
            if count > MAX_SNAPSHOT_ITEMS:
                raise ApiError(f"{collection}: more than {MAX_SNAPSHOT_ITEMS:,} items")
            cursor = body.get("cursor")
            if isinstance(cursor, bool) or not isinstance(cursor, int) or not 0 <= cursor < 2**63:
                raise ApiError(f"{collection}: 'cursor' is not an event id")
            yield Snapshot(page, cursor)
            if not next_token:
                return
        raise ApiError(f"{collection}: more than {MAX_PAGES} pages")

    def _pages(self, collection: str, params: dict[str, str]) -> Iterator[tuple[list, str | None, dict]]:
        """Each page's items, its next page token and its whole body, until a page has no token
        (or MAX_PAGES). A token that comes again would go round for ever; a backend may filter its
        pages after cutting them, but not send page after page of nothing."""
        seen: set[str] = set()
        empty = 0
        for _ in range(MAX_PAGES):
            try:
                body = self._json(self._send("GET", collection, params=params, headers=self._headers()))
            except ApiError as error:  # said with the collection it concerns (the kind is kept: 401 stays AuthFailed)
                raise type(error)(
                    f"{collection}: {error}", error.status, error.problem_type, error.retry_after_s
                ) from None
            page, next_token = body.get("items"), body.get("next_page_token")
            if not isinstance(page, list):
                raise ApiError(f"{collection}: 'items' is not a list")
            if next_token and not isinstance(next_token, str):
                raise ApiError(f"{collection}: 'next_page_token' is not a string")
            if next_token and next_token in seen:
                raise ApiError(f"{collection}: the pages go round in a circle (token {next_token[:40]!r} again)")
            empty = empty + 1 if next_token and not page else 0
            if empty > MAX_EMPTY_PAGES:
                raise ApiError(f"{collection}: {MAX_EMPTY_PAGES} pages in a row with nothing on them")
            yield page, next_token or None, body
            if not next_token:
                return
            seen.add(next_token)
            params["page_token"] = next_token

    def command(self, path: str, body: dict, key: str, if_match: int | None) -> tuple[int, dict, float | None]:
        """POSTs a command with its idempotency key; returns the status, the JSON answer and the
        Retry-After a busy backend asked for.

        Any answer is returned, refusals included: what they mean is the caller's to decide.
        """
        headers = {**self._headers(), "Idempotency-Key": key}
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        response = self._send("POST", path, json=body, headers=headers)
        try:
            answer = _parse(_body(response))
        except ApiError:
            answer = {"title": response.reason or "", "status": response.status_code}
        return response.status_code, answer if isinstance(answer, dict) else {"answer": answer}, _retry_after(response)

    def open_events(self, last_event_id: int | None) -> EventStream:
        # Uncompressed: the stream is read as it arrives, and compression would hold events back.
        headers = {
            **self._headers(),
            "Accept": "text/event-stream",
            "Cache-Control": "no-cache",
            "Accept-Encoding": "identity",
        }
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        response = self._send(
            "GET", "events", headers=headers, stream=True, timeout=(CONNECT_TIMEOUT_S, STREAM_READ_TIMEOUT_S)
        )
        if not response.ok:
            error = _error_from(response)  # reads the problem body, so that the error can quote it
            response.close()
            raise error
        if not response.headers.get("content-type", "").startswith("text/event-stream"):
            response.close()
            raise ApiError(f"the event stream has content type {response.headers.get('content-type')!r}")
        if response.headers.get("content-encoding", "identity").lower() != "identity":
            response.close()
            raise ApiError(f"the event stream is {response.headers['content-encoding']}-encoded, though asked for none")
        return EventStream(response)

    def close(self) -> None:
        self._session.close()


def probe(
    url: str, username: str, password: str, *, verify: bool | str = True, cert: str | tuple[str, str] | None = None
) -> dict:
    """Logs in and asks who we are: the test of a connection profile. Blocks: call it off the GUI thread."""
    client = ApiClient(url, verify=verify, cert=cert)
    try:
        client.login(username, password)
        return client.me()
    finally:
        client.close()


class EventStream:
    """An open event stream; iterate it for events, `interrupt()` it from any thread to stop."""

    def __init__(self, response: requests.Response) -> None:
        self._response = response
        self._parser = SseParser()

    def __iter__(self) -> Iterator[SseEvent | OversizedEvent]:
        raw = self._response.raw
        try:
            # Each chunk as it arrives: a fixed-size read would hold events back until it filled.
            chunks = raw.read_chunked(decode_content=True) if raw.chunked else iter(lambda: raw.read1(8192), b"")
            for chunk in chunks:
                yield from self._parser.feed(chunk)
        except urllib3.exceptions.HTTPError as error:
            raise ApiError(f"the event stream broke off: {error}") from None
        finally:
            self._response.close()

    def interrupt(self) -> None:
        """Wakes a reader blocked in a read, from any thread; the reader then closes the stream."""
        _shut(self._response)


def _shut(response: requests.Response) -> None:
    """Ends the reads of a streamed response from any thread: its socket is shut down for reading,
    which makes a blocked read return at once (closing it would not, on Linux) and leaves the
    response's own objects to the reading thread."""
    # Already closed or released: the reader is awake or gone, which is what we want.
    with contextlib.suppress(ValueError, RuntimeError, OSError):
        response.raw.shutdown()
