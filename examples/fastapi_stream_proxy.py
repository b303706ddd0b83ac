# Against the mock: `make mock` in another terminal, then
#   SILICONFLOW_BASE_URL=http://127.0.0.1:8000/v1 SILICONFLOW_API_KEY=sk-mock python examples/fastapi_stream_proxy.py
# and in a third: curl -N localhost:8080/chat -H 'content-type: application/json' -d '{"question": "Hi"}'
# (needs fastapi and uvicorn: pip install fastapi uvicorn)
"""A FastAPI service that answers a question as a stream of server-sent events, and also whole.

The stream is created in the handler, before the response starts: the request goes out at the
call, so a SiliconFlow error (a bad model, a wrong key, a rate limit) is raised there and becomes
an HTTP error for the caller, never an empty 200. A stream that breaks later sends what it has and
then an `error` event.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel
from siliconflow import APIStatusError, AsyncSiliconFlow, SiliconFlowError, StreamError

MODEL = os.environ.get("CHAT_MODEL", "Qwen/Qwen3-8B")


class Question(BaseModel):
    question: str
    model: str = MODEL


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.client = AsyncSiliconFlow()  # one client, one connection pool, for the whole service
    yield
    await app.state.client.close()


app = FastAPI(lifespan=lifespan)


@app.exception_handler(APIStatusError)
async def siliconflow_status(request: Request, error: APIStatusError) -> JSONResponse:
    """SiliconFlow said no: pass its status and message on, with its trace id for support."""
    status = error.status_code if 400 <= error.status_code < 500 else 502
    return JSONResponse({"error": error.message, "trace_id": error.trace_id}, status_code=status)


@app.exception_handler(SiliconFlowError)
async def siliconflow_unreachable(request: Request, error: SiliconFlowError) -> JSONResponse:
    return JSONResponse({"error": "the model service is unavailable"}, status_code=503)


@app.post("/chat")
async def chat(body: Question, request: Request) -> StreamingResponse:
    stream = await request.app.state.client.chat.completions.create(
        model=body.model, messages=[{"role": "user", "content": body.question}], stream=True
    )

    async def events() -> AsyncIterator[str]:
        async with stream:
            try:
                async for chunk in stream:
                    yield f"data: {chunk.to_json(indent=None)}\n\n"
            except StreamError as error:
                yield f"event: error\ndata: {error}\n\n"
                return
        yield "data: [DONE]\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")


@app.post("/answer")
async def answer(body: Question, request: Request) -> dict[str, Any]:
    completion = await request.app.state.client.chat.completions.create(
        model=body.model, messages=[{"role": "user", "content": body.question}]
    )
    return completion.to_dict()  # exactly the keys SiliconFlow sent


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))
