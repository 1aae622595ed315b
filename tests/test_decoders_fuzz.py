"""Whatever a backend sends, the decoders either return a well-formed record or refuse it with a
DecodeError, and the stream parser never raises (hypothesis, 1,000+ examples each)."""

from __future__ import annotations

import contextlib
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.casework import decode_case, decode_query, decode_query_progress
from console.domain import (
    Court,
    DecodeError,
    Team,
    TeamPosition,
    TeamStatus,
    decode_court,
    decode_team,
    decode_team_position,
    decode_team_status,
)
from console.records import EVENT_DECODERS
from console.sse import OversizedEvent, SseEvent, SseParser
from tests.support.records import CASE, QUERY, RESULT, TEAM

FUZZ = settings(
    max_examples=1200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=30,
)
# Valid records with some fields replaced by anything at all: closer to what a buggy backend sends.
mutated_teams = st.builds(
    lambda changes: {**TEAM, **changes},
    st.dictionaries(st.sampled_from([*TEAM, "position"]), json_values, max_size=4),
)


def well_formed(record) -> bool:
    if isinstance(record, tuple):
        return all(well_formed(part) for part in record)
    if isinstance(record, Team):
        return isinstance(record.status, TeamStatus) and record.version >= 0
    if isinstance(record, TeamPosition):
        return -180 <= record.lon <= 180 and -90 <= record.lat <= 90 and math.isfinite(record.at)
    if isinstance(record, Court):
        return -180 <= record.lon <= 180 and record.version >= 0
    return True


@FUZZ
@given(json_values | mutated_teams)
def test_team_and_court_decoders_never_fail_otherwise(record):
    for decode in (decode_team, decode_court):
        with contextlib.suppress(DecodeError):
            assert well_formed(decode(record))


@FUZZ
@given(
    json_values
    | st.dictionaries(
        st.sampled_from(["team_id", "lon", "lat", "heading", "speed_kmh", "at", "status", "since", "version"]),
        json_values,
        max_size=9,
    )
)
def test_event_decoders_never_fail_otherwise(record):
    for decode in (*EVENT_DECODERS.values(), decode_team_position, decode_team_status):
        with contextlib.suppress(DecodeError):
            decode(record)


@FUZZ
@given(
    st.lists(
        st.binary(max_size=200) | st.sampled_from([b"\n", b"\r", b"\r\n", b"data: ", b"id: ", b":", b"event: x\n"]),
        max_size=30,
    )
)
def test_the_stream_parser_takes_any_bytes(chunks):
    parser = SseParser(max_event_bytes=256)
    for chunk in chunks:
        for item in parser.feed(chunk):
            assert isinstance(item, OversizedEvent) or (isinstance(item, SseEvent) and isinstance(item.data, str))


@FUZZ
@given(
    st.sampled_from(
        [
            (decode_case, CASE),
            (decode_query, QUERY),
            (
                decode_query_progress,
                {"query_id": "Q1", "case_id": "K1", "state": "running", "result": RESULT, "version": 2},
            ),
        ]
    ).flatmap(
        lambda pair: st.tuples(
            st.just(pair[0]),
            st.dictionaries(st.sampled_from([*pair[1], "location", "result"]), json_values, max_size=3).map(
                lambda changes, record=pair[1]: {**record, **changes}
            ),
        )
    )
)
def test_case_work_decoders_refuse_what_they_cannot_trust(decoder_and_record):
    decode, record = decoder_and_record
    try:
        decoded = decode(record)
    except DecodeError:
        return
    assert isinstance(decoded.version, int) and decoded.version >= 0
