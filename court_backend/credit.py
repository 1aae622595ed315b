"""Credit punishment (信用惩戒) of an enforcement case's respondent: the list of dishonest judgment
debtors (失信被执行人名单), the restriction on high consumption (限制高消费) and the restriction on
leaving the country (限制出境). A case document keeps its orders in `credit`; the case's flags say
which are in force.

- **The list** (《最高人民法院关于公布失信被执行人名单信息的若干规定》, 法释〔2017〕7号): a respondent
  who has not performed is listed on one of the grounds of art. 1; for grounds (2) to (6) for two
  years, one to three more where it resisted by violence or threats, or did several such things
  (art. 2); for ground (1), able but refusing, until it performs. Not while property already
  under control covers the debt (art. 3(2)). Published through the Supreme People's Court's list
  within three working days (art. 6), and sent to the agencies that punish jointly (联合惩戒).
  Removed when the respondent performs, settles and performs, the applicant asks, or the case
  ends otherwise (art. 10); lapses at the end of its term.
- **The restrictions** (法释〔2015〕17号 on 限制消费; 民事诉讼法 on 限制出境) hold until removed,
  and are sent to the agencies that carry them out.
- Never on a property-preservation (执保) case, which carries out its ruling only.

Times are epoch seconds; the agencies' answers and publication are drawn when the order is made
and shown as they fall due, on the simulation's clock (`speed`).
"""

from __future__ import annotations

import random

from court_backend.catalogue import DAY_S
from court_backend.clock import utc_iso

FLAG = {
    "dishonest": "dishonest",
    "consumption_restriction": "consumption_restricted",
    "exit_restriction": "exit_restricted",
}
# The node of the case's path that each order is (and the 终本 gate's act that it meets).
NODE = {
    "dishonest": "dishonest_listing",
    "consumption_restriction": "consumption_restriction",
    "exit_restriction": "exit_restriction",
}
KIND_OF_NODE = {node: kind for kind, node in NODE.items()}
# 法释〔2017〕7号 art. 1: the grounds of the list.
GROUNDS = {
    "able_but_refuses": "art. 1(1)",  # 有履行能力而拒不履行
    "obstructs": "art. 1(2)",  # 以伪造证据、暴力、威胁等方法妨碍、抗拒执行
    "evades": "art. 1(3)",  # 以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行
    "breaks_reporting": "art. 1(4)",  # 违反财产报告制度
    "breaks_consumption_order": "art. 1(5)",  # 违反限制消费令
    "breaks_settlement": "art. 1(6)",  # 无正当理由拒不履行执行和解协议
}
TERM_YEARS = 2  # art. 2: grounds (2) to (6)
PUBLISH_WITHIN_DAYS = 3  # art. 6: three working days
AGENCIES = {
    "dishonest": ("中国人民银行征信中心", "国家发展改革委（信用中国）", "中国国家铁路集团", "中国民用航空局"),
    "consumption_restriction": ("中国国家铁路集团", "中国民用航空局"),
    "exit_restriction": ("国家移民管理局",),
}


def in_force(doc: dict, kind: str) -> dict | None:
    return next((c for c in doc.get("credit", ()) if c["kind"] == kind and c["state"] == "in_force"), None)


def find(doc: dict, credit_id: str) -> dict | None:
    return next((c for c in doc.get("credit", ()) if c["id"] == credit_id), None)


def default_ground(doc: dict, kind: str) -> str | None:
    """The ground a listing is made on when none is named: not reporting its property when the
    respondent did not, else able but refusing (art. 1(4), 1(1)); none for a restriction."""
    if kind != "dishonest":
        return None
    reported = any(visit["node"] == "asset_declaration" for visit in doc["history"])
    return "able_but_refuses" if reported else "breaks_reporting"


def term_years(ground: str | None, extra_years: int) -> int | None:
    """How long a listing lasts: none for ground (1) (until the respondent performs)."""
    return None if ground in (None, "able_but_refuses") else TERM_YEARS + extra_years


def order(
    doc: dict, kind: str, ground: str | None, extra_years: int, at: float, by: str, note: str, speed: float
) -> dict:
    """A new order in force on the case: published (the list) and answered by its agencies in a
    few days, each drawn now from the case and the order (the simulation's other numbers stay as
    they were)."""
    entries = doc.setdefault("credit", [])
    years = term_years(ground, extra_years) if kind == "dishonest" else None
    draw = random.Random(f"{doc['id']}:{len(entries)}:{kind}")
    published = at + draw.uniform(0.2, PUBLISH_WITHIN_DAYS) * DAY_S / speed if kind == "dishonest" else None
    answers_from = published if published is not None else at
    entry = {
        "id": str(len(entries) + 1),
        "kind": kind,
        "ground": ground if kind == "dishonest" else None,
        "extra_years": extra_years if kind == "dishonest" else 0,
        "state": "in_force",
        "ordered_at": at,
        "ordered_by": by,
        "note": note,
        "expires_at": None if years is None else at + years * 365 * DAY_S / speed,
        "published_at": published,
        "agencies": [
            {"agency": agency, "answered_at": answers_from + draw.uniform(0.5, 10) * DAY_S / speed}
            for agency in AGENCIES[kind]
        ],
        "ended_at": None,
        "ended_by": None,
        "end_reason": None,
    }
    entries.append(entry)
    doc["flags"] = sorted(set(doc["flags"]) | {FLAG[kind]})
    return entry


def end(doc: dict, entry: dict, state: str, reason: str, at: float, by: str) -> None:
    """Removed (for `reason`) or expired: the flag goes unless another order of its kind holds."""
    entry.update(state=state, ended_at=at, ended_by=by, end_reason=reason)
    if in_force(doc, entry["kind"]) is None:
        doc["flags"] = [flag for flag in doc["flags"] if flag != FLAG[entry["kind"]]]


def end_all(doc: dict, reason: str, at: float, by: str) -> None:
    for entry in [c for c in doc.get("credit", ()) if c["state"] == "in_force"]:
        end(doc, entry, "removed", reason, at, by)


def present(doc: dict, now: float) -> list[dict]:
    """The case's orders as the API shows them: publication and each agency's answer once due."""
    shown = []
    for c in doc.get("credit", ()):
        published = c["published_at"]
        shown.append(
            {
                **{key: c[key] for key in ("id", "kind", "ground", "extra_years", "state", "ordered_by", "note")},
                "source": GROUNDS[c["ground"]] if c["ground"] else None,
                "ordered_at": utc_iso(c["ordered_at"]),
                "expires_at": _iso(c["expires_at"]),
                "publication": None if published is None else ("published" if now >= published else "publishing"),
                "published_at": _iso(published) if published is not None and now >= published else None,
                "agencies": [
                    {
                        "agency": a["agency"],
                        "state": "acknowledged" if now >= a["answered_at"] else "sent",
                        "answered_at": utc_iso(a["answered_at"]) if now >= a["answered_at"] else None,
                    }
                    for a in c["agencies"]
                ],
                "ended_at": _iso(c["ended_at"]),
                "ended_by": c["ended_by"],
                "end_reason": c["end_reason"],
            }
        )
    return shown


def _iso(at: float | None) -> str | None:
    return None if at is None else utc_iso(at)
