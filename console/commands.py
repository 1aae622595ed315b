"""Operators' commands, typed: what is asked (`Action`), of which object (`Subject`), with what body.

A command is what an operator's key press becomes. It knows its subject and action, so that a
panel asks "is something on its way for this escalation?" of the commands by subject, and never
reads a path; the path a backend is sent is derived here, in one place, from the action's route.
A command's answer is the object it made or changed, which the store takes in as soon as it comes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Protocol
from urllib.parse import quote, unquote

from console.records import Collection


@dataclass(frozen=True)
class Subject:
    """What a command is about: an object of a collection, or a part of one (a hit of a query batch)."""

    kind: Collection
    id: str
    part: str | None = None


class Action(Enum):
    """Each command a backend takes: its route, the kind of object it is about, and the kind of
    object it answers with (which the store keeps)."""

    DISPATCH = ("tasks", Collection.CASES, Collection.TASKS)
    REASSIGN = ("tasks/{id}/reassign", Collection.TASKS, Collection.TASKS)
    MESSAGE = ("teams/{id}/messages", Collection.TEAMS, Collection.MESSAGES)
    ACKNOWLEDGE = ("escalations/{id}/acknowledge", Collection.ESCALATIONS, Collection.ESCALATIONS)
    ESCALATE = ("escalations/{id}/escalate", Collection.ESCALATIONS, Collection.ESCALATIONS)
    RESOLVE = ("escalations/{id}/resolve", Collection.ESCALATIONS, Collection.ESCALATIONS)
    LAUNCH_QUERY = ("queries", Collection.CASES, Collection.QUERIES)
    FREEZE = ("queries/{id}/results/{part}/freeze", Collection.QUERIES, Collection.MEASURES)
    DEDUCT = ("queries/{id}/results/{part}/deduct", Collection.QUERIES, Collection.MEASURES)
    SEAL_UP = ("queries/{id}/results/{part}/seal_up", Collection.QUERIES, Collection.MEASURES)
    SEIZE = ("queries/{id}/results/{part}/seize", Collection.QUERIES, Collection.MEASURES)
    RENEW = ("measures/{id}/renewal", Collection.MEASURES, Collection.MEASURES)
    REQUEST_COERCION = ("cases/{id}/coercions", Collection.CASES, Collection.APPROVALS)
    NOTIFY_FAMILY = ("cases/{id}/coercions/{part}/family-notice", Collection.CASES, Collection.CASES)
    APPLY_FOR_REVIEW = ("cases/{id}/coercions/{part}/review", Collection.CASES, Collection.CASES)
    DECIDE_REVIEW = ("cases/{id}/coercions/{part}/review/decision", Collection.CASES, Collection.CASES)
    ORDER_CREDIT = ("cases/{id}/credit", Collection.CASES, Collection.CASES)
    REMOVE_CREDIT = ("cases/{id}/credit/{part}/removal", Collection.CASES, Collection.CASES)
    REFER_FOR_BANKRUPTCY = ("cases/{id}/bankruptcy-referral", Collection.CASES, Collection.CASES)
    TRANSFER_FOR_BANKRUPTCY = ("cases/{id}/bankruptcy-referral/transfer", Collection.CASES, Collection.CASES)
    RULE_ON_BANKRUPTCY = ("cases/{id}/bankruptcy-referral/ruling", Collection.CASES, Collection.CASES)
    APPLY_FOR_RELIEF = ("cases/{id}/relief", Collection.CASES, Collection.CASES)
    APPROVE_RELIEF = ("cases/{id}/relief/{part}/approval", Collection.CASES, Collection.CASES)
    REJECT_RELIEF = ("cases/{id}/relief/{part}/rejection", Collection.CASES, Collection.CASES)
    PAY_RELIEF = ("cases/{id}/relief/{part}/payment", Collection.CASES, Collection.CASES)
    VALUE_PROPERTY = ("cases/{id}/disposals", Collection.CASES, Collection.CASES)
    RECORD_DISPOSAL_ROUND = ("cases/{id}/disposals/{part}/rounds", Collection.CASES, Collection.CASES)
    RECORD_ACT = ("cases/{id}/acts", Collection.CASES, Collection.CASES)
    TERMINATE = ("cases/{id}/termination", Collection.CASES, Collection.CASES)
    RESUME = ("cases/{id}/resumption", Collection.CASES, Collection.CASES)
    RECEIVE_FUNDS = ("cases/{id}/funds/receipts", Collection.CASES, Collection.CASES)
    PAY_OUT = ("cases/{id}/funds/payouts", Collection.CASES, Collection.CASES)
    ISSUE_SUPERVISION = ("supervision-orders", Collection.CASES, Collection.SUPERVISION)
    REPLY_TO_SUPERVISION = ("supervision-orders/{id}/reply", Collection.SUPERVISION, Collection.SUPERVISION)
    ACCEPT_SUPERVISION = ("supervision-orders/{id}/acceptance", Collection.SUPERVISION, Collection.SUPERVISION)
    RETURN_SUPERVISION = ("supervision-orders/{id}/return", Collection.SUPERVISION, Collection.SUPERVISION)
    RECORD_FINDING = ("findings", Collection.CASES, Collection.FINDINGS)
    CONFIRM_FINDING = ("findings/{id}/confirmation", Collection.FINDINGS, Collection.FINDINGS)
    DISMISS_FINDING = ("findings/{id}/dismissal", Collection.FINDINGS, Collection.FINDINGS)
    APPROVE = ("approvals/{id}/approve", Collection.APPROVALS, Collection.APPROVALS)
    REJECT = ("approvals/{id}/reject", Collection.APPROVALS, Collection.APPROVALS)

    def __init__(self, route: str, subject: Collection, answer: Collection) -> None:
        self.route = route
        self.subject_kind = subject
        self.answer = answer

    def path(self, subject: Subject) -> str:
        """The path (under /api/v1) this action takes for `subject`."""
        if subject.kind is not self.subject_kind:
            raise ValueError(f"{self.name} is about {self.subject_kind}, not {subject.kind}")
        return self.route.format(id=quote(subject.id, safe=""), part=quote(subject.part or "", safe=""))

    @classmethod
    def of_path(cls, path: str, body: dict) -> tuple[Action, Subject] | None:
        """The action and subject a path and body stand for: for reading the outbox of an older
        console, which kept paths only (a command that makes an object for a case names the case
        in its body)."""
        for action in cls:
            pattern = (
                re.escape(action.route).replace(r"\{id\}", "(?P<id>[^/]+)").replace(r"\{part\}", "(?P<part>[^/]+)")
            )
            match = re.fullmatch(pattern, path)
            if match is None:
                continue
            found = match.groupdict()
            subject_id = unquote(found["id"]) if "id" in found else body.get("case_id")
            if isinstance(subject_id, str):
                part = unquote(found["part"]) if "part" in found else None
                return action, Subject(action.subject_kind, subject_id, part)
        return None


class CommandState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # given up when its backend's profile was removed (unless an answer came after all)


@dataclass(frozen=True)
class Command:
    id: str  # also its Idempotency-Key
    backend: str
    action: Action
    subject: Subject
    body: dict
    if_match: int | None
    summary: str
    created_at: float
    state: CommandState = CommandState.PENDING
    attempts: int = 0
    last_error: str = ""
    status: int | None = None
    answer: dict | None = None

    @property
    def path(self) -> str:
        return self.action.path(self.subject)


@dataclass(frozen=True)
class CommandChanged:
    """A command was submitted, tried, delivered or refused; `result` is its answer decoded, when
    it was delivered with one the store can take in."""

    command: Command
    result: object | None = None


class Submit(Protocol):
    """The port through which a panel sends a command (`Connections.submit`): it is shown pending at
    once, stored in the outbox, then delivered."""

    def __call__(
        self, backend: str, action: Action, subject: Subject, body: dict, summary: str, if_match: int | None = None
    ) -> Command: ...
