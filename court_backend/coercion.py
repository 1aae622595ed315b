"""Coercion in law (民事诉讼法: 拘传、罚款、拘留必须经院长批准): what an operator asks for, how a
president decides it, and what a decision sets going. A case document keeps its coercions in
`coercions`, each with its own steps.

- **Asked, then decided.** An operator asks for a 拘传, a fine or a detention with its grounds and
  the act it punishes; a president decides. On the spot, in an emergency (哄闹、冲击、以暴力威胁
  抗拒执行), a detention is made at once and the president's approval is completed after (补办);
  a president who finds it improper releases the person (民诉法解释 art. 181: 院长认为拘留不当的，
  应当解除拘留).
- **A decision** (决定书) for a fine or a detention has its own number, a 司惩 case of the court
  (（2026）川0104司惩3号). A detention or a 拘传 is carried out by a team with judicial police
  (送拘: 由司法警察将被拘留人送公安机关看管).
- **The family** of a detained person is told within 24 hours of the detention (民诉法解释 art.
  180): from the decision carried out (the person taken into custody), or at once on the spot.
- **Review** (复议): the person may apply to the court above once, within 3 days of the decision;
  it decides within 5 days, and the decision is carried out meanwhile (民诉法 art. 116 of 2017, 119
  since 2021; 民诉法解释 art. 185).
- **One act, punished once**: a second fine or a second detention for the same act is refused;
  a fine and a detention for one act may go together (民诉法解释 art. 183, 184).

Times are kept as epoch seconds; the limits run on the simulation's clock (`speed`), as the
measures' terms do.
"""

from __future__ import annotations

from court_backend.clock import utc_iso

HOUR_S = 3600.0
DAY_S = 86_400.0
FAMILY_NOTICE_HOURS = 24
REVIEW_APPLY_DAYS = 3
REVIEW_DECIDE_DAYS = 5
NOTICE_WARNING_HOURS = 6  # the notice not yet given this long before its limit: the centre is warned
NUMBERED = frozenset({"detention", "fine"})  # decided by 决定书, in a 司惩 case
CARRIED_OUT = frozenset({"detention", "compel"})  # by a team with judicial police
TASK_KIND = {"detention": "detain", "compel": "compel"}
LIVE = ("requested", "emergency", "decided")  # what still punishes (or will) the act


def act_key(act: str) -> str:
    """The act as compared for `punished_before`: case and spacing do not make another act."""
    return " ".join(act.split()).casefold()


def punished_before(doc: dict, kind: str, person: str, act: str) -> dict | None:
    """The coercion of `kind` that already punishes (or is asked to punish) `person` for `act`."""
    return next(
        (
            c
            for c in doc.get("coercions", ())
            if c["kind"] == kind and c["person"] == person and act_key(c["act"]) == act_key(act) and c["state"] in LIVE
        ),
        None,
    )


def find(doc: dict, coercion_id: str) -> dict | None:
    return next((c for c in doc.get("coercions", ()) if c["id"] == coercion_id), None)


def ask(doc: dict, kind: str, details: dict, emergency: bool, at: float, by: str) -> dict:
    """A new coercion on the case: asked for, or (an emergency detention) already carried out."""
    coercions = doc.setdefault("coercions", [])
    state = "emergency" if emergency else "requested"
    coercion = {
        "id": str(len(coercions) + 1),
        "kind": kind,
        "person": details["person"],
        "act": details["act"],
        "reason": details["reason"],
        "days": details.get("days"),
        "amount": details.get("amount"),
        "emergency": emergency,
        "state": state,
        "requested_by": by,
        "requested_at": at,
        "approval_id": None,
        "decided_by": None,
        "decided_at": None,
        "decision_number": None,
        "task_id": None,
        "carried_out": False,
        "detained_at": at if emergency else None,
        "family_notified_at": None,
        "family_notice_note": "",
        "review": None,
        "history": [_step(state, at, by, details["reason"])],
    }
    coercions.append(coercion)
    return coercion


def decide(coercion: dict, approve: bool, number: str | None, at: float, by: str, note: str) -> None:
    """A president's decision: a 决定书 (numbered for a fine or a detention), or refused; refused
    after an emergency detention, the person is released."""
    if approve:
        state = "decided"
        coercion["decision_number"] = number
    else:
        state = "released" if coercion["state"] == "emergency" else "rejected"
    coercion.update(state=state, decided_by=by, decided_at=at)
    coercion["history"].append(_step(state, at, by, note))


def escorted(coercion: dict, task: dict, at: float) -> None:
    """The task carrying it out is over: done (a detained person is in custody from then, and the
    family is to be told), or failed or cancelled (another team is sent)."""
    if task["state"] == "done":
        if coercion["kind"] == "detention" and coercion["detained_at"] is None:
            coercion["detained_at"] = at
        coercion["history"].append(_step("carried_out", at, task["team_id"], task["id"]))
        coercion["carried_out"] = True
    else:
        coercion["task_id"] = None
        coercion["history"].append(_step("escort_" + task["state"], at, task["team_id"], task["id"]))


def notify_family(coercion: dict, at: float, by: str, note: str) -> None:
    coercion["family_notified_at"], coercion["family_notice_note"] = at, note
    coercion["history"].append(_step("family_notified", at, by, note))


def apply_for_review(coercion: dict, at: float, by: str, note: str, speed: float) -> None:
    coercion["review"] = {
        "state": "requested",
        "requested_at": at,
        "requested_by": by,
        "decide_by": at + REVIEW_DECIDE_DAYS * DAY_S / speed,
        "decided_at": None,
        "decided_by": None,
        "number": None,
        "note": note,
    }
    coercion["history"].append(_step("review_requested", at, by, note))


def decide_review(coercion: dict, uphold: bool, number: str, at: float, by: str, note: str) -> None:
    """The court above's decision on review: upheld, or revoked (the person released, the fine not
    owed)."""
    coercion["review"].update(state="upheld" if uphold else "revoked", decided_at=at, decided_by=by, number=number)
    coercion["history"].append(_step("review_upheld" if uphold else "review_revoked", at, by, note))
    if not uphold:
        coercion["state"] = "revoked"


def family_notice_due(coercion: dict, speed: float) -> float | None:
    """When the family of a detained person must be told by; None when there is no one to tell of."""
    if coercion["kind"] != "detention" or coercion["detained_at"] is None or coercion["state"] not in LIVE:
        return None
    return coercion["detained_at"] + FAMILY_NOTICE_HOURS * HOUR_S / speed


def review_open_until(coercion: dict, speed: float) -> float | None:
    """Until when the person may apply for review: 3 days from the decision; None when it cannot be."""
    if coercion["state"] != "decided" or coercion["kind"] not in NUMBERED or coercion["review"] is not None:
        return None
    return coercion["decided_at"] + REVIEW_APPLY_DAYS * DAY_S / speed


def present(doc: dict, now: float, speed: float) -> list[dict]:
    """The case's coercions as the API shows them, with when the family is to be told by."""
    shown = []
    for c in doc.get("coercions", ()):
        due = family_notice_due(c, speed)
        review = c["review"]
        shown.append(
            {
                **{key: c[key] for key in ("id", "kind", "person", "act", "reason", "days", "amount", "emergency")},
                **{key: c[key] for key in ("state", "requested_by", "approval_id", "decided_by", "decision_number")},
                "requested_at": utc_iso(c["requested_at"]),
                "decided_at": _iso(c["decided_at"]),
                "task_id": c["task_id"],
                "carried_out": c.get("carried_out", False),
                "detained_at": _iso(c["detained_at"]),
                "family_notice_due": _iso(due),
                "family_notified_at": _iso(c["family_notified_at"]),
                "family_notice_overdue": due is not None and c["family_notified_at"] is None and now > due,
                "review_open_until": _iso(review_open_until(c, speed)),
                "review": None
                if review is None
                else {
                    **{key: review[key] for key in ("state", "requested_by", "decided_by", "number", "note")},
                    **{key: _iso(review[key]) for key in ("requested_at", "decide_by", "decided_at")},
                },
                "history": [
                    {"state": s["state"], "at": utc_iso(s["at"]), "by": s["by"], "note": s["note"]}
                    for s in c["history"]
                ],
            }
        )
    return shown


def _step(state: str, at: float, by: str, note: str) -> dict:
    return {"state": state, "at": at, "by": by, "note": note}


def _iso(at: float | None) -> str | None:
    return None if at is None else utc_iso(at)
