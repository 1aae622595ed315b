"""Blocking work off the GUI thread: a function run on the thread pool, its result or error
delivered back to the GUI thread through a queued signal."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object, object)
    """(result, error): exactly one of the two is None."""


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:  # on a pool thread
        try:
            result, error = self._work(), None
        except Exception as failure:  # any failure goes back to the GUI thread, to be shown
            result, error = None, failure
        try:
            self._relay.finished.emit(result, error)
        except RuntimeError:
            # The owner was deleted while the work ran (a panel closed, a window torn down), and
            # its relay with it: there is nobody left to tell.
            log.debug("a background result arrived after its owner was deleted; dropped")


def run_in_background(owner: QObject, work: Callable[[], object], done: Callable[[object, object], None]) -> None:
    """Runs `work()` on the global thread pool; `done(result, error)` runs on `owner`'s thread.

    The relay is parented to `owner`, so a result that arrives after the owner is gone is dropped.
    """
    relay = _Relay(owner)
    relay.finished.connect(done)
    relay.finished.connect(relay.deleteLater)
    QThreadPool.globalInstance().start(_Task(work, relay))
