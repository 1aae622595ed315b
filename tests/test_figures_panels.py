"""The figures of supervision in the console, on a live backend whose months pass in minutes: the
jurisdiction view adds each area's indicators up, and a campaign shows each court's progress; both
follow the backend's events as it counts them again, and a court picked in either is picked
everywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console.records import Collection
from tests.support.consoles import step, step_until
from widgets.indicators_panel import CLOSED, FILED, RANK
from widgets.panels import Panel
from widgets.selection import Selected


@pytest.fixture(scope="module")
def stepped_backend(fast_book):
    """The console's backend here: a small book whose figures move with each minute stepped."""
    return fast_book


def test_the_jurisdiction_view_adds_up_each_area_and_a_court_picked_there_is_picked_everywhere(
    qtbot, console_as, stepped_backend
):
    desk = console_as("supervisor")
    view = desk.window.panels[Panel.INDICATORS]
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() == 1, timeout=30_000)
    served = stepped_backend.get("indicators", username="supervisor")["courts"]
    province = view.tree.topLevelItem(0)
    assert province.text(FILED) == f"{sum(c['filed'] for c in served):,}"  # the province: every court's cases
    courts = desk.store.courts
    area = next(
        province.child(i) for i in range(province.childCount()) if province.child(i).childCount() > 3
    )  # an intermediate court with its basic courts
    backend, court_id = area.data(0, Qt.ItemDataRole.UserRole)
    below = {c.id for _, c in courts if c.parent_id == court_id} | {court_id}
    assert area.text(FILED) == f"{sum(c['filed'] for c in served if c['court_id'] in below):,}"
    assert area.text(RANK).endswith(f"/{sum(c.level == 'intermediate' for _, c in courts)}")

    view.tree.setCurrentItem(area)
    assert desk.window.selection.current == Selected(Collection.COURTS, backend, court_id)
    court = courts.get(backend, court_id)
    assert desk.window.panels[Panel.MAP].selected_point()[1] == court.lat  # the map drills into it

    team_backend, team = desk.store.teams[0]
    desk.window.selection.select(Selected(Collection.TEAMS, team_backend, team.id))
    counted = desk.store.indicators[backend].computed_at
    # Counted again with a court's figures changed: the view is built again, its court kept, the
    # window's pick left alone.
    step_until(qtbot, desk, stepped_backend, lambda: desk.store.indicators[backend].computed_at > counted, 60)
    served = stepped_backend.get("indicators", username="supervisor")["courts"]
    for column, name in ((FILED, "filed"), (CLOSED, "closed")):  # the events kept the figures whole
        assert view.tree.topLevelItem(0).text(column) == f"{sum(c[name] for c in served):,}"
    assert desk.window.selection.current == Selected(Collection.TEAMS, team_backend, team.id)
    assert view.picked() == (backend, court_id)

    basic = view.tree.currentItem().child(0)  # the rows are new
    view.tree.setCurrentItem(view.tree.topLevelItem(0))
    desk.window.selection.select(Selected(Collection.COURTS, *basic.data(0, Qt.ItemDataRole.UserRole)))
    assert view.tree.currentItem() is basic  # a court picked elsewhere is found here


def test_a_campaigns_courts_show_their_progress_against_their_targets_and_pick_the_court(
    qtbot, console_as, stepped_backend
):
    desk = console_as("supervisor")
    view = desk.window.panels[Panel.CAMPAIGNS]
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=30_000)
    served = {c["id"]: c for c in stepped_backend.get("campaigns", username="supervisor")["items"]}
    _, shown = view.picked_campaign()
    assert shown.kind == "hundred_days"  # the latest first
    courts = served[shown.id]["courts"]
    assert view.table.rowCount() == len(courts)
    closed = sum(c["done"]["closed"] for c in courts)
    assert f"{closed:,} of {sum(c['targets']['closed'] for c in courts):,}" in view.summary.text()
    view.table.selectRow(0)
    backend, court_id = view.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    assert desk.window.selection.current == Selected(Collection.COURTS, backend, court_id)
    row = next(c for c in courts if c["court_id"] == court_id)
    assert view.table.item(0, 1).text().startswith(f"{row['done']['closed']:,} / {row['targets']['closed']:,}")

    # Counted again, the courts' progress comes by events: the table follows, its court still picked.
    team_backend, team = desk.store.teams[0]
    desk.window.selection.select(Selected(Collection.TEAMS, team_backend, team.id))
    step(qtbot, desk, stepped_backend, 60)
    served = next(c for c in stepped_backend.get("campaigns", username="supervisor")["items"] if c["id"] == shown.id)
    closed = sum(c["done"]["closed"] for c in served["courts"])
    assert f"{closed:,} of " in view.summary.text()
    assert view.picked_court() == (backend, court_id)
    assert desk.window.selection.current == Selected(Collection.TEAMS, team_backend, team.id)
