# Against the mock: `make mock` in another terminal, then
#   SILICONFLOW_BASE_URL=http://127.0.0.1:8000/v1 SILICONFLOW_API_KEY=sk-mock python examples/tool_loop.py
# Live: export SILICONFLOW_API_KEY=sk-... and run it without SILICONFLOW_BASE_URL.
"""A tool loop with a thinking model: plain Python functions as tools, run until the model answers.

The runner sends each round's reasoning back to Kimi-K2.5, which rejects a tool-calling follow-up
without it. The mock calls the tools the question names, then the tools their results name, so this
makes two rounds of tool calls and an answer.
"""

from typing import Literal

from siliconflow import SiliconFlow


def get_city(person: str) -> str:
    """Where a person lives.

    Args:
        person: the person's name.
    """
    return "Paris; now call get_weather"


def get_weather(city: str, unit: Literal["C", "F"] = "C") -> dict[str, str]:
    """The weather in a city now.

    Args:
        city: the city's name.
        unit: Celsius or Fahrenheit.
    """
    return {"city": city, "sky": "sunny", "unit": unit}


with SiliconFlow() as client:
    run = client.chat.completions.stream_tools(
        model="Pro/moonshotai/Kimi-K2.5",
        messages=[{"role": "user", "content": "What is the weather where Ann lives? use get_city"}],
        tools=[get_city, get_weather],
        enable_thinking=True,
        max_rounds=5,
    )
    for event in run:
        if event.type == "tool_result":
            print(f"[{event.name}] -> {event.content}")
        elif event.type == "answer":
            print(event.delta, end="", flush=True)
print()
result = run.result
print(f"{result.rounds} rounds, {len(result.messages)} messages in the history")
