"""An OS keyring stand-in: this machine has none. It notes which thread made each call, so that a
test can tell that the GUI thread never waited on it."""

from __future__ import annotations

import threading

import keyring.backend
import keyring.errors


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.threads: list[str] = []  # the name of the thread of each call, in order

    def _called(self) -> None:
        self.threads.append(threading.current_thread().name)

    def get_password(self, service: str, username: str) -> str | None:
        self._called()
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._called()
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._called()
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)
