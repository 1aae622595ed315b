"""Demo accounts and bearer tokens, held in memory (a restart asks every client to log in again)."""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass

from court_backend.problems import Problem

# The demo accounts: a second operator and supervisor, so that conflicts between two people and
# the two-person rule can be tried with the demo alone.
ROLES = {
    "operator": "operator",
    "operator2": "operator",
    "supervisor": "supervisor",
    "supervisor2": "supervisor",
    "observer": "observer",
}
TOKEN_LIFETIME_S = 8 * 3600


@dataclass(frozen=True)
class Principal:
    username: str
    role: str
    expires_at: float


class Accounts:
    def __init__(self, demo_password: str) -> None:
        self._password = demo_password.encode()
        self._tokens: dict[str, Principal] = {}

    def issue(self, username: str, password: str) -> tuple[str, Principal]:
        role = ROLES.get(username)
        # Compare even for an unknown user, so that timing does not tell which names exist.
        matches = hmac.compare_digest(password.encode(), self._password)
        if role is None or not matches:
            raise Problem(401, "invalid-credentials", "The username or password is wrong.")
        token = secrets.token_urlsafe(32)
        principal = Principal(username, role, time.time() + TOKEN_LIFETIME_S)
        self._tokens[token] = principal
        return token, principal

    def authenticate(self, authorization: str | None) -> Principal:
        challenge = {"WWW-Authenticate": 'Bearer realm="court-backend"'}
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Problem(401, "unauthorized", "A bearer token is required.", challenge)
        principal = self._tokens.get(token.strip())
        if principal is None or principal.expires_at < time.time():
            self._tokens.pop(token.strip(), None)
            raise Problem(401, "unauthorized", "The token is unknown or has expired.", challenge)
        return principal
