"""Cases schemathesis found while the contract tests were written, kept as regression tests.

1. `max_tokens: 3.0` is a valid integer to JSON Schema; the mock sliced a list with it and answered
   500 (fixed in siliconflow_mock.answers).
2. Hypothesis draws string constants from the code under test, so it sent the mock's sentinel model
   `mock/does-not-exist`, which is refused with 400 code 20012 exactly like SiliconFlow refuses an
   unknown model; the built-in positive_data_acceptance check called that a rejection of valid
   data (configured in schemathesis.toml and tests/contract/schemathesis_hooks.py).
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from siliconflow_mock import MISSING_MODEL, create_app

from tests.contract.contract_kit import AUTH, Case, check, load_schema, operation

schema = load_schema(app=create_app())
BODY: dict[str, Any] = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "one two three"}]}


def test_a_float_max_tokens_is_answered() -> None:
    case = operation(schema).Case(
        body={**BODY, "max_tokens": 3.0}, media_type="application/json", headers=AUTH
    )
    response = check(case)
    assert response.status_code == 200
    choice = response.json()["choices"][0]
    assert (choice["message"]["content"], choice["finish_reason"]) == ("You said:", "length")


@given(case=operation(schema).as_strategy(generation_mode=schemathesis.GenerationMode.POSITIVE))
@settings(
    max_examples=3,
    deadline=None,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_a_valid_body_naming_the_missing_model_passes_the_contract(case: Case) -> None:
    assert isinstance(case.body, dict)
    case.body = {**case.body, "model": MISSING_MODEL}
    response = check(case)  # still a schema-valid (positive) case: the acceptance check runs
    assert response.status_code == 400
    assert response.json()["code"] == 20012
