"""Need to know: parties' personal data is masked wherever cases are listed or shown, and revealed
only one party at a time, for a reason, to those who may, at most 30 times an hour, each reveal
(and each refusal) audited."""

from __future__ import annotations

import re

import requests

from court_backend.parties import REVEALS_PER_HOUR
from tests.support.backends import start_backend

MASKED_NUMBER = re.compile(r"^[0-9A-Z]{3}\*{11}[0-9A-Z]{4}$")
MASKED_PHONE = re.compile(r"^(1[0-9]{2}\*{4}[0-9]{4}|0[0-9]{2}-\*{4}[0-9]{4})$")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def reveal(backend, case_id: str, role: str, reason: str, username: str = "operator") -> requests.Response:
    return requests.post(
        backend.api(f"cases/{case_id}/parties/{role}/reveal"),
        json={"reason": reason},
        headers=backend.auth(username),
        timeout=10,
    )


def person_respondent(backend) -> dict:
    return next(c for c in backend.get("cases", page_size=200)["items"] if c["respondent"]["type"] == "person")


def test_lists_and_the_case_view_show_personal_data_masked(backend):
    cases = backend.get("cases", page_size=1000)["items"]
    detail = backend.get(f"cases/{cases[0]['id']}")
    for case in [*cases, detail]:
        for role in ("applicant", "respondent"):
            party = case[role]
            assert MASKED_NUMBER.match(party["id_number"]), party
            assert MASKED_PHONE.match(party["phone"]), party
            assert party["address"] == "四川省********"


def test_a_reveal_with_a_reason_shows_one_party_and_is_audited(backend):
    case = person_respondent(backend)
    answer = reveal(backend, case["id"], "respondent", "核实被执行人身份，准备拘传")
    assert answer.status_code == 200, answer.text
    party = answer.json()
    number = party["id_number"]
    assert len(number) == 18 and number[-4:] == case["respondent"]["id_number"][-4:]
    assert (
        "10X98765432"[sum(int(d) * w for d, w in zip(number[:17], WEIGHTS, strict=True)) % 11] == number[17]
    )  # GB 11643
    assert "*" not in party["phone"] + party["address"] and party["name"] == case["respondent"]["name"]
    assert "applicant" not in answer.text
    entries = backend.get("audit", username="supervisor", case_id=case["id"], page_size=1000)["items"]
    revealed = [e for e in entries if e["action"] == "reveal" and e["actor"] == "operator"]
    assert revealed[-1]["object_id"] == f"{case['id']}/respondent"
    assert revealed[-1]["request"] == {"reason": "核实被执行人身份，准备拘传"}


def test_an_observer_or_a_reveal_without_a_reason_is_refused_and_audited(backend):
    case = person_respondent(backend)
    by_observer = reveal(backend, case["id"], "respondent", "想看看", username="observer")
    assert by_observer.status_code == 403 and by_observer.json()["type"].endswith(":forbidden")
    without = reveal(backend, case["id"], "applicant", "  ")
    assert without.status_code == 422 and without.json()["type"].endswith(":reason-required")
    assert without.headers["content-type"] == "application/problem+json"
    path = f"/cases/{case['id']}/parties/respondent/reveal"
    entries = backend.get("audit", username="supervisor", page_size=1000, object_id=path)["items"]
    assert any(e["actor"] == "observer" and e["outcome"] == "forbidden" for e in entries)
    entries = backend.get("audit", username="supervisor", page_size=1000, actor="operator")["items"]
    assert any(e["outcome"] == "reason-required" and e["action"] == "party.reveal" for e in entries)


def test_reveals_are_limited_each_hour_then_refused_with_when_to_try_again(backend):
    backend.add_user("reveal.limit", "operator", "C510000")
    cases = backend.get("cases", page_size=REVEALS_PER_HOUR)["items"]
    for case in cases:
        assert reveal(backend, case["id"], "applicant", "批量核对", username="reveal.limit").status_code == 200
    refused = reveal(backend, cases[0]["id"], "respondent", "再看一个", username="reveal.limit")
    assert refused.status_code == 429 and refused.json()["type"].endswith(":reveal-limit")
    assert 3500 <= int(refused.headers["Retry-After"]) <= 3600
    entries = backend.get("audit", username="supervisor", actor="reveal.limit", page_size=1000)["items"]
    outcomes = [e["outcome"] for e in entries if e["action"] in ("reveal", "party.reveal")]
    assert outcomes == ["done"] * REVEALS_PER_HOUR + ["reveal-limit"]


def test_personal_data_cannot_be_worked_out_from_what_the_api_shows(backend):
    """The masks, and the reveal, come from a key the backend keeps: the same case on a twin
    backend (same seed, another key) has other personal data."""
    twin = start_backend()
    try:
        ours = backend.get("cases", page_size=5)["items"]
        theirs = twin.get("cases", page_size=5)["items"]
        assert [c["respondent"]["name"] for c in ours] == [c["respondent"]["name"] for c in theirs]
        assert [c["respondent"]["id_number"] for c in ours] != [c["respondent"]["id_number"] for c in theirs]
    finally:
        twin.process.close()
