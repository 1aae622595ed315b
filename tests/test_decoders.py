"""Decoders accept what the contract says and refuse everything else with a reason."""

from __future__ import annotations

import pytest

from console.case_detail import decode_credit, decode_disposals
from console.casework import decode_approval, decode_measure, decode_query_result
from console.domain import (
    DecodeError,
    TeamStatus,
    decode_team,
    decode_team_position,
    decode_team_status,
)
from tests.support.records import RESULT, TEAM


def test_a_well_formed_team_decodes_with_where_it_was():
    team, position = decode_team(TEAM)
    assert (team.id, team.status, team.version, position.team_id, position.lon) == (
        "T1",
        TeamStatus.STANDBY,
        1,
        "T1",
        104.0,
    )


@pytest.mark.parametrize(
    "change",
    [
        {"status": "teleporting"},
        {"status": None},
        {"version": -1},
        {"version": True},
        {"members": "王伟"},
        {"name": ""},
        {"name": "x" * 5000},
        {"status_since": "yesterday"},
        {"status_since": "2024-11-27T03:00:00"},
        {"position": {"lon": "104", "lat": 30.6, "heading": 0, "speed_kmh": 0, "at": "2024-11-27T03:01:00Z"}},
        {"position": {"lon": 400, "lat": 30.6, "heading": 0, "speed_kmh": 0, "at": "2024-11-27T03:01:00Z"}},
        {"position": {"lon": float("nan"), "lat": 30.6, "heading": 0, "speed_kmh": 0, "at": "2024-11-27T03:01:00Z"}},
        {"position": None},
    ],
)
def test_a_malformed_team_is_refused(change):
    with pytest.raises(DecodeError):
        decode_team({**TEAM, **change})


@pytest.mark.parametrize("record", [None, [], "x", 3, {}, {"team_id": "T1"}])
def test_events_of_the_wrong_shape_are_refused(record):
    with pytest.raises(DecodeError):
        decode_team_position(record)
    with pytest.raises(DecodeError):
        decode_team_status(record)


def test_a_hit_says_what_its_asset_takes_and_a_backend_before_1_2_is_read_as_it_was():
    house = RESULT | {
        "finding": {
            "kind": "property",
            "asset": "real_estate",
            "description": "房产一处",
            "value": None,
            "measures": ["seal_up"],
        }
    }
    decoded = decode_query_result(house)
    assert (decoded.asset, decoded.takes, decoded.value) == ("real_estate", ("seal_up",), None)
    older = decode_query_result(RESULT | {"finding": {"kind": "account", "description": "账户", "value": 5.0}})
    assert (older.asset, older.takes, older.value) == ("", ("freeze", "deduct"), 5.0)


MEASURE = {
    "id": "F1",
    "kind": "seal_up",
    "asset": "real_estate",
    "query_id": "Q1",
    "result_id": "R001",
    "case_id": "K1",
    "institution": "不动产登记中心",
    "amount": None,
    "done_amount": None,
    "reason": "",
    "state": "done",
    "expires_at": "2029-12-03T00:00:00Z",
    "requested_by": "operator",
    "approval_id": None,
    "created_at": "2026-12-03T00:00:00Z",
    "updated_at": "2026-12-03T00:00:00Z",
    "history": [],
    "version": 2,
}


def test_a_seal_up_has_no_amount_and_holds_until_it_lapses():
    sealed = decode_measure(MEASURE)
    assert sealed.amount is None and sealed.holding
    lapsed = decode_measure(MEASURE | {"state": "lapsed"})
    assert not lapsed.holding
    with pytest.raises(DecodeError):
        decode_measure(MEASURE | {"kind": "confiscate"})


def test_a_team_says_its_members_roles_and_a_backend_before_1_3_says_none():
    members = ["王伟", "李娜", "张强"]
    crew = [{"name": m, "role": r} for m, r in zip(members, ("judge", "clerk", "bailiff"), strict=True)]
    team, _ = decode_team({**TEAM, "members": members, "crew": crew})
    assert team.roles == ("judge", "clerk", "bailiff") and team.has_bailiff is True
    without, _ = decode_team({**TEAM, "members": members[:2], "crew": crew[:2]})
    assert without.has_bailiff is False
    older, _ = decode_team(TEAM)
    assert older.roles == () and older.has_bailiff is None
    with pytest.raises(DecodeError):
        decode_team({**TEAM, "crew": "法警"})
    odd, _ = decode_team({**TEAM, "crew": [{"name": "王伟", "role": ["bailiff"]}]})
    assert odd.roles == ("",) and odd.has_bailiff is False  # a role it cannot read: none known


def test_an_approval_of_a_coercion_is_about_its_person_though_the_institution_is_null():
    record = {
        "id": "A1",
        "kind": "detention",
        "subject_type": "case",
        "subject_id": "K1",
        "case_id": "K1",
        "details": {
            "amount": None,
            "institution": None,
            "person": "张某",
            "days": 5,
            "reason": "抗拒执行",
            "emergency": True,
        },
        "state": "pending",
        "requested_by": "operator",
        "requested_at": "2026-12-03T02:00:00Z",
        "decided_by": None,
        "decided_at": None,
        "note": "",
        "version": 1,
    }
    approval = decode_approval(record)
    assert (approval.subject, approval.days, approval.emergency) == ("张某", 5, True)


def test_a_case_detail_reads_its_credit_orders_and_refuses_an_unknown_kind():
    order = {
        "id": "1",
        "kind": "dishonest",
        "ground": "breaks_reporting",
        "source": "art. 1(4)",
        "extra_years": 0,
        "state": "in_force",
        "ordered_at": "2026-12-01T02:00:00Z",
        "ordered_by": "court:C510104",
        "note": "",
        "expires_at": "2028-12-01T02:00:00Z",
        "publication": "published",
        "published_at": "2026-12-02T02:00:00Z",
        "agencies": [{"agency": "中国民用航空局", "state": "sent", "answered_at": None}],
        "ended_at": None,
        "ended_by": None,
        "end_reason": None,
    }
    (decoded,) = decode_credit({"credit": [order]})
    assert (decoded.ground, decoded.publication, decoded.agencies) == (
        "breaks_reporting",
        "published",
        (("中国民用航空局", None),),
    )
    assert decode_credit({}) is None  # a backend before 1.3
    with pytest.raises(DecodeError):
        decode_credit({"credit": [order | {"kind": "blacklist"}]})


def test_a_disposal_is_read_with_its_rounds_and_refused_in_an_unknown_state():
    disposal = {
        "id": "1",
        "asset": "real_estate",
        "item": "住宅一套",
        "method": "appraisal",
        "value": 100000.0,
        "report": "川评字〔2026〕118号",
        "state": "unsold_once",
        "proceeds": None,
        "next_least_reserve": 64000.0,
        "rounds": [
            {"kind": "first_auction", "reserve": 80000.0, "price": None, "at": "2026-12-02T02:00:00Z", "by": "op"}
        ],
        "history": [{"state": "valued", "at": "2026-12-01T02:00:00Z", "by": "op", "note": ""}],
    }
    (decoded,) = decode_disposals({"disposals": [disposal]})
    assert (decoded.next_least_reserve, decoded.rounds[0].price, decoded.ended) == (64000.0, None, False)
    assert decode_disposals({}) is None  # a backend before 1.4
    with pytest.raises(DecodeError):
        decode_disposals({"disposals": [disposal | {"state": "auctioned"}]})
    with pytest.raises(DecodeError):
        decode_disposals({"disposals": [disposal | {"rounds": [{"kind": "lottery"}]}]})
