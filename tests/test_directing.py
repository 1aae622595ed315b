"""Directing field work from the console, against a live backend: dispatch with suggested teams, an
instruction followed to its reading, an asset query, and a detention under the two-person rule."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from console.credentials import Vault
from console.dispatch import AVAILABLE
from console.embedded import EmbeddedBackend
from console.paths import config_dir
from console.profiles import Profile, ProfileStore
from widgets.app import ConsoleSession
from widgets.selection import Selected

from .conftest import CASES, SEED

BACKEND = "快"


def when_the_dialog_opens(qtbot, fill) -> None:
    """Fills the modal dialog that the next action opens, then presses its OK."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        fill(dialog)
        dialog.accept()

    QTimer.singleShot(0, answer)


def open_case(session):
    backend, case = next((b, c) for b, c in session.store.cases if c.status == "open")
    session.window.selection.select(Selected("case", backend, case.id))
    return backend, case


def test_dispatch_suggests_available_teams_nearest_first_and_the_task_is_followed(qtbot, fast_console):
    backend, case = open_case(fast_console)
    actions = fast_console.window.field_actions
    assert actions.actions["dispatch"].isEnabled()
    chosen = {}

    def fill(dialog):
        assert dialog.suggestions, "no team available"
        etas = [s.eta_min for s in dialog.suggestions]
        assert etas == sorted(etas)
        assert all(s.team.status in AVAILABLE for s in dialog.suggestions)
        dialog.operation.setCurrentIndex(dialog.operation.findData("investigation"))
        chosen["team"] = dialog.chosen_team()  # the first, nearest in time, is picked for the operator

    when_the_dialog_opens(qtbot, fill)
    actions.actions["dispatch"].trigger()

    def task():
        return next((t for b, t in fast_console.store.tasks if t.case_id == case.id and t.team_id == chosen["team"]
                     and t.created_by == "operator"), None)

    qtbot.waitUntil(lambda: task() is not None, timeout=30_000)
    assert task().kind == "investigation"
    qtbot.waitUntil(lambda: task().state in ("en_route", "on_scene", "done", "failed"), timeout=60_000)
    assert [step.state for step in task().history][:2] == ["assigned", "accepted"]


def test_an_instruction_is_followed_until_the_team_has_read_it(qtbot, fast_console):
    backend, team = BACKEND, next(t for t in fast_console.store.teams if t.backend == BACKEND)
    fast_console.window.selection.select(Selected("team", backend, team.id))
    when_the_dialog_opens(qtbot, lambda dialog: dialog.text.setText("到达后先与派出所民警会合"))
    with qtbot.waitSignal(fast_console.window.field_actions.notice, timeout=30_000,
                          check_params_cb=lambda text: "Read" in text):
        fast_console.window.field_actions.actions["message"].trigger()


def test_an_asset_query_launched_from_the_console_runs_for_the_case(qtbot, fast_console):
    backend, case = open_case(fast_console)

    def fill(dialog):
        for category, box in dialog.categories.items():
            box.setChecked(category in ("bank", "vehicle"))

    when_the_dialog_opens(qtbot, fill)
    fast_console.window.field_actions.actions["query"].trigger()

    def launched():
        return next((q for b, q in fast_console.store.queries if q.case_id == case.id and q.created_by == "operator"), None)

    qtbot.waitUntil(lambda: launched() is not None, timeout=30_000)
    assert set(launched().categories) == {"bank", "vehicle"}
    qtbot.waitUntil(lambda: launched().answered > 0, timeout=60_000)


@pytest.fixture
def supervisor_console(qtbot, memory_keyring, fast_backend):
    ProfileStore(config_dir()).save([Profile(BACKEND, fast_backend.url, "supervisor")])
    Vault().put(BACKEND, "supervisor", fast_backend.password, remember=True)
    session = ConsoleSession(QSettings(str(config_dir() / "console.ini"), QSettings.Format.IniFormat),
                             EmbeddedBackend(seed=SEED, cases=CASES))
    session.window.show()
    session.start()
    qtbot.waitUntil(session.is_live, timeout=30_000)
    yield session
    session.shutdown()
    session.window.close()


def test_a_detention_waits_for_another_supervisor(qtbot, supervisor_console, fast_backend):
    backend, case = open_case(supervisor_console)

    def fill(dialog):
        dialog.person.setText("张某")
        dialog.days.setValue(10)
        dialog.reason.setText("暴力阻碍查封")

    when_the_dialog_opens(qtbot, fill)
    supervisor_console.window.field_actions.actions["detention"].trigger()

    def asked():
        return next((a for b, a in supervisor_console.store.approvals if a.case_id == case.id and a.kind == "detention"), None)

    qtbot.waitUntil(lambda: asked() is not None, timeout=30_000)
    panel = supervisor_console.window.approvals_panel
    row = next(r for r in range(panel.queue.rowCount())
               if panel.model.item(panel.queue.mapToSource(panel.queue.index(r, 0)).row())[1].id == asked().id)
    panel.view.selectRow(row)
    assert not panel.approve.isEnabled() and "two-person" in panel.status.text()
    decided = fast_backend.command(f"approvals/{asked().id}/approve", {"note": ""}, username="supervisor2",
                                   version=asked().version)
    assert decided.status_code == 200, decided.text
    qtbot.waitUntil(lambda: asked().state == "approved", timeout=30_000)
    qtbot.waitUntil(lambda: "supervisor2" in panel.queue.index(row, panel.model.STATE).data())
