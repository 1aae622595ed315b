"""Decoders accept what the contract says and refuse everything else with a reason."""

from __future__ import annotations

import pytest

from console.domain import (
    DecodeError,
    TeamStatus,
    decode_team,
    decode_team_position,
    decode_team_status,
)
from tests.support.records import TEAM


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
