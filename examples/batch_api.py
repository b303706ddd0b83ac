# Against the mock: `make mock` in another terminal, then
#   SILICONFLOW_BASE_URL=http://127.0.0.1:8000/v1 SILICONFLOW_API_KEY=sk-mock python examples/batch_api.py
# It submits examples/bulk_input.jsonl; the mock finishes a batch in about four seconds.
"""SiliconFlow's Batch API: upload the input, create a batch, wait for it, read the results.

The same file format as the online bulk job (examples/bulk_job.py), at about half the price, with
results within the completion window (24 h) instead of minutes. `siliconflow batch submit --wait`
does all of this from the command line.
"""

import json
import sys
import time
from pathlib import Path

from siliconflow import SiliconFlow

INPUT = Path(__file__).with_name("bulk_input.jsonl")
ENDED = ("completed", "failed", "expired", "cancelled")

with SiliconFlow() as client:
    uploaded = client.files.upload(INPUT)
    batch = client.batches.create(input_file_id=uploaded.id, completion_window="24h")
    print(f"batch {batch.id}: {batch.status}")
    delay = 1.0
    while batch.status not in ENDED:
        time.sleep(delay)
        delay = min(delay * 1.5, 60)
        batch = client.batches.retrieve(batch.id)
        print(f"batch {batch.id}: {batch.status}")
    if batch.status != "completed":
        sys.exit(f"the batch ended {batch.status}")
    for attribute in ("output_file_id", "error_file_id"):
        file_id = getattr(batch, attribute)
        if not isinstance(file_id, str) or not file_id:
            continue
        for raw in client.files.content(file_id).splitlines():
            result = json.loads(raw)
            if result.get("error"):
                print(f"{result['custom_id']}: error {result['error'].get('code')}")
            else:
                print(
                    f"{result['custom_id']}: {result['response']['body']['choices'][0]['message']['content']}"
                )
