"""The README's "Bulk jobs" Python example runs as written, against the mock."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from siliconflow_mock import RunningMock

README = Path(__file__).resolve().parents[3] / "README.md"


def bulk_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Bulk jobs") : text.index("### Batch API")]
    [code] = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    return str(code)


def test_the_readme_bulk_example_runs(mock_server: RunningMock, tmp_path: Path) -> None:
    with (tmp_path / "in.jsonl").open("w", encoding="utf-8") as file:
        for i in range(5):
            body = {"model": "Qwen/Qwen3-8B", "messages": [{"role": "user", "content": f"q{i}"}]}
            file.write(json.dumps({"custom_id": f"q-{i}", "body": body}) + "\n")
    env = {
        **os.environ,
        "SILICONFLOW_API_KEY": mock_server.token,
        "SILICONFLOW_BASE_URL": mock_server.base_url,
    }
    result = subprocess.run(
        [sys.executable, "-c", bulk_example()],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["0", "0"]  # the second run found everything done
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["custom_id"] for line in lines) == [f"q-{i}" for i in range(5)]
