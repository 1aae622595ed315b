"""Disposal of property under control (财产处置): its value found by 询价 or 评估, never taken from
the registry, then sold in a 网络司法拍卖, a second one after a failed first, then sold off (变卖)
or taken by the applicant in payment (以物抵债). A case document keeps its items in `disposals`.

The rules (《最高人民法院关于人民法院网络司法拍卖若干问题的规定》, 法释〔2016〕18号; 《关于人民法院民
事执行中拍卖、变卖财产的规定》, 法释〔2004〕16号, amended 2020):

- **Value**: 当事人议价, 定向询价, 网络询价 or 委托评估 (法释〔2018〕15号 art. 2), recorded with its
  report; the first auction's reserve (起拍价) is at least 70% of it (法释〔2016〕18号 art. 10).
- **Second auction**: after a failed first, its reserve at most 20% below the first's (art. 26).
- **After two failures**: sold off on the same platform at no less than the second reserve
  (变卖, art. 27), or, at any failed auction, taken by the applicant at that auction's reserve
  (以物抵债, 法释〔2004〕16号 art. 16). A failed sale ends the disposal (the property is released).
- **Proceeds**: a sale's price goes into the case account up to what the case still owes (the
  rest goes back to the respondent); property taken in payment realises its price without money.

States: `valued` → `unsold_once` → `unsold_twice` → `sold` (at auction), `sold_off` (变卖),
`taken_in_kind` (以物抵债) or `not_sold` (a failed 变卖).
"""

from __future__ import annotations

import random

from court_backend import funds
from court_backend.clock import utc_iso

PROPERTY = ("real_estate", "vehicle", "ship", "equity")  # the assets a court values and sells
METHODS = ("negotiation", "directed_inquiry", "online_inquiry", "appraisal")  # 议价, 定向询价, 网络询价, 评估
FIRST_RESERVE_SHARE = 0.7  # of the value, at least (art. 10)
SECOND_RESERVE_SHARE = 0.8  # of the first reserve, at least (art. 26)
# round → the states it may follow
ROUND_AFTER = {
    "first_auction": ("valued",),
    "second_auction": ("unsold_once",),
    "sale": ("unsold_twice",),
    "in_kind": ("unsold_once", "unsold_twice"),
}
# (round, sold) → the state it leaves
STATE_AFTER = {
    ("first_auction", True): "sold",
    ("first_auction", False): "unsold_once",
    ("second_auction", True): "sold",
    ("second_auction", False): "unsold_twice",
    ("sale", True): "sold_off",
    ("sale", False): "not_sold",
    ("in_kind", True): "taken_in_kind",
}
ENDED = ("sold", "sold_off", "taken_in_kind", "not_sold")
# what the simulation sells: (asset, the respondent's type) → the items
ITEMS = {
    ("real_estate", "person"): ("住宅一套", "商铺一间", "车位一个"),
    ("real_estate", "company"): ("厂房一处", "办公楼一层", "商铺一间"),
    ("vehicle", "person"): ("小型轿车一辆", "越野车一辆"),
    ("vehicle", "company"): ("重型货车一辆", "小型轿车一辆", "轻型货车一辆"),
}
SOURCE = {"first_auction": "拍卖价款", "second_auction": "拍卖价款", "sale": "变卖价款"}


def find(doc: dict, disposal_id: str) -> dict | None:
    return next((d for d in doc.get("disposals", ()) if d["id"] == disposal_id), None)


def value(doc: dict, asset: str, item: str, method: str, amount: float, report: str, at: float, by: str) -> dict:
    """An item valued: the start of its disposal."""
    entries = doc.setdefault("disposals", [])
    entry = {
        "id": str(len(entries) + 1),
        "asset": asset,
        "item": item,
        "method": method,
        "value": amount,
        "report": report,
        "state": "valued",
        "rounds": [],
        "history": [{"state": "valued", "at": at, "by": by, "note": report}],
    }
    entries.append(entry)
    return entry


def least_reserve(entry: dict, kind: str) -> float:
    """The lowest reserve (or price, for a sale) the round may have; a taking in payment is at the
    last failed auction's reserve exactly."""
    if kind == "first_auction":
        return round(entry["value"] * FIRST_RESERVE_SHARE, 2)
    last = entry["rounds"][-1]["reserve"]
    return round(last * SECOND_RESERVE_SHARE, 2) if kind == "second_auction" else last


def record_round(
    doc: dict, entry: dict, kind: str, reserve: float, price: float | None, at: float, by: str, note: str
) -> None:
    """One round of the disposal: sold at `price`, or not sold (None). The proceeds are realised on
    the case up to what it owes: as money received, or, taken in payment, without money."""
    state = STATE_AFTER[kind, price is not None]
    entry["rounds"].append({"kind": kind, "reserve": reserve, "price": price, "at": at, "by": by})
    entry["state"] = state
    entry["history"].append({"state": state, "at": at, "by": by, "note": note})
    if price is None:
        return
    entry["proceeds"] = proceeds = min(price, funds.outstanding(doc))
    if proceeds <= 0:
        return
    if kind == "in_kind":
        funds.realise_in_kind(doc, proceeds)
    else:
        funds.receive(doc, proceeds, at, by, SOURCE[kind])


def taken_in_kind(doc: dict) -> float:
    """What property taken in payment realised on the case (money the ledger never saw)."""
    return round(sum(d["proceeds"] for d in doc.get("disposals", ()) if d["state"] == "taken_in_kind"), 2)


def plan_on_path(doc: dict, node: str, plan: list[str], at: float, rng: random.Random) -> None:
    """The simulation's valuation (at an `appraisal` or `price_inquiry` node) of the property its
    path goes on to sell: the rounds the rest of the path holds (`online_auction`, then `sale` or
    `settlement_in_kind`) are drawn now, backwards from the price, so that each keeps the rules;
    a case completed by the sale sells for more than it owes, any other for a part of it."""
    rounds = [n for n in plan if n in ("online_auction", "sale", "settlement_in_kind")]
    owed = funds.outstanding(doc)
    price = round(owed * (rng.uniform(1.0, 1.3) if "completed" in plan else rng.uniform(0.2, 0.9)), 2)
    kinds = ["first_auction", "second_auction"][: rounds.count("online_auction")]
    last = {"sale": "sale", "settlement_in_kind": "in_kind"}.get(rounds[-1]) if rounds else None
    kinds += [last] if last else []
    reserves = [price if last == "in_kind" else round(price / rng.uniform(1.0, 1.15), 2)]
    auctions = kinds.count("first_auction") + kinds.count("second_auction")
    while len(reserves) < auctions:  # each earlier auction's reserve, up to 25% above the next
        reserves.insert(0, round(reserves[0] / rng.uniform(SECOND_RESERVE_SHARE, 0.95), 2))
    worth = round(reserves[0] / rng.uniform(FIRST_RESERVE_SHARE, 1.0), 2)
    method = "appraisal" if node == "appraisal" else rng.choice(METHODS[:3])
    asset = "real_estate" if "seal_up" in (v["node"] for v in doc["history"]) else "vehicle"
    things = ITEMS[asset, doc["respondent"]["type"]]
    item = f"{doc['respondent']['name']}名下{rng.choice(things)}"
    report = f"{doc['number']}{'评' if method == 'appraisal' else '询'}字第1号"
    entry = value(doc, asset, item, method, worth, report, at, doc["officer"])
    last_index = len(kinds) - 1
    entry["_rounds"] = [
        (kind, reserves[min(index, len(reserves) - 1)], price if index == last_index else None)
        for index, kind in enumerate(kinds)
    ]


def round_on_path(doc: dict, at: float) -> None:
    """The next of the rounds `plan_on_path` drew, as the case's path reaches it."""
    entry = next((d for d in doc.get("disposals", ()) if d.get("_rounds")), None)
    if entry is not None:
        kind, reserve, price = entry["_rounds"].pop(0)
        record_round(doc, entry, kind, reserve, price, at, doc["officer"], "")


def realised_on_path(doc: dict) -> bool:
    return any(d["state"] in ENDED for d in doc.get("disposals", ()))


def present(doc: dict) -> list[dict]:
    return [
        {
            "id": d["id"],
            "asset": d["asset"],
            "item": d["item"],
            "method": d["method"],
            "value": d["value"],
            "report": d["report"],
            "state": d["state"],
            "proceeds": d.get("proceeds"),
            "next_least_reserve": _next_least(d),
            "rounds": [
                {"kind": r["kind"], "reserve": r["reserve"], "price": r["price"], "at": utc_iso(r["at"]), "by": r["by"]}
                for r in d["rounds"]
            ],
            "history": [
                {"state": h["state"], "at": utc_iso(h["at"]), "by": h["by"], "note": h["note"]} for h in d["history"]
            ],
        }
        for d in doc.get("disposals", ())
    ]


def _next_least(entry: dict) -> float | None:
    """The least reserve of the next auction, or a sale's least price; None when the disposal ended."""
    if entry["state"] in ENDED:
        return None
    kind = {"valued": "first_auction", "unsold_once": "second_auction", "unsold_twice": "sale"}[entry["state"]]
    return least_reserve(entry, kind)
