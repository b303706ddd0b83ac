"""The contract against the real API: skipped unless SILICONFLOW_API_KEY is set (marker `live`).

    SILICONFLOW_API_KEY=sk-... pytest -m live tests/contract
    SILICONFLOW_CONTRACT_URL=https://api.siliconflow.com/v1   # optional, for a .com key

Schema-valid data only, the spec's examples and a few generated cases, each made cheap before it is
sent (tests/contract/schemathesis_hooks.py, `make_cheap`): Qwen/Qwen3-8B, one choice, at most 16
answer and 128 reasoning tokens, a prompt of one short message. At most LIVE_EXAMPLES + 2 billed
requests (ignored_auth adds unauthenticated ones, which are refused with 401 and cost nothing).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings
from schemathesis import GenerationMode

from tests.contract.contract_kit import Case, check, load_schema, parametrize
from tests.contract.schemathesis_hooks import LIVE_ENV

API_KEY = os.environ.get("SILICONFLOW_API_KEY", "")
LIVE_URL = os.environ.get("SILICONFLOW_CONTRACT_URL", "https://api.siliconflow.cn/v1")
LIVE_EXAMPLES = 5

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        not API_KEY, reason="set SILICONFLOW_API_KEY to run the contract against the live API"
    ),
]

schema = load_schema(token=API_KEY or "unset")
schema.config.generation.update(modes=[GenerationMode.POSITIVE])
schema.config.phases.update(phases=["examples", "fuzzing"])
schema.config.update(request_timeout=60)


@pytest.fixture(scope="module", autouse=True)
def cheap_requests() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(LIVE_ENV, "1")
        yield


@parametrize(schema)
@settings(max_examples=LIVE_EXAMPLES, deadline=None, database=None)
def test_the_live_api_keeps_the_spec(case: Case) -> None:
    check(case, base_url=LIVE_URL)
