"""The parties' personal data (ID number, phone, home address), shown masked and revealed only one
party at a time, with a reason, each reveal audited (DOMAIN.md, Roles: need to know).

The reference backend's parties are made up: their personal data is worked out from the case and
the party's role with a key that never leaves the backend (a keyed BLAKE2b), the same at every
call, so that nothing beyond the case itself is stored, and nobody without the key can work it out
from what the API shows. An ID
number is a valid GB 11643 one (its check digit computed); a company's is a unified social credit
code (GB 32100) of the same shape. Masks keep what identifies nobody: the first three and last four
characters of a number, the first three and last four digits of a phone, the province of an address.
"""

from __future__ import annotations

import hashlib

ROLES = ("applicant", "respondent")
REVEALS_PER_HOUR = 30
ROADS = ("人民南路", "蜀都大道", "天府大道", "建设路", "解放路", "滨江路", "新华大道", "长江路", "光华大道", "中山路")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _region(court_id: str) -> str:
    """The court's six-digit division code (C510104: 510104), Chengdu's for a court without one."""
    code = court_id[1:7]
    return code if code.isdigit() else "510100"


def _id_number(region: str, digest: bytes) -> str:
    born = f"{1950 + digest[0] % 50}{1 + digest[1] % 12:02d}{1 + digest[2] % 28:02d}"
    body = f"{region}{born}{digest[3] % 10}{digest[4] % 10}{digest[5] % 10}"
    return body + _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def _credit_code(region: str, digest: bytes) -> str:
    body = f"91{region}" + "".join(_CREDIT_CHARSET[byte % 31] for byte in digest[:9])
    total = sum(_CREDIT_CHARSET.index(c) * w for c, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return body + _CREDIT_CHARSET[(31 - total % 31) % 31]


def personal(case: dict, role: str, key: bytes) -> dict:
    """A party of `case` (`role`: applicant or respondent) with its personal data, unmasked."""
    party = case[role]
    # A resumed case (执恢) keeps the parties of the case it resumes, and so their personal data.
    origin = case.get("_parties_of") or f"{case['id']}/{case['number']}"
    digest = hashlib.blake2b(f"{origin}/{role}".encode(), key=key, digest_size=24).digest()
    region = _region(case["court_id"])
    digits = "".join(str(byte % 10) for byte in digest[12:24])
    if party["type"] == "company":
        identifier, phone = _credit_code(region, digest), f"028-8{digits[:7]}"
    else:
        identifier, phone = _id_number(region, digest), f"1{'3578'[digest[9] % 4]}{digits[:9]}"
    room = f"{1 + digest[10] % 30}0{digest[11] % 10}"
    address = f"四川省{ROADS[digest[6] % len(ROADS)]}{1 + digest[7] % 400}号{1 + digest[8] % 9}栋{room}室"
    return {"type": party["type"], "name": party["name"], "id_number": identifier, "phone": phone, "address": address}


def masked(case: dict, role: str, key: bytes) -> dict:
    """The party as lists and the case view show it: personal data masked."""
    shown = personal(case, role, key)
    number, phone = shown["id_number"], shown["phone"]
    shown["id_number"] = number[:3] + "*" * (len(number) - 7) + number[-4:]
    area, dash, line = phone.rpartition("-")  # a landline keeps its area code: 028-****2313
    shown["phone"] = f"{area}{dash}{'*' * (len(line) - 4)}{line[-4:]}" if dash else f"{phone[:3]}****{phone[-4:]}"
    shown["address"] = shown["address"][:3] + "*" * 8
    return shown
