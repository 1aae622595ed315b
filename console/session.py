"""One backend as this console reaches it: where it is, who signs in, how TLS is checked, the token
they share, and how long to wait after a failure.

The event stream, the command sender and every one-off fetch (a case's history, its audit trail)
go through the backend's `BackendSession`: it logs in once for all of them and again only when the
token expires or is refused, and all of them back off by one policy, `Backoff`. Its methods block:
call them on a worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

import requests

from console.api import ApiClient, ApiError, AuthFailed
from console.profiles import InsecureTransport, check_transport

log = logging.getLogger(__name__)

T = TypeVar("T")
# A token is renewed this long before the backend said it would expire: a call that starts just
# before its end must not be refused halfway through a snapshot.
RENEW_BEFORE_S = 60.0


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str

    def __repr__(self) -> str:  # never let a password reach a log line through a repr
        return f"Credentials(username={self.username!r}, password=***)"


@dataclass(frozen=True)
class Endpoint:
    """Where and as whom to reach a backend, and how to trust it."""

    url: str
    credentials: Credentials
    verify: bool | str = True
    cert: str | tuple[str, str] | None = None
    allow_insecure_http: bool = False


@dataclass(frozen=True)
class Backoff:
    """How long to wait before trying a backend again: capped exponential backoff with full jitter,
    and never sooner than a busy backend asked (its Retry-After, itself capped: a longer one would
    leave the operator thinking it dead)."""

    base_s: float = 0.5
    cap_s: float = 30.0
    retry_after_cap_s: float = 300.0
    offline_after: int = 5  # failures in a row (some eight seconds of waiting, on average) before it shows offline

    def next_delay(self, failures: int, jitter: float, asked_s: float | None = None) -> float:
        """The wait after the `failures`-th failure in a row (1 for the first), `jitter` drawn
        uniformly from [0, 1), `asked_s` what the backend asked for, if it did."""
        delay = jitter * min(self.cap_s, self.base_s * 2 ** max(0, failures - 1))
        if asked_s is not None:
            delay = max(delay, min(asked_s, self.retry_after_cap_s))
        return delay

    def offline(self, failures: int) -> bool:
        return failures > self.offline_after


@dataclass(frozen=True)
class Token:
    value: str
    role: str
    renew_at: float  # time.monotonic() after which it is renewed rather than used; inf when it does not expire


class BackendSession:
    """A backend's address, its user's credentials and their shared token; thread-safe."""

    def __init__(self, name: str, endpoint: Endpoint, backoff: Backoff = Backoff()) -> None:
        """`endpoint.url` may be empty until the backend is known to listen (the embedded one picks
        its port): `locate` gives it then."""
        self.name = name
        self.backoff = backoff
        self._endpoint = endpoint
        self._lock = threading.Lock()  # one login at a time; the others wait for its token
        self._token: Token | None = None
        self.logins = 0

    @property
    def endpoint(self) -> Endpoint:
        return self._endpoint

    @property
    def url(self) -> str:
        return self._endpoint.url

    @property
    def username(self) -> str:
        return self._endpoint.credentials.username

    def locate(self, url: str, credentials: Credentials) -> None:
        """The backend listens at `url`, and its user signs in with `credentials` (both known only
        once it listens, for the embedded backend)."""
        self._endpoint = replace(self._endpoint, url=url, credentials=credentials)

    def client(self) -> ApiClient:
        """A client of this backend, for one thread (a requests session is not to be shared).
        Raises `InsecureTransport` for plain HTTP beyond loopback that the profile does not allow."""
        endpoint = self._endpoint
        check_transport(endpoint.url, endpoint.allow_insecure_http)
        return ApiClient(endpoint.url, verify=endpoint.verify, cert=endpoint.cert)

    def sign_in(self, client: ApiClient) -> tuple[Token, bool]:
        """Gives `client` the session's token, logging in first when there is none (or it is due
        for renewal); returns it, and whether it was issued just now. Raises `IncompatibleBackend`
        for a backend of another major API version, `AuthFailed` when the backend refuses the
        credentials, `ApiError` or a network error otherwise."""
        with self._lock:
            fresh = self._token is None or time.monotonic() >= self._token.renew_at
            if fresh:
                client.check_version()  # before any password goes to it
                credentials = self._endpoint.credentials
                login = client.login(credentials.username, credentials.password)
                self.logins += 1
                lifetime = login.expires_in - RENEW_BEFORE_S if login.expires_in > RENEW_BEFORE_S else float("inf")
                self._token = Token(login.token, login.role, time.monotonic() + lifetime)
            token = self._token
        client.token = token.value
        return token, fresh

    def sign_out(self) -> None:
        """Ends the session's token on the backend, when it has one: best effort, as the console
        closes (a backend away keeps the token until it expires). Blocks, a few seconds at most."""
        with self._lock:
            token, self._token = self._token, None
        if token is None:
            return
        try:
            client = self.client()
        except InsecureTransport:
            return
        client.token = token.value
        try:
            client.logout()
        except (ApiError, requests.RequestException) as error:
            log.info("backend %s: not signed out (%s); the token expires on its own", self.name, error)
        finally:
            client.close()

    def forget(self, token: Token) -> None:
        """The backend refused `token`: the next call logs in again (unless another already did)."""
        with self._lock:
            if self._token == token:
                self._token = None

    def call(self, work: Callable[[ApiClient], T]) -> T:
        """Runs `work` with a signed-in client of its own; a token refused as expired is renewed
        and `work` tried once more. Blocks: call it on a worker thread."""
        client = self.client()
        try:
            token, fresh = self.sign_in(client)
            try:
                return work(client)
            except AuthFailed:
                self.forget(token)
                if fresh:
                    raise  # refused the token it had just issued: a second login would fare no better
                self.sign_in(client)
                return work(client)
        finally:
            client.close()
