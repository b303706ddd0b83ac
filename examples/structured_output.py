# Against the mock: `make mock` in another terminal, then
#   SILICONFLOW_BASE_URL=http://127.0.0.1:8000/v1 SILICONFLOW_API_KEY=sk-mock python examples/structured_output.py
# Live: export SILICONFLOW_API_KEY=sk-... and run it without SILICONFLOW_BASE_URL.
"""Typed JSON out of a model: `parse` validates the answer against a dataclass and retries if not."""

from dataclasses import dataclass

from siliconflow import LengthFinishReasonError, SiliconFlow, StructuredOutputError


@dataclass
class City:
    name: str
    country: str
    population: int


with SiliconFlow() as client:
    try:
        result = client.chat.completions.parse(
            model="Qwen/Qwen3-8B",
            messages=[{"role": "user", "content": "The largest city in France?"}],
            response_format=City,
            max_tokens=512,
        )
    except LengthFinishReasonError as error:
        raise SystemExit(f"cut off at max_tokens: {error}") from error
    except StructuredOutputError as error:
        raise SystemExit(f"no valid answer after {len(error.problems)} attempts: {error.problems}") from error
city = result.parsed
print(f"{city.name}, {city.country}: {city.population} people ({result.attempts} attempt(s))")
