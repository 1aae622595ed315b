"""The live simulation of field teams, their tasks and messages, deterministic for a seed.

Each team belongs to a court and works a cycle: standby at its court; a task (外勤任务) to a case,
given by its court (the simulation) or by a command-centre operator; accepted, driving there along a
winding route, on scene, operating, done or failed; returning; now and then off duty. A team that is
in trouble on scene is in emergency until the escalation it raised is dealt with. Some teams lose
contact for a few minutes (no heartbeat), as teams in the mountains do.

`speed` scales the simulated clock (movement and the length of every phase); the timestamps in
events are always real wall-clock time.
"""

from __future__ import annotations

import json
import math
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from court_backend import check_ins
from court_backend.catalogue import BAILIFF_TASKS, NODE_BY_CODE, TASK_KINDS, TASK_OPEN_STATES
from court_backend.clock import utc_iso
from court_backend.geography import Court
from court_backend.records import Records, dumps

STANDBY, EN_ROUTE, ON_SCENE, OPERATING, RETURNING, OFF_DUTY, EMERGENCY = (
    "standby",
    "en_route",
    "on_scene",
    "operating",
    "returning",
    "off_duty",
    "emergency",
)
KM_PER_DEG_LAT = 111.32
HEARTBEAT_S = 30.0
# Mean length of each stationary phase, in simulated seconds.
MEAN_PHASE_S = {STANDBY: 1500.0, ON_SCENE: 300.0, OPERATING: 2700.0, OFF_DUTY: 3600.0}
ACCEPT_DELAY_S = (20.0, 120.0)
TASK_FAILURE_RATE = 0.1
SIGNAL_LOSS_PER_S = 1 / (6 * 3600.0)
SIGNAL_LOSS_S = (180.0, 720.0)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚"
    "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施"
    "陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪"
    "靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏建红飞琴云辉斌波宁浩凯"
ORDINALS = "一二三四五六七八九十"
# Which operation a court sends a team on, by the phase of the case.
KINDS_BY_PHASE = {
    "filing": ("service",),
    "start": ("service", "notice"),
    "investigation": ("investigation", "search"),
    "control": ("seal", "seize", "investigation"),
    "disposal": ("evict", "notice", "seize"),
    "credit": ("notice", "service"),  # the dishonest list and the restrictions posted and served
    "coercion": ("compel", "detain", "notice"),
    "funds": ("service",),
    "closing": ("service", "notice"),
}


@dataclass
class Route:
    """A polyline in lon/lat with cumulative lengths in km, walked at a constant speed."""

    points: np.ndarray
    cumulative_km: np.ndarray

    @classmethod
    def winding(cls, rng: random.Random, start: tuple[float, float], end: tuple[float, float]) -> Route:
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
    roles: list[str] = field(default_factory=list)  # each member's (catalogue.CREW_ROLES), in order
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
    silent_until: float = 0.0  # no heartbeat until then: lost contact
    version: int = 1
    site: tuple[float, float] | None = None
    task_id: str | None = None
    accept_at: float | None = None  # when the assigned task will be accepted
    emergency_left_s: float = 0.0
    # The last position the team reported: all that the centre knows while it is out of contact.
    reported: dict | None = None

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "court_id": self.court.id,
            "members": self.members,
            "crew": [{"name": name, "role": role} for name, role in zip(self.members, self.roles, strict=True)],
            "vehicle": self.vehicle,
            "status": self.status,
            "status_since": utc_iso(self.status_since),
            "task_id": self.task_id,
            "position": self.reported or self.position_json(),
            "version": self.version,
        }

    def to_state(self) -> dict:
        """Everything needed to carry on after a restart, as JSON-ready values."""
        route = (
            None
            if self.route is None
            else {"points": self.route.points.tolist(), "km": self.route.cumulative_km.tolist()}
        )
        state = {name: getattr(self, name) for name in self.__dataclass_fields__ if name not in ("court", "route")}
        return {**state, "court_id": self.court.id, "route": route}

    @classmethod
    def from_state(cls, state: dict, courts: dict[str, Court]) -> Team:
        fields = dict(state)
        route = fields.pop("route")
        fields["court"] = courts[fields.pop("court_id")]
        fields["route"] = None if route is None else Route(np.asarray(route["points"]), np.asarray(route["km"]))
        fields["site"] = None if fields["site"] is None else tuple(fields["site"])
        team = cls(**fields)
        if not team.roles:  # kept before 1.3, when a team was names only
            team.roles = _roles(len(team.members), random.Random(team.id))
        return team

    @property
    def has_bailiff(self) -> bool:
        return "bailiff" in self.roles

    def position_json(self) -> dict:
        return {
            "lon": round(self.lon, 6),
            "lat": round(self.lat, 6),
            "heading": round(self.heading, 1),
            "speed_kmh": round(self.speed_kmh, 1),
            "at": utc_iso(self.heartbeat_at),
        }


def _roles(size: int, rng: random.Random) -> list[str]:
    """A team of `size`: an enforcement judge and a clerk, then an assistant or judicial police;
    about one team in five goes without police (法警)."""
    roles = ["judge", "clerk"]
    while len(roles) < size:
        roles.append("bailiff" if rng.random() < 0.6 else "assistant")
    return roles


# The letter each prefecture's plates carry (四川省公安厅交通警察总队 发牌机关代号), by its adcode.
PLATE_LETTERS = {
    "5101": "A", "5103": "C", "5104": "D", "5105": "E", "5106": "F", "5107": "B", "5108": "H",
    "5109": "J", "5110": "K", "5111": "L", "5113": "R", "5114": "Z", "5115": "Q", "5116": "X",
    "5117": "S", "5118": "T", "5119": "Y", "5120": "M", "5132": "U", "5133": "V", "5134": "W",
}  # fmt: skip
PLATE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: they read as 1 and 0


def police_plate(court: Court, rng: random.Random) -> str:
    """A police vehicle's plate: 川, the prefecture's letter, four characters, 警 (川A·3K07警)."""
    tail = "".join(rng.choice(PLATE_CHARACTERS) for _ in range(4))
    return f"川{PLATE_LETTERS.get(court.adcode[:4], 'A')}·{tail}警"


# Picks a case for a court's team: (case id, node, lon, lat), or None when the court has none open.
CasePicker = Callable[[Court, random.Random], "tuple[str, str, float, float] | None"]


class Simulation:
    def __init__(
        self,
        records: Records,
        courts: list[Court],
        pick_case: CasePicker,
        *,
        seed: int,
        teams: int,
        speed: float,
        now: float,
    ) -> None:
        self._records = records
        self._rng = random.Random(seed)
        self._courts = {court.id: court for court in courts}
        self._pick_case = pick_case
        self.speed = speed
        self._changed: set[str] = set()
        self._announced: dict[str, tuple[str, int]] = {}  # by team: the status and version its last event told
        self._unread = {m["id"] for m in records.all("message") if m["state"] != "read"}
        self.teams = self._make_teams(courts, teams, now)
        self._by_id = {team.id: team for team in self.teams}
        records.db.execute("create table if not exists teams (id text primary key, state text not null)")
        records.add_saver(self._save)

    # persistence
    def restore(self) -> bool:
        """Carries on from the stored state, if there is one; True when it did."""
        db = self._records.db
        rng = db.execute("select value from meta where key = 'rng'").fetchone()
        rows = db.execute("select state from teams order by id").fetchall()
        if rng is None or not rows:
            return False
        state = json.loads(rng[0])
        self._rng.setstate((state["version"], tuple(state["internal"]), state["gauss_next"]))
        self.teams = [Team.from_state(json.loads(text), self._courts) for (text,) in rows]
        self._by_id = {team.id: team for team in self.teams}
        return True

    def mark_all_changed(self) -> None:
        self._changed.update(self._by_id)

    def _save(self, db: sqlite3.Connection) -> None:
        db.executemany(
            "insert or replace into teams (id, state) values (?, ?)",
            [(team_id, dumps(self._by_id[team_id].to_state())) for team_id in self._changed],
        )
        version, internal, gauss_next = self._rng.getstate()
        db.execute(
            "insert or replace into meta (key, value) values ('rng', ?)",
            (dumps({"version": version, "internal": list(internal), "gauss_next": gauss_next}),),
        )
        self._changed.clear()

    def team(self, team_id: str) -> Team | None:
        return self._by_id.get(team_id)

    # the teams
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
            roles = _roles(rng.randint(3, 5), rng)
            members = [rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN]) for _ in roles]
            team = Team(
                f"T{index + 1:04d}",
                f"{court.name}执行{label}组",
                court,
                members,
                police_plate(court, rng),
                roles,
                cruise_kmh=rng.uniform(30.0, 60.0),
                lon=court.lon,
                lat=court.lat,
            )
            team.heartbeat_at = now - rng.uniform(0.0, HEARTBEAT_S)
            team.status_since = now - rng.uniform(0.0, 1500.0) / self.speed
            team.phase_left_s = rng.expovariate(1.0 / MEAN_PHASE_S[STANDBY]) * rng.random()
            teams.append(team)
        return teams

    def warm_up(self, now: float, simulated_s: float, step_s: float = 120.0) -> None:
        """Runs the teams for `simulated_s` of their time before opening, so that a centre opening
        mid-shift sees teams in every phase of their work rather than all waiting at their courts."""
        steps = int(simulated_s / step_s)
        for step in range(steps, 0, -1):
            self.tick(step_s / self.speed, now - step * step_s / self.speed, quiet=True)
        for team in self.teams:
            team.heartbeat_at = now
            team.reported = team.position_json()

    def _enter(self, team: Team, status: str, now: float) -> None:
        team.status = status
        team.status_since = now
        team.version += 1
        team.speed_kmh = team.cruise_kmh if status in (EN_ROUTE, RETURNING) else 0.0
        mean = MEAN_PHASE_S.get(status)
        team.phase_left_s = self._rng.expovariate(1.0 / mean) if mean else 0.0
        self._changed.add(team.id)

    # tasks
    def _task_event(self, task: dict, created: bool = False) -> None:
        self._records.emit("task.created" if created else "task.updated", task)

    def _move_task(self, task: dict, state: str, now: float, by: str = "system", note: str = "") -> None:
        task["state"] = state
        task["updated_at"] = utc_iso(now)
        task["history"].append({"state": state, "at": utc_iso(now), "by": by, **({"note": note} if note else {})})
        task["version"] += 1
        self._records.put("task", task)
        self._task_event(task)

    def create_task(
        self,
        team: Team,
        case_id: str,
        case_lon: float,
        case_lat: float,
        kind: str,
        now: float,
        by: str,
        note: str = "",
        checkin_every_min: int | None = None,
    ) -> dict:
        """Assigns a task to a standby team; the team accepts it after a short while, and checks
        in every `checkin_every_min` on scene (by its kind when not given: `check_ins`)."""
        task = {
            "id": self._records.new_id("task", "W"),
            "case_id": case_id,
            "team_id": team.id,
            "court_id": team.court.id,
            "kind": kind,
            "state": "assigned",
            "target": {"lon": case_lon, "lat": case_lat},
            "created_by": by,
            "created_at": utc_iso(now),
            "updated_at": utc_iso(now),
            "note": note,
            "history": [{"state": "assigned", "at": utc_iso(now), "by": by}],
            "checkin_every_min": check_ins.interval_min(kind, checkin_every_min),
            "checkin_due_at": None,
            "checkin_missed_at": None,
            "check_ins": [],
            "version": 1,
        }
        self._records.put("task", task)
        self._task_event(task, created=True)
        self._give(team, task, now)
        return task

    def _give(self, team: Team, task: dict, now: float) -> None:
        team.task_id = task["id"]
        team.site = (task["target"]["lon"], task["target"]["lat"])
        team.accept_at = now + self._rng.uniform(*ACCEPT_DELAY_S) / self.speed
        team.version += 1
        self._changed.add(team.id)
        self._team_event(team)

    def reassign_task(self, task: dict, new_team: Team, now: float, by: str, note: str = "") -> None:
        old = self._by_id.get(task["team_id"])
        if old is not None and old.task_id == task["id"]:
            self._release(old, now)
        task["team_id"] = new_team.id
        self._move_task(task, "assigned", now, by, note or f"re-tasked to {new_team.id}")
        self._give(new_team, task, now)

    def cancel_task(self, task: dict, now: float, by: str, note: str = "") -> None:
        team = self._by_id.get(task["team_id"])
        if team is not None and team.task_id == task["id"]:
            self._release(team, now)
        self._move_task(task, "cancelled", now, by, note)

    def _release(self, team: Team, now: float) -> None:
        """Frees a team from its task: it heads back if it had left, or stays on standby."""
        team.task_id, team.accept_at = None, None
        if team.status in (EN_ROUTE, ON_SCENE, OPERATING, EMERGENCY):
            self._head_back(team, now)
        else:
            team.version += 1
            self._changed.add(team.id)
        self._team_event(team)

    def available(self, team: Team) -> bool:
        return team.status == STANDBY and team.task_id is None

    def standby_team(self, court: Court, lon: float, lat: float, *, bailiff: bool) -> Team | None:
        """A team standing by (with judicial police, when `bailiff`) to send to (lon, lat): the
        court's own first, else one of the court above, else one of a court beside it under the same
        court above, else the nearest in the province (the centre directs every court's teams)."""
        ready = [t for t in self.teams if self.available(t) and (t.has_bailiff or not bailiff)]
        for near in (
            lambda t: t.court.id == court.id,
            lambda t: t.court.id == court.parent_id,
            lambda t: t.court.parent_id == court.parent_id,
        ):
            found = next((t for t in ready if near(t)), None)
            if found is not None:
                return found
        return min(ready, key=lambda t: (t.lon - lon) ** 2 + (t.lat - lat) ** 2, default=None)

    def _auto_dispatch(self, team: Team, now: float) -> None:
        picked = self._pick_case(team.court, self._rng)
        if picked is None:
            team.phase_left_s = MEAN_PHASE_S[STANDBY]
            return
        case_id, node, lon, lat = picked
        kinds = KINDS_BY_PHASE.get(NODE_BY_CODE[node].phase, tuple(TASK_KINDS))
        kind = self._rng.choice([k for k in kinds if team.has_bailiff or k not in BAILIFF_TASKS] or ["notice"])
        self.create_task(team, case_id, lon, lat, kind, now, by=f"court:{team.court.id}")

    def _head_out(self, team: Team, now: float) -> None:
        task = self._records.get("task", team.task_id)
        team.accept_at = None
        self._move_task(task, "accepted", now, by=team.id)
        team.route = Route.winding(self._rng, (team.lon, team.lat), team.site)
        team.route_km = 0.0
        self._enter(team, EN_ROUTE, now)
        self._move_task(task, "en_route", now, by=team.id)

    def _head_back(self, team: Team, now: float) -> None:
        team.route = Route.winding(self._rng, (team.lon, team.lat), (team.court.lon, team.court.lat))
        team.route_km = 0.0
        self._enter(team, RETURNING, now)

    def _finish_task(self, team: Team, now: float) -> None:
        task = self._records.get("task", team.task_id) if team.task_id else None
        if task is not None and task["state"] in TASK_OPEN_STATES:
            failed = self._rng.random() < TASK_FAILURE_RATE
            self._move_task(
                task,
                "failed" if failed else "done",
                now,
                by=team.id,
                note="被执行人不在该地址，未能找到" if failed else "",
            )
        team.task_id = None
        self._head_back(team, now)

    def raise_emergency(self, team: Team, now: float, lasting_s: float) -> None:
        if team.status != EMERGENCY:
            self._enter(team, EMERGENCY, now)
            self._team_event(team)  # between ticks: the next tick would not see it change
        team.emergency_left_s = lasting_s

    # messages
    def send_message(self, team: Team, text: str, now: float, by: str) -> dict:
        message = {
            "id": self._records.new_id("message", "M"),
            "team_id": team.id,
            "text": text,
            "from": by,
            "sent_at": utc_iso(now),
            "state": "sent",
            "delivered_at": None,
            "read_at": None,
            "version": 1,
        }
        self._records.put("message", message)
        self._unread.add(message["id"])
        self._records.emit("team.message", message)
        return message

    def _deliver_messages(self, now: float) -> None:
        for message_id in sorted(self._unread):
            message = self._records.get("message", message_id)
            team = self._by_id.get(message["team_id"])
            if team is None or now < team.silent_until:
                continue  # a team out of contact receives nothing until it is back
            if message["state"] == "sent" and self._rng.random() < 0.5:
                message.update(state="delivered", delivered_at=utc_iso(now), version=message["version"] + 1)
            elif message["state"] == "delivered" and self._rng.random() < 0.1 * self.speed:
                message.update(state="read", read_at=utc_iso(now), version=message["version"] + 1)
                self._unread.discard(message_id)
            else:
                continue
            self._records.put("message", message)
            self._records.emit("team.message", message)

    def heartbeat(self, rng: random.Random, count: int, now: float) -> None:
        """`count` heartbeats of teams picked at random: where they are, as of now."""
        for team in rng.choices(self.teams, k=count):
            if now >= team.silent_until:
                self._report_position(team, now)

    # the clock
    def tick(self, dt_real_s: float, now: float, quiet: bool = False) -> None:
        """Advances every team by `dt_real_s` of real time, queueing the events that produced."""
        dt = dt_real_s * self.speed
        for team in self.teams:
            before = (team.status, team.version)
            moved = self._advance(team, dt, now)
            if quiet:
                continue
            if (team.status, team.version) not in (before, self._announced.get(team.id)):
                self._changed.add(team.id)
                self._team_event(team)
            in_contact = now >= team.silent_until
            if in_contact and (moved or now - team.heartbeat_at >= HEARTBEAT_S):
                self._report_position(team, now)
        if not quiet:
            self._deliver_messages(now)

    def _report_position(self, team: Team, now: float) -> None:
        """A heartbeat: where the team is, as of now. The team's representation changed, so its
        version moves too (and its ETag with it)."""
        team.heartbeat_at = now
        team.reported = team.position_json()
        team.version += 1
        self._changed.add(team.id)
        self._records.emit("team.position", {"team_id": team.id, **team.reported, "version": team.version})

    def _team_event(self, team: Team) -> None:
        """Tells a change of a team's status or task (a command's, or the simulation's)."""
        self._announced[team.id] = (team.status, team.version)
        self._records.emit(
            "team.status",
            {
                "team_id": team.id,
                "status": team.status,
                "task_id": team.task_id,
                "since": utc_iso(team.status_since),
                "version": team.version,
            },
        )

    def _advance(self, team: Team, dt: float, now: float) -> bool:
        """Moves one team through its cycle; True when its position changed."""
        if now >= team.silent_until and self._rng.random() < dt * SIGNAL_LOSS_PER_S:
            team.silent_until = now + self._rng.uniform(*SIGNAL_LOSS_S) / self.speed
        if team.status in (EN_ROUTE, RETURNING):
            team.route_km += team.cruise_kmh * dt / 3600.0
            team.lon, team.lat, team.heading = team.route.at(team.route_km)
            if team.route_km >= team.route.length_km:
                team.route = None
                if team.status == EN_ROUTE:
                    self._enter(team, ON_SCENE, now)
                    task = self._records.get("task", team.task_id) if team.task_id else None
                    if task is not None:
                        self._move_task(task, "on_scene", now, by=team.id)
                else:
                    self._enter(team, OFF_DUTY if self._rng.random() < 0.15 else STANDBY, now)
            return True
        if team.status == EMERGENCY:
            team.emergency_left_s -= dt
            if team.emergency_left_s <= 0:
                self._enter(team, OPERATING if team.task_id else RETURNING, now)
            return False
        if team.accept_at is not None:
            if now >= team.accept_at:
                self._head_out(team, now)
                return True
            return False
        team.phase_left_s -= dt
        if team.phase_left_s > 0:
            return False
        if team.status == STANDBY:
            self._auto_dispatch(team, now)
        elif team.status == ON_SCENE:
            self._enter(team, OPERATING, now)
        elif team.status == OPERATING:
            self._finish_task(team, now)
        elif team.status == OFF_DUTY:
            self._enter(team, STANDBY, now)
        return False
