"""专项执行行动 (API 1.5): time-boxed campaigns over some courts, each court with its targets
(cases closed, money realised, respondents listed as dishonest) and what it has done; decoded
strictly, kept whole from each court's `campaign.progress` (1.6), added up over the courts, and
judged against the share of the campaign's time gone."""

from __future__ import annotations

from dataclasses import dataclass, replace

from console.decoding import MAX_ID_LENGTH, DecodeError, integer, listed, number, required, text, timestamp

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


@dataclass(frozen=True, slots=True)
class CourtProgress:
    """One court's part of a campaign counted again (`campaign.progress`), with the campaign's own
    fields (`id` is the campaign's)."""

    campaign: Campaign  # holding this court alone
    court: CampaignCourt

    def applied_to(self, held: Campaign | None) -> Campaign:
        if held is None:
            return self.campaign
        court_id = self.court.court_id
        courts = tuple(self.court if c.court_id == court_id else c for c in held.courts)
        if all(c.court_id != court_id for c in held.courts):
            courts += (self.court,)
        return replace(held, computed_at=self.campaign.computed_at, courts=courts)


def _court(record: object) -> CampaignCourt:
    if not isinstance(record, dict):
        raise DecodeError("a campaign's court must be an object")
    return CampaignCourt(text(record, "court_id", MAX_ID_LENGTH), _figures(record, "targets"), _figures(record, "done"))


def _campaign(record: dict, id_field: str, courts: tuple[CampaignCourt, ...]) -> Campaign:
    starts_at, ends_at = timestamp(record, "starts_at"), timestamp(record, "ends_at")
    if ends_at <= starts_at:
        raise DecodeError("a campaign must end after it starts")
    return Campaign(
        id=text(record, id_field, MAX_ID_LENGTH),
        kind=text(record, "kind", 64),
        name=text(record, "name", 200),
        starts_at=starts_at,
        ends_at=ends_at,
        computed_at=timestamp(record, "computed_at"),
        courts=courts,
    )


def decode_campaign(record: dict) -> Campaign:
    return _campaign(record, "id", tuple(_court(court) for court in listed(record, "courts", 10_000)))


def decode_court_progress(record: dict) -> CourtProgress:
    court = _court(record)
    return CourtProgress(_campaign(record, "campaign_id", (court,)), court)


def share(done: float, target: float) -> float | None:
    """How much of its target a figure reached; None for a target of nothing."""
    return done / target if target else None
