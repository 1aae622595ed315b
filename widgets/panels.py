"""Every dock panel of the console, declared once: its name, its title, how it is built from the
narrow ports it uses, its key in the View menu, and where it stands in each named layout. The main
window, its View menu, the layouts and the tests all iterate `PANELS`; adding a panel is a module
of its own and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from console.commands import Submit
from console.connections import Connections
from console.region import Region
from console.session import BackendSession
from widgets.alarm import Alarm
from widgets.approvals_panel import ApprovalsPanel
from widgets.campaigns_panel import CampaignsPanel
from widgets.case_panel import CasePanel
from widgets.connection_panel import ConnectionPanel
from widgets.court_figures_panel import CourtFiguresPanel
from widgets.escalations_panel import EscalationsPanel
from widgets.event_log_panel import EventLogPanel
from widgets.findings_panel import FindingsPanel
from widgets.indicators_panel import IndicatorsPanel
from widgets.kpi_panel import KpiPanel
from widgets.live_store import LiveStore
from widgets.map_panel import MapPanel
from widgets.queries_panel import QueriesPanel
from widgets.selection import Selection
from widgets.supervision_panel import SupervisionPanel
from widgets.teams_panel import TeamsPanel
from widgets.warnings_panel import WarningsPanel


class Panel(StrEnum):
    """The panels, by the name their dock and their saved place are kept under."""

    MAP = "map"
    ESCALATIONS = "escalations"
    TEAMS = "teams"
    CONNECTION = "connection"
    EVENT_LOG = "event_log"
    CASE = "case"
    QUERIES = "queries"
    KPIS = "kpis"
    APPROVALS = "approvals"
    COURT_FIGURES = "court_figures"
    WARNINGS = "warnings"
    SUPERVISION = "supervision"
    FINDINGS = "findings"
    INDICATORS = "indicators"
    CAMPAIGNS = "campaigns"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Ports:
    """What panels are built from; each takes only the ports it uses."""

    live: LiveStore  # the store, and its changes batch by batch
    selection: Selection  # the one selection every panel shares
    submit: Submit  # an operator's command, through the outbox
    session_of: Callable[[str], BackendSession | None]  # a followed backend's session, for a fetch of one's own
    alarm: Alarm
    region: Region
    connections: Connections  # the profiles and links: for the connection panel alone


@dataclass(frozen=True)
class Place:
    """Where a panel stands in a layout: on which side, in which slot from the top, at which tab
    of that slot (the first tab is raised), and whether it starts hidden."""

    side: Side
    slot: int
    tab: int = 0
    hidden: bool = False


@dataclass(frozen=True)
class PanelSpec:
    panel: Panel
    title: Callable[[], str]  # in the language of the moment
    build: Callable[[Ports], QWidget]
    shortcut: str  # shows and hides it (View menu)
    places: dict[str, Place]  # by layout name


@runtime_checkable
class KeepsItsView(Protocol):
    """A panel whose view (zoom, filters, searches) outlives its window: a change of language
    builds the window again, over the same live state."""

    def view_state(self) -> dict: ...

    def restore_view_state(self, state: dict) -> None: ...


@runtime_checkable
class ActsOnTheWindow(Protocol):
    """A panel whose actions work from anywhere in the window (and stand in the Actions menu)."""

    notice: Signal  # (str): why an action asked for cannot run, for the status bar

    def window_actions(self) -> list[QAction]: ...


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(
        Panel.MAP,
        lambda: QCoreApplication.translate("Panels", "Map"),
        lambda ports: MapPanel(ports.live, ports.region, ports.selection),
        "Ctrl+1",
        {"duty": Place(Side.LEFT, 0), "wall": Place(Side.LEFT, 0)},
    ),
    PanelSpec(
        Panel.ESCALATIONS,
        lambda: QCoreApplication.translate("Panels", "Escalations"),
        lambda ports: EscalationsPanel(ports.live, ports.selection, ports.submit, ports.alarm),
        "Ctrl+2",
        {"duty": Place(Side.RIGHT, 0), "wall": Place(Side.RIGHT, 0)},
    ),
    PanelSpec(
        Panel.TEAMS,
        lambda: QCoreApplication.translate("Panels", "Field teams"),
        lambda ports: TeamsPanel(ports.live, ports.selection),
        "Ctrl+3",
        {"duty": Place(Side.RIGHT, 1), "wall": Place(Side.RIGHT, 1)},
    ),
    PanelSpec(
        Panel.CONNECTION,
        lambda: QCoreApplication.translate("Panels", "Connection"),
        lambda ports: ConnectionPanel(ports.live, ports.connections),
        "Ctrl+4",
        {"duty": Place(Side.RIGHT, 2), "wall": Place(Side.RIGHT, 1, tab=1, hidden=True)},
    ),
    PanelSpec(
        Panel.EVENT_LOG,
        lambda: QCoreApplication.translate("Panels", "Event log"),
        lambda ports: EventLogPanel(ports.live),
        "Ctrl+5",
        {"duty": Place(Side.RIGHT, 2, tab=1), "wall": Place(Side.RIGHT, 1, tab=2, hidden=True)},
    ),
    PanelSpec(
        Panel.CASE,
        lambda: QCoreApplication.translate("Panels", "Case"),
        lambda ports: CasePanel(ports.live, ports.session_of, ports.selection, ports.submit),
        "Ctrl+6",
        {"duty": Place(Side.LEFT, 1), "wall": Place(Side.RIGHT, 0, tab=1, hidden=True)},
    ),
    PanelSpec(
        Panel.QUERIES,
        lambda: QCoreApplication.translate("Panels", "Asset queries"),
        lambda ports: QueriesPanel(ports.live, ports.selection, ports.submit),
        "Ctrl+7",
        {"duty": Place(Side.LEFT, 1, tab=1), "wall": Place(Side.RIGHT, 0, tab=2, hidden=True)},
    ),
    PanelSpec(
        Panel.KPIS,
        lambda: QCoreApplication.translate("Panels", "KPIs"),
        lambda ports: KpiPanel(ports.live),
        "Ctrl+8",
        {"duty": Place(Side.LEFT, 1, tab=3), "wall": Place(Side.LEFT, 1)},
    ),
    PanelSpec(
        Panel.APPROVALS,
        lambda: QCoreApplication.translate("Panels", "Approvals"),
        lambda ports: ApprovalsPanel(ports.live, ports.selection, ports.submit),
        "Ctrl+9",
        {"duty": Place(Side.LEFT, 1, tab=2), "wall": Place(Side.RIGHT, 0, tab=3, hidden=True)},
    ),
    PanelSpec(
        Panel.COURT_FIGURES,
        lambda: QCoreApplication.translate("Panels", "Court figures"),
        lambda ports: CourtFiguresPanel(ports.live),
        "Ctrl+0",
        {"duty": Place(Side.LEFT, 1, tab=4), "wall": Place(Side.RIGHT, 0, tab=4, hidden=True)},
    ),
    PanelSpec(
        Panel.WARNINGS,
        lambda: QCoreApplication.translate("Panels", "Process warnings"),
        lambda ports: WarningsPanel(ports.live, ports.selection),
        "Ctrl+Alt+W",
        {"duty": Place(Side.LEFT, 1, tab=5), "wall": Place(Side.RIGHT, 0, tab=5, hidden=True)},
    ),
    PanelSpec(
        Panel.SUPERVISION,
        lambda: QCoreApplication.translate("Panels", "Supervision orders"),
        lambda ports: SupervisionPanel(ports.live, ports.selection, ports.submit),
        "Ctrl+Alt+D",
        {"duty": Place(Side.LEFT, 1, tab=6), "wall": Place(Side.RIGHT, 0, tab=6, hidden=True)},
    ),
    PanelSpec(
        Panel.FINDINGS,
        lambda: QCoreApplication.translate("Panels", "Passive enforcement"),
        lambda ports: FindingsPanel(ports.live, ports.selection, ports.submit),
        "Ctrl+Alt+P",
        {"duty": Place(Side.LEFT, 1, tab=7), "wall": Place(Side.RIGHT, 0, tab=7, hidden=True)},
    ),
    PanelSpec(
        Panel.INDICATORS,
        lambda: QCoreApplication.translate("Panels", "Indicators by court"),
        lambda ports: IndicatorsPanel(ports.live, ports.selection),
        "Ctrl+Alt+I",
        {"duty": Place(Side.LEFT, 1, tab=8), "wall": Place(Side.RIGHT, 0, tab=8, hidden=True)},
    ),
    PanelSpec(
        Panel.CAMPAIGNS,
        lambda: QCoreApplication.translate("Panels", "Campaigns"),
        lambda ports: CampaignsPanel(ports.live, ports.selection),
        "Ctrl+Alt+G",
        {"duty": Place(Side.LEFT, 1, tab=9), "wall": Place(Side.RIGHT, 0, tab=9, hidden=True)},
    ),
)
