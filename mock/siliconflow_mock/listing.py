"""GET /v1/models and GET /v1/user/info: the mock's own model table, and a retired endpoint.

The table is the mock's knowledge (not the client's): a few models of every type and sub-type, so
filters can be tried. The query values allowed are the spec's own `ModelType` / `ModelSubType`
enums; anything else gets SiliconFlow's 400 with code 20015.

GET /user/info was retired by SiliconFlow on 2026-08-14: the live server answers 410 Gone (seen
2026-08-28). The body's code 20092 is what one third party recorded; the message is ours (the real
one is not known). Auth is checked first, as for every other route of the mock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from siliconflow_mock.responses import error_body, json_response

INVALID_PARAMETER_CODE = 20015

# id -> (type, sub_type). Chat models as listed after the 2026 retirements (GLM-4.7 and Kimi-K2.5
# are gone from the list; K2.5 is redirected to K2.6): release notes through 2026-10.
MODEL_TABLE: dict[str, tuple[str, str]] = {
    "Qwen/Qwen3-8B": ("text", "chat"),
    "Qwen/Qwen3.5-35B-A3B": ("text", "chat"),
    "deepseek-ai/DeepSeek-V3.2": ("text", "chat"),
    "deepseek-ai/DeepSeek-V4-Flash": ("text", "chat"),
    "Pro/deepseek-ai/DeepSeek-V4": ("text", "chat"),
    "Pro/zai-org/GLM-5.1": ("text", "chat"),
    "Pro/zai-org/GLM-5.2": ("text", "chat"),
    "Pro/moonshotai/Kimi-K2.6": ("text", "chat"),
    "BAAI/bge-m3": ("text", "embedding"),
    "BAAI/bge-reranker-v2-m3": ("text", "reranker"),
    "Kwai-Kolors/Kolors": ("image", "text-to-image"),
    "Qwen/Qwen-Image-Edit": ("image", "image-to-image"),
    "FunAudioLLM/SenseVoiceSmall": ("audio", "speech-to-text"),
    "Wan-AI/Wan2.2-T2V-A14B": ("video", "text-to-video"),
}

USER_INFO_RETIRED_CODE = 20092
USER_INFO_RETIRED = "GET /user/info was retired on 2026-08-14"


def _enum(spec: Mapping[str, Any], name: str) -> frozenset[str]:
    return frozenset(spec["components"]["schemas"][name]["enum"])


class Listing:
    """The two read-only endpoints (one retired); `check_auth` raises the mock's 401 for a bad token."""

    def __init__(self, spec: Mapping[str, Any], check_auth: Callable[[Request], None]) -> None:
        self._types = _enum(spec, "ModelType")
        self._sub_types = _enum(spec, "ModelSubType")
        self._check_auth = check_auth

    async def models(self, request: Request) -> Response:
        self._check_auth(request)
        wanted: dict[str, str | None] = {}
        for name, allowed in (("type", self._types), ("sub_type", self._sub_types)):
            value = request.query_params.get(name)
            if value is not None and value not in allowed:
                message = f"{name}: {value!r} is not one of {sorted(allowed)}"
                return json_response(400, error_body(INVALID_PARAMETER_CODE, message))
            wanted[name] = value
        data = [
            {"id": model_id, "object": "model", "created": 0, "owned_by": ""}
            for model_id, (model_type, sub_type) in MODEL_TABLE.items()
            if wanted["type"] in (None, model_type) and wanted["sub_type"] in (None, sub_type)
        ]
        return json_response(200, {"object": "list", "data": data})

    async def user_info(self, request: Request) -> Response:
        self._check_auth(request)
        return json_response(410, error_body(USER_INFO_RETIRED_CODE, USER_INFO_RETIRED))
