"""What a backend publishes, in one table: the collections the store keeps, how each is snapshotted
and decoded, and which collection each event type updates.

Every other part of the console names a collection by `Collection`, never by a string: a typo fails
at import, not silently at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from console.campaigns import decode_court_progress
from console.casework import (
    decode_approval,
    decode_case,
    decode_kpis,
    decode_measure,
    decode_message,
    decode_query,
    decode_query_progress,
    decode_supervision_order,
    decode_task,
)
from console.domain import (
    decode_court,
    decode_escalation,
    decode_team,
    decode_team_position,
    decode_team_status,
)
from console.findings import decode_finding
from console.indicators import decode_court_update


class Collection(StrEnum):
    """The collections of objects the store keeps for each backend, keyed by (backend, id)."""

    COURTS = "courts"
    TEAMS = "teams"
    ESCALATIONS = "escalations"
    CASES = "cases"
    TASKS = "tasks"
    QUERIES = "queries"
    MEASURES = "measures"
    APPROVALS = "approvals"
    MESSAGES = "messages"
    SUPERVISION = "supervision"
    FINDINGS = "findings"


@dataclass(frozen=True)
class Listing:
    """How the console snapshots a collection: from which path, with which filters, decoded how,
    and whether it is part of the first sight (what a live centre needs first: the map's courts and
    teams, the escalations to handle) or of the case work loaded after it."""

    path: str
    decode: Callable[[dict], object]
    first_sight: bool
    filters: tuple[dict[str, str], ...] = ({},)  # one request each, their items together
    optional: bool = False  # a backend of an earlier minor version may not have it: none then


# The escalations still to be dealt with; resolved ones arrive as events from then on.
UNRESOLVED = tuple({"state": state} for state in ("open", "acknowledged", "escalated"))

LISTINGS: dict[Collection, Listing] = {
    Collection.COURTS: Listing("courts", decode_court, first_sight=True),
    Collection.TEAMS: Listing("teams", decode_team, first_sight=True),
    Collection.ESCALATIONS: Listing("escalations", decode_escalation, first_sight=True, filters=UNRESOLVED),
    Collection.TASKS: Listing("tasks", decode_task, first_sight=False),
    Collection.APPROVALS: Listing("approvals", decode_approval, first_sight=False),
    Collection.QUERIES: Listing("queries", decode_query, first_sight=False),
    Collection.MEASURES: Listing("measures", decode_measure, first_sight=False),
    Collection.CASES: Listing("cases", decode_case, first_sight=False),
    Collection.MESSAGES: Listing("messages", decode_message, first_sight=False),
    Collection.SUPERVISION: Listing("supervision-orders", decode_supervision_order, first_sight=False, optional=True),
    Collection.FINDINGS: Listing("findings", decode_finding, first_sight=False, optional=True),
}
FIRST_SIGHT = tuple(collection for collection, listing in LISTINGS.items() if listing.first_sight)
CASE_WORK = tuple(collection for collection, listing in LISTINGS.items() if not listing.first_sight)

# The objects that each command's answer, and each event, carry whole: decoded, they replace the
# older version the store holds.
DECODERS: dict[Collection, Callable[[dict], object]] = {
    Collection.ESCALATIONS: decode_escalation,
    Collection.CASES: decode_case,
    Collection.TASKS: decode_task,
    Collection.QUERIES: decode_query,
    Collection.MEASURES: decode_measure,
    Collection.APPROVALS: decode_approval,
    Collection.MESSAGES: decode_message,
    Collection.SUPERVISION: decode_supervision_order,
    Collection.FINDINGS: decode_finding,
}

# The event types this console understands, and how each payload is decoded. Other types are
# counted and passed over: a newer backend may publish more than this console knows.
EVENT_DECODERS: dict[str, Callable[[dict], object]] = {
    "team.position": decode_team_position,
    "team.status": decode_team_status,
    "team.message": decode_message,
    "escalation.raised": decode_escalation,
    "escalation.updated": decode_escalation,
    "case.node": decode_case,
    "case.updated": decode_case,
    "task.created": decode_task,
    "task.updated": decode_task,
    "query.created": decode_query,
    "query.progress": decode_query_progress,
    "measure.created": decode_measure,
    "measure.updated": decode_measure,
    "approval.requested": decode_approval,
    "approval.decided": decode_approval,
    "kpi.updated": decode_kpis,
    "indicator.updated": decode_court_update,
    "campaign.progress": decode_court_progress,
    "supervision.issued": decode_supervision_order,
    "supervision.updated": decode_supervision_order,
    "finding.raised": decode_finding,
    "finding.updated": decode_finding,
}
