"""The backends this console follows: those of the connection profiles, or, with none configured,
the embedded reference backend. One place that starts and stops links and command senders, keeps
the profiles file and the passwords, and takes operators' commands into the outbox."""

from __future__ import annotations

import logging
import queue
import time

from console.credentials import Vault
from console.embedded import EmbeddedBackend
from console.outbox import Command, CommandChanged, CommandSender, Outbox
from console.profiles import Profile, ProfileStore
from console.sync import BackendLink, BackendRemoved, Credentials, Endpoint, HealthChanged, LinkState

log = logging.getLogger(__name__)

EMBEDDED = "embedded"
RECENT_COMMANDS_S = 24 * 3600.0
SHUTDOWN_WAIT_S = 5.0


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
        for command in outbox.recent(time.time() - RECENT_COMMANDS_S):
            sink.put(CommandChanged(command))

    @property
    def embedded(self) -> EmbeddedBackend | None:
        return self._embedded

    def profile(self, name: str) -> Profile | None:
        return next((p for p in self.profiles if p.name == name), None)

    def endpoint(self, backend: str) -> Endpoint | None:
        """How to reach a followed backend for a call of one's own (on a worker thread); None when
        this console does not follow it, or not yet."""
        link = self.links.get(backend)
        return None if link is None else link.endpoint()

    def uses_embedded(self) -> bool:
        return not self.profiles and self._embedded is not None

    def start_embedded(self) -> None:
        embedded = self._embedded
        embedded.start()
        credentials = embedded.credentials
        sender = CommandSender(self.outbox, EMBEDDED, credentials, self._sink)
        link = BackendLink(EMBEDDED, "", credentials, self._sink, prepare=embedded.wait_ready, sender=sender)
        self.links[EMBEDDED] = link
        link.start()

    def connect(self, profile: Profile, password: str) -> None:
        """Follows a profile's backend (again, if it was): its link and its command sender."""
        self.disconnect(profile.name)
        credentials = Credentials(profile.username, password)
        sender = CommandSender(
            self.outbox, profile.name, credentials, self._sink, verify=profile.verify, cert=profile.cert
        )
        link = BackendLink(
            profile.name,
            profile.url,
            credentials,
            self._sink,
            verify=profile.verify,
            cert=profile.cert,
            allow_insecure_http=profile.allow_insecure_http,
            sender=sender,
        )
        self.links[profile.name] = link
        link.start()

    def disconnect(self, name: str) -> None:
        """Stops following a backend. Returns at once (it is called on the GUI thread): the link
        ends on its own, and `shutdown` waits for whatever is still ending."""
        link = self.links.pop(name, None)
        if link is not None:
            link.request_stop()
            self._ending.append(link)
            self._sink.put(HealthChanged(name, LinkState.STOPPED, link.url, "disconnected"))

    def password(self, profile: Profile) -> str | None:
        return self.vault.get(profile.name, profile.username)

    def save_profile(self, profile: Profile, replacing: str | None = None) -> None:
        """Adds a profile, or replaces the one named `replacing`; writes the profiles file."""
        profile = profile.cleaned()
        if replacing is not None:
            old = self.profile(replacing)
            if old is not None and (old.name, old.username) != (profile.name, profile.username):
                secret = self.vault.get(old.name, old.username)
                self.vault.forget(old.name, old.username)
                if secret is not None:
                    self.vault.put(profile.name, profile.username, secret, remember=True)
            if old is not None and old.name != profile.name:
                # Under its new name the backend is followed afresh, its commands still owed with it.
                self.disconnect(old.name)
                self._sink.put(BackendRemoved(old.name))
                for command in self.outbox.rename(old.name, profile.name):
                    self._sink.put(CommandChanged(command))
            self.profiles = [profile if p.name == replacing else p for p in self.profiles]
        else:
            self.profiles = [*self.profiles, profile]
        self._store.save(self.profiles)

    def remove_profile(self, name: str) -> None:
        profile = self.profile(name)
        if profile is None:
            return
        self.disconnect(name)
        self._sink.put(BackendRemoved(name))
        for command in self.outbox.withdraw(name):
            self._sink.put(CommandChanged(command))
        self.vault.forget(profile.name, profile.username)
        self.profiles = [p for p in self.profiles if p.name != name]
        self._store.save(self.profiles)

    def submit(self, backend: str, path: str, body: dict, summary: str, if_match: int | None = None) -> Command:
        """An operator's command: stored in the outbox first, shown as pending, then delivered."""
        command = self.outbox.submit(backend, path, body, summary, if_match)
        self._sink.put(CommandChanged(command))
        return command

    def shutdown(self) -> None:
        for link in [*self.links.values(), *self._ending]:
            link.request_stop()  # all at once, then wait for each: quitting takes the longest, not the sum
        deadline = time.monotonic() + SHUTDOWN_WAIT_S  # and a link stuck in a call is left behind after that
        for link in [*self.links.values(), *self._ending]:
            link.stop(timeout=max(0.0, deadline - time.monotonic()))
        self.links.clear()
        self._ending.clear()
        if self._embedded is not None:
            self._embedded.stop()
        self.outbox.close()
