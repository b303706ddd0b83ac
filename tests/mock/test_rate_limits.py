"""The mock limits per model like SiliconFlow: 429 with its body, naming the limit hit."""

from __future__ import annotations

import httpx
import pytest
from siliconflow_mock import RateLimits, create_app
from siliconflow_mock.rate_limits import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def ask(client: httpx.AsyncClient, model: str = "Qwen/Qwen3-8B") -> httpx.Response:
    body = {"model": model, "messages": [{"role": "user", "content": "hello there"}]}
    return await client.post("/v1/chat/completions", json=body, headers={"Authorization": "Bearer sk-mock"})


@pytest.mark.anyio
async def test_over_the_rpm_the_answer_is_siliconflows_429_per_model() -> None:
    app = create_app(rate_limits=RateLimits(rpm=3))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock") as client:
        statuses = [(await ask(client)).status_code for _ in range(4)]
        limited = await ask(client)
        other = await ask(client, "deepseek-ai/DeepSeek-V3")
    assert statuses == [200, 200, 200, 429]
    assert limited.status_code == 429
    body = limited.json()
    assert body == {
        "message": "Request was rejected due to rate limiting. If you want more, please contact "
        "contact@siliconflow.cn. Details:RPM limit reached.",
        "data": None,
    }
    assert "retry-after" not in limited.headers  # SiliconFlow sends none
    assert other.status_code == 200  # limits are per model


def test_tokens_are_charged_from_the_answers_usage() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimits(tpm=60), clock=clock)
    assert limiter.admit("m") is None
    limiter.charge("m", 100)  # overdrawn by one big answer
    assert limiter.admit("m") == "TPM"
    clock.now = 40.0  # refilled at 1 token a second: still 0 after 40 s
    assert limiter.admit("m") == "TPM"
    clock.now = 41.0
    assert limiter.admit("m") is None


def test_the_longest_window_hit_is_the_one_named() -> None:
    limiter = RateLimiter(RateLimits(rpm=10, rph=2), clock=Clock())
    assert [limiter.admit("m") for _ in range(3)] == [None, None, "RPH"]


@pytest.mark.parametrize("value", [0, -1, True, 1.5])
def test_a_limit_must_be_a_whole_number_of_at_least_one(value: object) -> None:
    with pytest.raises(ValueError, match="rpm must be a whole number"):
        RateLimits(rpm=value)  # type: ignore[arg-type]


def test_the_command_lines_pass_the_limits_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    import siliconflow_mock.__main__ as mock_main
    from siliconflow_cli.mock import run_mock
    from siliconflow_cli.parser import build_parser

    served: list[object] = []
    monkeypatch.setattr(mock_main, "serve", lambda **kwargs: served.append(kwargs["rate_limits"]))
    args = build_parser().parse_args(["mock", "--port", "0", "--rpm", "600", "--tpm", "50000"])
    assert run_mock(args, io.StringIO()) == 0
    assert served == [RateLimits(rpm=600, tpm=50_000)]
    with pytest.raises(SystemExit):
        mock_main.main(["--rpm", "0"])
