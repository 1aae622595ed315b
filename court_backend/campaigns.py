"""专项执行行动: time-boxed enforcement campaigns over some courts, each court with its targets
(cases closed, money realised, respondents listed as dishonest), and its progress against them
from the campaign's start to its end (or to now).

The demo runs two over its calendar (seed: 百日执行攻坚战, 司法大拜年): the hundred days' campaign,
under way, and the Spring Festival campaign of the last New Year, ended. Each court's targets are
set from what it held when the campaign began: half its open cases closed, a third of what they
sought realised, and a listing for one in five of them.

Progress is counted from the columns kept beside each case (`cases.INDICATOR_COLUMNS`, their
covering index) on a worker thread: a case closed within the campaign's dates, the money realised
in it, a respondent first listed within them.
"""

from __future__ import annotations

import calendar
import math
import sqlite3
from pathlib import Path

from court_backend.catalogue import DAY_S
from court_backend.clock import utc_iso
from court_backend.records import Records

HUNDRED_DAYS = 100
HUNDRED_DAYS_BEGUN = 60  # days before the book's start: under way when the centre opens its console
# The Spring Festival (春节) of each year the book reaches; the campaign runs from 30 days before
# it to 15 after.
SPRING_FESTIVALS = {2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26)}
NEW_YEAR_SPAN = (30, 15)
SHARES = {"closed": 0.5, "realised": 1 / 3, "listed": 0.2}
MEASURES = ("closed", "realised", "listed")
NOTHING_DONE = {"closed": 0, "realised": 0.0, "listed": 0}


def _festival(year: int) -> float:
    """Midnight (UTC) of the Spring Festival of `year`."""
    month, day = SPRING_FESTIVALS[year]
    return float(calendar.timegm((year, month, day, 0, 0, 0)))


def plan_demo(records: Records, database: Path, courts: list[str], now: float) -> None:
    """The demo's campaigns, once: the hundred days' under way, the last Spring Festival's ended."""
    if any(True for _ in records.all("campaign")):
        return
    year = int(utc_iso(now)[:4])
    passed = [_festival(y) for y in (year - 1, year) if y in SPRING_FESTIVALS and _festival(y) < now]
    begun = now - HUNDRED_DAYS_BEGUN * DAY_S
    planned = [("hundred_days", "百日执行攻坚战", begun, begun + HUNDRED_DAYS * DAY_S)]
    if passed:  # a calendar beyond the table's years has no Spring Festival campaign
        festival = max(passed)
        starts_at, ends_at = festival - NEW_YEAR_SPAN[0] * DAY_S, festival + NEW_YEAR_SPAN[1] * DAY_S
        planned.insert(0, ("new_year", "司法大拜年", starts_at, ends_at))
    for kind, name, starts_at, ends_at in planned:
        targets = _targets(database, courts, starts_at)
        campaign = {
            "id": records.new_id("campaign", "A"),
            "kind": kind,
            "name": name,
            "starts_at": utc_iso(starts_at),
            "ends_at": utc_iso(ends_at),
            "courts": [  # those with something to do: they held open cases when it began
                {"court_id": court_id, "targets": targets[court_id]}
                for court_id in courts
                if any(targets[court_id].values())
            ],
            "version": 1,
            "_span": (starts_at, ends_at),
        }
        records.put("campaign", campaign)


def _targets(database: Path, courts: list[str], at: float) -> dict[str, dict]:
    """Each court's targets from the cases it held open at `at`."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        held = {
            court_id: (count, sought)
            for court_id, count, sought in db.execute(
                "select court_id, count(*), total(sought) from cases indexed by cases_indicators"
                " where filed_at <= ? and (closed_at is null or closed_at > ?) group by court_id",
                (at, at),
            )
        }
    finally:
        db.close()
    targets = {}
    for court_id in courts:
        count, sought = held.get(court_id, (0, 0.0))
        targets[court_id] = {
            "closed": math.ceil(count * SHARES["closed"]),
            "realised": round(sought * SHARES["realised"], 2),
            "listed": math.ceil(count * SHARES["listed"]),
        }
    return targets


def progress_of(campaign: dict, court: dict, done: dict[str, dict], at: float) -> dict:
    """A court's part of a campaign, as `campaign.progress` publishes it."""
    return {
        "campaign_id": campaign["id"],
        **{key: campaign[key] for key in ("kind", "name", "starts_at", "ends_at")},
        "court_id": court["court_id"],
        "targets": court["targets"],
        "done": done.get(court["court_id"], NOTHING_DONE),
        "computed_at": utc_iso(at),
    }


def progress(database: Path, campaigns: list[dict], now: float) -> dict[str, dict[str, dict]]:
    """By campaign and court: what was done from its start to its end, or to `now`."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    done: dict[str, dict[str, dict]] = {}
    try:
        for campaign in campaigns:
            starts_at, ends_at = campaign["_span"]
            until = min(ends_at, now)
            closed = {
                court_id: (count, realised)
                for court_id, count, realised in db.execute(
                    "select court_id, count(*), total(realised) from cases indexed by cases_indicators"
                    " where closed_at between ? and ? group by court_id",
                    (starts_at, until),
                )
            }
            listed = dict(
                db.execute(
                    "select court_id, count(*) from cases indexed by cases_indicators"
                    " where listed_at between ? and ? group by court_id",
                    (starts_at, until),
                ).fetchall()
            )
            done[campaign["id"]] = {
                court_id: {
                    "closed": closed.get(court_id, (0, 0.0))[0],
                    "realised": round(closed.get(court_id, (0, 0.0))[1], 2),
                    "listed": listed.get(court_id, 0),
                }
                for court_id in {c["court_id"] for c in campaign["courts"]}
            }
    finally:
        db.close()
    return done
