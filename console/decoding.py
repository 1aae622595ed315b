"""The checks that every decoder of a backend's JSON is made of.

Each returns a well-formed value or raises `DecodeError` saying which field was wrong and how.
"""

from __future__ import annotations

import math
from datetime import datetime
from enum import Enum

MAX_ID_LENGTH = 128
MAX_TEXT_LENGTH = 1024
MAX_LIST = 1000


class DecodeError(ValueError):
    """A record from a backend that does not match the contract."""


def required(record: dict, name: str):
    if not isinstance(record, dict):
        raise DecodeError(f"expected an object, got {type(record).__name__}")
    if name not in record:
        raise DecodeError(f"missing field {name!r}")
    return record[name]


def text(record: dict, name: str, limit: int = MAX_TEXT_LENGTH) -> str:
    value = required(record, name)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise DecodeError(f"{name!r} must be a non-empty string of at most {limit} characters")
    return value


def optional_text(record: dict, name: str) -> str | None:
    return None if record.get(name) is None else text(record, name, MAX_ID_LENGTH)


MAX_INTEGER = 2**53  # what JSON carries exactly everywhere; counts and versions stay far below


def number(record: dict, name: str, low: float, high: float) -> float:
    value = required(record, name)
    # bool is an int to Python, but `true` is no coordinate; an int has no isfinite (a 400-digit one
    # overflows it), but compares with the bounds exactly.
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or (isinstance(value, float) and not math.isfinite(value))
        or not low <= value <= high
    ):
        raise DecodeError(f"{name!r} must be a number from {low} to {high}")
    return float(value)


def integer(record: dict, name: str) -> int:
    value = required(record, name)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON has one kind of number: 3.0 is the integer 3
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INTEGER:
        raise DecodeError(f"{name!r} must be an integer from 0 to 2**53")
    return value


def timestamp(record: dict, name: str) -> float:
    value = required(record, name)
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise DecodeError(f"{name!r} must be an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise DecodeError(f"{name!r} must carry a time zone")
    return moment.timestamp()


def enum_value(record: dict, name: str, kind: type[Enum]):
    value = required(record, name)
    try:
        return kind(value)
    except ValueError:
        raise DecodeError(f"{name!r} has an unknown value {str(value)[:40]!r}") from None


def optional_timestamp(record: dict, name: str) -> float | None:
    return None if record.get(name) is None else timestamp(record, name)


def one_of(record: dict, name: str, allowed: frozenset[str]) -> str:
    value = required(record, name)
    if not isinstance(value, str) or value not in allowed:
        raise DecodeError(f"{name!r} has an unknown value {str(value)[:40]!r}")
    return value


def listed(record: dict, name: str, limit: int = MAX_LIST) -> list:
    value = required(record, name)
    if not isinstance(value, list) or len(value) > limit:
        raise DecodeError(f"{name!r} must be a list of at most {limit} items")
    return value
