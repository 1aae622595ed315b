"""Escalations: raised by teams in the field or by the system, acknowledged, escalated and resolved
by named people, each step on the timeline. One left unacknowledged past its deadline escalates
itself to the supervisors."""

from __future__ import annotations

import random

from court_backend.catalogue import ACK_DEADLINE_S, ESCALATION_KINDS
from court_backend.clock import utc_iso
from court_backend.records import Records, public

FIELD_KINDS = (
    "sos",
    "violent_resistance",
    "self_harm_threat",
    "crowd_gathering",
    "injury",
    "police_support",
    "detention_decision",
    "new_asset_found",
)
FIELD_WEIGHTS = (4, 8, 3, 10, 4, 12, 8, 20)
EMERGENCY_KINDS = frozenset({"sos", "violent_resistance", "injury", "self_harm_threat"})
NOTES = {
    "sos": "队员触发一键求助",
    "violent_resistance": "被执行人阻挠执行、抢夺查封物品",
    "self_harm_threat": "被执行人情绪激动，以自伤相威胁",
    "crowd_gathering": "现场聚集二十余人",
    "injury": "一名队员受伤",
    "police_support": "现场需公安民警协助",
    "detention_decision": "被执行人拒不履行，建议司法拘留",
    "new_asset_found": "现场发现车辆一台，疑为被执行人所有",
    "asset_flight_risk": "被执行人名下账户出现大额转出",
    "hit_awaiting_freeze": "查控命中尚未冻结",
    "terminated_case_hit": "终本案件定期查询发现财产，可恢复执行",
    "measure_lapsing": "查封、扣押、冻结期限将满，请办理续行手续",
    "family_notice_due": "被拘留人的家属尚未通知：须在拘留后二十四小时内通知",
    "family_notice_overdue": "拘留已逾二十四小时，仍未通知被拘留人家属",
    "bankruptcy_ruling_due": "受移送法院收到移送材料已逾三十日，尚未裁定是否受理破产申请",
    "supervision_overdue": "督办事项已过办理期限，被督办法院尚未回复",
    "lost_contact": "队伍通信中断，已失去联系",
    "checkin_missed": "现场队伍逾时未报平安",
    "duress": "队员以胁迫暗号报平安",
}


class Escalations:
    def __init__(self, records: Records, rng: random.Random, speed: float) -> None:
        self._records = records
        self._rng = rng
        self._speed = speed  # deadlines shrink with the simulation's clock, like every other duration
        self._open = {e["id"] for e in records.all("escalation") if e["state"] == "open"}
        # What the system has already raised, so that one situation raises one escalation.
        self.raised_for = {e["_about"] for e in records.all("escalation") if e.get("_about")}

    def raise_(
        self,
        kind: str,
        now: float,
        *,
        court_id: str,
        case_id: str | None = None,
        team_id: str | None = None,
        lon: float | None = None,
        lat: float | None = None,
        about: str | None = None,
        note: str = "",
    ) -> dict:
        title, severity = ESCALATION_KINDS[kind]
        source = "team" if kind in FIELD_KINDS or kind == "duress" else "system"
        escalation = {
            "id": self._records.new_id("escalation", "E"),
            "kind": kind,
            "title": title,
            "severity": severity,
            "state": "open",
            "source": source,
            "court_id": court_id,
            "case_id": case_id,
            "team_id": team_id,
            "location": None if lon is None else {"lon": lon, "lat": lat},
            "raised_at": utc_iso(now),
            "ack_deadline": utc_iso(now + ACK_DEADLINE_S[severity] / self._speed),
            "owner": None,
            "escalated_to": None,
            "resolved_at": None,
            "outcome": None,
            "timeline": [
                {
                    "at": utc_iso(now),
                    "actor": team_id or "system",
                    "action": "raised",
                    "state": "open",
                    "note": note or NOTES[kind],
                }
            ],
            "version": 1,
            "_deadline_at": now + ACK_DEADLINE_S[severity] / self._speed,
        }
        if about:
            escalation["_about"] = about
            self.raised_for.add(about)
        self._records.put("escalation", escalation)
        self._open.add(escalation["id"])
        self._records.emit("escalation.raised", public(escalation))
        return escalation

    def step(self, escalation: dict, action: str, state: str, now: float, actor: str, note: str = "", **fields) -> None:
        escalation.update(state=state, **fields)
        escalation["timeline"].append(
            {"at": utc_iso(now), "actor": actor, "action": action, "state": state, "note": note}
        )
        escalation["version"] += 1
        if state != "open":
            self._open.discard(escalation["id"])
        self._records.put("escalation", escalation)
        self._records.emit("escalation.updated", public(escalation))

    def raise_severity(self, escalation: dict, severity: str, now: float, note: str, **location) -> None:
        """The same escalation, graver: its deadline to acknowledge starts again at the new grade's
        (an open one), and it shows where it is now (`location`: lon, lat)."""
        escalation["severity"] = severity
        if location.get("lon") is not None:
            escalation["location"] = {"lon": location["lon"], "lat": location["lat"]}
        if escalation["state"] == "open":
            escalation["_deadline_at"] = now + ACK_DEADLINE_S[severity] / self._speed
            escalation["ack_deadline"] = utc_iso(escalation["_deadline_at"])
        self.step(escalation, "severity_raised", escalation["state"], now, "system", note)

    def note(self, escalation: dict, action: str, now: float, actor: str, note: str) -> None:
        """A step on the timeline that changes nothing else."""
        self.step(escalation, action, escalation["state"], now, actor, note)

    def tick(self, now: float) -> None:
        for escalation_id in sorted(self._open):
            escalation = self._records.get("escalation", escalation_id)
            if now >= escalation["_deadline_at"]:
                self.step(
                    escalation,
                    "auto_escalated",
                    "escalated",
                    now,
                    "system",
                    "未在时限内签收，自动上报指挥长",
                    escalated_to="supervisor",
                )
