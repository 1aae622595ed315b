"""The domain's fixed vocabulary as the API's codes: the 37 process nodes in their phases, the query
channels and institution categories, the field operations (DOMAIN.md). Display names are the
widgets' business (widgets/names.py), so that they can be translated."""

from __future__ import annotations

PHASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("filing", ("filing_review", "filing_registration", "assignment")),
    ("start", ("execution_notice", "asset_report_order", "asset_declaration", "service_of_documents")),
    (
        "investigation",
        (
            "network_query_national",
            "network_query_provincial",
            "traditional_investigation",
            "clue_verification",
            "reward_notice",
            "audit_investigation",
        ),
    ),
    ("control", ("freeze", "seal_up", "seizure", "deduction")),
    ("disposal", ("appraisal", "price_inquiry", "online_auction", "sale", "settlement_in_kind")),
    ("credit", ("exit_restriction", "consumption_restriction", "dishonest_listing")),  # 信用惩戒
    ("coercion", ("fine", "detention", "criminal_referral")),  # 强制措施
    ("funds", ("funds_received", "funds_paid_out")),
    (
        "closing",
        ("settlement", "closing_review", "completed", "terminated_for_now", "terminated", "not_enforced", "archived"),
    ),
)
NODES: tuple[str, ...] = tuple(node for _, nodes in PHASES for node in nodes)
PHASE_OF: dict[str, str] = {node: phase for phase, nodes in PHASES for node in nodes}

CHANNELS = ("national", "provincial")
CATEGORIES = (
    "bank",
    "securities",
    "payment",
    "vehicle",
    "real_estate",
    "provident_fund",
    "social_security",
    "business_registration",
    "ship",
)
TASK_KINDS = ("service", "investigation", "seal", "seize", "search", "compel", "detain", "evict", "notice")
# How often a team on scene checks in (报平安), in minutes, unless the dispatcher says (API 1.6).
CHECK_IN_EVERY_MIN = {"search": 10, "evict": 10}  # 搜查, 强制腾退: the most dangerous
DEFAULT_CHECK_IN_MIN = 20


def check_in_minutes(kind: str) -> int:
    return CHECK_IN_EVERY_MIN.get(kind, DEFAULT_CHECK_IN_MIN)
