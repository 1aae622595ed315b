"""What the operator reads for each of the API's codes: process nodes and phases, query channels and
institution categories, operations, states. English source strings, translated like the rest of
the UI; a code this console does not know is shown as it came."""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from console.connections import EMBEDDED

# Each kind of name is a translation context of its own: "Open" is 在办 for a case, 待接警 for an
# escalation.
_NAMES = {
    # team statuses, and how a backend's link stands
    "team_status:standby": QT_TRANSLATE_NOOP("team_status", "Standby"),
    "team_status:en_route": QT_TRANSLATE_NOOP("team_status", "En route"),
    "team_status:on_scene": QT_TRANSLATE_NOOP("team_status", "On scene"),
    "team_status:operating": QT_TRANSLATE_NOOP("team_status", "Operating"),
    "team_status:returning": QT_TRANSLATE_NOOP("team_status", "Returning"),
    "team_status:off_duty": QT_TRANSLATE_NOOP("team_status", "Off duty"),
    "team_status:emergency": QT_TRANSLATE_NOOP("team_status", "Emergency"),
    "link_state:none": QT_TRANSLATE_NOOP("link_state", "Not connected"),
    "link_state:starting": QT_TRANSLATE_NOOP("link_state", "Starting"),
    "link_state:connecting": QT_TRANSLATE_NOOP("link_state", "Connecting"),
    "link_state:live": QT_TRANSLATE_NOOP("link_state", "Live"),
    "link_state:reconnecting": QT_TRANSLATE_NOOP("link_state", "Reconnecting"),
    "link_state:offline": QT_TRANSLATE_NOOP("link_state", "Offline, retrying"),
    "link_state:auth_failed": QT_TRANSLATE_NOOP("link_state", "Authentication failed"),
    "link_state:failed": QT_TRANSLATE_NOOP("link_state", "Failed"),
    "link_state:stopped": QT_TRANSLATE_NOOP("link_state", "Stopped"),
    "escalated_to:supervisor": QT_TRANSLATE_NOOP("escalated_to", "supervisor"),
    "escalated_to:court_above": QT_TRANSLATE_NOOP("escalated_to", "court above"),
    # roles
    "role:operator": QT_TRANSLATE_NOOP("role", "Operator"),
    "role:supervisor": QT_TRANSLATE_NOOP("role", "Supervisor"),
    "role:president": QT_TRANSLATE_NOOP("role", "President"),
    "role:observer": QT_TRANSLATE_NOOP("role", "Observer"),
    "role:admin": QT_TRANSLATE_NOOP("role", "Administrator"),
    # permissions (GET /me)
    "permission:read": QT_TRANSLATE_NOOP("permission", "read the casework"),
    "permission:task.dispatch": QT_TRANSLATE_NOOP("permission", "dispatch teams"),
    "permission:task.check_in": QT_TRANSLATE_NOOP("permission", "record a team's check-in on scene"),
    "permission:team.message": QT_TRANSLATE_NOOP("permission", "instruct teams"),
    "permission:escalation.handle": QT_TRANSLATE_NOOP("permission", "handle escalations"),
    "permission:escalation.take": QT_TRANSLATE_NOOP("permission", "take escalations sent on"),
    "permission:query.launch": QT_TRANSLATE_NOOP("permission", "launch asset queries"),
    "permission:measure.order": QT_TRANSLATE_NOOP("permission", "order and renew measures on hits, and sell property"),
    "permission:approval.decide": QT_TRANSLATE_NOOP("permission", "approve measures above the threshold"),
    "permission:coercion.request": QT_TRANSLATE_NOOP("permission", "ask for coercive measures"),
    "permission:coercion.decide": QT_TRANSLATE_NOOP("permission", "decide coercive measures"),
    "permission:party.reveal": QT_TRANSLATE_NOOP("permission", "reveal parties' personal data"),
    "permission:case.record": QT_TRANSLATE_NOOP("permission", "record acts done on cases"),
    "permission:case.terminate": QT_TRANSLATE_NOOP("permission", "decide 终本 and resume enforcement"),
    "permission:funds.record": QT_TRANSLATE_NOOP("permission", "record money received into case accounts"),
    "permission:funds.pay": QT_TRANSLATE_NOOP("permission", "pay money out of case accounts"),
    # process phases
    "phase:filing": QT_TRANSLATE_NOOP("phase", "Filing"),
    "phase:start": QT_TRANSLATE_NOOP("phase", "Start"),
    "phase:investigation": QT_TRANSLATE_NOOP("phase", "Asset investigation"),
    "phase:control": QT_TRANSLATE_NOOP("phase", "Control"),
    "phase:disposal": QT_TRANSLATE_NOOP("phase", "Disposal"),
    "phase:credit": QT_TRANSLATE_NOOP("phase", "Credit punishment"),
    "phase:coercion": QT_TRANSLATE_NOOP("phase", "Coercive measures"),
    "phase:funds": QT_TRANSLATE_NOOP("phase", "Case funds"),
    "phase:closing": QT_TRANSLATE_NOOP("phase", "Closing"),
    # the 37 process nodes
    "node:filing_review": QT_TRANSLATE_NOOP("node", "Filing review"),
    "node:filing_registration": QT_TRANSLATE_NOOP("node", "Filing registration"),
    "node:assignment": QT_TRANSLATE_NOOP("node", "Assignment"),
    "node:execution_notice": QT_TRANSLATE_NOOP("node", "Execution notice"),
    "node:asset_report_order": QT_TRANSLATE_NOOP("node", "Asset report order"),
    "node:asset_declaration": QT_TRANSLATE_NOOP("node", "Asset declaration"),
    "node:service_of_documents": QT_TRANSLATE_NOOP("node", "Service of documents"),
    "node:network_query_national": QT_TRANSLATE_NOOP("node", "Network query (national)"),
    "node:network_query_provincial": QT_TRANSLATE_NOOP("node", "Network query (provincial)"),
    "node:traditional_investigation": QT_TRANSLATE_NOOP("node", "Traditional investigation (in person)"),
    "node:clue_verification": QT_TRANSLATE_NOOP("node", "Clue verification"),
    "node:reward_notice": QT_TRANSLATE_NOOP("node", "Reward notice"),
    "node:audit_investigation": QT_TRANSLATE_NOOP("node", "Audit investigation"),
    "node:freeze": QT_TRANSLATE_NOOP("node", "Freeze"),
    "node:seal_up": QT_TRANSLATE_NOOP("node", "Seal up"),
    "node:seizure": QT_TRANSLATE_NOOP("node", "Seizure"),
    "node:deduction": QT_TRANSLATE_NOOP("node", "Deduction"),
    "node:appraisal": QT_TRANSLATE_NOOP("node", "Appraisal"),
    "node:price_inquiry": QT_TRANSLATE_NOOP("node", "Price inquiry"),
    "node:online_auction": QT_TRANSLATE_NOOP("node", "Online auction"),
    "node:sale": QT_TRANSLATE_NOOP("node", "Sale by conversion"),
    "node:settlement_in_kind": QT_TRANSLATE_NOOP("node", "Settlement in kind"),
    "node:exit_restriction": QT_TRANSLATE_NOOP("node", "Exit restriction"),
    "node:consumption_restriction": QT_TRANSLATE_NOOP("node", "Consumption restriction"),
    "node:dishonest_listing": QT_TRANSLATE_NOOP("node", "Dishonest listing"),
    "node:fine": QT_TRANSLATE_NOOP("node", "Fine"),
    "node:detention": QT_TRANSLATE_NOOP("node", "Judicial detention"),
    "node:criminal_referral": QT_TRANSLATE_NOOP("node", "Referral of a refusal-to-enforce crime"),
    "node:funds_received": QT_TRANSLATE_NOOP("node", "Funds received"),
    "node:funds_paid_out": QT_TRANSLATE_NOOP("node", "Funds paid out"),
    "node:settlement": QT_TRANSLATE_NOOP("node", "Settlement"),
    "node:closing_review": QT_TRANSLATE_NOOP("node", "Closing review"),
    "node:completed": QT_TRANSLATE_NOOP("node", "Completed"),
    "node:terminated_for_now": QT_TRANSLATE_NOOP("node", "Current procedure terminated (终本)"),
    "node:terminated": QT_TRANSLATE_NOOP("node", "Terminated"),
    "node:not_enforced": QT_TRANSLATE_NOOP("node", "Not enforced"),
    "node:archived": QT_TRANSLATE_NOOP("node", "Archived"),
    # query channels and institution categories
    "channel:national": QT_TRANSLATE_NOOP("channel", "National (head offices)"),
    "channel:provincial": QT_TRANSLATE_NOOP("channel", "Provincial (local)"),
    "category:bank": QT_TRANSLATE_NOOP("category", "Banks"),
    "category:securities": QT_TRANSLATE_NOOP("category", "Securities depository"),
    "category:payment": QT_TRANSLATE_NOOP("category", "Payment platforms"),
    "category:vehicle": QT_TRANSLATE_NOOP("category", "Vehicles"),
    "category:real_estate": QT_TRANSLATE_NOOP("category", "Real estate"),
    "category:provident_fund": QT_TRANSLATE_NOOP("category", "Housing provident fund"),
    "category:social_security": QT_TRANSLATE_NOOP("category", "Social security"),
    "category:business_registration": QT_TRANSLATE_NOOP("category", "Business registration"),
    "category:ship": QT_TRANSLATE_NOOP("category", "Ships"),
    # field operations and task states
    "task:service": QT_TRANSLATE_NOOP("task", "Service"),
    "task:investigation": QT_TRANSLATE_NOOP("task", "On-site investigation"),
    "task:seal": QT_TRANSLATE_NOOP("task", "Seal"),
    "task:seize": QT_TRANSLATE_NOOP("task", "Seize"),
    "task:search": QT_TRANSLATE_NOOP("task", "Search"),
    "task:compel": QT_TRANSLATE_NOOP("task", "Compelled appearance"),
    "task:detain": QT_TRANSLATE_NOOP("task", "Detention"),
    "task:evict": QT_TRANSLATE_NOOP("task", "Eviction"),
    "task:notice": QT_TRANSLATE_NOOP("task", "Posting notices"),
    "task_state:assigned": QT_TRANSLATE_NOOP("task_state", "Assigned"),
    "task_state:accepted": QT_TRANSLATE_NOOP("task_state", "Accepted"),
    "task_state:en_route": QT_TRANSLATE_NOOP("task_state", "En route"),
    "task_state:on_scene": QT_TRANSLATE_NOOP("task_state", "On scene"),
    "task_state:done": QT_TRANSLATE_NOOP("task_state", "Done"),
    "task_state:failed": QT_TRANSLATE_NOOP("task_state", "Failed"),
    "task_state:cancelled": QT_TRANSLATE_NOOP("task_state", "Cancelled"),
    # cases
    "case_kind:first": QT_TRANSLATE_NOOP("case_kind", "First enforcement"),
    "case_kind:resumed": QT_TRANSLATE_NOOP("case_kind", "Resumed enforcement"),
    "case_kind:preservation": QT_TRANSLATE_NOOP("case_kind", "Property-preservation enforcement"),
    "case_kind:non_litigation": QT_TRANSLATE_NOOP("case_kind", "Non-litigation"),
    "track:simple": QT_TRANSLATE_NOOP("track", "Simple"),
    "track:complex": QT_TRANSLATE_NOOP("track", "Complex"),
    "flag:dishonest": QT_TRANSLATE_NOOP("flag", "Dishonest list"),
    "flag:consumption_restricted": QT_TRANSLATE_NOOP("flag", "Consumption restricted"),
    "flag:terminated_for_now": QT_TRANSLATE_NOOP("flag", "Current procedure terminated (终本)"),
    "flag:bankruptcy_candidate": QT_TRANSLATE_NOOP("flag", "Bankruptcy candidate"),
    "tag:livelihood": QT_TRANSLATE_NOOP("tag", "Livelihood"),
    "tag:campaign_new_year": QT_TRANSLATE_NOOP("tag", "Spring Festival campaign"),
    "tag:campaign_hundred_days": QT_TRANSLATE_NOOP("tag", "Hundred-day campaign"),
    # the 终本 gate (法〔2016〕373号) and the acts that meet it
    "condition:three_months_since_filing": QT_TRANSLATE_NOOP("condition", "More than 3 months since filing"),
    "condition:execution_notice": QT_TRANSLATE_NOOP("condition", "Execution notice sent"),
    "condition:asset_report_order": QT_TRANSLATE_NOOP("condition", "Asset-report order sent"),
    "condition:network_investigation": QT_TRANSLATE_NOOP("condition", "Network query (national) made"),
    "condition:traditional_investigation": QT_TRANSLATE_NOOP("condition", "On-site investigation made"),
    "condition:no_property_to_dispose": QT_TRANSLATE_NOOP(
        "condition", "No property found that can still be disposed of (none under control or sale)"
    ),
    "condition:consumption_restriction": QT_TRANSLATE_NOOP("condition", "Restriction on high consumption issued"),
    "condition:dishonest_listing": QT_TRANSLATE_NOOP(
        "condition", "On the list of dishonest judgment debtors (where its conditions hold)"
    ),
    "condition:applicant_interviewed": QT_TRANSLATE_NOOP("condition", "Applicant told and heard"),
    "condition_state:met": QT_TRANSLATE_NOOP("condition_state", "Met"),
    "condition_state:unmet": QT_TRANSLATE_NOOP("condition_state", "Not met"),
    "condition_state:not_required": QT_TRANSLATE_NOOP("condition_state", "Not required"),
    "act:execution_notice": QT_TRANSLATE_NOOP("act", "Execution notice sent"),
    "act:asset_report_order": QT_TRANSLATE_NOOP("act", "Asset-report order sent"),
    "act:network_query_national": QT_TRANSLATE_NOOP("act", "Network query (national) launched"),
    "act:traditional_investigation": QT_TRANSLATE_NOOP("act", "On-site investigation made"),
    "act:consumption_restriction": QT_TRANSLATE_NOOP("act", "Restriction on high consumption issued"),
    "act:dishonest_listing": QT_TRANSLATE_NOOP("act", "Listed as a dishonest judgment debtor"),
    "act:applicant_interview": QT_TRANSLATE_NOOP("act", "Applicant told and heard"),
    "case_status:open": QT_TRANSLATE_NOOP("case_status", "Open"),
    "case_status:closed": QT_TRANSLATE_NOOP("case_status", "Closed"),
    # queries, measures and approvals
    "query_state:running": QT_TRANSLATE_NOOP("query_state", "Running"),
    "query_state:completed": QT_TRANSLATE_NOOP("query_state", "Completed"),
    "result_state:pending": QT_TRANSLATE_NOOP("result_state", "Pending"),
    "result_state:sent": QT_TRANSLATE_NOOP("result_state", "Sent"),
    "result_state:answered": QT_TRANSLATE_NOOP("result_state", "Answered"),
    "result_state:failed": QT_TRANSLATE_NOOP("result_state", "Failed"),
    "result_state:timed_out": QT_TRANSLATE_NOOP("result_state", "Timed out"),
    "measure:freeze": QT_TRANSLATE_NOOP("measure", "Freeze"),
    "measure:deduct": QT_TRANSLATE_NOOP("measure", "Deduction"),
    "measure:seal_up": QT_TRANSLATE_NOOP("measure", "Seal-up"),
    "measure:seize": QT_TRANSLATE_NOOP("measure", "Seizure"),
    "measure_state:awaiting_approval": QT_TRANSLATE_NOOP("measure_state", "Awaiting approval"),
    "measure_state:sent": QT_TRANSLATE_NOOP("measure_state", "Sent"),
    "measure_state:done": QT_TRANSLATE_NOOP("measure_state", "Done"),
    "measure_state:failed": QT_TRANSLATE_NOOP("measure_state", "Failed"),
    "measure_state:rejected": QT_TRANSLATE_NOOP("measure_state", "Rejected"),
    "measure_state:lapsed": QT_TRANSLATE_NOOP("measure_state", "Lapsed (not renewed)"),
    "ledger:received": QT_TRANSLATE_NOOP("ledger", "Received"),
    "ledger:paid": QT_TRANSLATE_NOOP("ledger", "Paid out"),
    "approval:freeze": QT_TRANSLATE_NOOP("approval", "Freeze"),
    "approval:deduct": QT_TRANSLATE_NOOP("approval", "Deduction"),
    "approval:seal_up": QT_TRANSLATE_NOOP("approval", "Seal-up"),
    "approval:seize": QT_TRANSLATE_NOOP("approval", "Seizure"),
    "approval:detention": QT_TRANSLATE_NOOP("approval", "Detention"),
    "approval:fine": QT_TRANSLATE_NOOP("approval", "Fine"),
    "approval:compel": QT_TRANSLATE_NOOP("approval", "Compelled appearance"),
    "approval_state:pending": QT_TRANSLATE_NOOP("approval_state", "Waiting for approval"),
    "approval_state:approved": QT_TRANSLATE_NOOP("approval_state", "Approved"),
    "approval_state:rejected": QT_TRANSLATE_NOOP("approval_state", "Rejected"),
    "message_state:sent": QT_TRANSLATE_NOOP("message_state", "Sent"),
    "message_state:delivered": QT_TRANSLATE_NOOP("message_state", "Delivered"),
    "message_state:read": QT_TRANSLATE_NOOP("message_state", "Read"),
    # escalations by kind: what the console calls them, whatever the backend's title
    "escalation_kind:sos": QT_TRANSLATE_NOOP("escalation_kind", "SOS"),
    "escalation_kind:violent_resistance": QT_TRANSLATE_NOOP("escalation_kind", "Violent resistance"),
    "escalation_kind:self_harm_threat": QT_TRANSLATE_NOOP("escalation_kind", "Threat of self-harm"),
    "escalation_kind:crowd_gathering": QT_TRANSLATE_NOOP("escalation_kind", "Crowd gathering"),
    "escalation_kind:injury": QT_TRANSLATE_NOOP("escalation_kind", "Injury"),
    "escalation_kind:police_support": QT_TRANSLATE_NOOP("escalation_kind", "Police support asked for"),
    "escalation_kind:detention_decision": QT_TRANSLATE_NOOP("escalation_kind", "A detention decision needed"),
    "escalation_kind:new_asset_found": QT_TRANSLATE_NOOP("escalation_kind", "New asset found on the scene"),
    "escalation_kind:asset_flight_risk": QT_TRANSLATE_NOOP("escalation_kind", "Risk of assets moved away"),
    "escalation_kind:hit_awaiting_freeze": QT_TRANSLATE_NOOP("escalation_kind", "A hit awaiting its freeze"),
    "escalation_kind:terminated_case_hit": QT_TRANSLATE_NOOP(
        "escalation_kind", "Property found on a terminated (终本) case"
    ),
    "escalation_kind:measure_lapsing": QT_TRANSLATE_NOOP("escalation_kind", "A measure about to lapse"),
    "escalation_kind:family_notice_due": QT_TRANSLATE_NOOP("escalation_kind", "A detainee's family not yet told"),
    "escalation_kind:family_notice_overdue": QT_TRANSLATE_NOOP(
        "escalation_kind", "A detainee's family not told within 24 hours"
    ),
    "escalation_kind:bankruptcy_ruling_due": QT_TRANSLATE_NOOP("escalation_kind", "Bankruptcy ruling overdue"),
    "escalation_kind:supervision_overdue": QT_TRANSLATE_NOOP("escalation_kind", "A supervision order unanswered"),
    "escalation_kind:lost_contact": QT_TRANSLATE_NOOP("escalation_kind", "Team out of contact"),
    "escalation_kind:checkin_missed": QT_TRANSLATE_NOOP("escalation_kind", "Check-in missed on scene"),
    "escalation_kind:duress": QT_TRANSLATE_NOOP("escalation_kind", "Duress code at check-in"),
    # campaigns (专项执行行动) by kind, whatever the backend's name
    "campaign:hundred_days": QT_TRANSLATE_NOOP("campaign", "Hundred days' enforcement drive"),
    "campaign:new_year": QT_TRANSLATE_NOOP("campaign", "Spring Festival campaign"),
    # the KPIs' age bands of open escalations, as the backend labels them
    "age_band:<1 min": QT_TRANSLATE_NOOP("age_band", "Under a minute"),
    "age_band:1–5 min": QT_TRANSLATE_NOOP("age_band", "1–5 minutes"),
    "age_band:5–30 min": QT_TRANSLATE_NOOP("age_band", "5–30 minutes"),
    "age_band:30 min–4 h": QT_TRANSLATE_NOOP("age_band", "30 minutes to 4 hours"),
    "age_band:>4 h": QT_TRANSLATE_NOOP("age_band", "Over 4 hours"),
    "escalation_state:open": QT_TRANSLATE_NOOP("escalation_state", "Open"),
    "escalation_state:acknowledged": QT_TRANSLATE_NOOP("escalation_state", "Acknowledged"),
    "escalation_state:escalated": QT_TRANSLATE_NOOP("escalation_state", "Escalated"),
    "escalation_state:resolved": QT_TRANSLATE_NOOP("escalation_state", "Resolved"),
    # the steps of an escalation's timeline
    "escalation_step:raised": QT_TRANSLATE_NOOP("escalation_step", "raised it"),
    "escalation_step:acknowledged": QT_TRANSLATE_NOOP("escalation_step", "acknowledged it"),
    "escalation_step:escalated": QT_TRANSLATE_NOOP("escalation_step", "escalated it"),
    "escalation_step:auto_escalated": QT_TRANSLATE_NOOP("escalation_step", "escalated it: not acknowledged in time"),
    "escalation_step:resolved": QT_TRANSLATE_NOOP("escalation_step", "resolved it"),
    "escalation_step:severity_raised": QT_TRANSLATE_NOOP("escalation_step", "raised it to level 1: still no check-in"),
    "escalation_step:checked_in": QT_TRANSLATE_NOOP("escalation_step", "checked in at last"),
    # severities: 一级 to 四级 in Chinese (DOMAIN.md's wording), P1 to P4 in English
    "severity:P1": QT_TRANSLATE_NOOP("severity", "P1"),
    "severity:P2": QT_TRANSLATE_NOOP("severity", "P2"),
    "severity:P3": QT_TRANSLATE_NOOP("severity", "P3"),
    "severity:P4": QT_TRANSLATE_NOOP("severity", "P4"),
    # operators' commands, as the audit log names them
    "action:dispatch": QT_TRANSLATE_NOOP("action", "Dispatched a team"),
    "action:reassign": QT_TRANSLATE_NOOP("action", "Reassigned a task"),
    "action:cancel": QT_TRANSLATE_NOOP("action", "Cancelled a task"),
    "action:message": QT_TRANSLATE_NOOP("action", "Sent a message"),
    "action:acknowledge": QT_TRANSLATE_NOOP("action", "Acknowledged an escalation"),
    "action:escalate": QT_TRANSLATE_NOOP("action", "Escalated"),
    "action:resolve": QT_TRANSLATE_NOOP("action", "Resolved an escalation"),
    "action:launch_query": QT_TRANSLATE_NOOP("action", "Launched an asset query"),
    "action:freeze": QT_TRANSLATE_NOOP("action", "Ordered a freeze"),
    "action:deduct": QT_TRANSLATE_NOOP("action", "Ordered a deduction"),
    "action:seal_up": QT_TRANSLATE_NOOP("action", "Ordered a seal-up"),
    "action:seize": QT_TRANSLATE_NOOP("action", "Ordered a seizure"),
    "action:renew": QT_TRANSLATE_NOOP("action", "Renewed a measure"),
    "action:receive_funds": QT_TRANSLATE_NOOP("action", "Recorded money received"),
    "action:pay_out": QT_TRANSLATE_NOOP("action", "Paid money out"),
    "action:request_detention": QT_TRANSLATE_NOOP("action", "Asked for a detention"),
    "action:request_fine": QT_TRANSLATE_NOOP("action", "Asked for a fine"),
    "action:request_compel": QT_TRANSLATE_NOOP("action", "Asked for a compelled appearance"),
    "action:emergency_detention": QT_TRANSLATE_NOOP("action", "Detained on the spot (emergency)"),
    "action:decide": QT_TRANSLATE_NOOP("action", "Decided a coercive measure"),
    "action:notify_family": QT_TRANSLATE_NOOP("action", "Recorded the family told"),
    "action:apply_for_review": QT_TRANSLATE_NOOP("action", "Recorded an application for review"),
    "action:decide_review": QT_TRANSLATE_NOOP("action", "Decided a review"),
    "action:reveal": QT_TRANSLATE_NOOP("action", "Revealed a party's personal data"),
    "action:record_act": QT_TRANSLATE_NOOP("action", "Recorded an act"),
    "action:terminate": QT_TRANSLATE_NOOP("action", "Terminated the current enforcement procedure (终本)"),
    "action:resume": QT_TRANSLATE_NOOP("action", "Resumed enforcement (恢复执行)"),
    # coercion (拘传、罚款、拘留), decided by a president
    "coercion:detention": QT_TRANSLATE_NOOP("coercion", "Judicial detention"),
    "coercion:fine": QT_TRANSLATE_NOOP("coercion", "Fine"),
    "coercion:compel": QT_TRANSLATE_NOOP("coercion", "Compelled appearance"),
    "coercion_state:requested": QT_TRANSLATE_NOOP("coercion_state", "Awaiting the president"),
    "coercion_state:emergency": QT_TRANSLATE_NOOP("coercion_state", "Detained in an emergency, approval to follow"),
    "coercion_state:decided": QT_TRANSLATE_NOOP("coercion_state", "Decided"),
    "coercion_state:rejected": QT_TRANSLATE_NOOP("coercion_state", "Not approved"),
    "coercion_state:released": QT_TRANSLATE_NOOP("coercion_state", "Released: not approved"),
    "coercion_state:revoked": QT_TRANSLATE_NOOP("coercion_state", "Revoked on review"),
    "review_state:requested": QT_TRANSLATE_NOOP("review_state", "Review applied for"),
    "review_state:upheld": QT_TRANSLATE_NOOP("review_state", "Upheld on review"),
    "review_state:revoked": QT_TRANSLATE_NOOP("review_state", "Revoked on review"),
    # credit punishment (法释〔2017〕7号 on the list; 法释〔2015〕17号 on consumption)
    "credit:dishonest": QT_TRANSLATE_NOOP("credit", "List of dishonest judgment debtors"),
    "credit:consumption_restriction": QT_TRANSLATE_NOOP("credit", "Restriction on high consumption"),
    "credit:exit_restriction": QT_TRANSLATE_NOOP("credit", "Restriction on leaving the country"),
    "credit_state:in_force": QT_TRANSLATE_NOOP("credit_state", "In force"),
    "credit_state:removed": QT_TRANSLATE_NOOP("credit_state", "Removed"),
    "credit_state:expired": QT_TRANSLATE_NOOP("credit_state", "Term ended"),
    "ground:able_but_refuses": QT_TRANSLATE_NOOP("ground", "Able to perform but refusing"),
    "ground:obstructs": QT_TRANSLATE_NOOP("ground", "Obstructing enforcement by forged evidence, violence or threats"),
    "ground:evades": QT_TRANSLATE_NOOP(
        "ground", "Evading enforcement by sham litigation or arbitration, or by hiding or moving property"
    ),
    "ground:breaks_reporting": QT_TRANSLATE_NOOP("ground", "Breaking the duty to report property"),
    "ground:breaks_consumption_order": QT_TRANSLATE_NOOP("ground", "Breaking a restriction on high consumption"),
    "ground:breaks_settlement": QT_TRANSLATE_NOOP("ground", "Not performing a settlement without good reason"),
    "end_reason:performed": QT_TRANSLATE_NOOP("end_reason", "Performed in full"),
    "end_reason:settled": QT_TRANSLATE_NOOP("end_reason", "Settled and performed"),
    "end_reason:applicant_request": QT_TRANSLATE_NOOP("end_reason", "At the applicant's written request"),
    "end_reason:case_ended": QT_TRANSLATE_NOOP("end_reason", "Enforcement ended otherwise"),
    "end_reason:wrongly_listed": QT_TRANSLATE_NOOP("end_reason", "Made in error"),
    "end_reason:term_ended": QT_TRANSLATE_NOOP("end_reason", "Term ended"),
    "flag:exit_restricted": QT_TRANSLATE_NOOP("flag", "Exit restricted"),
    "action:order_credit": QT_TRANSLATE_NOOP("action", "Ordered credit punishment"),
    "action:remove_credit": QT_TRANSLATE_NOOP("action", "Removed credit punishment"),
    "permission:credit.order": QT_TRANSLATE_NOOP("permission", "order and remove credit punishment"),
    # 执转破 and 执行救助
    "referral_state:proposed": QT_TRANSLATE_NOOP("referral_state", "Proposed"),
    "referral_state:transferred": QT_TRANSLATE_NOOP("referral_state", "Transferred, ruling awaited"),
    "referral_state:accepted": QT_TRANSLATE_NOOP("referral_state", "Accepted for bankruptcy"),
    "referral_state:refused": QT_TRANSLATE_NOOP("referral_state", "Refused: enforcement goes on"),
    "relief_state:applied": QT_TRANSLATE_NOOP("relief_state", "Applied for"),
    "relief_state:approved": QT_TRANSLATE_NOOP("relief_state", "Approved"),
    "relief_state:rejected": QT_TRANSLATE_NOOP("relief_state", "Rejected"),
    "relief_state:paid": QT_TRANSLATE_NOOP("relief_state", "Paid"),
    "flag:bankruptcy_referred": QT_TRANSLATE_NOOP("flag", "Transferred for bankruptcy"),
    "flag:relief_granted": QT_TRANSLATE_NOOP("flag", "Relief paid"),
    "action:refer_for_bankruptcy": QT_TRANSLATE_NOOP("action", "Proposed for bankruptcy review"),
    "action:transfer_for_bankruptcy": QT_TRANSLATE_NOOP("action", "Transferred for bankruptcy review"),
    "action:rule_on_bankruptcy": QT_TRANSLATE_NOOP("action", "Recorded the bankruptcy ruling"),
    "action:apply_for_relief": QT_TRANSLATE_NOOP("action", "Applied for judicial relief"),
    "action:approve_relief": QT_TRANSLATE_NOOP("action", "Approved judicial relief"),
    "action:reject_relief": QT_TRANSLATE_NOOP("action", "Rejected judicial relief"),
    "action:pay_relief": QT_TRANSLATE_NOOP("action", "Paid judicial relief"),
    "permission:case.refer": QT_TRANSLATE_NOOP("permission", "propose bankruptcy review and apply for relief"),
    "permission:bankruptcy.transfer": QT_TRANSLATE_NOOP("permission", "sign a transfer for bankruptcy review"),
    # supervision orders (督办)
    "supervision_state:issued": QT_TRANSLATE_NOOP("supervision_state", "Awaiting reply"),
    "supervision_state:replied": QT_TRANSLATE_NOOP("supervision_state", "Awaiting decision"),
    "supervision_state:accepted": QT_TRANSLATE_NOOP("supervision_state", "Accepted"),
    "supervision_state:returned": QT_TRANSLATE_NOOP("supervision_state", "Returned"),
    "action:issue_supervision": QT_TRANSLATE_NOOP("action", "Issued a supervision order"),
    "action:reply_supervision": QT_TRANSLATE_NOOP("action", "Replied to a supervision order"),
    "action:accept_supervision": QT_TRANSLATE_NOOP("action", "Accepted a reply to a supervision order"),
    "action:return_supervision": QT_TRANSLATE_NOOP("action", "Returned a reply to a supervision order"),
    "permission:supervision.reply": QT_TRANSLATE_NOOP("permission", "reply to supervision orders to one's court"),
    "permission:supervision.issue": QT_TRANSLATE_NOOP(
        "permission", "issue supervision orders to the courts below, and decide their replies"
    ),
    # passive enforcement (消极执行): the 25 situations of DOMAIN.md's catalogue, and the findings
    "situation:1": QT_TRANSLATE_NOOP("situation", "No officer assigned within 7 days of filing"),
    "situation:2": QT_TRANSLATE_NOOP("situation", "No execution notice or asset-report order within 10 days"),
    "situation:3": QT_TRANSLATE_NOOP("situation", "No network query within 3 days"),
    "situation:4": QT_TRANSLATE_NOOP("situation", "Asset investigation not finished within a month"),
    "situation:5": QT_TRANSLATE_NOOP("situation", "An applicant's asset clue not checked within 7 days"),
    "situation:6": QT_TRANSLATE_NOOP("situation", "A hit not controlled within 3 days"),
    "situation:7": QT_TRANSLATE_NOOP("situation", "Controlled property not taken to disposal within 30 days"),
    "situation:8": QT_TRANSLATE_NOOP("situation", "No second auction or sale within 30 days of a failed auction"),
    "situation:9": QT_TRANSLATE_NOOP("situation", "A measure lapsed without renewal"),
    "situation:10": QT_TRANSLATE_NOOP("situation", "Case money not paid out within 30 days"),
    "situation:11": QT_TRANSLATE_NOOP("situation", "A respondent who meets the conditions not listed as dishonest"),
    "situation:12": QT_TRANSLATE_NOOP("situation", "Terminated (终本) without a restriction on high consumption"),
    "situation:13": QT_TRANSLATE_NOOP("situation", "Terminated (终本) within 3 months of filing"),
    "situation:14": QT_TRANSLATE_NOOP("situation", "Terminated (终本) without hearing the applicant"),
    "situation:15": QT_TRANSLATE_NOOP("situation", "A terminated (终本) case not queried again within 6 months"),
    "situation:16": QT_TRANSLATE_NOOP("situation", "A new hit on a terminated (终本) case not acted on in 30 days"),
    "situation:17": QT_TRANSLATE_NOOP("situation", "Past the case's time limit without an approved extension"),
    "situation:18": QT_TRANSLATE_NOOP("situation", "No enforcement act for 30 days"),
    "situation:19": QT_TRANSLATE_NOOP("situation", "A supervision order not answered by its deadline"),
    "situation:20": QT_TRANSLATE_NOOP("situation", "An enforcement complaint not concluded in time"),
    "situation:21": QT_TRANSLATE_NOOP("situation", "Selective enforcement among one respondent's cases"),
    "situation:22": QT_TRANSLATE_NOOP("situation", "A stay of enforcement beyond 3 months"),
    "situation:23": QT_TRANSLATE_NOOP("situation", "Documents not served in time"),
    "situation:24": QT_TRANSLATE_NOOP("situation", "A seized item without custody records"),
    "situation:25": QT_TRANSLATE_NOOP("situation", "Closed as completed with money still owed"),
    "finding_state:open": QT_TRANSLATE_NOOP("finding_state", "To review"),
    "finding_state:confirmed": QT_TRANSLATE_NOOP("finding_state", "Confirmed"),
    "finding_state:dismissed": QT_TRANSLATE_NOOP("finding_state", "Dismissed"),
    "fact:filed": QT_TRANSLATE_NOOP("fact", "Filed"),
    "fact:entered": QT_TRANSLATE_NOOP("fact", "Reached"),
    "fact:left": QT_TRANSLATE_NOOP("fact", "Done"),
    "fact:due": QT_TRANSLATE_NOOP("fact", "Limit ran out"),
    "fact:checked": QT_TRANSLATE_NOOP("fact", "Still not done when seen"),
    "fact:closed": QT_TRANSLATE_NOOP("fact", "Closed"),
    "fact:last_activity": QT_TRANSLATE_NOOP("fact", "Last enforcement act"),
    "fact:auction_failed": QT_TRANSLATE_NOOP("fact", "Auction failed"),
    "fact:next_round": QT_TRANSLATE_NOOP("fact", "Next round held"),
    "fact:received": QT_TRANSLATE_NOOP("fact", "Money received"),
    "fact:paid": QT_TRANSLATE_NOOP("fact", "Paid out in full"),
    "fact:complaint_received": QT_TRANSLATE_NOOP("fact", "Complaint received"),
    "fact:complaint_concluded": QT_TRANSLATE_NOOP("fact", "Complaint concluded"),
    "fact:terminated": QT_TRANSLATE_NOOP("fact", "Terminated (终本)"),
    "fact:measure_lapsed": QT_TRANSLATE_NOOP("fact", "Measure lapsed"),
    "fact:hit": QT_TRANSLATE_NOOP("fact", "Property found"),
    "fact:supervision_issued": QT_TRANSLATE_NOOP("fact", "Supervision order issued"),
    "fact:noted": QT_TRANSLATE_NOOP("fact", "Recorded by a supervisor"),
    "action:confirm_finding": QT_TRANSLATE_NOOP("action", "Confirmed a finding of passive enforcement"),
    "action:dismiss_finding": QT_TRANSLATE_NOOP("action", "Dismissed a finding of passive enforcement"),
    "action:record_finding": QT_TRANSLATE_NOOP("action", "Recorded a finding of passive enforcement"),
    "permission:finding.decide": QT_TRANSLATE_NOOP(
        "permission", "confirm, dismiss and record findings of passive enforcement on the courts below"
    ),
    # process warnings (流程预警)
    "warning:due_soon": QT_TRANSLATE_NOOP("warning", "Due soon"),
    "warning:overdue": QT_TRANSLATE_NOOP("warning", "Overdue"),
    "warning:seriously_overdue": QT_TRANSLATE_NOOP("warning", "Seriously overdue"),
    "warning:idle": QT_TRANSLATE_NOOP("warning", "No progress"),
    # disposal of property (财产处置)
    "property:real_estate": QT_TRANSLATE_NOOP("property", "Real estate"),
    "property:vehicle": QT_TRANSLATE_NOOP("property", "Vehicle"),
    "property:ship": QT_TRANSLATE_NOOP("property", "Ship"),
    "property:equity": QT_TRANSLATE_NOOP("property", "Equity"),
    "valuation:negotiation": QT_TRANSLATE_NOOP("valuation", "Agreed by the parties (议价)"),
    "valuation:directed_inquiry": QT_TRANSLATE_NOOP("valuation", "Directed inquiry (定向询价)"),
    "valuation:online_inquiry": QT_TRANSLATE_NOOP("valuation", "Online inquiry (网络询价)"),
    "valuation:appraisal": QT_TRANSLATE_NOOP("valuation", "Appraisal (委托评估)"),
    "disposal_state:valued": QT_TRANSLATE_NOOP("disposal_state", "Valued, to auction"),
    "disposal_state:unsold_once": QT_TRANSLATE_NOOP("disposal_state", "First auction failed"),
    "disposal_state:unsold_twice": QT_TRANSLATE_NOOP("disposal_state", "Second auction failed"),
    "disposal_state:sold": QT_TRANSLATE_NOOP("disposal_state", "Sold at auction"),
    "disposal_state:sold_off": QT_TRANSLATE_NOOP("disposal_state", "Sold by conversion"),
    "disposal_state:taken_in_kind": QT_TRANSLATE_NOOP("disposal_state", "Taken in payment"),
    "disposal_state:not_sold": QT_TRANSLATE_NOOP("disposal_state", "Not sold: released"),
    "disposal_round:first_auction": QT_TRANSLATE_NOOP("disposal_round", "First auction"),
    "disposal_round:second_auction": QT_TRANSLATE_NOOP("disposal_round", "Second auction"),
    "disposal_round:sale": QT_TRANSLATE_NOOP("disposal_round", "Sale by conversion (变卖)"),
    "disposal_round:in_kind": QT_TRANSLATE_NOOP("disposal_round", "Settlement in kind (以物抵债)"),
    "action:value_property": QT_TRANSLATE_NOOP("action", "Recorded a valuation"),
    "action:record_disposal_round": QT_TRANSLATE_NOOP("action", "Recorded an auction or a sale"),
    # a field team's people
    "crew:judge": QT_TRANSLATE_NOOP("crew", "Enforcement judge"),
    "crew:assistant": QT_TRANSLATE_NOOP("crew", "Judge's assistant"),
    "crew:clerk": QT_TRANSLATE_NOOP("crew", "Clerk"),
    "crew:bailiff": QT_TRANSLATE_NOOP("crew", "Judicial police"),
    "party:applicant": QT_TRANSLATE_NOOP("party", "Applicant"),
    "party:respondent": QT_TRANSLATE_NOOP("party", "Respondent"),
    "action:approve": QT_TRANSLATE_NOOP("action", "Approved"),
    "action:reject": QT_TRANSLATE_NOOP("action", "Rejected"),
}


def name(kind: str, code: str | None) -> str:
    """The display name of an API code of a kind: `name("node", "freeze")`, `name("category", "bank")`.
    A code of None is "none" (a link not made yet); a code this console does not know shows as it came."""
    source = _NAMES.get(f"{kind}:{code or 'none'}")
    return (code or "") if source is None else QCoreApplication.translate(kind, source)


def backend_name(backend: str) -> str:
    """How a backend is named to the operator: its profile's name, or the embedded one's, translated."""
    return QCoreApplication.translate("Names", "Embedded backend") if backend == EMBEDDED else backend


_ARTICLE = re.compile(r"art\. (\d+)(?:\((\d+)\))?")
_DIGITS = "〇一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1 to 99 as a citation writes them: 一, 十, 十四, 二十三."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")) + ("" if ones == 0 else _DIGITS[ones])


def cite(source: str) -> str:
    """A rule's articles as the backend cites them ("art. 1(4), art. 5"), in Chinese as a court
    writes them (第一条第（四）项、第五条); other text is left as it came."""
    if QLocale().language() != QLocale.Language.Chinese:
        return source

    def article(match: re.Match) -> str:
        said = f"第{_chinese_number(int(match[1]))}条"
        return said if match[2] is None else f"{said}第（{_chinese_number(int(match[2]))}）项"

    return _ARTICLE.sub(article, source).replace(", ", "、")


def format_date(moment: float | None) -> str:
    """A day as the centre writes it, 2026-12-03; "—" for none."""
    return "—" if moment is None else time.strftime("%Y-%m-%d", time.localtime(moment))


def format_yuan(amount: float, exact: bool = False) -> str:
    """Money as the centre reads it: in Chinese by 万 (10⁴) and 亿 (10⁸), in English by million and
    billion; `exact` to the fen, as a ledger writes it."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    if exact:
        return f"{amount:,.2f}元" if chinese else f"¥{amount:,.2f}"
    if chinese:
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


def escalation_title(escalation) -> str:
    """An escalation's name in the console's language: its kind's, or the backend's title for a
    kind this console does not know."""
    return _named_by_kind("escalation_kind", escalation.kind, escalation.title)


def campaign_title(campaign) -> str:
    """A campaign's name in the console's language: its kind's, or the backend's name."""
    return _named_by_kind("campaign", campaign.kind, campaign.name)


def _named_by_kind(kind: str, code: str, given: str) -> str:
    shown = name(kind, code)
    return given if shown == code else shown
