# Against the mock: `make mock` in another terminal, then
#   SILICONFLOW_BASE_URL=http://127.0.0.1:8000/v1 SILICONFLOW_API_KEY=sk-mock python examples/quickstart.py
# Live: export SILICONFLOW_API_KEY=sk-... and run it without SILICONFLOW_BASE_URL.
"""The first call: one question, the answer, its reasoning and its token usage."""

from siliconflow import SiliconFlow

client = SiliconFlow()  # reads SILICONFLOW_API_KEY and SILICONFLOW_BASE_URL
completion = client.chat.completions.create(
    model="Qwen/Qwen3-8B",
    messages=[
        {"role": "system", "content": "You answer in two sentences."},
        {"role": "user", "content": "Why is the sky blue?"},
    ],
    temperature=0.7,
    enable_thinking=True,
    thinking_budget=1024,
)
message = completion.choices[0].message
print("Reasoning:", message.reasoning_content)
print("Answer:", message.content)
if completion.usage is not None:
    print("Tokens:", completion.usage.total_tokens)
client.close()
