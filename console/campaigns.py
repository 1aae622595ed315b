"""专项执行行动 (API 1.5): time-boxed campaigns over some courts, each court with its targets
(cases closed, money realised, respondents listed as dishonest) and what it has done; decoded
strictly, added up over the courts, and judged against the share of the campaign's time gone."""

from __future__ import annotations

from dataclasses import dataclass

from console.api import ApiError
from console.decoding import MAX_ID_LENGTH, DecodeError, integer, listed, number, required, text, timestamp
from console.session import BackendSession

MEASURES = ("closed", "realised", "listed")
MAX_YUAN = 1e13


@dataclass(frozen=True, slots=True)
class CampaignCourt:
    court_id: str
    targets: dict[str, float]  # by MEASURES
    done: dict[str, float]


@dataclass(frozen=True, slots=True)
class Campaign:
    id: str
    kind: str
    name: str
    starts_at: float
    ends_at: float
    computed_at: float
    courts: tuple[CampaignCourt, ...]

    def elapsed(self, now: float) -> float:
        """The share of its time gone at `now`: 0 before it starts, 1 once it has ended."""
        return min(1.0, max(0.0, (now - self.starts_at) / (self.ends_at - self.starts_at)))


def _figures(record: dict, name: str) -> dict[str, float]:
    figures = required(record, name)
    if not isinstance(figures, dict):
        raise DecodeError(f"{name!r} must be an object")
    return {
        "closed": integer(figures, "closed"),
        "realised": number(figures, "realised", 0.0, MAX_YUAN),
        "listed": integer(figures, "listed"),
    }


def decode_campaign(record: dict) -> Campaign:
    courts = []
    for court in listed(record, "courts", 10_000):
        if not isinstance(court, dict):
            raise DecodeError("'courts' must be objects")
        courts.append(
            CampaignCourt(text(court, "court_id", MAX_ID_LENGTH), _figures(court, "targets"), _figures(court, "done"))
        )
    starts_at, ends_at = timestamp(record, "starts_at"), timestamp(record, "ends_at")
    if ends_at <= starts_at:
        raise DecodeError("a campaign must end after it starts")
    return Campaign(
        id=text(record, "id", MAX_ID_LENGTH),
        kind=text(record, "kind", 64),
        name=text(record, "name", 200),
        starts_at=starts_at,
        ends_at=ends_at,
        computed_at=timestamp(record, "computed_at"),
        courts=tuple(courts),
    )


def fetch_campaigns(session: BackendSession) -> list[Campaign] | None:
    """The backend's campaigns, or None from one that has none (404). Blocks: call it on a worker."""
    record = session.call(lambda client: client.campaigns())
    if record is None:
        return None
    try:
        return [decode_campaign(item) for item in listed(record, "items")]
    except DecodeError as error:
        raise ApiError(f"campaigns: the backend's answer breaks the contract: {error}") from None


def share(done: float, target: float) -> float | None:
    """How much of its target a figure reached; None for a target of nothing."""
    return done / target if target else None
