"""Connection profiles: which backends to follow and how to reach them.

Only what is not secret is stored here (a JSON file in the config directory); the password lives
in the OS keyring (`credentials`). Each field is checked on its own, so that the profile dialog can
put every message next to the field it concerns.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

PROFILES_FILE = "profiles.json"
FORMAT_VERSION = 1


class Problem(StrEnum):
    """What is wrong with a profile's field (the dialog words it in the operator's language)."""

    MISSING = "missing"
    BAD_NAME = "bad-name"  # too long, or with a slash
    NAME_TAKEN = "name-taken"
    BAD_URL = "bad-url"
    BAD_PORT = "bad-port"
    PLAIN_HTTP = "plain-http"  # beyond loopback, not allowed by the profile
    NO_SUCH_FILE = "no-such-file"
    KEY_WITHOUT_CERT = "key-without-cert"


class InsecureTransport(ValueError):
    """Plain HTTP to a host beyond this machine, which the profile does not explicitly allow."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_transport(url: str, allow_insecure_http: bool) -> None:
    """Refuses plain HTTP beyond loopback unless allowed: a password must not cross a network in clear."""
    parts = urlsplit(url)
    if parts.scheme == "http" and not is_loopback(parts.hostname or "") and not allow_insecure_http:
        raise InsecureTransport(
            f"{url} is plain HTTP to another machine; use https, or allow insecure HTTP in the profile"
        )


@dataclass(frozen=True)
class Profile:
    name: str
    url: str
    username: str
    ca_bundle: str = ""
    client_cert: str = ""
    client_key: str = ""
    allow_insecure_http: bool = False
    autoconnect: bool = True

    @property
    def insecure(self) -> bool:
        """Plain HTTP to another machine: allowed by this profile, and to be marked as such."""
        parts = urlsplit(self.url)
        return parts.scheme == "http" and not is_loopback(parts.hostname or "")

    @property
    def verify(self) -> bool | str:
        return self.ca_bundle or True

    @property
    def cert(self) -> str | tuple[str, str] | None:
        if not self.client_cert:
            return None
        return (self.client_cert, self.client_key) if self.client_key else self.client_cert

    def errors(self, others: list[Profile] = ()) -> dict[str, Problem]:
        """Field name → what is wrong with it; empty when the profile can be used."""
        problems: dict[str, Problem] = {}
        name = self.name.strip()
        if not name:
            problems["name"] = Problem.MISSING
        elif len(name) > 64 or any(c in name for c in "/\\\n"):
            problems["name"] = Problem.BAD_NAME
        elif any(other.name == name for other in others):
            problems["name"] = Problem.NAME_TAKEN
        parts = urlsplit(self.url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems["url"] = Problem.BAD_URL
        else:
            try:
                _ = parts.port  # urlsplit checks the port only when it is asked for
            except ValueError:
                problems["url"] = Problem.BAD_PORT
            else:
                try:
                    check_transport(self.url.strip(), self.allow_insecure_http)
                except InsecureTransport:
                    problems["url"] = Problem.PLAIN_HTTP
        if not self.username.strip():
            problems["username"] = Problem.MISSING
        for field_name in ("ca_bundle", "client_cert", "client_key"):
            path = getattr(self, field_name)
            if path and not os.path.isfile(path):
                problems[field_name] = Problem.NO_SUCH_FILE
        if self.client_key and not self.client_cert:
            problems["client_key"] = Problem.KEY_WITHOUT_CERT
        return problems

    def cleaned(self) -> Profile:
        return replace(self, name=self.name.strip(), url=self.url.strip().rstrip("/"), username=self.username.strip())


class ProfileStore:
    """The profiles file: read tolerantly (a broken file is reported, not fatal), written atomically."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / PROFILES_FILE

    def load(self) -> list[Profile]:
        if not self.path.exists():
            return []
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            known = {f.name for f in fields(Profile)}
            return [Profile(**{k: v for k, v in item.items() if k in known}) for item in raw["profiles"]]
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.error("cannot read %s (%s); starting without profiles", self.path, error)
            return []

    def save(self, profiles: list[Profile]) -> None:
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(
            json.dumps(
                {"version": FORMAT_VERSION, "profiles": [asdict(p) for p in profiles]}, ensure_ascii=False, indent=2
            ),
            "utf-8",
        )
        os.replace(temporary, self.path)
