"""督办, as any client sees it: a supervisor of the high court orders a basic court to act on its
cases by a deadline; the basic court replies, the issuer returns the reply, then accepts the
next; bad orders are refused and change nothing; a court above that is not the one addressed
cannot reply for it; an order unanswered at its deadline is overdue and raises an escalation to
the court that issued it, which the court addressed does not see."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.support.backends import at, open_enforcement_cases

HOUR_S = 3600


def deadline(backend, hours: float) -> str:
    now = at(backend.get("warnings/counts")["at"])  # the stepped clock's now
    return datetime.fromtimestamp(now + hours * HOUR_S, UTC).isoformat()


def refused(answer, status: int, problem: str) -> None:
    assert answer.status_code == status and answer.json()["type"].endswith(":" + problem), answer.text


def a_basic_court_with_cases(backend) -> tuple[dict, list[dict]]:
    courts = {c["id"]: c for c in backend.get("courts", page_size=1000)["items"]}
    by_court: dict[str, list[dict]] = {}
    for case in open_enforcement_cases(backend):
        if courts[case["court_id"]]["level"] == "basic":
            by_court.setdefault(case["court_id"], []).append(case)
    court_id = max(by_court, key=lambda c: len(by_court[c]))
    return courts[court_id], by_court[court_id]


def test_an_order_is_replied_to_returned_replied_again_and_accepted(stepped_backend):
    court, cases = a_basic_court_with_cases(stepped_backend)
    courts = {c["id"]: c for c in stepped_backend.get("courts", page_size=1000)["items"]}
    sibling = next(c for c in courts.values() if c["parent_id"] == court["parent_id"] and c["id"] != court["id"])
    stepped_backend.add_user("basic_op", "operator", court["id"])
    stepped_backend.add_user("parent_op", "operator", court["parent_id"])
    stepped_backend.add_user("sibling_sup", "supervisor", sibling["id"])
    body = {
        "court_id": court["id"],
        "case_ids": [cases[0]["id"], cases[1]["id"]],
        "requirement": "十日内完成财产调查并报告",
        "deadline": deadline(stepped_backend, 240),
    }
    before = len(stepped_backend.get("supervision-orders", username="supervisor")["items"])
    refused(
        stepped_backend.command(
            "supervision-orders", {**body, "deadline": deadline(stepped_backend, -1)}, username="supervisor"
        ),
        422,
        "deadline-passed",
    )
    other = next(c for c in open_enforcement_cases(stepped_backend) if c["court_id"] != court["id"])
    refused(
        stepped_backend.command("supervision-orders", {**body, "case_ids": [other["id"]]}, username="supervisor"),
        422,
        "case-of-another-court",
    )
    refused(stepped_backend.command("supervision-orders", body, username="sibling_sup"), 403, "not-a-court-below")
    refused(stepped_backend.command("supervision-orders", body), 403, "forbidden")  # an operator issues none
    assert len(stepped_backend.get("supervision-orders", username="supervisor")["items"]) == before  # nothing changed

    issued = stepped_backend.command("supervision-orders", body, username="supervisor")
    assert issued.status_code == 201, issued.text
    order = issued.json()
    assert order["state"] == "issued" and order["number"].startswith("（") and "川执督" in order["number"]
    assert order["case_ids"] == body["case_ids"] and order["case_id"] == cases[0]["id"]
    path = f"supervision-orders/{order['id']}"
    assert order["id"] in {
        o["id"] for o in stepped_backend.get("supervision-orders", username="basic_op", court_id=court["id"])["items"]
    }
    assert order["id"] not in {
        o["id"] for o in stepped_backend.get("supervision-orders", username="sibling_sup")["items"]
    }

    refused(
        stepped_backend.command(f"{path}/reply", {"note": "已办"}, username="parent_op", version=1),
        403,
        "not-the-addressed-court",
    )
    refused(
        stepped_backend.command(f"{path}/acceptance", {"note": "同意"}, username="supervisor", version=1),
        409,
        "not-replied",
    )
    replied = stepped_backend.command(f"{path}/reply", {"note": "已发出报告财产令"}, username="basic_op", version=1)
    assert replied.status_code == 200 and replied.json()["state"] == "replied", replied.text
    refused(
        stepped_backend.command(f"{path}/acceptance", {"note": "x"}, username="basic_op", version=2), 403, "forbidden"
    )
    returned = stepped_backend.command(
        f"{path}/return", {"note": "请补充网络查控结果"}, username="supervisor", version=2
    )
    assert returned.json()["state"] == "returned", returned.text
    again = stepped_backend.command(
        f"{path}/reply", {"note": "已完成网络查控，未发现财产"}, username="basic_op", version=3
    )
    accepted = stepped_backend.command(
        f"{path}/acceptance", {"note": "同意"}, username="supervisor", version=again.json()["version"]
    )
    final = accepted.json()
    assert [h["state"] for h in final["history"]] == ["issued", "replied", "returned", "replied", "accepted"]
    assert final["reply"] == "已完成网络查控，未发现财产" and final["closed_at"] and not final["overdue"]
    audited = stepped_backend.get("audit", case_id=cases[0]["id"])["items"]
    done = [e["action"] for e in audited if e["outcome"] == "done" and e["object_id"] == order["id"]]
    assert done == [
        "issue_supervision",
        "reply_supervision",
        "return_supervision",
        "reply_supervision",
        "accept_supervision",
    ]
    assert "not-the-addressed-court" in [e["outcome"] for e in audited]  # refused, on the case's trail


def test_an_order_unanswered_at_its_deadline_is_overdue_and_warns_the_court_that_issued_it(stepped_backend):
    court, cases = a_basic_court_with_cases(stepped_backend)
    stepped_backend.add_user("basic_op2", "operator", court["id"])
    body = {
        "court_id": court["id"],
        "case_ids": [cases[-1]["id"]],
        "requirement": "三日内回复",
        "deadline": deadline(stepped_backend, 1),
    }
    order = stepped_backend.command("supervision-orders", body, username="supervisor").json()
    stepped_backend.step(HOUR_S)
    stepped_backend.step(60)
    lapsed = stepped_backend.get(f"supervision-orders/{order['id']}", username="supervisor")
    assert lapsed["overdue"] and lapsed["state"] == "issued"
    raised = stepped_backend.get("escalations", username="supervisor", case_id=cases[-1]["id"])["items"]
    warned = [e for e in raised if e["kind"] == "supervision_overdue"]
    me = stepped_backend.get("me", username="supervisor")
    assert len(warned) == 1 and warned[0]["court_id"] == me["court_id"]
    seen_below = stepped_backend.get("escalations", username="basic_op2", case_id=cases[-1]["id"])["items"]
    assert not [e for e in seen_below if e["kind"] == "supervision_overdue"]  # the issuer's, not theirs
    found = stepped_backend.get("findings", username="supervisor", situation=19, case_id=cases[-1]["id"])["items"]
    assert [f["evidence"][0]["ref"] for f in found] == [order["number"]]  # situation 19, on the order
    late = stepped_backend.command(
        f"supervision-orders/{order['id']}/reply", {"note": "已办"}, username="basic_op2", version=lapsed["version"]
    )
    assert late.status_code == 200 and late.json()["overdue"]  # answered late: still counted late


def test_the_courts_above_supervise_seriously_overdue_cases_by_themselves(fast_book):
    courts = {c["id"]: c for c in fast_book.get("courts", page_size=1000)["items"]}

    def issued():
        orders = fast_book.get("supervision-orders", username="supervisor", page_size=1000)["items"]
        return [o for o in orders if o["issued_by"].startswith("court:")] or None

    orders = fast_book.step_until(issued, every_s=0.05, at_most_s=10)
    order = orders[0]
    issuer, addressed = courts[order["issuer_court_id"]], courts[order["court_id"]]
    assert order["issued_by"] == f"court:{issuer['id']}" and "执督" in order["number"]
    assert addressed["parent_id"] == issuer["id"] or issuer["parent_id"] is None  # from a court above
    case = fast_book.get(f"cases/{order['case_id']}")
    assert case["court_id"] == addressed["id"]
    if at(case["node_entered_at"]) < at(order["issued_at"]):  # still at the node it was supervised for
        assert at(case["warnings"]["seriously_overdue_at"]) <= at(order["issued_at"])

    def moved_on():
        now = fast_book.get(f"supervision-orders/{order['id']}", username="supervisor")
        return now if now["state"] == "accepted" or now["overdue"] else None

    final = fast_book.step_until(moved_on, every_s=0.5, at_most_s=60)
    states = [h["state"] for h in final["history"]]
    assert states[0] == "issued" and (final["state"] == "accepted" or final["overdue"]), states
    if final["overdue"]:
        raised = fast_book.get("escalations", username="supervisor", case_id=order["case_id"])["items"]
        assert any(e["kind"] == "supervision_overdue" and e["court_id"] == issuer["id"] for e in raised)
