"""What an operator may do with an escalation, as the backend's rules have it (DOMAIN.md): the
console disables what would be refused and says why; the backend still decides (its 403, 409 and
412 are shown when the UI is bypassed or another operator was faster)."""

from __future__ import annotations

from enum import StrEnum

from console.commands import Action
from console.domain import Escalation, EscalationState

ESCALATION_ACTIONS = (Action.ACKNOWLEDGE, Action.ESCALATE, Action.RESOLVE)


class Refusal(StrEnum):
    READ_ONLY = "read_only"
    NOT_SIGNED_IN = "not_signed_in"  # no role heard from its backend yet
    RESOLVED = "resolved"
    OWNED_BY_ANOTHER = "owned_by_another"
    FOR_SUPERVISORS = "for_supervisors"
    ALREADY_YOURS = "already_yours"
    NOT_YOURS = "not_yours"
    PENDING = "pending"


def escalation_refusal(
    action: Action, escalation: Escalation, user: str, role: str, permissions: tuple[str, ...], pending: bool
) -> Refusal | None:
    """Why `user` (of `role`, granted `permissions` by the backend) cannot take `action` on
    `escalation` now, or None when they can."""
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
    # Sent on, it waits for a supervisor (of a court above, when sent there: the backend knows the
    # courts and says so); nobody else takes it, sends it on again or resolves it.
    if (
        escalation.state == EscalationState.ESCALATED
        and escalation.owner != user
        and "escalation.take" not in permissions
    ):
        return Refusal.FOR_SUPERVISORS
    if action is Action.RESOLVE and escalation.owner != user:
        return Refusal.NOT_YOURS
    return None
