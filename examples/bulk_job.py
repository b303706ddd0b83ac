# Against the mock: `make mock` in another terminal, then
#   SILICONFLOW_BASE_URL=http://127.0.0.1:8000/v1 SILICONFLOW_API_KEY=sk-mock python examples/bulk_job.py
# It reads examples/bulk_input.jsonl and writes bulk_output.jsonl in the current directory.
"""A bulk job online: every line of a JSONL file sent under per-model rate limits, results appended.

Run it twice: the second run finds every line done and sends nothing. The input's last line names
a model that does not exist, so the job ends with one failed line (exit status 1), written with
SiliconFlow's error code; `retry_failed=True` would send it again.
"""

import json
import sys
from pathlib import Path

from siliconflow.bulk import BulkOptions, run_bulk

INPUT = Path(__file__).with_name("bulk_input.jsonl")
OUTPUT = Path("bulk_output.jsonl")

summary = run_bulk(INPUT, OUTPUT, options=BulkOptions(concurrency=8, rpm=1000), progress=sys.stderr)
print(f"succeeded {summary.succeeded}, failed {summary.failed}, prompt tokens {summary.prompt_tokens}")

for line in OUTPUT.read_text(encoding="utf-8").splitlines():
    result = json.loads(line)
    if result["error"] is not None:
        print(f"{result['custom_id']}: error {result['error']['code']}: {result['error']['message']}")
    else:
        answer = result["response"]["body"]["choices"][0]["message"]["content"]
        print(f"{result['custom_id']}: {answer}")
sys.exit(1 if summary.failed else 0)
