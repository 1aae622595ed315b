"""The link's state machine, transition by transition, and the backoff policy: pure decisions, no
network. (The link itself, against real and hostile backends, is in the test_sync_* modules.)"""

from __future__ import annotations

import time
from dataclasses import replace
from email.utils import formatdate

import pytest
import requests

from console.api import ApiError, AuthFailed, EventsGone, _retry_after
from console.session import Backoff
from console.sync import Follow, Phase, SignInRefused, StreamInconsistent, after_failure, new_round, resume

LIVE = Follow(phase=Phase.STREAM, signed_in=True, need_snapshot=False)


@pytest.mark.parametrize(
    ("follow", "phase"),
    [
        (Follow(), Phase.SIGN_IN),
        (Follow(signed_in=True), Phase.SNAPSHOT),
        (Follow(signed_in=True, need_snapshot=False), Phase.STREAM),
    ],
)
def test_a_round_starts_at_the_first_step_not_yet_done(follow, phase):
    assert resume(follow) is phase


def test_a_new_round_forgets_what_the_last_one_obtained():
    follow = new_round(Follow(signed_in=True, fresh_token=True, fresh_snapshot=True, detail="x", asked_s=3.0))
    assert (follow.phase, follow.fresh_token, follow.fresh_snapshot, follow.detail, follow.asked_s) == (
        Phase.SNAPSHOT,
        False,
        False,
        "",
        None,
    )


def test_refused_credentials_end_the_link():
    follow = after_failure(Follow(), SignInRefused("HTTP 401: wrong password"))
    assert follow.phase is Phase.DONE and "wrong password" in follow.detail


def test_an_expired_token_signs_in_again_at_once_without_counting_a_failure():
    follow = after_failure(LIVE, AuthFailed("HTTP 401: expired", 401))
    assert (follow.phase, follow.signed_in, follow.failures) == (Phase.SIGN_IN, False, 0)


def test_a_token_refused_just_after_it_was_issued_is_waited_out():
    follow = after_failure(Follow(phase=Phase.SNAPSHOT, signed_in=True, fresh_token=True), AuthFailed("401", 401))
    assert (follow.phase, follow.signed_in, follow.failures) == (Phase.WAIT, False, 1)
    assert "just issued" in follow.detail


def test_events_gone_take_a_fresh_snapshot_at_once_unless_the_snapshot_is_fresh():
    again = after_failure(LIVE, EventsGone("HTTP 410", 410))
    assert (again.phase, again.need_snapshot, again.failures) == (Phase.SNAPSHOT, True, 0)
    fresh = after_failure(replace(LIVE, fresh_snapshot=True), EventsGone("HTTP 410", 410))
    assert (fresh.phase, fresh.need_snapshot, fresh.failures) == (Phase.WAIT, True, 1)


def test_a_stream_that_goes_back_waits_then_takes_a_fresh_snapshot():
    follow = after_failure(LIVE, StreamInconsistent("event #3 came after #9"))
    assert (follow.phase, follow.need_snapshot) == (Phase.WAIT, True)
    assert resume(new_round(follow)) is Phase.SNAPSHOT


def test_a_busy_backend_is_waited_out_as_long_as_it_asks():
    follow = after_failure(LIVE, ApiError("HTTP 503: busy", 503, retry_after_s=40.0))
    assert (follow.phase, follow.asked_s) == (Phase.WAIT, 40.0)


@pytest.mark.parametrize("error", [requests.ConnectionError("refused"), OSError("reset"), KeyError("defect")])
def test_any_other_failure_is_waited_out_and_counted(error):
    follow = after_failure(Follow(phase=Phase.STREAM, signed_in=True, failures=2), error)
    assert (follow.phase, follow.failures) == (Phase.WAIT, 3)


def test_a_stream_that_delivered_starts_the_count_afresh():
    follow = after_failure(Follow(phase=Phase.STREAM, signed_in=True, failures=7, delivered=True), OSError("reset"))
    assert (follow.failures, follow.delivered) == (1, False)


def test_the_backoff_doubles_its_cap_up_to_a_limit_with_full_jitter():
    backoff = Backoff(base_s=0.5, cap_s=30.0)
    assert [backoff.next_delay(n, 0.999999) for n in (1, 2, 3, 4)] == pytest.approx([0.5, 1.0, 2.0, 4.0], rel=1e-5)
    assert backoff.next_delay(20, 0.999999) == pytest.approx(30.0, rel=1e-5)
    assert backoff.next_delay(3, 0.0) == 0.0


def test_the_backoff_waits_as_long_as_a_busy_backend_asks_within_reason():
    backoff = Backoff(retry_after_cap_s=300.0)
    assert backoff.next_delay(1, 0.0, asked_s=40.0) == 40.0
    assert backoff.next_delay(1, 0.0, asked_s=86_400.0) == 300.0


def test_a_backend_that_keeps_failing_shows_offline():
    backoff = Backoff(offline_after=5)
    assert not backoff.offline(5) and backoff.offline(6)


@pytest.mark.parametrize(
    ("header", "low", "high"),
    [("7", 7, 7), ("in a while", None, None), ("9999999", 86400, 86400), ("date+30", 25, 30), ("date-30", 0, 0)],
)
def test_retry_after_is_taken_in_seconds_or_as_an_http_date(header, low, high):
    response = requests.Response()
    if header.startswith("date"):
        header = formatdate(time.time() + int(header.removeprefix("date")), usegmt=True)
    response.headers["Retry-After"] = header
    seconds = _retry_after(response)
    assert (seconds is None) if low is None else (low <= seconds <= high)
