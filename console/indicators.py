"""The indicators of 基本解决执行难 per court (API 1.5): the counts each rate is made of, decoded
strictly, added up over a jurisdiction (an intermediate court and the basic courts below it; the
province), and ranked among the courts of a level."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from console.api import ApiError
from console.decoding import MAX_ID_LENGTH, DecodeError, listed, number, required, text, timestamp
from console.session import BackendSession

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


def decode_indicators(record: dict) -> Indicators:
    targets = required(record, "targets")
    if not isinstance(targets, dict):
        raise DecodeError("'targets' must be an object")
    counts = {}
    for court in listed(record, "courts", 10_000):
        if not isinstance(court, dict):
            raise DecodeError("'courts' must be objects")
        counts[text(court, "court_id", MAX_ID_LENGTH)] = {name: number(court, name, 0, MAX_COUNT) for name in COUNTS}
    return Indicators(
        computed_at=timestamp(record, "computed_at"),
        since=timestamp(record, "since"),
        targets={name: number(targets, name, 0.0, 1.0) for name in targets if name in RATES},
        counts=counts,
    )


def fetch_indicators(session: BackendSession) -> Indicators | None:
    """The backend's indicators, or None from one that has none (404). Blocks: call it on a worker."""
    record = session.call(lambda client: client.indicators())
    if record is None:
        return None
    try:
        return decode_indicators(record)
    except DecodeError as error:
        raise ApiError(f"indicators: the backend's answer breaks the contract: {error}") from None


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
