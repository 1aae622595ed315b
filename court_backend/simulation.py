"""The live simulation of field teams, deterministic for a seed.

Each team belongs to a court and works a cycle: standby at its court, dispatched to a case site in
the court's area, driving there along a winding route, on scene, operating, returning, and now and
then off duty or, rarely, in an emergency. A tick advances every team and returns the events it
produced. `speed` scales the simulated clock (movement and the length of every phase); the
timestamps in events are always real wall-clock time.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np

from court_backend.geography import Court, Division

STANDBY, EN_ROUTE, ON_SCENE, OPERATING, RETURNING, OFF_DUTY, EMERGENCY = (
    "standby", "en_route", "on_scene", "operating", "returning", "off_duty", "emergency",
)
KM_PER_DEG_LAT = 111.32
HEARTBEAT_S = 30.0
# Mean length of each stationary phase, in simulated seconds.
MEAN_PHASE_S = {STANDBY: 1500.0, ON_SCENE: 300.0, OPERATING: 2700.0, OFF_DUTY: 3600.0, EMERGENCY: 900.0}
EMERGENCY_PER_OPERATING_S = 1 / (8 * 3600.0)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏建红飞琴云辉斌波宁浩凯"
ORDINALS = "一二三四五六七八九十"


def utc_iso(epoch_s: float) -> str:
    return datetime.fromtimestamp(epoch_s, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Route:
    """A polyline in lon/lat with cumulative lengths in km, walked at a constant speed."""

    points: np.ndarray
    cumulative_km: np.ndarray

    @classmethod
    def winding(cls, rng: random.Random, start: tuple[float, float], end: tuple[float, float]) -> "Route":
        # Roads bend: offset a few intermediate points sideways, more in the middle of the trip.
        (x0, y0), (x1, y1) = start, end
        legs = rng.randint(4, 9)
        dx, dy = x1 - x0, y1 - y0
        points = [start]
        for i in range(1, legs):
            t = i / legs
            bend = rng.gauss(0.0, 0.12) * math.sin(math.pi * t)
            points.append((x0 + dx * t - dy * bend, y0 + dy * t + dx * bend))
        points.append(end)
        array = np.asarray(points)
        kx = KM_PER_DEG_LAT * math.cos(math.radians(y0))
        steps = np.hypot(np.diff(array[:, 0]) * kx, np.diff(array[:, 1]) * KM_PER_DEG_LAT)
        return cls(array, np.concatenate(([0.0], np.cumsum(steps))))

    @property
    def length_km(self) -> float:
        return float(self.cumulative_km[-1])

    def reversed(self) -> "Route":
        return Route(self.points[::-1].copy(), self.length_km - self.cumulative_km[::-1])

    def at(self, km: float) -> tuple[float, float, float]:
        """Position (lon, lat) and heading (degrees clockwise from north) after `km` along the route."""
        km = min(max(km, 0.0), self.length_km)
        leg = min(int(np.searchsorted(self.cumulative_km, km, side="right")) - 1, len(self.points) - 2)
        span = self.cumulative_km[leg + 1] - self.cumulative_km[leg]
        t = 0.0 if span == 0 else (km - self.cumulative_km[leg]) / span
        (ax, ay), (bx, by) = self.points[leg], self.points[leg + 1]
        heading = math.degrees(math.atan2((bx - ax) * math.cos(math.radians(ay)), by - ay)) % 360.0
        return float(ax + (bx - ax) * t), float(ay + (by - ay) * t), heading


@dataclass
class Team:
    id: str
    name: str
    court: Court
    members: list[str]
    vehicle: str
    status: str = STANDBY
    status_since: float = 0.0
    lon: float = 0.0
    lat: float = 0.0
    heading: float = 0.0
    speed_kmh: float = 0.0
    cruise_kmh: float = 45.0
    phase_left_s: float = 0.0
    route: Route | None = None
    route_km: float = 0.0
    heartbeat_at: float = 0.0
    version: int = 1
    site: tuple[float, float] | None = field(default=None)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "court_id": self.court.id,
            "members": self.members,
            "vehicle": self.vehicle,
            "status": self.status,
            "status_since": utc_iso(self.status_since),
            "position": self.position_json(),
            "version": self.version,
        }

    def to_state(self) -> dict:
        """Everything needed to carry on after a restart, as JSON-ready values."""
        route = None if self.route is None else {"points": self.route.points.tolist(), "km": self.route.cumulative_km.tolist()}
        return {
            "id": self.id, "name": self.name, "court_id": self.court.id, "members": self.members,
            "vehicle": self.vehicle, "status": self.status, "status_since": self.status_since, "lon": self.lon,
            "lat": self.lat, "heading": self.heading, "speed_kmh": self.speed_kmh, "cruise_kmh": self.cruise_kmh,
            "phase_left_s": self.phase_left_s, "route": route, "route_km": self.route_km,
            "heartbeat_at": self.heartbeat_at, "version": self.version, "site": self.site,
        }

    @classmethod
    def from_state(cls, state: dict, courts: dict[str, Court]) -> "Team":
        fields = dict(state)
        route = fields.pop("route")
        fields["court"] = courts[fields.pop("court_id")]
        fields["route"] = None if route is None else Route(np.asarray(route["points"]), np.asarray(route["km"]))
        fields["site"] = None if fields["site"] is None else tuple(fields["site"])
        return cls(**fields)

    def position_json(self) -> dict:
        return {
            "lon": round(self.lon, 6),
            "lat": round(self.lat, 6),
            "heading": round(self.heading, 1),
            "speed_kmh": round(self.speed_kmh, 1),
            "at": utc_iso(self.heartbeat_at),
        }


class Simulation:
    def __init__(self, courts: list[Court], divisions: dict[str, Division], *, seed: int, teams: int, speed: float, now: float) -> None:
        self._rng = random.Random(seed)
        self._divisions = divisions
        self._courts = {court.id: court for court in courts}
        self.speed = speed
        self.teams = self._make_teams(courts, teams, now)

    def state(self) -> dict:
        """The generator's state, to be stored beside the teams' (JSON-ready)."""
        version, internal, gauss_next = self._rng.getstate()
        return {"version": version, "internal": list(internal), "gauss_next": gauss_next}

    def restore(self, rng_state: dict, team_states: list[dict]) -> None:
        """Carries on from a stored state instead of the seed's fresh start."""
        self._rng.setstate((rng_state["version"], tuple(rng_state["internal"]), rng_state["gauss_next"]))
        self.teams = [Team.from_state(state, self._courts) for state in team_states]

    def _make_teams(self, courts: list[Court], count: int, now: float) -> list[Team]:
        rng = self._rng
        # Basic courts do most field work; intermediate courts keep a team or two; the high court none.
        weights = [{"basic": 4.0, "intermediate": 2.0}.get(c.level, 0.0) for c in courts]
        teams: list[Team] = []
        per_court: dict[str, int] = {}
        for index in range(count):
            court = rng.choices(courts, weights)[0]
            per_court[court.id] = per_court.get(court.id, 0) + 1
            ordinal = per_court[court.id]
            label = ORDINALS[ordinal - 1] if ordinal <= len(ORDINALS) else str(ordinal)
            members = [rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN]) for _ in range(rng.randint(3, 5))]
            vehicle = f"川{chr(ord('A') + rng.randrange(20))}·{rng.randrange(10000, 99999)}警"
            team = Team(f"T{index + 1:04d}", f"{court.name}执行{label}组", court, members, vehicle,
                        cruise_kmh=rng.uniform(30.0, 60.0), lon=court.lon, lat=court.lat)
            self._start_initial_phase(team, now)
            team.heartbeat_at = now - rng.uniform(0.0, HEARTBEAT_S)
            teams.append(team)
        return teams

    def _start_initial_phase(self, team: Team, now: float) -> None:
        # A centre that opens mid-shift sees teams in every phase, not all waiting at their courts.
        rng = self._rng
        phase = rng.choices([STANDBY, EN_ROUTE, ON_SCENE, OPERATING, RETURNING, OFF_DUTY], [35, 25, 8, 17, 10, 5])[0]
        if phase in (EN_ROUTE, RETURNING):
            self._dispatch(team, now)
            if phase == RETURNING:
                self._head_back(team, now)
            team.route_km = rng.uniform(0.0, team.route.length_km)
            team.lon, team.lat, team.heading = team.route.at(team.route_km)
        else:
            if phase in (ON_SCENE, OPERATING):
                self._dispatch(team, now)
                team.lon, team.lat = team.site
                team.route = None
            self._enter(team, phase, now)
        team.status_since = now - rng.uniform(0.0, MEAN_PHASE_S.get(phase, 1200.0)) / max(self.speed, 1e-9)

    def _site_for(self, court: Court) -> tuple[float, float]:
        """A case site in the court's area: inside its division, within a plausible drive."""
        division = self._divisions.get(court.adcode)
        radius_deg = 0.35 if court.level == "intermediate" else 0.18
        for _ in range(40):
            lon = court.lon + self._rng.uniform(-radius_deg, radius_deg)
            lat = court.lat + self._rng.uniform(-radius_deg, radius_deg)
            if division is None or division.contains(lon, lat):
                return lon, lat
        return court.lon + 0.01, court.lat + 0.01

    def _enter(self, team: Team, status: str, now: float) -> None:
        team.status = status
        team.status_since = now
        team.version += 1
        team.speed_kmh = team.cruise_kmh if status in (EN_ROUTE, RETURNING) else 0.0
        mean = MEAN_PHASE_S.get(status)
        team.phase_left_s = self._rng.expovariate(1.0 / mean) if mean else 0.0

    def _dispatch(self, team: Team, now: float) -> None:
        team.site = self._site_for(team.court)
        team.route = Route.winding(self._rng, (team.court.lon, team.court.lat), team.site)
        team.route_km = 0.0
        self._enter(team, EN_ROUTE, now)

    def _head_back(self, team: Team, now: float) -> None:
        start = (team.lon, team.lat) if team.route is None else team.site
        team.route = Route.winding(self._rng, start, (team.court.lon, team.court.lat))
        team.route_km = 0.0
        self._enter(team, RETURNING, now)

    def tick(self, dt_real_s: float, now: float) -> list[tuple[str, dict]]:
        """Advances every team by `dt_real_s` of real time; returns the events that produced."""
        dt = dt_real_s * self.speed
        events: list[tuple[str, dict]] = []
        for team in self.teams:
            before = team.status
            moved = self._advance(team, dt, now)
            if team.status != before:
                events.append(("team.status", {"team_id": team.id, "status": team.status,
                                                "since": utc_iso(team.status_since), "version": team.version}))
            if moved or now - team.heartbeat_at >= HEARTBEAT_S:
                team.heartbeat_at = now
                events.append(("team.position", {"team_id": team.id, **team.position_json()}))
        return events

    def _advance(self, team: Team, dt: float, now: float) -> bool:
        """Moves one team through its cycle; True when its position changed."""
        if team.status in (EN_ROUTE, RETURNING):
            team.route_km += team.cruise_kmh * dt / 3600.0
            team.lon, team.lat, team.heading = team.route.at(team.route_km)
            if team.route_km >= team.route.length_km:
                if team.status == EN_ROUTE:
                    self._enter(team, ON_SCENE, now)
                else:
                    team.route = None
                    self._enter(team, OFF_DUTY if self._rng.random() < 0.15 else STANDBY, now)
            return True
        team.phase_left_s -= dt
        if team.status == OPERATING and self._rng.random() < dt * EMERGENCY_PER_OPERATING_S:
            self._enter(team, EMERGENCY, now)
        elif team.phase_left_s <= 0:
            follows = {STANDBY: None, ON_SCENE: OPERATING, OPERATING: RETURNING, OFF_DUTY: STANDBY, EMERGENCY: OPERATING}
            following = follows[team.status]
            if following is None:
                self._dispatch(team, now)
            elif following == RETURNING:
                self._head_back(team, now)
            else:
                self._enter(team, following, now)
        return False
