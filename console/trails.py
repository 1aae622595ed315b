"""Where each team has been lately: its recent fixes in fixed-size numpy buffers, one row per team.

A fix arrives with every position event, far more often than a trail needs: the newest fix is kept
as the trail's tip and is overwritten by the next one until it lies `step_s` after the sample before
it, when it stays and the next fix opens a new tip. A row holds `window_s` worth of samples, so the
memory is fixed whatever the event rate. Each row is kept oldest sample first, newest last (a ring
buffer that rotates its row by one when a sample stays, at most once every `step_s` a team): the
whole fleet's trails then come out as one NaN-separated polyline without reordering at each draw.
"""

from __future__ import annotations

import numpy as np

WINDOW_S = 30 * 60.0
STEP_S = 20.0


class TeamTrails:
    def __init__(self, teams: int = 0, window_s: float = WINDOW_S, step_s: float = STEP_S) -> None:
        self.window_s = window_s
        self.step_s = step_s
        self.capacity = int(window_s / step_s) + 2  # the samples of a window, and the tip
        self.x = self.y = self.t = np.zeros((0, self.capacity))
        self.resize(teams)

    def resize(self, teams: int, keep: np.ndarray | None = None) -> None:
        """Makes room for `teams` rows; `keep[new_row]` names the old row whose trail it inherits (-1: none)."""
        shape = (teams, self.capacity)
        x, y, t = np.full(shape, np.nan), np.full(shape, np.nan), np.full(shape, -np.inf)
        if keep is not None and len(keep):
            new_rows = np.flatnonzero(keep >= 0)
            old_rows = keep[new_rows]
            x[new_rows], y[new_rows], t[new_rows] = self.x[old_rows], self.y[old_rows], self.t[old_rows]
        self.x, self.y, self.t = x, y, t

    def __len__(self) -> int:
        return len(self.t)

    def push(self, rows: np.ndarray, x, y, t) -> None:
        """Adds one fix for each of `rows` (distinct rows); a fix no newer than a row's tip is ignored."""
        rows = np.asarray(rows, dtype=np.int64)
        x, y, t = (np.asarray(a, dtype=float) for a in (x, y, t))
        newer = t > self.t[rows, -1]
        rows, x, y, t = rows[newer], x[newer], y[newer], t[newer]
        tip_t, before_tip_t = self.t[rows, -1], self.t[rows, -2]
        # The tip stays once it is a step past the sample before it, or when it is the first sample.
        with np.errstate(invalid="ignore"):  # -inf - -inf: no sample yet
            stays = np.isfinite(tip_t) & (~np.isfinite(before_tip_t) | (tip_t - before_tip_t >= self.step_s))
        rotated = rows[stays]
        for values in (self.x, self.y, self.t):
            values[rotated, :-1] = values[rotated, 1:]
        self.x[rows, -1], self.y[rows, -1], self.t[rows, -1] = x, y, t

    def _recent(self, t: np.ndarray, newest: np.ndarray) -> np.ndarray:
        return np.isfinite(t) & (t >= newest[:, None] - self.window_s)

    def lengths(self) -> np.ndarray:
        """How many samples of each row's trail lie within the window of its newest fix."""
        return np.count_nonzero(self._recent(self.t, self.t[:, -1]), axis=1)

    def polyline(
        self, stride: int = 1, within: tuple[float, float, float, float] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Every trail of two samples or more as one x, y pair of arrays, trails separated by NaN.

        `stride` keeps every n-th sample (the tip always) for a far view; `within` (x0, y0, x1, y1)
        leaves out the trails whose tip lies farther than a window's drive outside it."""
        rows = np.arange(len(self.t))
        if within is not None:
            x0, y0, x1, y1 = within
            tip_x, tip_y = self.x[:, -1], self.y[:, -1]
            reach = 0.5  # map units: farther than half an hour's drive on a town's roads
            rows = np.flatnonzero(
                (tip_x >= x0 - reach) & (tip_x <= x1 + reach) & (tip_y >= y0 - reach) & (tip_y <= y1 + reach)
            )
        # Every n-th sample back from the tip, and the one before the tip: a young trail shows too.
        columns = np.union1d(np.arange(self.capacity - 1, -1, -stride), [self.capacity - 2])
        recent = self._recent(self.t[np.ix_(rows, columns)], self.t[rows, -1])
        drawn = np.count_nonzero(recent, axis=1) >= 2
        rows, recent = rows[drawn], recent[drawn]
        x = np.where(recent, self.x[np.ix_(rows, columns)], np.nan)
        y = np.where(recent, self.y[np.ix_(rows, columns)], np.nan)
        gap = np.full((len(rows), 1), np.nan)
        return np.hstack((x, gap)).ravel(), np.hstack((y, gap)).ravel()
