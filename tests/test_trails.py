"""A team's trail keeps a sample every step and its newest fix, for a window of time, in fixed memory."""

from __future__ import annotations

import numpy as np

from console.trails import TeamTrails


def test_the_newest_fix_is_the_tip_and_stays_once_a_step_past_the_sample_before():
    trails = TeamTrails(1, window_s=100.0, step_s=10.0)
    trails.push([0], [0.0], [0.0], [0.0])
    trails.push([0], [1.0], [1.0], [4.0])
    trails.push([0], [2.0], [2.0], [8.0])  # 8 s after the first: it replaces the tip
    assert trails.lengths()[0] == 2
    x, _ = trails.polyline()
    assert list(x[~np.isnan(x)]) == [0.0, 2.0] and np.isnan(x[-1])
    trails.push([0], [3.0], [3.0], [12.0])  # the tip at 8 s is under a step past 0 s: replaced
    trails.push([0], [4.0], [4.0], [13.0])  # now 12 s stays, 13 s is the new tip
    x, _ = trails.polyline()
    assert list(x[~np.isnan(x)]) == [0.0, 3.0, 4.0]


def test_a_late_fix_is_ignored_and_old_samples_leave_the_window():
    trails = TeamTrails(2, window_s=100.0, step_s=10.0)
    for second in range(0, 400, 10):
        trails.push([0], [float(second)], [0.0], [float(second)])
    trails.push([0], [-1.0], [0.0], [50.0])  # older than the tip
    x, _ = trails.polyline()
    drawn = x[~np.isnan(x)]
    assert drawn.max() == 390.0 and drawn.min() >= 390.0 - 100.0
    assert trails.lengths()[1] == 0  # a team with no fix has no trail


def test_a_far_view_keeps_every_nth_sample_and_leaves_out_trails_far_away():
    trails = TeamTrails(2, window_s=100.0, step_s=10.0)
    for second in range(0, 110, 10):
        trails.push([0, 1], [0.001 * second, 50.0], [0.0, 50.0], [float(second)] * 2)
    x, _ = trails.polyline()
    assert np.count_nonzero(~np.isnan(x)) == 2 * 11
    x, _ = trails.polyline(stride=3)
    assert np.count_nonzero(~np.isnan(x)) == 2 * 5  # samples 2, 5, 8, and the two newest
    x, y = trails.polyline(within=(-1.0, -1.0, 1.0, 1.0))
    assert np.nanmax(y) == 0.0  # the second team, at (50, 50), is out of reach


def test_a_new_snapshot_keeps_the_trails_of_the_teams_it_still_holds():
    trails = TeamTrails(2, window_s=100.0, step_s=10.0)
    for second in (0.0, 20.0, 40.0):
        trails.push([0, 1], [second, -second], [0.0, 0.0], [second, second])
    trails.resize(3, keep=np.array([1, -1, 0]))
    assert list(trails.lengths()) == [3, 0, 3]
    assert trails.x[0, -1] == -40.0 and trails.x[2, -1] == 40.0
