# Against the mock: `make mock` in another terminal, then
#   SILICONFLOW_BASE_URL=http://127.0.0.1:8000/v1 SILICONFLOW_API_KEY=sk-mock python examples/stream.py
# Live: export SILICONFLOW_API_KEY=sk-... and run it without SILICONFLOW_BASE_URL.
"""A thinking-mode answer streamed to the terminal: the reasoning dim, then the answer.

A broken stream keeps what arrived: it is printed from `error.partial`.
"""

import sys

from siliconflow import SiliconFlow, StreamError, iter_events

DIM, RESET = "\x1b[2m", "\x1b[0m"


def main() -> int:
    with SiliconFlow() as client:
        try:
            with client.chat.completions.stream(
                model="Qwen/Qwen3-8B",
                messages=[{"role": "user", "content": "Why is the sky blue?"}],
                enable_thinking=True,
                thinking_budget=1024,
            ) as stream:
                for event in iter_events(stream):
                    if event.type == "reasoning":
                        print(f"{DIM}{event.delta}{RESET}", end="", flush=True)
                    elif event.type == "answer":
                        print(event.delta, end="", flush=True)
            completion = stream.get_final_completion()
        except StreamError as error:
            print(f"\nstream failed: {error}", file=sys.stderr)
            return 1
    print()
    if completion.usage is not None:
        print(f"{completion.usage.total_tokens} tokens, trace id {stream.trace_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
