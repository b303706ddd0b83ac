"""The mock's files and batches: the wrapped answers, the checks, and the engine's timeline."""

from __future__ import annotations

import json

import anyio
import httpx
import pytest
from siliconflow_mock import create_app

AUTH = {"Authorization": "Bearer sk-mock"}
LINE = json.dumps(
    {"custom_id": "a", "body": {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}]}}
)


def client(step: float = 0.05) -> httpx.AsyncClient:
    app = create_app(batch_step_seconds=step)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock/v1", headers=AUTH)


async def upload(http: httpx.AsyncClient, content: bytes, purpose: str = "batch") -> httpx.Response:
    return await http.post("/files", data={"purpose": purpose}, files={"file": ("in.jsonl", content)})


@pytest.mark.anyio
async def test_upload_answers_wrapped_and_the_list_says_created_at() -> None:
    async with client() as http:
        uploaded = await upload(http, (LINE + "\n").encode())
        listed = await http.get("/files", params={"purpose": "batch", "limit": 5})
    assert uploaded.status_code == 200
    body = uploaded.json()
    assert (body["code"], body["message"], body["status"]) == (20000, "Ok", True)
    assert body["data"]["id"].startswith("file-")
    assert "createdAt" in body["data"]
    [item] = listed.json()["data"]["data"]
    assert item["id"] == body["data"]["id"]
    assert "created_at" in item
    assert item["line_count"] == 1


@pytest.mark.anyio
async def test_uploads_over_the_limits_or_without_purpose_are_400() -> None:
    async with client() as http:
        too_long = await upload(http, ((LINE + "\n") * 5001).encode())
        wrong_purpose = await upload(http, b"x", purpose="fine-tune")
        not_multipart = await http.post("/files", json={"purpose": "batch"})
        no_token = await http.get("/files", headers={"Authorization": "Bearer nope"})
    assert too_long.status_code == 400
    assert "5000 lines" in too_long.json()["message"]
    assert wrong_purpose.status_code == 400
    assert not_multipart.status_code == 400
    assert no_token.status_code == 401


@pytest.mark.anyio
async def test_a_batch_moves_through_its_statuses_and_unknown_ids_are_404() -> None:
    async with client(step=0.05) as http:
        file_id = (await upload(http, (LINE + "\n").encode())).json()["data"]["id"]
        created = await http.post(
            "/batches",
            json={"input_file_id": file_id, "endpoint": "/v1/chat/completions", "completion_window": "24h"},
        )
        batch_id = created.json()["id"]
        seen: list[str] = []
        for _ in range(200):
            status = (await http.get(f"/batches/{batch_id}")).json()["status"]
            if not seen or seen[-1] != status:
                seen.append(status)
            if status == "completed":
                break
            await anyio.sleep(0.01)
        final = (await http.get(f"/batches/{batch_id}")).json()
        output = await http.get(f"/files/{final['output_file_id']}/content")
        missing = await http.get("/batches/batch_nope")
        bad_window = await http.post(
            "/batches",
            json={"input_file_id": file_id, "endpoint": "/v1/chat/completions", "completion_window": "400h"},
        )
        unknown_file = await http.post(
            "/batches",
            json={"input_file_id": "file-x", "endpoint": "/v1/chat/completions", "completion_window": "24h"},
        )
    assert created.json()["object"] == "batch"
    assert seen == ["in_queue", "in_progress", "finalizing", "completed"]
    assert final["request_counts"] == {"total": 1, "completed": 1, "failed": 0}
    assert final["completed_at"] is not None
    [line] = [json.loads(raw) for raw in output.content.splitlines()]
    assert line["custom_id"] == "a"
    assert line["response"]["body"]["object"] == "chat.completion"
    assert missing.status_code == 404
    assert bad_window.status_code == 400
    assert unknown_file.status_code == 404
