"""Driving a console against a stepped backend: step the backend's clock, then wait until the
console has applied every event that step published (never a guessed sleep)."""

from __future__ import annotations

from collections.abc import Callable

from console.commands import Action, CommandState, Subject
from console.domain import EscalationState
from console.records import Collection
from tests.support.backends import RunningBackend
from widgets.app import ConsoleSession
from widgets.main_window import MainWindow
from widgets.panels import Panel
from widgets.selection import Selected

CATCH_UP_MS = 30_000


def step(qtbot, console: ConsoleSession, backend: RunningBackend, seconds: float, name: str = "快") -> None:
    """Moves the backend on by `seconds` and waits until the console (following it as `name`) has it all."""
    newest = backend.step(seconds)
    link = console.connections.links[name]

    def caught_up() -> bool:
        # The link has read every event (a dropped one too), and the store has taken in all it sent.
        return (link.last_event_id or 0) >= newest and console.sink.empty()

    qtbot.waitUntil(caught_up, timeout=CATCH_UP_MS)


def step_until(
    qtbot,
    console: ConsoleSession,
    backend: RunningBackend,
    condition: Callable[[], object],
    every_s: float = 10.0,
    at_most_s: float = 1800.0,
    name: str = "快",
):
    """Steps the backend `every_s` at a time until `condition()` holds in the console; returns what it gave."""
    stepped = 0.0
    while not (held := condition()):
        assert stepped < at_most_s, f"not so after {at_most_s:.0f} s of the backend's time"
        step(qtbot, console, backend, every_s, name)
        stepped += every_s
    return held


def settled(qtbot, session: ConsoleSession, backend: str, action: Action, subject: Subject):
    """The last `action` about `subject`, once its backend has answered."""

    def last():
        commands = [c for c in session.store.commands.about(backend, subject) if c.action is action]
        return commands[-1] if commands else None

    qtbot.waitUntil(lambda: last() is not None and last().state != CommandState.PENDING, timeout=30_000)
    return last()


def loaded(console: ConsoleSession) -> bool:
    """Live, its case work too (the cases come in pages after the first sight)."""
    return console.is_live() and not any(health.loading for health in console.store.health.values())


def marker_positions(window: MainWindow) -> dict[tuple[str, str], tuple[float, float]]:
    """Where each team's marker stands on the map."""
    teams = window.panels[Panel.MAP].team_layer
    return {key: (float(x), float(y)) for key, x, y in zip(teams.keys, teams.markers.x, teams.markers.y, strict=True)}


def close(console: ConsoleSession) -> None:
    """Ends a console as quitting does, and lets its window go (the window of the moment: a change
    of language replaces it)."""
    console.shutdown()
    console.window.close()
    console.window.deleteLater()


def pick_open(qtbot, console, backend):
    """An open escalation that nobody owns, picked in the shared selection (the backend is stepped
    on until one is raised); its clock stands still meanwhile, so it does not escalate itself."""
    store = console.store

    def candidate():
        waiting = [(b, e) for b, e in store.escalations if e.state == EscalationState.OPEN and e.owner is None]
        return max(waiting, key=lambda pair: pair[1].raised_at, default=None)

    name, escalation = step_until(qtbot, console, backend, candidate)
    console.window.selection.select(Selected(Collection.ESCALATIONS, name, escalation.id))
    return name, escalation
