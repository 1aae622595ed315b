"""What a panel reads from each backend followed by a request of its own (the indicators, the
campaigns), again every minute while the console runs: off the GUI thread, one request at a time
for each backend, each answer or failure told back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from console.session import BackendSession
from console.store import Changes, Store
from console.sync import LinkState
from widgets.background import run_in_background
from widgets.live_store import LiveStore

REFRESH_MS = 60_000


class Fetches(QObject):
    fetched = Signal(str, object, object)
    """(backend, answer, error): exactly one of answer and error is None, unless the backend has
    nothing of the kind (both None)."""

    def __init__(
        self,
        live: LiveStore,
        session_of: Callable[[str], BackendSession | None],
        work: Callable[[BackendSession], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._session_of = session_of
        self._work = work
        self.asking: set[str] = set()
        self.answered: set[str] = set()
        live.changed.connect(self._on_changed)
        self._clock = QTimer(self, interval=REFRESH_MS)
        self._clock.timeout.connect(self.fetch)
        self._clock.start()

    def fetch(self) -> None:
        """Asks each live backend followed (unless already asking it): never before its link has
        signed in and loaded what a centre needs first, which it would only slow down."""
        for backend in sorted(self._live()):
            session = self._session_of(backend)
            if session is None or backend in self.asking:
                continue
            self.asking.add(backend)
            run_in_background(self, partial(self._work, session), partial(self._on_fetched, backend))

    def _on_fetched(self, backend: str, answer: object, error: Exception | None) -> None:
        self.asking.discard(backend)
        self.answered.add(backend)
        self.fetched.emit(backend, answer, error)

    def _live(self) -> set[str]:
        return {backend for backend, health in self._store.health.items() if health.state == LinkState.LIVE}

    def _on_changed(self, changes: Changes) -> None:
        if changes.health:
            self.answered &= self._live()  # a backend back from a break is asked again at once
        if changes.health and self._live() - self.answered - self.asking:
            self.fetch()  # a backend newly live
