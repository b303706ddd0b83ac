"""The package's public names: all there, each loaded on first use, `import siliconflow` stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import siliconflow

INIT = Path(siliconflow.__file__)


def test_every_public_name_resolves_to_the_object_of_its_module() -> None:
    for name in siliconflow.__all__:
        module = siliconflow._SOURCE[name]
        defined = getattr(__import__(f"siliconflow.{module}", fromlist=[name]), name)
        assert getattr(siliconflow, name) is defined
    assert set(siliconflow.__all__) == set(siliconflow._SOURCE)
    assert set(siliconflow.__all__) <= set(dir(siliconflow))


def test_the_type_checking_imports_match_the_lazy_table() -> None:
    # Type checkers read the `if TYPE_CHECKING:` imports; the runtime reads `_MODULES`: one list.
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    imported = {
        alias.name: (node.module or "")
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == siliconflow._SOURCE


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = siliconflow.Nope


def test_submodules_are_reachable_as_attributes() -> None:
    assert siliconflow.lib.model_catalog.requires_reasoning_replay("zai-org/GLM-4.7")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}; import sys; print(' '.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(result.stdout.split())


@pytest.mark.parametrize(
    "code", ["import siliconflow", "from siliconflow import DEFAULT_BASE_URL, API_KEY_ENV"]
)
def test_the_package_and_its_defaults_load_no_http_stack_and_no_models(code: str) -> None:
    loaded = loaded_after(code)
    assert not {"httpx", "siliconflow_api", "siliconflow_api.models", "attrs"} & loaded


def test_the_client_loads_what_it_needs() -> None:
    assert {"httpx", "siliconflow_api.models", "siliconflow.client"} <= loaded_after(
        "from siliconflow import SiliconFlow"
    )


SYNC_CALL = """
import httpx, json
from siliconflow import SiliconFlow
from siliconflow_api.models import ChatCompletionRequest
answer = {"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0,
    "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}]}
chunk = {**answer, "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": "hi"}}]}
def reply(request):
    if json.loads(request.content).get("stream"):
        body = f"data: {json.dumps(chunk)}\\n\\ndata: [DONE]\\n\\n".encode()
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)
    return httpx.Response(200, json=answer)
request = ChatCompletionRequest.from_dict({"model": "m", "messages": [{"role": "user", "content": "x"}]})
with SiliconFlow("sk-test", transport=httpx.MockTransport(reply), deadline=30) as client:
    assert client.create(request).choices[0].message.content == "hi"
    with client.stream(request) as stream:
        assert [c.choices[0].delta.content for c in stream] == ["hi"]
"""


def test_the_sync_client_never_loads_asyncio() -> None:
    # asyncio costs ~15 ms at start-up; a sync program (the CLI's chat) has no use for it.
    loaded = loaded_after("from siliconflow import SiliconFlow")
    assert "asyncio" not in loaded
    assert "asyncio" not in loaded_after(SYNC_CALL.strip())
