"""A mock for the docs and the examples, with the Batch API stepping fast so they finish quickly."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from siliconflow_mock import RunningMock, serve_in_background


@pytest.fixture(scope="module")
def docs_mock() -> Iterator[RunningMock]:
    """The mock on a free loopback port; a batch moves one status every 0.05 s (1 s with `make mock`)."""
    with serve_in_background(batch_step_seconds=0.05) as server:
        yield server


@pytest.fixture
def reader_env(docs_mock: RunningMock) -> dict[str, str]:
    """The environment a reader sets before running a block or an example against `make mock`."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("SILICONFLOW_")}
    env["SILICONFLOW_API_KEY"] = docs_mock.token
    env["SILICONFLOW_BASE_URL"] = docs_mock.base_url
    env["NO_COLOR"] = "1"
    return env
