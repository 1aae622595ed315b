"""The KPIs panel: what it shows equals the backends' indicators and the live counts, summed over
backends, in the palette's colours, and says so while there is nothing to show."""

from __future__ import annotations

import queue
from collections import Counter
from dataclasses import replace

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from console.casework import Kpis, decode_kpis
from console.domain import Court, CourtLevel, EscalationState, Severity
from console.store import Store
from tests.support.consoles import step
from tests.support.contract import open_escalation
from tests.support.records import first_sight
from widgets.kpi_panel import KpiPanel, short_court_name
from widgets.live_store import LiveStore
from widgets.names import format_yuan
from widgets.panels import Panel
from widgets.style import STATUS_COLORS

BACKEND = "快"


def kpis(received: int, rate: float | None, closed_cases: int, overdue: tuple[tuple[str, int], ...]) -> Kpis:
    return Kpis(
        computed_at=1_700_000_000.0,
        received_per_day=(("2026-01-01", received), ("2026-01-02", 1)),
        closed_per_day=(("2026-01-01", 2), ("2026-01-02", 0)),
        open_cases=10,
        closed_cases=closed_cases,
        actual_closure_rate=rate,
        money_sought=1000.0,
        money_realised=250.0,
        overdue_nodes=sum(count for _, count in overdue),
        overdue_nodes_by_court=overdue,
        teams_by_status={},
        open_escalations_by_severity={},
        open_escalations_by_age={"<1 min": 1, ">4 h": 2},
    )


def court(court_id: str, name: str) -> Court:
    return Court(court_id, name, CourtLevel.BASIC, None, 104.0, 30.0, 1)


def test_before_any_indicator_it_says_so_and_several_backends_are_summed(qtbot):
    store = Store()
    live = LiveStore(store, queue.SimpleQueue())
    panel = KpiPanel(live)
    qtbot.addWidget(panel)
    assert panel.pages.currentWidget() is panel.empty
    assert "No indicators yet" in panel.empty.text()

    store.apply(
        [
            replace(
                first_sight("a", courts=[court("C1", "成都市锦江区人民法院")]), kpis=kpis(3, 0.5, 10, (("C1", 4),))
            ),
            replace(
                first_sight("b", courts=[court("C1", "自贡市中级人民法院")]),
                kpis=kpis(5, 0.8, 30, (("C1", 6), ("C9", 1))),
            ),
        ]
    )
    qtbot.waitUntil(lambda: panel.pages.currentWidget() is not panel.empty, timeout=5_000)
    assert list(panel.received_curve.yData) == [8, 2] and list(panel.closed_curve.yData) == [4, 0]
    assert panel.closure.figure.text() == f"{(0.5 * 10 + 0.8 * 30) / 40:.1%}"  # weighted by the cases closed
    assert panel.money.figure.text() == "25.0%"
    assert format_yuan(500.0) in panel.money.detail.text() and format_yuan(2000.0) in panel.money.detail.text()
    assert panel.overdue.figure.text() == "11"
    # The courts of both backends, by name, most overdue first; an unknown court by its id.
    assert list(panel.courts.values().items()) == [("自贡市中级", 6), ("成都市锦江区", 4), ("C9", 1)]
    assert panel.ages.values() == {"<1 min": 2, ">4 h": 4}


def test_in_a_wide_low_band_the_charts_stand_in_a_row_and_the_courts_that_fit_are_shown(qtbot):
    store = Store()
    live = LiveStore(store, queue.SimpleQueue())
    host = QWidget()  # a dock's room: a top-level window would not be let as low as a band under the map
    qtbot.addWidget(host)
    panel = KpiPanel(live, host)
    courts = [court(f"C{i}", f"第{i}法院") for i in range(12)]
    store.apply(
        [replace(first_sight("a", courts=courts), kpis=kpis(3, 0.5, 10, tuple((f"C{i}", 20 - i) for i in range(12))))]
    )
    host.resize(1500, 700)
    panel.setGeometry(0, 0, 900, 700)
    host.show()
    qtbot.waitUntil(lambda: len(panel.courts.values()) == 10, timeout=5_000)
    assert panel.charts.getItemPosition(panel.charts.indexOf(panel.ages))[0] == 1  # two rows
    panel.setGeometry(0, 0, 1500, 180)
    qtbot.waitUntil(lambda: 0 < len(panel.courts.values()) < 10, timeout=5_000)
    assert {
        panel.charts.getItemPosition(panel.charts.indexOf(chart))[0]
        for chart in (panel.daily, panel.courts, panel.teams, panel.severity, panel.ages)
    } == {0}
    # The most overdue are the ones kept.
    assert list(panel.courts.values()) == [f"第{i}法院" for i in range(len(panel.courts.values()))]


def test_the_charts_show_the_backends_kpis_and_the_live_counts(qtbot, desk, stepped_backend):
    panel = desk.window.panels[Panel.KPIS]
    store = desk.store
    # The backend recomputes once a minute: a minute on, the panel shows the document it serves.
    step(qtbot, desk, stepped_backend, 60)
    document = stepped_backend.get("kpis")
    expected = decode_kpis(document)
    qtbot.waitUntil(lambda: panel.indicators is not None and panel.indicators.computed_at == expected.computed_at)
    assert list(panel.received_curve.yData) == [count for _, count in expected.received_per_day]
    assert list(panel.closed_curve.yData) == [count for _, count in expected.closed_per_day]
    assert panel.closure.figure.text() == f"{document['actual_closure_rate']:.1%}"
    assert panel.money.figure.text() == f"{document['money_realised'] / document['money_sought']:.1%}"
    assert panel.overdue.figure.text() == str(document["overdue_nodes"])
    # The most overdue courts, as many as the panel's height lets it show.
    shown = list(panel.courts.values().items())
    top = document["overdue_nodes_by_court"][: len(shown)]
    assert shown and shown == [
        (short_court_name(store.courts.get(BACKEND, row["court_id"]).name), row["count"]) for row in top
    ]
    assert panel.ages.values() == document["open_escalations_by_age"]

    # Teams and escalations are counted live from the store, in their status and severity colours.
    def teams_agree() -> bool:
        counts = Counter(team.status for _, team in store.teams)
        return panel.teams.values() == {status: counts.get(status, 0) for status in STATUS_COLORS}

    def severities_agree() -> bool:
        counts = Counter(e.severity for _, e in store.escalations if e.state != EscalationState.RESOLVED)
        return panel.severity.values() == {severity: counts.get(severity, 0) for severity in Severity}

    qtbot.waitUntil(teams_agree, timeout=30_000)
    assert sum(panel.teams.values().values()) == len(store.teams) > 0
    assert [brush.color() for brush in panel.teams.bars.opts["brushes"]] == list(STATUS_COLORS.values())
    escalation = open_escalation(stepped_backend, severities=tuple(Severity))
    qtbot.waitUntil(lambda: store.escalations.get(BACKEND, escalation["id"]) is not None, timeout=30_000)
    qtbot.waitUntil(severities_agree, timeout=30_000)
    assert sum(panel.severity.values().values()) > 0


def test_the_charts_take_the_palettes_colours(qtbot):
    panel = KpiPanel(LiveStore(Store(), queue.SimpleQueue()))
    qtbot.addWidget(panel)
    dark = QPalette(panel.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#1e2127"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    panel.setPalette(dark)
    for chart in (panel.daily, panel.teams, panel.courts, panel.severity, panel.ages):
        assert chart.view.backgroundBrush().color() == QColor("#1e2127")
        assert chart.plot.getAxis("left").textPen().color() == QColor("#e6e6e6")
