"""The map panel: the region with its layers (boundaries, courts, cases, teams and their trails,
task lines, escalations), a toolbar to switch layers, a search box, and following a team.

The layers (`widgets/map_layers.py`, `map_cases.py`, `map_teams.py`) redraw from whole arrays once
per batch of the store's changes and when the view moves far enough; this panel wires them to the
store, the view and the shared selection, and answers the pointer: a tooltip on hover, a selection
on a click.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMenu,
    QToolBar,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from console.domain import Team
from console.lookup import NUMBER_EXAMPLE, Match
from console.records import Collection
from console.region import Region
from console.store import BackendHealth, Changes, Store
from console.sync import LinkState
from widgets.live_store import LiveStore
from widgets.map_cases import CaseLayer
from widgets.map_layers import (
    BoundaryLayer,
    CourtLayer,
    EscalationLayer,
    Hit,
    Layer,
    Projection,
    TaskLayer,
    View,
)
from widgets.map_teams import TeamLayer, TrailLayer
from widgets.match_list import MatchList
from widgets.names import backend_name, name
from widgets.plain_text import PlainLabel, plain_tooltip
from widgets.selection import Selected, Selection
from widgets.style import (
    CASE_CLOSED_COLOR,
    CASE_OPEN_COLOR,
    CASE_OVERDUE_COLOR,
    LOST_CONTACT_COLOR,
    OVERDUE_SHARE_COLORS,
    STATUS_COLORS,
    mark_problem,
)

HIGHLIGHT_SIZE = 28
HIGHLIGHT_PEN = pg.mkPen(QColor("#ffd84d"), width=2.5)
RESTYLE_INTERVAL_MS = 5000
# How close a search or a click on a court's cases brings the map: map units a pixel.
FOCUS_PIXEL = {Collection.CASES: 0.0003, Collection.TEAMS: 0.0004, Collection.COURTS: 0.0008}


class MapPanel(QWidget):
    def __init__(self, live: LiveStore, region: Region, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._selection = selection
        west, south, east, north = region.bounds
        self.projection = Projection((south + north) / 2)
        self.plot = pg.PlotWidget(self)
        self.plot.setMenuEnabled(False)
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):
            item.hideAxis(axis)
        self.view_box = item.getViewBox()
        self.view_box.setAspectLocked(True)
        store, projection = self._store, self.projection
        self.case_layer = CaseLayer(store, projection)
        self.team_layer = TeamLayer(store, projection)
        self.trail_layer = TrailLayer(store, projection)
        self.task_layer = TaskLayer(store, projection)
        self.escalation_layer = EscalationLayer(store, projection, self)
        self.court_layer = CourtLayer(store, projection)
        # By name, in the order the pointer looks for things: what is drawn on top first.
        self.layers: dict[str, Layer] = {
            "teams": self.team_layer,
            "escalations": self.escalation_layer,
            "tasks": self.task_layer,
            "trails": self.trail_layer,
            "cases": self.case_layer,
            "courts": self.court_layer,
            "boundaries": BoundaryLayer(store, projection, region),
        }
        for layer in self.layers.values():
            for graphics in layer.items:
                self.plot.addItem(graphics)
        self.escalations = self.escalation_layer.markers
        # The selected team, case or escalation (or the court found by a search), ringed.
        self.highlight = pg.ScatterPlotItem(symbol="o", size=HIGHLIGHT_SIZE, pen=HIGHLIGHT_PEN, brush=None)
        self.highlight.setZValue(20)
        self.plot.addItem(self.highlight)
        self._followed_width = 0.0  # the view's width when it last centred on the followed team
        self.hover_tip = ""
        self.legend = QLabel(self._legend_html(), self.plot)
        # Until the first teams arrive, what the console is doing, in the operator's language, where
        # they look first: a new operator must not take an empty map for a dead one.
        self.waiting = PlainLabel(parent=self.plot)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.plot)
        self._apply_palette()
        self._say_what_is_awaited()
        margin = 0.02 * (east - west)
        self.view_box.sigRangeChanged.connect(self._on_view_changed)
        self.view_box.sigResized.connect(self._on_view_changed)
        self.view_box.sigRangeChangedManually.connect(self._on_manual_range)
        self.view_box.setRange(
            xRange=(float(projection.x(west - margin)), float(projection.x(east + margin))),
            yRange=(south - margin, north + margin),
            padding=0,
        )
        self._on_view_changed()
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._on_hover)
        scene.sigMouseClicked.connect(self._on_click)
        live.changed.connect(self._on_changed)
        selection.changed.connect(self._on_selected)
        self._clock = QTimer(self)
        self._clock.setInterval(RESTYLE_INTERVAL_MS)
        self._clock.timeout.connect(self.team_layer.redraw)
        self._clock.start()

    # -- the toolbar: layers, follow, search

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        titles = {
            "boundaries": self.tr("Boundaries"),
            "courts": self.tr("Courts"),
            "cases": self.tr("Cases"),
            "teams": self.tr("Teams"),
            "trails": self.tr("Trails (30 min)"),
            "tasks": self.tr("Task lines"),
            "escalations": self.tr("Escalations"),
        }
        layers_button = QToolButton(self.toolbar)
        layers_button.setText(self.tr("Layers"))
        layers_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layers_menu = QMenu(layers_button)
        layers_button.setMenu(layers_menu)
        self.layer_actions: dict[str, QAction] = {}
        for layer, title in titles.items():
            action = QAction(title, self)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda shown, layer=layer: self.layers[layer].set_visible(shown))
            layers_menu.addAction(action)
            self.layer_actions[layer] = action
        self.legend_action = QAction(self.tr("Legend"), self)
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(True)
        self.legend_action.toggled.connect(self.legend.setVisible)
        layers_menu.addSeparator()
        layers_menu.addAction(self.legend_action)
        self.toolbar.addWidget(layers_button)
        self.follow_action = QAction(self.tr("Follow team"), self)
        self.follow_action.setCheckable(True)
        self.follow_action.setEnabled(False)
        self.follow_action.setShortcut(QKeySequence("F"))
        self.follow_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.follow_action.setToolTip(
            self.tr("Keep the selected team in the middle of the map as it moves (F); panning stops it")
        )
        self.follow_action.toggled.connect(self._on_follow_toggled)
        self.addAction(self.follow_action)
        self.toolbar.addAction(self.follow_action)
        self.follow_label = PlainLabel(parent=self.toolbar)
        self.toolbar.addWidget(self.follow_label)
        self.toolbar.addSeparator()
        self.search = QLineEdit(self.toolbar)
        self.search.setPlaceholderText(
            self.tr("Case number, party, court or team, e.g. {example} (Ctrl+F)").format(example=NUMBER_EXAMPLE)
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)
        self.search.setMaximumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.toolbar.addWidget(self.search)
        self.search_message = PlainLabel(parent=self.toolbar)
        self.search_message.setStyleSheet("QLabel { padding: 0 6px; }")
        self.toolbar.addWidget(self.search_message)
        self.matches = MatchList(self.search, self._store)
        self.matches.chosen.connect(self.go_to)
        self.matches.said.connect(self._say)

    def view_state(self) -> dict:
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        return {
            "range": (x0, x1, y0, y1),
            "search": self.search.text(),
            "layers": {layer: action.isChecked() for layer, action in self.layer_actions.items()},
            "legend": self.legend_action.isChecked(),
            "following": self.follow_action.isChecked(),
        }

    def restore_view_state(self, state: dict) -> None:
        x0, x1, y0, y1 = state["range"]
        self.view_box.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.search.setText(state["search"])
        for layer, shown in state["layers"].items():
            self.layer_actions[layer].setChecked(shown)
        self.legend_action.setChecked(state["legend"])
        if self.follow_action.isEnabled():
            self.follow_action.setChecked(state["following"])

    def focus_search(self) -> None:
        """Puts the operator in the search, what was typed before selected (Ctrl+F, from anywhere)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _legend_html(self) -> str:
        rows = [
            f'<span style="color:{color.name()}">▲</span> {name("team_status", status)}'
            for status, color in STATUS_COLORS.items()
        ]
        lost = self.tr("Lost contact")
        rows.append(f'<span style="color:{LOST_CONTACT_COLOR.name()}">▲</span> {lost}')
        cases = (
            (CASE_OVERDUE_COLOR, self.tr("Overdue")),
            (CASE_OPEN_COLOR, self.tr("Open")),
            (CASE_CLOSED_COLOR, self.tr("Closed")),
        )
        rows.append(" ".join(f'<span style="color:{color.name()}">●</span> {text}' for color, text in cases))
        dot = '<span style="color:{}">⬤</span>'.format
        shares = " ".join(f"{dot(color.name())} ≤{limit:.0%}" for limit, color in OVERDUE_SHARE_COLORS[:-1])
        higher = f"{dot(OVERDUE_SHARE_COLORS[-1][1].name())} " + self.tr("higher")
        rows.append(self.tr("A court's cases, by share overdue:") + f"<br>{shares} {higher}")
        return "<br>".join(rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Window))
        for layer in self.layers.values():
            layer.apply_palette(palette)
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        self.legend.setStyleSheet(
            f"QLabel {{ background: rgba({base.red()}, {base.green()}, {base.blue()}, 210); "
            f"color: {text.name()}; padding: 6px; border-radius: 4px; }}"
        )
        self.legend.adjustSize()
        self.waiting.setStyleSheet(
            f"QLabel {{ background: rgba({base.red()}, {base.green()}, {base.blue()}, 225); color: {text.name()}; "
            "font-size: 15pt; font-weight: bold; padding: 12px 20px; border-radius: 6px; }"
        )
        self._place_legend()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_legend()

    def _place_legend(self) -> None:
        # Top right: where a map's legend is looked for, and over the empty north-east of the province.
        self.legend.move(max(8, self.plot.width() - self.legend.width() - 8), 8)
        self.waiting.adjustSize()
        self.waiting.move(
            (self.plot.width() - self.waiting.width()) // 2, (self.plot.height() - self.waiting.height()) // 2
        )

    def _awaited(self, health: BackendHealth) -> str:
        """A backend's state as the empty map says it: under way…, or what went wrong and why."""
        if health.state in (LinkState.FAILED, LinkState.AUTH_FAILED, LinkState.OFFLINE):
            return self.tr("{backend}: {state}. {detail}").format(
                backend=backend_name(health.backend), state=name("link_state", health.state), detail=health.detail
            )
        return self.tr("{backend}: {state}…").format(
            backend=backend_name(health.backend), state=name("link_state", health.state)
        )

    def _say_what_is_awaited(self) -> None:
        """While no team is known: each backend's state (starting, connecting, failed), else nothing."""
        if self._store.teams:
            self.waiting.hide()
            return
        self.waiting.setText("\n".join(self._awaited(h) for h in self._store.health.values()) or self.tr("Connecting…"))
        self.waiting.show()
        self._place_legend()

    # -- the store and the view

    def _on_changed(self, changes: Changes) -> None:
        for layer in self.layers.values():
            layer.on_changed(changes)
        if changes.health or self.waiting.isVisible():
            self._say_what_is_awaited()
        if changes.moved or changes.touched(Collection.ESCALATIONS) or changes.touched(Collection.CASES):
            self._redraw_highlight()
        if self.follow_action.isChecked() and changes.moved:
            self._centre_on_followed()

    def view(self) -> View:
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        # From the range and the box's size in pixels, both current at once (the box's transform
        # only catches up at the next paint).
        size = self.view_box.size()
        return View(x0, y0, x1, y1, max((x1 - x0) / max(size.width(), 1.0), (y1 - y0) / max(size.height(), 1.0)))

    def _on_view_changed(self, *_) -> None:
        view = self.view()
        for layer in self.layers.values():
            layer.on_view(view)

    def centre_on(self, x: float, y: float, pixel: float | None = None) -> None:
        """Puts (x, y) in the middle of the view, at `pixel` map units a pixel (or the zoom as it is)."""
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        half_w, half_h = (x1 - x0) / 2, (y1 - y0) / 2
        if pixel is not None:
            scale = pixel / self.view().pixel
            half_w, half_h = half_w * scale, half_h * scale
        self.view_box.setRange(xRange=(x - half_w, x + half_w), yRange=(y - half_h, y + half_h), padding=0)

    # -- selection

    def selected_point(self) -> tuple[float, float] | None:
        """Where the selection is on the map (projected x, lat), if it has a place."""
        selected = self._selection.current
        if selected is None:
            return None
        if selected.kind is Collection.COURTS:
            court = self._store.courts.get(selected.backend, selected.id)
            return None if court is None else (float(self.projection.x(court.lon)), court.lat)
        if selected.kind is Collection.TEAMS:
            return self.team_layer.position(selected.backend, selected.id)
        if selected.kind is Collection.CASES:
            case = self._store.cases.get(selected.backend, selected.id)
            return None if case is None else (float(self.projection.x(case.lon)), case.lat)
        if selected.kind is Collection.ESCALATIONS:
            escalation = self._store.escalations.get(selected.backend, selected.id)
            if escalation is not None and escalation.lon is not None:
                return float(self.projection.x(escalation.lon)), escalation.lat
        return None

    def _redraw_highlight(self) -> None:
        point = self.selected_point()
        self.highlight.setData(*(([point[0]], [point[1]]) if point else ([], [])))

    def _on_selected(self, selected: Selected | None) -> None:
        is_team = selected is not None and selected.kind is Collection.TEAMS
        self.team_layer.select((selected.backend, selected.id) if is_team else None)
        self.follow_action.setEnabled(is_team)
        if self.follow_action.isChecked():
            if is_team:
                self._centre_on_followed()
            else:
                self.follow_action.setChecked(False)
        self._redraw_highlight()
        point = self.selected_point()
        if point is None:
            return
        view = self.view()
        margin_x, margin_y = (view.x1 - view.x0) * 0.05, (view.y1 - view.y0) * 0.05
        if (
            view.x0 + margin_x <= point[0] <= view.x1 - margin_x
            and view.y0 + margin_y <= point[1] <= view.y1 - margin_y
        ):
            return  # already in sight: moving the map under the operator's eyes would only disorient
        self.centre_on(*point)

    # -- following a team

    def _on_follow_toggled(self, following: bool) -> None:
        team = self._followed_team()
        self.follow_label.setText(self.tr("Following {team}").format(team=team.name) if following and team else "")
        if following:
            self._centre_on_followed()

    def _followed_team(self) -> Team | None:
        selected = self._selection.current
        if selected is None or selected.kind is not Collection.TEAMS:
            return None
        return self._store.teams.get(selected.backend, selected.id)

    def _centre_on_followed(self) -> None:
        team = self._followed_team()
        if team is None:
            self.follow_action.setChecked(False)
            return
        self.follow_label.setText(self.tr("Following {team}").format(team=team.name))
        self.centre_on(*self.team_layer.position(self._selection.current.backend, team.id))
        self._followed_width = self.view().x1 - self.view().x0

    def _on_manual_range(self, *_) -> None:
        if not self.follow_action.isChecked():
            return
        view = self.view()
        if abs((view.x1 - view.x0) - self._followed_width) <= 1e-9 * self._followed_width:
            self.follow_action.setChecked(False)  # the operator panned away: they look elsewhere now
        else:
            self._centre_on_followed()  # a zoom keeps following, around the team

    # -- the pointer

    def hit_at(self, scene_pos: QPointF) -> tuple[Layer, Hit] | None:
        """The topmost thing under a point of the scene, on a visible layer."""
        if not self.view_box.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.view_box.mapSceneToView(scene_pos)
        pixel = self.view().pixel
        for layer in self.layers.values():
            if layer.visible:
                hit = layer.hit(point.x(), point.y(), pixel)
                if hit is not None:
                    return layer, hit
        return None

    def _on_hover(self, scene_pos: QPointF) -> None:
        found = self.hit_at(scene_pos)
        self.hover_tip = "" if found is None else found[0].tip(found[1])
        viewport = self.plot.viewport()
        if self.hover_tip:
            QToolTip.showText(
                viewport.mapToGlobal(self.plot.mapFromScene(scene_pos)), plain_tooltip(self.hover_tip), viewport
            )
        else:
            QToolTip.hideText()

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        found = self.hit_at(event.scenePos())
        if found is None:
            return
        hit = found[1]
        self._selection.select(Selected(hit.kind, hit.backend, hit.id))
        if hit.kind is Collection.COURTS:  # picked everywhere, and drilled into here
            self.centre_on(hit.x, hit.y, min(self.view().pixel, FOCUS_PIXEL[Collection.COURTS]))

    # -- search

    def go_to(self, match: Match) -> None:
        """Centres the map on what a search found, zoomed in, and selects it."""
        self._say("", error=False)
        x = float(self.projection.x(match.lon))
        self.centre_on(x, match.lat, min(self.view().pixel, FOCUS_PIXEL[match.kind]))
        self._selection.select(Selected(match.kind, match.backend, match.id))

    def _say(self, text: str, error: bool) -> None:
        mark_problem(self.search_message, error)
        self.search_message.setText(text)
