"""The documented constraints live in openapi.yaml, and they reject what the API rejects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
REQUEST = SCHEMAS["ChatCompletionRequest"]["properties"]


def request_validator() -> jsonschema.Draft202012Validator:
    schema = {"$ref": "#/components/schemas/ChatCompletionRequest", "components": SPEC["components"]}
    return jsonschema.Draft202012Validator(schema)


def minimal(**fields: Any) -> dict[str, Any]:
    return {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "hi"}], **fields}


def is_valid(body: dict[str, Any]) -> bool:
    return request_validator().is_valid(body)


def test_thinking_budget_range_is_128_to_32768() -> None:
    assert (REQUEST["thinking_budget"]["minimum"], REQUEST["thinking_budget"]["maximum"]) == (128, 32768)
    verdicts = [is_valid(minimal(thinking_budget=v)) for v in (127, 128, 32768, 32769)]
    assert verdicts == [False, True, True, False]


def test_min_p_range_is_0_to_1() -> None:
    assert (REQUEST["min_p"]["minimum"], REQUEST["min_p"]["maximum"]) == (0, 1)
    assert [is_valid(minimal(min_p=v)) for v in (-0.01, 0, 1, 1.01)] == [False, True, True, False]


def test_stop_is_a_string_or_up_to_four_strings_or_null() -> None:
    assert is_valid(minimal(stop="\n"))
    assert is_valid(minimal(stop=None))
    assert is_valid(minimal(stop=["a", "b", "c", "d"]))
    assert not is_valid(minimal(stop=["a", "b", "c", "d", "e"]))
    assert is_valid(minimal(stop=[]))  # the docs' own playground sends it


def test_at_most_128_tools_with_documented_name_rules() -> None:
    tool = {"type": "function", "function": {"name": "get_weather"}}
    assert REQUEST["tools"]["maxItems"] == 128
    assert is_valid(minimal(tools=[tool] * 128))
    assert not is_valid(minimal(tools=[tool] * 129))
    bad_names = ["has space", "x" * 65, "", "dot.name"]
    for name in bad_names:
        assert not is_valid(minimal(tools=[{"type": "function", "function": {"name": name}}])), name
    assert is_valid(minimal(tools=[{"type": "function", "function": {"name": "a-B_9" + "x" * 59}}]))


def test_reasoning_effort_accepts_the_documented_values_and_the_spellings_the_server_maps() -> None:
    assert REQUEST["reasoning_effort"]["enum"][:2] == ["high", "max"]
    assert "default `high`" in REQUEST["reasoning_effort"]["description"]
    accepted = ("high", "max", "low", "medium", "xhigh")
    assert [is_valid(minimal(reasoning_effort=v)) for v in accepted] == [True] * 5
    assert not is_valid(minimal(reasoning_effort="extreme"))


def test_messages_have_no_max_items_because_the_api_does_not_enforce_ten() -> None:
    messages = REQUEST["messages"]
    assert "maxItems" not in messages
    assert "not seen enforced" in messages["x-doc-discrepancy"].lower()
    many = [{"role": "user", "content": str(i)} for i in range(40)]
    assert is_valid(minimal(messages=many))
    assert not is_valid(minimal(messages=[]))


def test_message_union_pins_each_role_with_const() -> None:
    for name in ("SystemMessage", "UserMessage", "AssistantMessage", "ToolMessage"):
        assert SCHEMAS[name]["properties"]["role"]["const"] == name.removesuffix("Message").lower()
    assert not is_valid(minimal(messages=[{"role": "developer", "content": "x"}]))
    assert not is_valid(minimal(messages=[{"role": "tool", "content": "x"}]))  # tool_call_id is required


def test_user_content_parts_cover_text_image_video_audio() -> None:
    parts = [
        {"type": "text", "text": "what is this?"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA", "detail": "low"}},
        {"type": "video_url", "video_url": {"url": "https://example.com/v.mp4", "max_frames": 8, "fps": 1}},
        {"type": "audio_url", "audio_url": {"url": "data:audio/mpeg;base64,AAAA"}},
    ]
    assert is_valid(minimal(messages=[{"role": "user", "content": parts}]))
    assert not is_valid(minimal(messages=[{"role": "user", "content": [{"type": "file", "file": {}}]}]))


def _walk(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for key, value in node.items():
            if not str(key).startswith("x-"):  # an extension (`x-doc-says: {default: ...}`) is no schema
                found.extend(_walk(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_walk(value))
    return found


def _reachable(name: str, seen: set[str] | None = None) -> set[str]:
    seen = set() if seen is None else seen
    if name in seen:
        return seen
    seen.add(name)
    for node in _walk(SCHEMAS[name]):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            _reachable(ref.rsplit("/", 1)[1], seen)
    return seen


def test_request_schemas_carry_no_defaults_so_only_set_fields_are_sent() -> None:
    reachable = _reachable("ChatCompletionRequest")
    offenders = [name for name in reachable if any("default" in node for node in _walk(SCHEMAS[name]))]
    assert offenders == []


def test_response_enums_are_open_strings() -> None:
    response_schemas = _reachable("ChatCompletion") | _reachable("ChatCompletionChunk")
    closed = [n for n in response_schemas if any("enum" in node for node in _walk(SCHEMAS[n]))]
    assert closed == []
    assert SCHEMAS["FinishReason"]["x-known-values"] == ["stop", "eos", "length", "tool_calls"]


def test_every_doc_error_shape_is_declared() -> None:
    responses = SPEC["paths"]["/chat/completions"]["post"]["responses"]
    assert set(responses) >= {"200", "400", "401", "402", "403", "404", "429", "500", "503", "504"}
    assert SCHEMAS["RateLimitErrorBody"]["required"] == ["message"]
    assert "code" not in SCHEMAS["RateLimitErrorBody"]["properties"]
    assert SCHEMAS["ErrorMessage"]["type"] == "string"


def test_json_response_is_listed_before_the_event_stream() -> None:
    content = SPEC["paths"]["/chat/completions"]["post"]["responses"]["200"]["content"]
    assert list(content) == ["application/json", "text/event-stream"]


@pytest.mark.parametrize("server", ["https://api.siliconflow.cn/v1", "https://api.siliconflow.com/v1"])
def test_both_sites_are_servers(server: str) -> None:
    assert server in [s["url"] for s in SPEC["servers"]]


def test_frequency_penalty_range_is_minus_2_to_2() -> None:
    assert (REQUEST["frequency_penalty"]["minimum"], REQUEST["frequency_penalty"]["maximum"]) == (-2, 2)
    assert [is_valid(minimal(frequency_penalty=v)) for v in (-2.01, -2, 2, 2.01)] == [
        False,
        True,
        True,
        False,
    ]


def test_top_k_is_at_most_100_and_minus_1_still_disables_it() -> None:
    assert REQUEST["top_k"]["maximum"] == 100
    assert [is_valid(minimal(top_k=v)) for v in (-1, 50, 100, 101)] == [True, True, True, False]


def test_thinking_budget_states_no_server_default() -> None:
    budget = REQUEST["thinking_budget"]
    assert "default" not in budget
    assert "4096" not in budget["description"]
    assert "4096" in budget["x-doc-discrepancy"]  # the older docs' figure, recorded as such


def test_function_strict_is_nullable() -> None:
    tool = {"type": "function", "function": {"name": "f", "strict": None}}
    assert is_valid(minimal(tools=[tool]))
    assert is_valid(minimal(tools=[{"type": "function", "function": {"name": "f", "strict": True}}]))
    assert not is_valid(minimal(tools=[{"type": "function", "function": {"name": "f", "strict": "yes"}}]))


def test_chat_message_note_limits_string_content_to_the_llm_schema() -> None:
    note = SCHEMAS["ChatMessage"]["x-doc-discrepancy"]
    assert "LLM message schema" in note
    assert "VLM" in note


def test_trace_headers_are_optional_request_header_parameters() -> None:
    parameters = SPEC["components"]["parameters"]
    operation = SPEC["paths"]["/chat/completions"]["post"]
    used = {ref["$ref"].rsplit("/", 1)[1] for ref in operation["parameters"]}
    declared = {
        (parameters[name]["name"], parameters[name]["in"], parameters[name]["required"]) for name in used
    }
    assert declared == {("X-Trace-Id", "header", False), ("traceparent", "header", False)}


def _responses() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            for status, declared in operation["responses"].items():
                response = declared
                if "$ref" in declared:
                    response = SPEC["components"]["responses"][declared["$ref"].rsplit("/", 1)[1]]
                found.append((f"{method.upper()} {path}", status, response))
    return found


def test_every_response_declares_the_trace_id_header() -> None:
    missing = [
        (op, status)
        for op, status, r in _responses()
        if "x-siliconcloud-trace-id" not in r.get("headers", {})
    ]
    assert missing == []


def test_chat_200_declares_cache_control() -> None:
    assert "cache-control" in SPEC["paths"]["/chat/completions"]["post"]["responses"]["200"]["headers"]


def test_models_takes_type_and_sub_type_filters() -> None:
    operation = SPEC["paths"]["/models"]["get"]
    names = {p["name"]: p for p in operation["parameters"]}
    assert set(names) == {"type", "sub_type"}
    assert not any(p["required"] for p in names.values())
    assert SCHEMAS["ModelType"]["enum"] == ["text", "image", "audio", "video"]
    assert "chat" in SCHEMAS["ModelSubType"]["enum"]


def test_user_info_is_wrapped_and_its_balances_are_decimal_strings() -> None:
    operation = SPEC["paths"]["/user/info"]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/UserInfoResponse")
    assert SCHEMAS["UserInfoResponse"]["required"] == ["code", "message", "status", "data"]
    user = SCHEMAS["UserInfo"]["properties"]
    for name in ("balance", "chargeBalance", "totalBalance"):
        assert user[name]["$ref"].endswith("/DecimalString")
    decimal = jsonschema.Draft202012Validator(SCHEMAS["DecimalString"])
    assert [decimal.is_valid(v) for v in ("88.00", "0", "-1.5", 88.0, "1e3", "")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert "retired" in SPEC["components"]["responses"]["EndpointRetired"]["description"]
