"""A 2xx answer that is not what the spec says is a typed error, through `create()` and through the
plain generated calls on `client.api` alike (the response hook of responses.py)."""

from __future__ import annotations

import copy
import json
from functools import partial
from typing import TYPE_CHECKING, Any

import pytest
from siliconflow import MalformedResponseError, SiliconFlowError
from siliconflow._core.responses import PARSED_EXTENSION, check_response
from siliconflow_api.models import ChatCompletion

from tests.overlays.conftest import API_KEY

if TYPE_CHECKING:
    from siliconflow_api.models import ChatCompletionRequest

    from tests.overlays.conftest import Script, Twin, Wire

pytestmark = pytest.mark.anyio

KEY = API_KEY  # the page echoes the key the client sent (as a proxy's error page does)
BODIES = {
    "html page": (b"<html><body>Bad gateway " + KEY.encode() + b"</body></html>", "text/html", None),
    "only an id": (b'{"id": "x"}', "application/json", "object"),
    "error payload": (b'{"code": 20015, "message": "bad", "data": null}', "application/json", "id"),
    "a JSON array": (b"[]", "application/json", ""),
    "empty": (b"", "application/json", None),
}


@pytest.mark.parametrize("name", BODIES)
async def test_the_generated_call_raises_a_typed_error(twin: Twin, wire: Wire, name: str) -> None:
    body, content_type, path = BODIES[name]
    client = twin.client(wire.script(wire.raw_step(200, body, {"content-type": content_type})))
    try:
        with pytest.raises(MalformedResponseError) as caught:
            await twin.generated(client, wire.request())
    finally:
        await twin.close(client)
    error = caught.value
    assert isinstance(error, SiliconFlowError)
    assert error.response.status_code == 200
    assert error.path == path
    assert KEY not in str(error)
    assert len(str(error)) < 200  # names the trouble (a short, redacted preview); the body stays in .response


async def generated_call(twin: Twin, script: Script, request: ChatCompletionRequest) -> Any:
    client = twin.client(script)
    try:
        return await twin.generated(client, request)
    finally:
        await twin.close(client)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("usage", "completion_tokens", "two"), "usage.completion_tokens: expected integer, got string"),
        (
            ("choices", 0, "message", "content", 42),
            "choices[0].message.content: expected string or null, got integer",
        ),
        (("choices", 0, "index", True), "choices[0].index: expected integer, got boolean"),
        (("created", None), "created: expected integer, got null"),
    ],
)
@pytest.mark.parametrize("call", ["create", "generated"])
async def test_a_wrong_json_type_names_its_path(
    twin: Twin, wire: Wire, call: str, change: tuple[Any, ...], message: str
) -> None:
    payload = copy.deepcopy(wire.fixture_json("deepseek-v3-response.json"))
    *keys, last, value = change
    target = payload
    for key in keys:
        target = target[key]
    target[last] = value
    script = wire.script(wire.json_step(200, payload))
    send = twin.run_create if call == "create" else partial(generated_call, twin)
    with pytest.raises(MalformedResponseError) as caught:
        await send(script, wire.request())
    assert message in str(caught.value)
    assert f"{caught.value.path}: expected {caught.value.expected}, got" in message


async def test_a_good_answer_is_parsed_once_and_kept_on_the_response(twin: Twin, wire: Wire) -> None:
    payload = wire.fixture_json("deepseek-v3-response.json")
    client = twin.client(wire.script(wire.json_step(200, payload)))
    try:
        completion = await twin.generated(client, wire.request())
        created = await twin.create(client, wire.request())
    finally:
        await twin.close(client)
    assert isinstance(completion, ChatCompletion)
    assert completion.to_dict() == payload == created.to_dict()


def test_the_hook_leaves_other_answers_alone(wire: Wire) -> None:
    import httpx

    stream = httpx.Response(
        200,
        headers={"content-type": "text/event-stream"},
        content=b"data: [DONE]\n\n",
        request=httpx.Request("POST", "https://x/v1/chat/completions"),
    )
    asked_for_a_stream = httpx.Response(
        200,
        content=b'{"code": 50505, "message": "busy"}',
        request=httpx.Request(
            "POST", "https://x/v1/chat/completions", headers={"accept": "text/event-stream"}
        ),
    )
    other = httpx.Response(200, content=b"<html>", request=httpx.Request("POST", "https://x/v1/embeddings"))
    failed = httpx.Response(
        400, content=b"<html>", request=httpx.Request("POST", "https://x/v1/chat/completions")
    )
    for response in (stream, asked_for_a_stream, other, failed):
        check_response(response)
        assert PARSED_EXTENSION not in response.extensions
    good = httpx.Response(
        200,
        content=json.dumps(wire.fixture_json("deepseek-v3-response.json")).encode(),
        request=httpx.Request("POST", "https://x/v1/chat/completions"),
    )
    check_response(good)
    assert isinstance(good.extensions[PARSED_EXTENSION], ChatCompletion)
