"""终本 (termination of the current enforcement procedure): the gate a case passes before it, and
the pool it joins after.

The conditions are those of 《最高人民法院关于严格规范终结本次执行程序的规定（试行）》(法〔2016〕373号):
art. 1 (the execution notice and the asset-report order; the consumption restriction, and the
dishonest list where its conditions hold; property investigation exhausted, and no property found
that can still be disposed of: none under control or disposal now; more than three months since
filing), art. 3 (exhausted: a network query, and an investigation on the spot, 传统调查) and
art. 5 (the applicant told and heard before). A respondent who did not report its property breaks
the reporting system, a ground for the dishonest list (《关于公布失信被执行人名单信息的若干规定》
art. 1(4)); one who did is listed only on other grounds, which the gate does not require.
After 终本 the court queries the respondent's property every six months for five years (art. 9).
"""

from __future__ import annotations

from court_backend import credit
from court_backend.catalogue import DAY_S, NODE_BY_CODE

AFTER_FILING_DAYS = 90  # art. 1(4): more than three months since filing
REQUERY_EVERY_DAYS = 182.5  # art. 9: every six months
POOL_YEARS = 5  # art. 9: for five years

# condition → what meets it (a node the case passed, or an act recorded on it), and its source
CONDITIONS: dict[str, tuple[str | None, str]] = {
    "three_months_since_filing": (None, "art. 1(4)"),
    "execution_notice": ("execution_notice", "art. 1(1)"),
    "asset_report_order": ("asset_report_order", "art. 1(1), art. 2(1)"),
    "network_investigation": ("network_query_national", "art. 3(2)"),
    "traditional_investigation": ("traditional_investigation", "art. 3(3)"),
    "no_property_to_dispose": (None, "art. 1(3)"),
    "consumption_restriction": ("consumption_restriction", "art. 1(2)"),
    "dishonest_listing": ("dishonest_listing", "art. 1(2)"),
    "applicant_interviewed": ("applicant_interview", "art. 5"),
}
# What an operator may record as done on a case (an act outside the case's path through the nodes);
# a network query is not recorded but launched (`POST /queries`), which records it.
ACTS = tuple(done for done, _ in CONDITIONS.values() if done not in (None, "network_query_national"))


def done(doc: dict) -> set[str]:
    """The nodes a case passed, the acts recorded on it and the credit punishment ordered on it
    (unless it was made in error)."""
    ordered = {credit.NODE[c["kind"]] for c in doc.get("credit", ()) if c["end_reason"] != "wrongly_listed"}
    return {visit["node"] for visit in doc["history"]} | {act["act"] for act in doc.get("acts", ())} | ordered


def checklist(doc: dict, now: float, controlled: bool) -> list[dict]:
    """Each condition of the gate for a case at `now`: met, unmet, or not required (the dishonest
    list for a respondent who reported its property). `controlled`: a measure holds, or is about
    to take, some of the respondent's property (`Assets.controls`)."""
    passed = done(doc)
    items = []
    for condition, (act, source) in CONDITIONS.items():
        if condition == "three_months_since_filing":
            met = now > doc["filed_at"] + AFTER_FILING_DAYS * DAY_S
        elif condition == "no_property_to_dispose":  # property found and still being controlled or sold
            met = not controlled and NODE_BY_CODE[doc["node"]].phase not in ("control", "disposal")
        elif condition == "dishonest_listing" and "asset_declaration" in passed:
            items.append({"condition": condition, "state": "not_required", "source": source})
            continue
        else:
            met = act in passed
        items.append({"condition": condition, "state": "met" if met else "unmet", "source": source})
    return items


def unmet(doc: dict, now: float, controlled: bool) -> list[str]:
    return [item["condition"] for item in checklist(doc, now, controlled) if item["state"] == "unmet"]


def applies(doc: dict) -> bool:
    """Whether a case can end in 终本 at all: never a property-preservation (执保) case."""
    return doc["kind"] != "preservation"
