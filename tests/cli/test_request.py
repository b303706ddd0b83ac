"""What `siliconflow chat` puts in the request: only the options given."""

from __future__ import annotations

import pytest
from siliconflow_cli.chat import UsageError, build_request, parse_headers
from siliconflow_cli.parser import DEFAULT_MODEL, build_parser


def request_body(*args: str) -> dict[str, object]:
    return build_request(build_parser().parse_args(["chat", "Hello", *args])).to_dict()


def test_defaults_send_only_model_and_prompt() -> None:
    assert request_body() == {"model": DEFAULT_MODEL, "messages": [{"role": "user", "content": "Hello"}]}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--thinking"], {"enable_thinking": True}),
        (["--no-thinking"], {"enable_thinking": False}),
        (["--thinking-budget", "2048"], {"thinking_budget": 2048}),
        (["--max-tokens", "100", "--temperature", "0.2"], {"max_tokens": 100, "temperature": 0.2}),
    ],
)
def test_each_option_adds_exactly_its_field(args: list[str], expected: dict[str, object]) -> None:
    body = request_body(*args)
    assert {k: v for k, v in body.items() if k not in ("model", "messages")} == expected


def test_system_message_comes_first() -> None:
    assert request_body("--system", "Be brief.", "--model", "deepseek-ai/DeepSeek-V3.2")["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hello"},
    ]


def test_headers_are_parsed_and_authorization_is_refused() -> None:
    assert parse_headers(["X-Trace-Id: abc: def", "X-Other:1"]) == {"X-Trace-Id": "abc: def", "X-Other": "1"}
    with pytest.raises(UsageError, match="cannot set Authorization"):
        parse_headers(["authorization: Bearer x"])
    for bad in ["Bad Name: x", "X(: y", "no colon", ": empty name"]:
        with pytest.raises(UsageError, match="must look like"):
            parse_headers([bad])
    for bad in ["X-A: caf\u00e9", "X-A: a\nb"]:
        with pytest.raises(UsageError, match="printable ASCII"):
            parse_headers([bad])
    assert parse_headers(["X-Empty:"]) == {"X-Empty": ""}
