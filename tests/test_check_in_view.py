"""The check-in ladder in the console, on a live backend: a team on scene shows when it next checks
in; one that missed a check-in turns red at once, is counted on a chip of its own, and that chip
shows those teams alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.consoles import step_until
from widgets.panels import Panel
from widgets.teams_panel import CHECK_IN_MISSED_BACKGROUND, MISSED, TeamsModel


def test_a_team_that_missed_a_check_in_turns_red_at_once_and_has_a_chip_of_its_own(qtbot, desk, stepped_backend):
    panel = desk.window.panels[Panel.TEAMS]
    model = panel.model

    def missed() -> list[int]:
        return [row for row in range(model.rowCount()) if model.missed(row)]

    step_until(qtbot, desk, stepped_backend, missed, every_s=30)
    row = missed()[0]
    backend, team = model.item(row)
    task = desk.store.tasks.get(backend, team.task_id)
    served = stepped_backend.get(f"tasks/{task.id}")
    assert served["checkin_missed_at"] is not None and task.state == served["state"] == "on_scene"
    assert model.index(row, TeamsModel.CHECK_IN).data().startswith("Late")
    assert model.index(row, TeamsModel.TEAM).data(Qt.ItemDataRole.BackgroundRole).color() == CHECK_IN_MISSED_BACKGROUND
    due = next(
        r for r in range(model.rowCount()) if model.check_in_due(*model.item(r)) and not model.missed(r)
    )  # a team on scene on time
    assert model.index(due, TeamsModel.CHECK_IN).data().startswith("In ")

    panel.chips.update_counts(desk.store)
    assert panel.chips.buttons[MISSED].text() == f"Check-in missed {len(missed())}"
    panel.chips.buttons[MISSED].setChecked(True)
    shown = [panel.proxy.mapToSource(panel.proxy.index(r, 0)).row() for r in range(panel.proxy.rowCount())]
    assert shown and all(model.missed(r) for r in shown)
