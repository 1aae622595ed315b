"""Case numbers as the law numbers them (DOMAIN.md): （year）川 + the court's code + the case-type
code + a sequence, per court, year and type, in filing order, never reused; the high court is 川执,
a special court has a code of its own, never its host district's."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime

from tests.support.backends import every_case

NUMBER = re.compile(r"^（(\d{4})）川(\d*)(执[恢保异]?)(\d+)号$")
CODES = {"C510000": "", "C510100": "01", "C510104": "0104", "C51R00": "71", "C51R01": "7101", "C51R02": "7102"}


def test_each_court_numbers_its_cases_by_year_and_type_in_filing_order_without_a_repeat(stepped_backend):
    cases = every_case(stepped_backend)
    numbers = [case["number"] for case in cases]
    assert len(cases) >= 1000 and len(set(numbers)) == len(numbers)
    courts = {court["id"]: court for court in stepped_backend.get("courts", page_size=1000)["items"]}
    sequences: dict[str, list[tuple[str, int]]] = defaultdict(list)
    owner: dict[str, str] = {}
    for case in cases:
        year, code, kind, place = NUMBER.match(case["number"]).groups()
        assert int(year) == datetime.fromisoformat(case["filed_at"]).year
        assert kind == {"first": "执", "resumed": "执恢", "preservation": "执保", "non_litigation": "执"}[case["kind"]]
        court = courts[case["court_id"]]
        assert (
            code == CODES.get(court["id"], code)
            and len(code) == {"high": 0, "intermediate": 2, "basic": 4}[court["level"]]
        )
        prefix = case["number"][: -len(place) - 1]
        assert owner.setdefault(prefix, court["id"]) == court["id"], prefix  # no two courts share a code
        sequences[prefix].append((case["filed_at"], int(place)))
    for prefix, filed in sequences.items():
        places = [place for _, place in sorted(filed)]
        assert places == list(range(1, len(places) + 1)), prefix  # 1, 2, 3… as they were filed
