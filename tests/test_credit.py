"""Credit punishment, as any client sees it: a respondent listed as dishonest on a ground of
法释〔2017〕7号 art. 1 for its term (two years, more for aggravating grounds; none for one able but
refusing), published and answered by the agencies that punish jointly, off the list when the term
ends; restrictions on high consumption and on leaving the country; removal for a reason of
art. 10, never "performed" while money is owed; never on a property-preservation case; and every
case's flags say exactly what is in force."""

from __future__ import annotations

import pytest

from tests.support.backends import at, every_case, open_enforcement_cases, owing

SPEED = 100_000  # the fast book's
DAY_S = 86_400 / SPEED


@pytest.fixture(scope="module")
def stepped_backend(fast_book):
    return fast_book


def bound_for_termination(backend) -> dict:
    """An open case on its way to 终本 (restricted, or at its closing review), not listed: its
    listing outlives the case, in the 终本 pool, until its term ends."""
    for case in open_enforcement_cases(backend):
        on_its_way = case["node"] in ("consumption_restriction", "closing_review") and owing(case)
        if on_its_way and "dishonest" not in case["flags"]:
            return case
    raise AssertionError("no case on its way to 终本")


def unlisted(backend) -> dict:
    """An open enforcement case that owes, with nothing frozen, no credit order in force and none
    made by an operator (another test's)."""
    for case in open_enforcement_cases(backend):
        detail = backend.get(f"cases/{case['id']}")
        owing = detail["amount_sought"] > detail["amount_realised"]
        by_hand = any(not c["ordered_by"].startswith("court:") for c in detail["credit"])  # another test's
        in_force = any(c["state"] == "in_force" for c in detail["credit"])
        free = detail["status"] == "open" and owing and not in_force and not by_hand
        if free and not backend.get("measures", case_id=case["id"])["items"]:
            return detail
    raise AssertionError("no open case to list")


def test_a_preservation_case_is_never_punished_and_every_flag_is_an_order_in_force(stepped_backend):
    cases = every_case(stepped_backend)
    preservation = next(c for c in cases if c["kind"] == "preservation" and c["status"] == "open")
    refused = stepped_backend.command(f"cases/{preservation['id']}/credit", {"kind": "consumption_restriction"})
    assert refused.status_code == 409 and refused.json()["type"].endswith(":not-for-preservation"), refused.text
    flagged = {"dishonest": "dishonest", "consumption_restricted": "consumption_restriction"}
    seen = 0
    for case in cases:
        detail = stepped_backend.get(f"cases/{case['id']}")
        held = {c["kind"] for c in detail["credit"] if c["state"] == "in_force"}
        for flag, kind in flagged.items():
            assert (flag in detail["flags"]) == (kind in held), detail["number"]
        if case["kind"] == "preservation":
            assert not detail["credit"], detail["number"]
        if detail["node"] == "completed" or (detail["node"] == "archived" and detail["termination"] is None):
            assert not held, detail["number"]  # performed, settled or ended: off the list, restrictions lifted
        seen += bool(detail["credit"])
    assert seen  # the book's own orders (a fresh book: before the other tests' years go by)


def test_what_the_list_refuses_and_a_removal_for_its_reason(stepped_backend):
    case = unlisted(stepped_backend)
    path = f"cases/{case['id']}/credit"
    for body, problem in (
        ({"kind": "dishonest"}, "ground-required"),
        ({"kind": "dishonest", "ground": "able_but_refuses", "extra_years": 1}, "extension-not-allowed"),
        ({"kind": "exit_restriction", "ground": "obstructs"}, "ground-not-for-restriction"),
    ):
        refused = stepped_backend.command(path, body)
        assert refused.status_code == 422 and refused.json()["type"].endswith(f":{problem}"), refused.text
    assert stepped_backend.command(path, {"kind": "exit_restriction"}, username="observer").status_code == 403

    listed = stepped_backend.command(path, {"kind": "dishonest", "ground": "able_but_refuses", "note": "有车不交"})
    assert listed.status_code == 201, listed.text
    order = next(c for c in listed.json()["credit"] if c["kind"] == "dishonest" and c["state"] == "in_force")
    assert order["expires_at"] is None  # until it performs
    restricted = stepped_backend.command(path, {"kind": "exit_restriction"})
    assert restricted.status_code == 201 and "exit_restricted" in restricted.json()["flags"], restricted.text
    exit_order = next(c for c in restricted.json()["credit"] if c["kind"] == "exit_restriction")
    assert [a["agency"] for a in exit_order["agencies"]] == ["国家移民管理局"] and exit_order["publication"] is None

    removal = f"{path}/{order['id']}/removal"
    not_yet = stepped_backend.command(removal, {"reason": "performed"})
    assert not_yet.status_code == 409 and not_yet.json()["outstanding"] > 0, not_yet.text
    removed = stepped_backend.command(removal, {"reason": "applicant_request", "note": "申请执行人书面申请删除"})
    assert removed.status_code == 200, removed.text
    off = next(c for c in removed.json()["credit"] if c["id"] == order["id"])
    assert (off["state"], off["end_reason"], off["ended_by"]) == ("removed", "applicant_request", "operator")
    assert "dishonest" not in removed.json()["flags"] and "exit_restricted" in removed.json()["flags"]
    assert stepped_backend.command(removal, {"reason": "applicant_request"}).status_code == 409
    trail = [e["action"] for e in stepped_backend.get("audit", case_id=case["id"])["items"]]
    assert trail.count("order_credit") == 2 and "remove_credit" in trail


def test_a_listing_has_its_ground_and_term_is_published_answered_and_ends_with_its_term(stepped_backend):
    case = bound_for_termination(stepped_backend)
    path = f"cases/{case['id']}/credit"
    listed = stepped_backend.command(path, {"kind": "dishonest", "ground": "obstructs", "extra_years": 1})
    assert listed.status_code == 201, listed.text
    order = next(c for c in listed.json()["credit"] if c["kind"] == "dishonest" and c["state"] == "in_force")
    assert (order["ground"], order["source"], order["ordered_by"]) == ("obstructs", "art. 1(2)", "operator")
    assert at(order["expires_at"]) - at(order["ordered_at"]) == pytest.approx(3 * 365 * DAY_S, abs=0.01)
    assert order["publication"] == "publishing" and {a["state"] for a in order["agencies"]} == {"sent"}
    assert "dishonest" in listed.json()["flags"]
    again = stepped_backend.command(path, {"kind": "dishonest", "ground": "evades"})
    assert again.status_code == 409 and again.json()["credit_id"] == order["id"], again.text

    def answered() -> dict | None:
        now = next(c for c in stepped_backend.get(f"cases/{case['id']}")["credit"] if c["id"] == order["id"])
        return now if now["publication"] == "published" and all(a["answered_at"] for a in now["agencies"]) else None

    published = stepped_backend.step_until(answered, every_s=DAY_S, at_most_s=14 * DAY_S)
    assert at(published["published_at"]) - at(order["ordered_at"]) <= 3 * DAY_S + 0.01
    assert "中国人民银行征信中心" in {a["agency"] for a in published["agencies"]}

    def expired() -> dict | None:
        detail = stepped_backend.get(f"cases/{case['id']}")
        now = next(c for c in detail["credit"] if c["id"] == order["id"])
        return detail if now["state"] == "expired" else None

    ended = stepped_backend.step_until(expired, every_s=60, at_most_s=3 * 365 * DAY_S + 120)
    gone = next(c for c in ended["credit"] if c["id"] == order["id"])
    assert gone["end_reason"] == "term_ended" and at(gone["ended_at"]) >= at(order["expires_at"])
    assert "dishonest" not in ended["flags"] or any(
        c["kind"] == "dishonest" and c["state"] == "in_force" for c in ended["credit"]
    )
