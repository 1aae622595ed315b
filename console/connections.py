"""The backends this console follows: those of the connection profiles, or, with none configured,
the embedded reference backend. One place that starts and stops each backend's session, link and
command sender, keeps the profiles file, and takes operators' commands into the outbox.

Its methods return at once and are called on the GUI thread; those that touch the keyring
(`password`, `remember`, `forget_password`) block and are called on a worker.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

from console.commands import Action, Command, Subject
from console.credentials import Vault
from console.embedded import EmbeddedBackend
from console.outbox import CommandSender, Outbox, new_command
from console.profiles import Profile, ProfileStore
from console.session import BackendSession, Credentials, Endpoint
from console.sync import BackendLink, BackendRemoved, HealthChanged, LinkState

log = logging.getLogger(__name__)

EMBEDDED = "embedded"
RECENT_COMMANDS_S = 24 * 3600.0
SHUTDOWN_WAIT_S = 5.0
SIGN_OUT_WAIT_S = 2.0  # for the backends to hear the console sign out, all at once


class Connections:
    def __init__(
        self,
        sink: queue.SimpleQueue,
        profile_store: ProfileStore,
        vault: Vault,
        outbox: Outbox,
        embedded: EmbeddedBackend | None = None,
    ) -> None:
        self._sink = sink
        self._store = profile_store
        self.vault = vault
        self.outbox = outbox
        self.profiles: list[Profile] = profile_store.load()
        self._embedded = embedded
        self.links: dict[str, BackendLink] = {}
        self._ending: list[BackendLink] = []
        # Commands of the last day, and every one still pending, are shown from the start.
        outbox.report_since(time.time() - RECENT_COMMANDS_S)

    @property
    def embedded(self) -> EmbeddedBackend | None:
        return self._embedded

    def profile(self, name: str) -> Profile | None:
        return next((p for p in self.profiles if p.name == name), None)

    def session(self, backend: str) -> BackendSession | None:
        """The session of a followed backend, for a call of one's own (on a worker thread); None
        when this console does not follow it, or its address is not known yet."""
        link = self.links.get(backend)
        return None if link is None or not link.url else link.session

    def followed(self, name: str) -> bool:
        return name in self.links

    def uses_embedded(self) -> bool:
        return not self.profiles and self._embedded is not None

    def launch_embedded(self) -> None:
        """Starts the embedded backend's process, if it is not started (returns at once): the sooner
        it starts, the sooner a new operator sees a live centre."""
        if self._embedded.pid is None:
            self._embedded.start()

    def start_embedded(self) -> None:
        """Launches the embedded backend (if need be) and follows it once it listens."""
        self.launch_embedded()
        embedded = self._embedded
        # Its URL and its user's password are known once it listens.
        endpoint = Endpoint("", Credentials(embedded.username, ""))
        self._follow(BackendSession(EMBEDDED, endpoint), prepare=embedded.ready)

    def connect(self, profile: Profile, password: str) -> None:
        """Follows a profile's backend (again, if it was)."""
        self.disconnect(profile.name)
        endpoint = Endpoint(
            profile.url,
            Credentials(profile.username, password),
            profile.verify,
            profile.cert,
            profile.allow_insecure_http,
        )
        self._follow(BackendSession(profile.name, endpoint))

    def _follow(self, session: BackendSession, prepare=None) -> None:
        sender = CommandSender(self.outbox, session, self._sink)
        link = BackendLink(session, self._sink, prepare=prepare, sender=sender)
        self.links[session.name] = link
        link.start()

    def disconnect(self, name: str) -> None:
        """Stops following a backend. Returns at once: the link ends on its own, and `shutdown`
        waits for whatever is still ending."""
        link = self.links.pop(name, None)
        if link is not None:
            link.request_stop()
            self._ending.append(link)
            self._sink.put(HealthChanged(name, LinkState.STOPPED, link.url, "disconnected"))

    def password(self, profile: Profile) -> str | None:
        """The profile's password, from this session or the keyring. Blocks: call it on a worker."""
        return self.vault.get(profile.name, profile.username)

    def remember(self, profile: Profile, password: str, keep: bool) -> None:
        """Keeps a password for the session, and in the keyring if `keep`. Blocks: call it on a worker."""
        self.vault.put(profile.name, profile.username, password, keep)

    def move_password(self, old: tuple[str, str], profile: Profile) -> None:
        """Keeps the password kept under (profile name, username) `old` under the profile's own.
        Blocks: call it on a worker."""
        self.vault.move(old, (profile.name, profile.username))

    def forget_password(self, profile: Profile) -> None:
        """Blocks: call it on a worker."""
        self.vault.forget(profile.name, profile.username)

    def save_profile(self, profile: Profile, replacing: str | None = None) -> tuple[str, str] | None:
        """Adds a profile, or replaces the one named `replacing`, and writes the profiles file.
        Returns the (profile name, username) its password was kept under when that changed: the
        caller moves it (`move_password`, off the GUI thread)."""
        profile = profile.cleaned()
        moved = None
        if replacing is not None:
            old = self.profile(replacing)
            if old is not None and (old.name, old.username) != (profile.name, profile.username):
                moved = (old.name, old.username)
            if old is not None and old.name != profile.name:
                # Under its new name the backend is followed afresh, its commands still owed with it.
                self.disconnect(old.name)
                self._sink.put(BackendRemoved(old.name))
                self.outbox.rename(old.name, profile.name)
            self.profiles = [profile if p.name == replacing else p for p in self.profiles]
        else:
            self.profiles = [*self.profiles, profile]
        self._store.save(self.profiles)
        return moved

    def remove_profile(self, name: str) -> Profile | None:
        """Stops following a profile's backend, takes its data out, withdraws its undelivered
        commands and forgets the profile; returns it (its password is the caller's to forget,
        off the GUI thread)."""
        profile = self.profile(name)
        if profile is None:
            return None
        self.disconnect(name)
        self._sink.put(BackendRemoved(name))
        self.outbox.withdraw(name)
        self.profiles = [p for p in self.profiles if p.name != name]
        self._store.save(self.profiles)
        return profile

    def submit(
        self, backend: str, action: Action, subject: Subject, body: dict, summary: str, if_match: int | None = None
    ) -> Command:
        """An operator's command: shown as pending at once, stored in the outbox, then delivered."""
        command = new_command(backend, action, subject, body, summary, if_match)
        self.outbox.submit(command)
        return command

    def shutdown(self) -> None:
        for link in [*self.links.values(), *self._ending]:
            link.request_stop()  # all at once, then wait for each: quitting takes the longest, not the sum
        deadline = time.monotonic() + SHUTDOWN_WAIT_S  # and a link stuck in a call is left behind after that
        for link in [*self.links.values(), *self._ending]:
            link.stop(timeout=max(0.0, deadline - time.monotonic()))
        # Signed out of every backend at once, on threads of their own (a backend away, or a name
        # that takes long to look up, is left behind after SIGN_OUT_WAIT_S); not of the embedded
        # one, which goes with the console, its sessions with it.
        leaving = [
            threading.Thread(target=link.session.sign_out, name=f"sign-out-{link.backend}", daemon=True)
            for link in [*self.links.values(), *self._ending]
            if link.backend != EMBEDDED
        ]
        for thread in leaving:
            thread.start()
        deadline = time.monotonic() + SIGN_OUT_WAIT_S
        for thread in leaving:
            thread.join(max(0.0, deadline - time.monotonic()))
        self.links.clear()
        self._ending.clear()
        if self._embedded is not None:
            self._embedded.close()
        self.outbox.close()
