"""The mock's GET /v1/models and GET /v1/user/info: its own table, the spec's filters, auth, 410."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
import yaml
from siliconflow_mock import DEFAULT_TOKEN, create_app
from siliconflow_mock.listing import MODEL_TABLE
from siliconflow_mock.spec import default_spec_path

AUTH = {"Authorization": f"Bearer {DEFAULT_TOKEN}"}
SPEC = yaml.safe_load(default_spec_path().read_text(encoding="utf-8"))

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as test_client:
        yield test_client


async def test_models_lists_the_whole_table_in_openai_shape(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/models", headers=AUTH)
    assert response.status_code == 200
    assert response.headers["x-siliconcloud-trace-id"]
    body = response.json()
    assert body["object"] == "list"
    assert [m["id"] for m in body["data"]] == list(MODEL_TABLE)
    assert all(m["object"] == "model" for m in body["data"])


async def test_every_type_and_sub_type_of_the_spec_has_a_model() -> None:
    schemas = SPEC["components"]["schemas"]
    assert {t for t, _ in MODEL_TABLE.values()} == set(schemas["ModelType"]["enum"])
    assert {s for _, s in MODEL_TABLE.values()} == set(schemas["ModelSubType"]["enum"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sub_type": "reranker"}, ["BAAI/bge-reranker-v2-m3"]),
        ({"type": "audio"}, ["FunAudioLLM/SenseVoiceSmall"]),
        ({"type": "image", "sub_type": "chat"}, []),
    ],
)
async def test_filters_combine(client: httpx.AsyncClient, query: dict[str, str], expected: list[str]) -> None:
    response = await client.get("/v1/models", params=query, headers=AUTH)
    assert [m["id"] for m in response.json()["data"]] == expected


async def test_a_value_outside_the_spec_enum_is_a_20015(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/models", params={"type": "hologram"}, headers=AUTH)
    assert response.status_code == 400
    assert response.json()["code"] == 20015
    assert "type" in response.json()["message"]


@pytest.mark.parametrize("path", ["/v1/models", "/v1/user/info"])
async def test_a_wrong_token_gets_the_bare_string_401(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path, headers={"Authorization": "Bearer nope"})
    assert (response.status_code, response.json()) == (401, "Invalid token")


async def test_user_info_is_gone_as_on_the_live_server(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/user/info", headers=AUTH)
    assert response.status_code == 410
    assert response.headers["x-siliconcloud-trace-id"]
    body = response.json()
    assert (body["code"], body["data"]) == (20092, None)
    assert "retired" in body["message"]
    # The answer is the one the spec declares for the retired endpoint.
    declared = SPEC["paths"]["/user/info"]["get"]["responses"]["410"]["$ref"]
    assert declared == "#/components/responses/Gone"


def test_the_listing_follows_the_2026_retirements() -> None:
    assert "Pro/zai-org/GLM-4.7" not in MODEL_TABLE  # retired 2026-06-11
    assert "moonshotai/Kimi-K2.5" not in MODEL_TABLE  # redirected to K2.6
    assert {"Pro/zai-org/GLM-5.1", "Pro/moonshotai/Kimi-K2.6", "Pro/deepseek-ai/DeepSeek-V4"} <= set(
        MODEL_TABLE
    )
