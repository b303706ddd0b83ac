"""Caller mistakes found before sending (`_core/request_checks.py`): lone surrogates and user info."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from siliconflow import AsyncSiliconFlow, SiliconFlow
from siliconflow._core.request_checks import check_base_url, check_json
from siliconflow_api.models import ChatCompletionRequest

pytestmark = pytest.mark.anyio

KEY = "sk-checks-0123456789abcdef"


def never_sent(request: httpx.Request) -> httpx.Response:
    raise AssertionError("nothing may be sent")


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ({"a": "ok \ud800"}, "request.a"),
        ({"a": [1, {"b": "x\udfff"}]}, "request.a[1].b"),
        ({"caf\ud83d": 1}, "request"),  # a key JSON cannot encode either
    ],
)
def test_a_lone_surrogate_is_a_value_error_naming_its_path(value: Any, path: str) -> None:
    with pytest.raises(ValueError, match="surrogate") as caught:
        check_json(value)
    assert path in str(caught.value)


def test_paired_surrogates_as_real_characters_pass() -> None:
    check_json({"emoji": "\U0001f600 é 中文", "ключ": "значение"})


async def test_a_surrogate_in_content_or_extra_body_is_refused_before_sending(anyio_backend: str) -> None:
    bad = ChatCompletionRequest.from_dict(
        {"model": "m", "messages": [{"role": "user", "content": "hi \ud800"}]}
    )
    good = ChatCompletionRequest.from_dict({"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    with SiliconFlow(api_key=KEY, transport=httpx.MockTransport(never_sent)) as client:
        with pytest.raises(ValueError, match=r"messages\[0\]\.content.*surrogate"):
            client.create(bad)
        with pytest.raises(ValueError, match=r"extra_body|request\.note"):
            client.create(good, extra_body={"note": "\udc80"})
    async with AsyncSiliconFlow(api_key=KEY, transport=httpx.MockTransport(never_sent)) as aclient:
        with pytest.raises(ValueError, match=r"messages\[0\]\.content.*surrogate"):
            await aclient.create(bad)


@pytest.mark.parametrize(
    "url",
    ["http://alice:pw-secret@example.com/v1", "https://alice@example.com/v1", "https://:pw-secret@h/v1"],
)
def test_a_base_url_with_user_info_is_refused_without_echoing_it(url: str) -> None:
    with pytest.raises(ValueError, match="user info") as caught:
        check_base_url(url)
    assert "pw-secret" not in str(caught.value)
    assert "alice" not in str(caught.value)
    with pytest.raises(ValueError, match="user info") as caught:
        SiliconFlow(api_key=KEY, base_url=url)
    assert "pw-secret" not in repr(caught.value)
