"""What the operator reads for each of the API's codes: process nodes and phases, query channels and
institution categories, operations, states. English source strings, translated like the rest of
the UI; a code this console does not know is shown as it came."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from console.connections import EMBEDDED

_NAMES = {
    # roles
    "role:operator": QT_TRANSLATE_NOOP("Names", "Operator"),
    "role:supervisor": QT_TRANSLATE_NOOP("Names", "Supervisor"),
    "role:observer": QT_TRANSLATE_NOOP("Names", "Observer"),
    # process phases
    "phase:filing": QT_TRANSLATE_NOOP("Names", "Filing"),
    "phase:start": QT_TRANSLATE_NOOP("Names", "Start"),
    "phase:investigation": QT_TRANSLATE_NOOP("Names", "Asset investigation"),
    "phase:control": QT_TRANSLATE_NOOP("Names", "Control"),
    "phase:disposal": QT_TRANSLATE_NOOP("Names", "Disposal"),
    "phase:coercion": QT_TRANSLATE_NOOP("Names", "Coercive measures"),
    "phase:funds": QT_TRANSLATE_NOOP("Names", "Case funds"),
    "phase:closing": QT_TRANSLATE_NOOP("Names", "Closing"),
    # the 37 process nodes
    "node:filing_review": QT_TRANSLATE_NOOP("Names", "Filing review"),
    "node:filing_registration": QT_TRANSLATE_NOOP("Names", "Filing registration"),
    "node:assignment": QT_TRANSLATE_NOOP("Names", "Assignment"),
    "node:execution_notice": QT_TRANSLATE_NOOP("Names", "Execution notice"),
    "node:asset_report_order": QT_TRANSLATE_NOOP("Names", "Asset report order"),
    "node:asset_declaration": QT_TRANSLATE_NOOP("Names", "Asset declaration"),
    "node:service_of_documents": QT_TRANSLATE_NOOP("Names", "Service of documents"),
    "node:network_query_national": QT_TRANSLATE_NOOP("Names", "Network query (national)"),
    "node:network_query_provincial": QT_TRANSLATE_NOOP("Names", "Network query (provincial)"),
    "node:traditional_investigation": QT_TRANSLATE_NOOP("Names", "On-site investigation"),
    "node:clue_verification": QT_TRANSLATE_NOOP("Names", "Clue verification"),
    "node:reward_notice": QT_TRANSLATE_NOOP("Names", "Reward notice"),
    "node:audit_investigation": QT_TRANSLATE_NOOP("Names", "Audit investigation"),
    "node:freeze": QT_TRANSLATE_NOOP("Names", "Freeze"),
    "node:seal_up": QT_TRANSLATE_NOOP("Names", "Seal up"),
    "node:seizure": QT_TRANSLATE_NOOP("Names", "Seizure"),
    "node:deduction": QT_TRANSLATE_NOOP("Names", "Deduction"),
    "node:appraisal": QT_TRANSLATE_NOOP("Names", "Appraisal"),
    "node:price_inquiry": QT_TRANSLATE_NOOP("Names", "Price inquiry"),
    "node:online_auction": QT_TRANSLATE_NOOP("Names", "Online auction"),
    "node:sale": QT_TRANSLATE_NOOP("Names", "Sale"),
    "node:settlement_in_kind": QT_TRANSLATE_NOOP("Names", "Settlement in kind"),
    "node:exit_restriction": QT_TRANSLATE_NOOP("Names", "Exit restriction"),
    "node:consumption_restriction": QT_TRANSLATE_NOOP("Names", "Consumption restriction"),
    "node:dishonest_listing": QT_TRANSLATE_NOOP("Names", "Dishonest listing"),
    "node:fine": QT_TRANSLATE_NOOP("Names", "Fine"),
    "node:detention": QT_TRANSLATE_NOOP("Names", "Judicial detention"),
    "node:criminal_referral": QT_TRANSLATE_NOOP("Names", "Criminal referral"),
    "node:funds_received": QT_TRANSLATE_NOOP("Names", "Funds received"),
    "node:funds_paid_out": QT_TRANSLATE_NOOP("Names", "Funds paid out"),
    "node:settlement": QT_TRANSLATE_NOOP("Names", "Settlement"),
    "node:closing_review": QT_TRANSLATE_NOOP("Names", "Closing review"),
    "node:completed": QT_TRANSLATE_NOOP("Names", "Completed"),
    "node:terminated_for_now": QT_TRANSLATE_NOOP("Names", "Terminated for now"),
    "node:terminated": QT_TRANSLATE_NOOP("Names", "Terminated"),
    "node:not_enforced": QT_TRANSLATE_NOOP("Names", "Not enforced"),
    "node:archived": QT_TRANSLATE_NOOP("Names", "Archived"),
    # query channels and institution categories
    "channel:national": QT_TRANSLATE_NOOP("Names", "National (head offices)"),
    "channel:provincial": QT_TRANSLATE_NOOP("Names", "Provincial (local)"),
    "category:bank": QT_TRANSLATE_NOOP("Names", "Banks"),
    "category:securities": QT_TRANSLATE_NOOP("Names", "Securities depository"),
    "category:payment": QT_TRANSLATE_NOOP("Names", "Payment platforms"),
    "category:vehicle": QT_TRANSLATE_NOOP("Names", "Vehicles"),
    "category:real_estate": QT_TRANSLATE_NOOP("Names", "Real estate"),
    "category:provident_fund": QT_TRANSLATE_NOOP("Names", "Housing provident fund"),
    "category:social_security": QT_TRANSLATE_NOOP("Names", "Social security"),
    "category:business_registration": QT_TRANSLATE_NOOP("Names", "Business registration"),
    "category:ship": QT_TRANSLATE_NOOP("Names", "Ships"),
    # field operations and task states
    "task:service": QT_TRANSLATE_NOOP("Names", "Service"),
    "task:investigation": QT_TRANSLATE_NOOP("Names", "On-site investigation"),
    "task:seal": QT_TRANSLATE_NOOP("Names", "Seal"),
    "task:seize": QT_TRANSLATE_NOOP("Names", "Seize"),
    "task:search": QT_TRANSLATE_NOOP("Names", "Search"),
    "task:compel": QT_TRANSLATE_NOOP("Names", "Compelled appearance"),
    "task:detain": QT_TRANSLATE_NOOP("Names", "Detention"),
    "task:evict": QT_TRANSLATE_NOOP("Names", "Eviction"),
    "task:notice": QT_TRANSLATE_NOOP("Names", "Posting notices"),
    "task_state:assigned": QT_TRANSLATE_NOOP("Names", "Assigned"),
    "task_state:accepted": QT_TRANSLATE_NOOP("Names", "Accepted"),
    "task_state:en_route": QT_TRANSLATE_NOOP("Names", "En route"),
    "task_state:on_scene": QT_TRANSLATE_NOOP("Names", "On scene"),
    "task_state:done": QT_TRANSLATE_NOOP("Names", "Done"),
    "task_state:failed": QT_TRANSLATE_NOOP("Names", "Failed"),
    "task_state:cancelled": QT_TRANSLATE_NOOP("Names", "Cancelled"),
    # cases
    "case_kind:first": QT_TRANSLATE_NOOP("Names", "First enforcement"),
    "case_kind:resumed": QT_TRANSLATE_NOOP("Names", "Resumed enforcement"),
    "case_kind:preservation": QT_TRANSLATE_NOOP("Names", "Preservation"),
    "case_kind:non_litigation": QT_TRANSLATE_NOOP("Names", "Non-litigation"),
    "track:simple": QT_TRANSLATE_NOOP("Names", "Simple"),
    "track:complex": QT_TRANSLATE_NOOP("Names", "Complex"),
    "flag:dishonest": QT_TRANSLATE_NOOP("Names", "Dishonest list"),
    "flag:consumption_restricted": QT_TRANSLATE_NOOP("Names", "Consumption restricted"),
    "flag:terminated_for_now": QT_TRANSLATE_NOOP("Names", "Terminated for now"),
    "flag:bankruptcy_candidate": QT_TRANSLATE_NOOP("Names", "Bankruptcy candidate"),
    "tag:livelihood": QT_TRANSLATE_NOOP("Names", "Livelihood"),
    "tag:campaign_new_year": QT_TRANSLATE_NOOP("Names", "New Year campaign"),
    "tag:campaign_hundred_days": QT_TRANSLATE_NOOP("Names", "Hundred-day campaign"),
    "case_status:open": QT_TRANSLATE_NOOP("Names", "Open"),
    "case_status:closed": QT_TRANSLATE_NOOP("Names", "Closed"),
    # queries, measures and approvals
    "query_state:running": QT_TRANSLATE_NOOP("Names", "Running"),
    "query_state:completed": QT_TRANSLATE_NOOP("Names", "Completed"),
    "result_state:pending": QT_TRANSLATE_NOOP("Names", "Pending"),
    "result_state:sent": QT_TRANSLATE_NOOP("Names", "Sent"),
    "result_state:answered": QT_TRANSLATE_NOOP("Names", "Answered"),
    "result_state:failed": QT_TRANSLATE_NOOP("Names", "Failed"),
    "result_state:timed_out": QT_TRANSLATE_NOOP("Names", "Timed out"),
    "measure:freeze": QT_TRANSLATE_NOOP("Names", "Freeze"),
    "measure:deduct": QT_TRANSLATE_NOOP("Names", "Deduction"),
    "measure_state:awaiting_approval": QT_TRANSLATE_NOOP("Names", "Awaiting approval"),
    "measure_state:sent": QT_TRANSLATE_NOOP("Names", "Sent"),
    "measure_state:done": QT_TRANSLATE_NOOP("Names", "Done"),
    "measure_state:failed": QT_TRANSLATE_NOOP("Names", "Failed"),
    "measure_state:rejected": QT_TRANSLATE_NOOP("Names", "Rejected"),
    "approval:freeze": QT_TRANSLATE_NOOP("Names", "Freeze"),
    "approval:deduct": QT_TRANSLATE_NOOP("Names", "Deduction"),
    "approval:detention": QT_TRANSLATE_NOOP("Names", "Detention"),
    "approval_state:pending": QT_TRANSLATE_NOOP("Names", "Waiting for approval"),
    "approval_state:approved": QT_TRANSLATE_NOOP("Names", "Approved"),
    "approval_state:rejected": QT_TRANSLATE_NOOP("Names", "Rejected"),
    "message_state:sent": QT_TRANSLATE_NOOP("Names", "Sent"),
    "message_state:delivered": QT_TRANSLATE_NOOP("Names", "Delivered"),
    "message_state:read": QT_TRANSLATE_NOOP("Names", "Read"),
    "escalation_state:open": QT_TRANSLATE_NOOP("Names", "Open"),
    "escalation_state:acknowledged": QT_TRANSLATE_NOOP("Names", "Acknowledged"),
    "escalation_state:escalated": QT_TRANSLATE_NOOP("Names", "Escalated"),
    "escalation_state:resolved": QT_TRANSLATE_NOOP("Names", "Resolved"),
    # operators' commands, as the audit log names them
    "action:dispatch": QT_TRANSLATE_NOOP("Names", "Dispatched a team"),
    "action:reassign": QT_TRANSLATE_NOOP("Names", "Reassigned a task"),
    "action:cancel": QT_TRANSLATE_NOOP("Names", "Cancelled a task"),
    "action:message": QT_TRANSLATE_NOOP("Names", "Sent a message"),
    "action:acknowledge": QT_TRANSLATE_NOOP("Names", "Acknowledged an escalation"),
    "action:escalate": QT_TRANSLATE_NOOP("Names", "Escalated"),
    "action:resolve": QT_TRANSLATE_NOOP("Names", "Resolved an escalation"),
    "action:launch_query": QT_TRANSLATE_NOOP("Names", "Launched an asset query"),
    "action:freeze": QT_TRANSLATE_NOOP("Names", "Ordered a freeze"),
    "action:deduct": QT_TRANSLATE_NOOP("Names", "Ordered a deduction"),
    "action:request_detention": QT_TRANSLATE_NOOP("Names", "Asked for a detention"),
    "action:approve": QT_TRANSLATE_NOOP("Names", "Approved"),
    "action:reject": QT_TRANSLATE_NOOP("Names", "Rejected"),
}


def name(kind: str, code: str) -> str:
    """The display name of an API code of a kind: `name("node", "freeze")`, `name("category", "bank")`."""
    source = _NAMES.get(f"{kind}:{code}")
    return code if source is None else QCoreApplication.translate("Names", source)


def backend_name(backend: str) -> str:
    """How a backend is named to the operator: its profile's name, or the embedded one's, translated."""
    return QCoreApplication.translate("Names", "Embedded backend") if backend == EMBEDDED else backend


def format_yuan(amount: float) -> str:
    """Money as the centre reads it: in Chinese by 万 (10⁴) and 亿 (10⁸), in English by million and billion."""
    if QLocale().language() == QLocale.Language.Chinese:
        if amount >= 1e8:
            return f"{amount / 1e8:.2f}亿元"
        if amount >= 1e4:
            return f"{amount / 1e4:.1f}万元"
        return f"{amount:,.0f}元"
    if amount >= 1e9:
        return f"¥{amount / 1e9:.2f} bn"
    if amount >= 1e6:
        return f"¥{amount / 1e6:.2f} M"
    return f"¥{amount:,.0f}"
