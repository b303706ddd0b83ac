"""A FastAPI app under real uvicorn on loopback: returns a completion and proxies a stream as SSE.

Because `create(stream=True)` sends the request at the call, a bad model raises in the handler,
before the response starts: the app's caller gets an HTTP error, not an empty 200.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse, StreamingResponse
from siliconflow import APIStatusError, AsyncChatCompletionStream, AsyncSiliconFlow
from siliconflow_mock import RunningMock


def make_app(mock: RunningMock) -> FastAPI:
    app = FastAPI()
    client = AsyncSiliconFlow(api_key=mock.token, base_url=mock.base_url, max_retries=0)

    @app.exception_handler(APIStatusError)
    async def upstream_error(request: object, error: APIStatusError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=502 if error.status_code >= 500 else 400)

    @app.get("/complete")
    async def complete(model: str = "Qwen/Qwen3-8B") -> dict[str, object]:
        completion = await client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": "hi"}]
        )
        return completion.to_dict()  # the one documented call: a plain JSON dict, exactly as sent

    @app.get("/stream")
    async def stream(model: str = "Qwen/Qwen3-8B") -> StreamingResponse:
        chunks = await client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": "hi"}], stream=True
        )
        return StreamingResponse(sse(chunks), media_type="text/event-stream")

    return app


async def sse(chunks: AsyncChatCompletionStream) -> AsyncIterator[str]:
    async with chunks:
        async for chunk in chunks:
            yield f"data: {json.dumps(chunk.to_dict())}\n\n"
    yield "data: [DONE]\n\n"


@pytest.fixture
def app_url(mock_server: RunningMock) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(make_app(mock_server), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_a_handler_returns_a_completion(app_url: str) -> None:
    response = httpx.get(f"{app_url}/complete", timeout=10)
    assert response.status_code == 200
    body = response.json()
    assert body["object"] == "chat.completion"
    assert body["choices"][0]["message"]["content"] == "You said: hi"


def test_a_handler_proxies_a_stream_as_sse(app_url: str) -> None:
    with httpx.stream("GET", f"{app_url}/stream", timeout=10) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [line.removeprefix("data: ") for line in response.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(event) for event in events[:-1]]
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == "You said: hi"


@pytest.mark.parametrize("path", ["/complete", "/stream"])
def test_a_bad_model_is_an_http_error_not_an_empty_200(app_url: str, path: str) -> None:
    response = httpx.get(f"{app_url}{path}", params={"model": "mock/does-not-exist"}, timeout=10)
    assert response.status_code == 400
    assert "error" in response.json()
