"""schemathesis property tests of openapi.yaml against the mock: every check, positive and negative data.

In process (ASGI) for speed; schemathesis's own ASGI client reads event streams event by event, so
the SSE answers are validated here too, and over a real socket in test_contract_loopback.
"""

from __future__ import annotations

import pytest
from hypothesis import settings
from siliconflow_mock import create_app

from tests.contract.contract_kit import Case, check, load_schema, parametrize

schema = load_schema(app=create_app())


@pytest.mark.slow
@parametrize(schema)
@settings(max_examples=100, deadline=None)
def test_the_mock_keeps_the_spec(case: Case) -> None:
    check(case)
