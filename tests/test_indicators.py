"""The indicators of 基本解决执行难, as any client sees them: each court's counts, made again here
from the raw cases of three courts (their history, ledger and complaints, read through the API),
are the backend's, and so are the rates made of them; a court's user reads its jurisdiction's
courts alone; a client that read them once keeps them whole from the events."""

from __future__ import annotations

import json

from court_backend import schemas
from tests.support.backends import at, every_case

FINAL = ("completed", "terminated_for_now", "terminated", "not_enforced", "archived")


def counts_of(details: list[dict], since: float, now: float) -> dict:
    counted = dict.fromkeys(
        ("filed", "closed", "enforced", "enforced_in_limit", "terminated_for_now", "terminated_qualified"), 0
    )
    counted.update(complaints=0, complaints_concluded=0, sought=0.0, realised=0.0)
    for case in details:
        if at(case["filed_at"]) < since:
            continue
        counted["filed"] += 1
        for complaint in case["complaints"]:
            counted["complaints"] += 1
            counted["complaints_concluded"] += complaint["concluded_at"] is not None
        visited = [visit["node"] for visit in case["history"]]
        ended = next((visit for visit in case["history"] if visit["node"] in FINAL), None)
        if ended is None:
            continue
        counted["closed"] += 1
        counted["sought"] += case["amount_sought"]
        counted["realised"] += case["amount_realised"]
        if ended["node"] == "completed" or (ended["node"] == "archived" and "settlement" in visited):
            counted["enforced"] += 1
            counted["enforced_in_limit"] += at(ended["entered_at"]) <= at(case["deadline"])
        if ended["node"] == "terminated_for_now":
            counted["terminated_for_now"] += 1
            checklist = case["termination"]["checklist"]
            counted["terminated_qualified"] += all(item["state"] != "unmet" for item in checklist)
    return counted


def test_each_courts_indicators_are_made_of_its_raw_cases(stepped_backend):
    figures = stepped_backend.get("indicators", username="supervisor")
    assert figures["targets"] == {
        "closed_in_limit": 0.9,
        "termination_qualified": 0.9,
        "complaints_concluded": 0.9,
        "overall_closure": 0.8,
    }
    since, now = at(figures["since"]), at(figures["computed_at"])
    assert round((now - since) / 86_400) == 3 * 365  # 近三年
    cases = every_case(stepped_backend)
    assert min(at(c["filed_at"]) for c in cases) < now - 2 * 365 * 86_400  # a history of years, not months
    by_court = {c["court_id"]: c for c in figures["courts"]}
    assert sum(c["filed"] for c in by_court.values()) == sum(at(c["filed_at"]) >= since for c in cases)
    busiest = sorted(by_court.values(), key=lambda c: -c["complaints"])[:2] + [
        max(by_court.values(), key=lambda c: c["terminated_for_now"])
    ]
    for court in busiest:
        details = [stepped_backend.get(f"cases/{c['id']}") for c in cases if c["court_id"] == court["court_id"]]
        counted = counts_of(details, since, now)
        for name, value in counted.items():
            assert abs(court[name] - value) < 0.05, (court["court_id"], name, court[name], value)
        for name, (part, whole) in {
            "closed_in_limit": ("enforced_in_limit", "enforced"),
            "overall_closure": ("closed", "filed"),
            "realisation": ("realised", "sought"),
        }.items():
            expected = round(court[part] / court[whole], 4) if court[whole] else None
            assert court["rates"][name] == expected


def test_a_court_reads_the_indicators_of_its_jurisdiction_alone(stepped_backend):
    courts = {c["id"]: c for c in stepped_backend.get("courts", page_size=1000)["items"]}
    figures = stepped_backend.get("indicators", username="supervisor")["courts"]
    basic = next(courts[c["court_id"]] for c in figures if courts[c["court_id"]]["level"] == "basic")
    stepped_backend.add_user("basic_reader", "observer", basic["id"])
    stepped_backend.add_user("parent_reader", "observer", basic["parent_id"])
    assert [c["court_id"] for c in stepped_backend.get("indicators", username="basic_reader")["courts"]] == [
        basic["id"]
    ]
    area = {c["court_id"] for c in stepped_backend.get("indicators", username="parent_reader")["courts"]}
    assert basic["id"] in area and all(
        court_id == basic["parent_id"] or courts[court_id]["parent_id"] == basic["parent_id"] for court_id in area
    )
    for reader, shown in (("supervisor", [basic["id"]]), ("parent_reader", [basic["id"]]), ("basic_reader", [])):
        alone = stepped_backend.get(
            "indicators", username=reader, court_id=basic["id"] if shown else basic["parent_id"]
        )
        assert [c["court_id"] for c in alone["courts"]] == shown


def test_the_campaigns_progress_per_court_is_made_of_its_raw_cases(stepped_backend):
    campaigns = {c["kind"]: c for c in stepped_backend.get("campaigns", username="supervisor")["items"]}
    assert campaigns["hundred_days"]["name"] == "百日执行攻坚战" and campaigns["new_year"]["name"] == "司法大拜年"
    now = at(campaigns["hundred_days"]["computed_at"])
    running, ended = campaigns["hundred_days"], campaigns["new_year"]
    assert at(running["starts_at"]) < now < at(running["ends_at"]) and at(ended["ends_at"]) < now
    cases = every_case(stepped_backend)
    for campaign in (running, ended):
        starts_at, until = at(campaign["starts_at"]), min(at(campaign["ends_at"]), now)
        court = max(campaign["courts"], key=lambda c: c["done"]["closed"])
        assert court["targets"]["closed"] > 0
        done = {"closed": 0, "realised": 0.0, "listed": 0}
        for case in (c for c in cases if c["court_id"] == court["court_id"]):
            detail = stepped_backend.get(f"cases/{case['id']}")
            ended_at = next((at(v["entered_at"]) for v in detail["history"] if v["node"] in FINAL), None)
            if ended_at is not None and starts_at <= ended_at <= until:
                done["closed"] += 1
                done["realised"] += detail["amount_realised"]
            listed = [at(c["ordered_at"]) for c in detail["credit"] if c["kind"] == "dishonest"]
            done["listed"] += bool(listed) and starts_at <= min(listed) <= until
        assert court["done"]["closed"] == done["closed"] and court["done"]["listed"] == done["listed"]
        assert abs(court["done"]["realised"] - done["realised"]) < 0.05
    levels = {c["id"]: c["level"] for c in stepped_backend.get("courts", page_size=1000)["items"]}
    in_both = {c["court_id"] for c in running["courts"]} & {c["court_id"] for c in ended["courts"]}
    basic = min(court_id for court_id in in_both if levels[court_id] == "basic")
    stepped_backend.add_user("campaign_reader", "observer", basic)
    seen = stepped_backend.get("campaigns", username="campaign_reader")["items"]
    assert len(seen) == 2 and all([c["court_id"] for c in campaign["courts"]] == [basic] for campaign in seen)
    assert [c["kind"] for c in stepped_backend.get("campaigns", kind="new_year")["items"]] == ["new_year"]


def test_a_client_keeps_its_figures_whole_from_the_events(stepped_backend):
    held = {c["court_id"]: c for c in stepped_backend.get("indicators", username="supervisor")["courts"]}
    progress = {
        (campaign["id"], court["court_id"]): court
        for campaign in stepped_backend.get("campaigns", username="supervisor")["items"]
        for court in campaign["courts"]
    }
    since = stepped_backend.newest_event()
    for _ in range(4):  # counted again at the end of each step of more than a minute
        stepped_backend.step(3600)
    changed = {"indicator.updated": 0, "campaign.progress": 0}
    for event in stepped_backend.events(since, stepped_backend.newest_event()):
        if event.type not in changed:
            continue
        changed[event.type] += 1
        update = json.loads(event.data)
        if event.type == "indicator.updated":
            schemas.CourtIndicatorsUpdate.model_validate(update)
            held[update["court_id"]] = {k: v for k, v in update.items() if k not in ("computed_at", "since", "targets")}
        else:
            schemas.CampaignProgress.model_validate(update)
            progress[update["campaign_id"], update["court_id"]] = {
                k: update[k] for k in ("court_id", "targets", "done")
            }
    assert changed["indicator.updated"] > 0 and changed["campaign.progress"] > 0
    assert held == {c["court_id"]: c for c in stepped_backend.get("indicators", username="supervisor")["courts"]}
    assert progress == {
        (campaign["id"], court["court_id"]): court
        for campaign in stepped_backend.get("campaigns", username="supervisor")["items"]
        for court in campaign["courts"]
    }
