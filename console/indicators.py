"""The indicators of 基本解决执行难 per court (API 1.5): the counts each rate is made of, decoded
strictly, kept whole from each court's `indicator.updated` (1.6), added up over a jurisdiction (an
intermediate court and the basic courts below it; the province), and ranked among the courts of a
level."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from console.decoding import MAX_ID_LENGTH, DecodeError, listed, number, required, text, timestamp

COUNTS = (
    "filed",
    "closed",
    "enforced",
    "enforced_in_limit",
    "terminated_for_now",
    "terminated_qualified",
    "complaints",
    "complaints_concluded",
    "sought",
    "realised",
)
# rate → (numerator, denominator): as the backend makes them (`court_backend.indicators`)
RATES = {
    "closed_in_limit": ("enforced_in_limit", "enforced"),
    "termination_qualified": ("terminated_qualified", "terminated_for_now"),
    "complaints_concluded": ("complaints_concluded", "complaints"),
    "overall_closure": ("closed", "filed"),
    "actual_enforcement": ("enforced", "closed"),
    "realisation": ("realised", "sought"),
}
MAX_COUNT = 2**53


@dataclass(frozen=True, slots=True)
class Indicators:
    computed_at: float
    since: float
    targets: dict[str, float]  # by rate; the four assessed ones
    counts: dict[str, dict[str, float]]  # court id → its counts (COUNTS)


@dataclass(frozen=True, slots=True)
class CourtUpdate:
    """One court's indicators counted again (`indicator.updated`)."""

    court_id: str
    counts: dict[str, float]
    computed_at: float
    since: float
    targets: dict[str, float]

    def applied_to(self, held: Indicators | None) -> Indicators:
        counts = {} if held is None else held.counts
        return Indicators(self.computed_at, self.since, self.targets, {**counts, self.court_id: self.counts})


def _targets(record: dict) -> dict[str, float]:
    targets = required(record, "targets")
    if not isinstance(targets, dict):
        raise DecodeError("'targets' must be an object")
    return {name: number(targets, name, 0.0, 1.0) for name in targets if name in RATES}


def _counts(court: object) -> tuple[str, dict[str, float]]:
    if not isinstance(court, dict):
        raise DecodeError("a court's indicators must be an object")
    return text(court, "court_id", MAX_ID_LENGTH), {name: number(court, name, 0, MAX_COUNT) for name in COUNTS}


def decode_indicators(record: dict) -> Indicators:
    return Indicators(
        computed_at=timestamp(record, "computed_at"),
        since=timestamp(record, "since"),
        targets=_targets(record),
        counts=dict(_counts(court) for court in listed(record, "courts", 10_000)),
    )


def decode_court_update(record: dict) -> CourtUpdate:
    court_id, counts = _counts(record)
    return CourtUpdate(court_id, counts, timestamp(record, "computed_at"), timestamp(record, "since"), _targets(record))


def add_up(counts: Iterable[dict[str, float]]) -> dict[str, float]:
    """A jurisdiction's counts: its courts' added up."""
    total = dict.fromkeys(COUNTS, 0.0)
    for court in counts:
        for name in COUNTS:
            total[name] += court[name]
    return total


def rate(counts: dict[str, float], name: str) -> float | None:
    part, whole = RATES[name]
    return counts[part] / counts[whole] if counts[whole] else None


def ranks(values: dict[str, float | None]) -> dict[str, int]:
    """Each court's place by its value, the highest first (a tie shares the place); courts with
    nothing counted have none."""
    ordered = sorted((value for value in values.values() if value is not None), reverse=True)
    return {court: ordered.index(value) + 1 for court, value in values.items() if value is not None}
