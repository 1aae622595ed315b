"""What an operator may do with an escalation, as the backend's rules have it (DOMAIN.md): the
console disables what would be refused and says why; the backend still decides (its 403, 409 and
412 are shown when the UI is bypassed or another operator was faster)."""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import StrEnum

from console.commands import Action
from console.domain import Court, Escalation, EscalationState

ESCALATION_ACTIONS = (Action.ACKNOWLEDGE, Action.ESCALATE, Action.RESOLVE)


class Refusal(StrEnum):
    READ_ONLY = "read_only"
    NOT_SIGNED_IN = "not_signed_in"  # no role heard from its backend yet
    RESOLVED = "resolved"
    OWNED_BY_ANOTHER = "owned_by_another"
    FOR_SUPERVISORS = "for_supervisors"
    FOR_THE_COURT_ABOVE = "for_the_court_above"
    ALREADY_YOURS = "already_yours"
    NOT_YOURS = "not_yours"
    PENDING = "pending"


def escalation_refusal(
    action: Action,
    escalation: Escalation,
    user: str,
    role: str,
    permissions: tuple[str, ...],
    pending: bool,
    above_its_court: bool,
) -> Refusal | None:
    """Why `user` (of `role`, granted `permissions` by the backend, at a court above the
    escalation's or not) cannot take `action` on `escalation` now, or None when they can."""
    if not role:
        return Refusal.NOT_SIGNED_IN
    if "escalation.handle" not in permissions:
        return Refusal.READ_ONLY
    if escalation.state == EscalationState.RESOLVED:
        return Refusal.RESOLVED
    if pending:
        return Refusal.PENDING
    if escalation.owner is not None and escalation.owner != user:
        return Refusal.OWNED_BY_ANOTHER
    if action is Action.ACKNOWLEDGE and escalation.owner == user:
        return Refusal.ALREADY_YOURS
    # Sent on, it waits for a supervisor, of a court above when sent there; nobody else takes it,
    # sends it on again or resolves it.
    if escalation.state == EscalationState.ESCALATED and escalation.owner != user:
        if "escalation.take" not in permissions:
            return Refusal.FOR_SUPERVISORS
        if escalation.escalated_to == "court_above" and not above_its_court:
            return Refusal.FOR_THE_COURT_ABOVE
    if action is Action.RESOLVE and escalation.owner != user:
        return Refusal.NOT_YOURS
    return None


def is_above(court_of: Callable[[str], Court | None], court_id: str, user_court: str) -> bool:
    """Whether `user_court` is above `court_id` (its parent, or higher), as `court_of` knows the courts."""
    seen = {court_id}
    court = court_of(court_id)
    while court is not None and court.parent_id is not None and court.parent_id not in seen:
        if court.parent_id == user_court:
            return True
        seen.add(court.parent_id)
        court = court_of(court.parent_id)
    return False


def waits_on(
    escalation: Escalation, user: str, role: str, permissions: tuple[str, ...], pending: bool, above_its_court: bool
) -> bool:
    """Whether `escalation` waits on this user: theirs to take (unowned, at their level) or theirs already."""
    refusal = escalation_refusal(Action.ACKNOWLEDGE, escalation, user, role, permissions, pending, above_its_court)
    return refusal is None or refusal is Refusal.ALREADY_YOURS


def urgency(escalation: Escalation) -> tuple[str, float, str]:
    """The order of work: the highest severity first, then the nearest deadline (one already
    acknowledged has none left to meet: after those of its severity that still have)."""
    deadline = escalation.ack_deadline if escalation.owner is None else math.inf
    return escalation.severity.value, deadline, escalation.id
