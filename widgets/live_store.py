"""Brings the sync workers' messages into the store on the GUI thread, in batches on a timer."""

from __future__ import annotations

import queue

from PySide6.QtCore import QObject, QTimer, Signal

from console.commands import Command, Submit
from console.store import Store

DRAIN_INTERVAL_MS = 40  # 25 batches a second: smooth to the eye, cheap at thousands of events a second
MAX_BATCH = 50_000


class LiveStore(QObject):
    changed = Signal(object)
    """Emitted after each batch that changed the store, with its `console.store.Changes`."""

    def __init__(self, store: Store, inbox: queue.SimpleQueue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._inbox = inbox  # the sync workers' queue, which they put their messages on
        self._unsubscribe = store.subscribe(self.changed.emit)
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self.drain)
        self._timer.start()

    def drain(self) -> None:
        """Applies what the workers have queued, as one batch (MAX_BATCH messages at most)."""
        batch = []
        try:
            while len(batch) < MAX_BATCH:
                batch.append(self._inbox.get_nowait())
        except queue.Empty:
            pass
        if batch:
            self.store.apply(batch)

    def submitting(self, submit: Submit) -> Submit:
        """`submit`, then a drain at once: the store holds the command pending before the next key
        press is read, so that a second F2 finds the first on its way instead of sending another."""

        def submit_now(*args, **kwargs) -> Command:
            command = submit(*args, **kwargs)
            self.drain()
            return command

        return submit_now

    def replay(self) -> None:
        """Tells every view that everything changed: a view built over a filled store draws it all."""
        self.changed.emit(self.store.everything())

    def cleanup(self) -> None:
        self._timer.stop()
        self._unsubscribe()
