"""The raw floor of the whole-process stream measure: what a plain httpx + orjson script does.

    python benchmarks/floor_script.py BASE_URL TOKEN CHUNKS

It streams the same answer `siliconflow chat --stream --json` does, keeps the reasoning and the
answer text, and prints them as one JSON object: the least a script that reports the answer does.
No typed models, no checks, no error handling; orjson, the JSON decoder the client uses.
"""

import json
import sys

import httpx
import orjson

base_url, token, chunks = sys.argv[1:4]
body = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": "benchmark"}], "stream": True}
headers = {"Authorization": f"Bearer {token}", "X-Mock-Bulk-Chunks": chunks}
reasoning: list[str] = []
content: list[str] = []
with (
    httpx.Client(timeout=60) as client,
    client.stream("POST", f"{base_url}/chat/completions", json=body, headers=headers) as response,
):
    for line in response.iter_lines():
        if line.startswith("data: "):
            data = line[6:]
            if data == "[DONE]":
                break
            delta = orjson.loads(data)["choices"][0]["delta"]
            if delta.get("reasoning_content"):
                reasoning.append(delta["reasoning_content"])
            if delta.get("content"):
                content.append(delta["content"])
print(json.dumps({"reasoning_content": "".join(reasoning), "content": "".join(content)}))
