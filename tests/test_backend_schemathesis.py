"""Property-based checks of the served contract (schemathesis): no server errors, answers that
match the published schemas, and invalid input rejected. A bounded number of examples each."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.support.backends import start_backend

EXAMPLES_PER_OPERATION = 10


@pytest.fixture(scope="module")
def probed_backend():
    """A backend of its own: generated commands change things that other tests rely on."""
    running = start_backend()
    yield running
    running.process.close()


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_the_backend_keeps_its_contract(probed_backend, mode):
    # The event stream never ends, so it cannot be fetched whole; its own tests cover it.
    schema = schemathesis.openapi.from_url(probed_backend.api("openapi.json")).exclude(path="/api/v1/events")
    headers = probed_backend.auth("supervisor")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 25
    checked = 0
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case) -> None:
            # Schema-valid requests may still be refused on their meaning, as the contract says
            # (an amount above what was found, a page token this backend never issued): 422.
            case.call_and_validate(headers=headers, timeout=10, excluded_checks=[positive_data_acceptance])

        try:
            check()
        except Unsatisfiable:
            # An operation with nothing to get wrong (no parameters, no body) has no invalid input.
            assert mode == schemathesis.GenerationMode.NEGATIVE
            continue
        checked += 1
    assert checked > 20
