"""Fixtures of the lifecycle suite: real bot processes, killed and restarted, on PostgreSQL."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bench.botapi_double import BotApiDouble
from tests.lifecycle.processes import Launcher


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(params=["aiogram", "ptb"])
def framework(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=["run", "webhook"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def api() -> AsyncIterator[BotApiDouble]:
    """The double keeps retrying a webhook POST while the bot is down (as Telegram does)."""
    async with BotApiDouble(webhook_max_attempts=100_000) as double:
        yield double


@pytest.fixture
def launcher(
    api: BotApiDouble, pg_url: str, framework: str, mode: str, tmp_path: Path
) -> Iterator[Launcher]:
    launcher = Launcher(api, pg_url, framework, mode, tmp_path, free_port())
    try:
        yield launcher
    finally:
        launcher.stop_all()
