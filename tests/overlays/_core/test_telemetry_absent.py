"""Without opentelemetry-api, nothing of it is imported and the client behaves as before."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_without_opentelemetry_the_client_works_and_sends_no_traceparent() -> None:
    script = textwrap.dedent(
        """
        import sys
        sys.modules["opentelemetry"] = None  # what a missing package looks like to `import`
        import httpx
        from siliconflow import SiliconFlow
        from siliconflow_api.models import ChatCompletionRequest

        seen = []
        body = {"id": "x", "object": "chat.completion", "created": 1, "model": "m",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"},
                             "finish_reason": "stop"}]}

        def handler(request):
            seen.append(request)
            return httpx.Response(200, json=body)

        message = {"role": "user", "content": "hi"}
        request = ChatCompletionRequest.from_dict({"model": "m", "messages": [message]})
        with SiliconFlow("sk-test-0123456789", transport=httpx.MockTransport(handler)) as client:
            assert client._telemetry is None
            assert client.create(request).choices[0].message.content == "ok"
        assert all("traceparent" not in r.headers for r in seen)
        assert not [name for name in sys.modules if name.startswith("opentelemetry.")]
        try:
            SiliconFlow("sk-test-0123456789", tracer_provider=object())
        except ImportError as error:
            assert "siliconflow-chat[otel]" in str(error)
        else:
            raise AssertionError("a provider without opentelemetry-api must be refused")
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
