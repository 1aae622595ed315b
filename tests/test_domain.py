"""Decoders accept what the contract says and refuse everything else with a reason."""

import pytest

from console.domain import (
    DecodeError,
    TeamStatus,
    decode_team,
    decode_team_position,
    decode_team_status,
)

TEAM = {
    "id": "T0001",
    "name": "执行一组",
    "court_id": "C510104",
    "members": ["王伟"],
    "vehicle": "川A·12345警",
    "status": "en_route",
    "status_since": "2024-11-27T03:00:00.000Z",
    "position": {"lon": 104.1, "lat": 30.6, "heading": 90.0, "speed_kmh": 40.0, "at": "2024-11-27T03:01:00Z"},
    "version": 3,
}


def test_a_well_formed_team_decodes():
    team = decode_team("b1", TEAM)
    assert (team.backend, team.id, team.status, team.lon, team.version) == (
        "b1",
        "T0001",
        TeamStatus.EN_ROUTE,
        104.1,
        3,
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
        decode_team("b1", {**TEAM, **change})


@pytest.mark.parametrize("record", [None, [], "x", 3, {}, {"team_id": "T1"}])
def test_events_of_the_wrong_shape_are_refused(record):
    with pytest.raises(DecodeError):
        decode_team_position(record)
    with pytest.raises(DecodeError):
        decode_team_status(record)
