"""`with_raw_response` on every resource, derived from its methods, against the mock (sync and async)."""

from __future__ import annotations

import pytest
from siliconflow import AsyncSiliconFlow, GoneError, SiliconFlow
from siliconflow_mock import RunningMock

pytestmark = pytest.mark.anyio


async def test_models_and_user_give_their_http_response(mock_server: RunningMock) -> None:
    with SiliconFlow(api_key=mock_server.token, base_url=mock_server.base_url) as client:
        raw = client.models.with_raw_response.list(sub_type="chat")
        assert raw.status_code == 200
        assert raw.http_response.request.url.path.endswith("/models")
        assert raw.parse() == client.models.list(sub_type="chat")
        with pytest.raises(GoneError) as gone:  # retired: the mock answers 410, as the live server
            client.user.with_raw_response.info()
        assert gone.value.response.request.url.path.endswith("/user/info")
        files = client.files.with_raw_response.list()
        assert files.http_response.request.url.path.endswith("/files")
        assert isinstance(files.parse(), list)
    async with AsyncSiliconFlow(api_key=mock_server.token, base_url=mock_server.base_url) as aclient:
        araw = await aclient.models.with_raw_response.list()
        assert araw.status_code == 200
        assert araw.parse()
        batches = await aclient.batches.with_raw_response.list()
        assert batches.http_response.request.url.path.endswith("/batches")
