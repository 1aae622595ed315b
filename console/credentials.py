"""Passwords, kept in the OS keyring and nowhere else.

Where the platform has no keyring (a bare server, this CI machine), a password the operator types
is kept in memory for the session only, and `persistent` says so, for the UI to tell. Nothing here
logs a secret or puts one in an exception's message. A keyring may answer slowly (it is often a
service on the desktop bus): every method here blocks, so call them off the GUI thread.
"""

from __future__ import annotations

import contextlib
import functools
import logging

import keyring
import keyring.errors
from keyring.backends import fail

log = logging.getLogger(__name__)

SERVICE = "enforcement-console"


class Vault:
    def __init__(self) -> None:
        self._memory: dict[str, str] = {}

    @functools.cached_property
    def persistent(self) -> bool:
        """Whether passwords outlive the session: there is an OS keyring (found on first asking)."""
        backend = keyring.get_keyring()
        # keyrings.alt's backends keep passwords in files, which is just what must not happen.
        return (
            not isinstance(backend, fail.Keyring)
            and getattr(backend, "priority", 1) > 0
            and not type(backend).__module__.startswith("keyrings.alt")
        )

    @staticmethod
    def _account(profile_name: str, username: str) -> str:
        return f"{profile_name}:{username}"

    def get(self, profile_name: str, username: str) -> str | None:
        account = self._account(profile_name, username)
        if account in self._memory:
            return self._memory[account]
        if not self.persistent:
            return None
        try:
            return keyring.get_password(SERVICE, account)
        except keyring.errors.KeyringError as error:
            log.warning("the keyring could not be read (%s)", type(error).__name__)
            return None

    def put(self, profile_name: str, username: str, secret: str, remember: bool) -> bool:
        """Keeps a password for the session, and in the keyring when asked and possible; True if stored there."""
        account = self._account(profile_name, username)
        self._memory[account] = secret
        if remember and not self.persistent:
            log.warning("no OS keyring: the password of %s is kept in memory for this session only", profile_name)
        if not (remember and self.persistent):
            return False
        try:
            keyring.set_password(SERVICE, account, secret)
            return True
        except keyring.errors.KeyringError as error:
            log.warning("the keyring refused the password (%s); it is kept for this session only", type(error).__name__)
            return False

    def forget(self, profile_name: str, username: str) -> None:
        account = self._account(profile_name, username)
        self._memory.pop(account, None)
        if self.persistent:
            with contextlib.suppress(keyring.errors.KeyringError):  # nothing stored for it: nothing to forget
                keyring.delete_password(SERVICE, account)

    def move(self, old: tuple[str, str], new: tuple[str, str]) -> None:
        """Keeps a profile's password under its new (profile name, username)."""
        secret = self.get(*old)
        self.forget(*old)
        if secret is not None:
            self.put(*new, secret, remember=True)
