"""The contract over a real loopback socket, streams first.

httpx's in-process ASGI transport buffers a whole response, so a stream's timing and chunking over
TCP are only seen against the running server. Schema-valid bodies only, each one switched to
`stream: true` (still valid), so the answers are SSE validated event by event (built-in check) and
chunk by chunk (custom check).
"""

from __future__ import annotations

import pytest
from hypothesis import settings
from schemathesis import GenerationMode
from siliconflow_mock import RunningMock

from tests.contract.contract_kit import Case, check, load_schema, parametrize

# Only the chat operation streams; the other operations are covered in process (test_contract_mock).
schema = load_schema().include(path="/chat/completions")
schema.config.generation.update(modes=[GenerationMode.POSITIVE])


@pytest.mark.slow
@parametrize(schema)
@settings(max_examples=25, deadline=None)
def test_streams_keep_the_spec_over_tcp(case: Case, mock_server: RunningMock) -> None:
    if isinstance(case.body, dict):
        case.body = {**case.body, "stream": True}
    check(case, base_url=mock_server.base_url)
