"""Fixtures shared by the tests of every layer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from siliconflow_mock import RunningMock, serve_in_background


@pytest.fixture(scope="session")
def mock_server() -> Iterator[RunningMock]:
    """The mock SiliconFlow server on a free loopback port for the whole session.

    Point a client at `mock_server.base_url` (ends in /v1) with `mock_server.token` (sk-mock).
    Its answers, faults (`X-Mock-Fault` headers) and bulk mode are described in docs/mock.md.
    """
    with serve_in_background() as server:
        yield server


@pytest.fixture
def anyio_backend() -> str:
    """Async tests (`@pytest.mark.anyio`) run on asyncio."""
    return "asyncio"
