"""The real bot (aiogram or PTB) over HTTP against the local Bot API double, on PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from bench.botapi_double import BotApiDouble
from bot.settings import Settings
from bot.telegram.runner import run_polling

FRAMEWORKS = ["aiogram", "ptb"]


def bot_settings(api: BotApiDouble, db_url: str, framework: str, **extra: Any) -> Settings:
    return Settings.model_validate({
        "GRIDDESK_DATABASE_URL": db_url, "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE": api.base_url, "TELEGRAM_FRAMEWORK": framework, **extra,
    })


@contextlib.asynccontextmanager
async def polling_bot(settings: Settings, api: BotApiDouble) -> AsyncIterator[asyncio.Task[None]]:
    """Run `griddesk run` in-process until the context exits (cancel = process stop)."""
    polls_before = sum(1 for e in api.exchanges if e.method == "getUpdates")
    task = asyncio.create_task(run_polling(settings))
    try:
        for _ in range(300):
            if task.done():
                task.result()
            if sum(1 for e in api.exchanges if e.method == "getUpdates") > polls_before:
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError("the bot never polled")
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, TimeoutError):
            await asyncio.wait_for(task, timeout=30)


@pytest.fixture(params=FRAMEWORKS)
def framework(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def api() -> AsyncIterator[BotApiDouble]:
    async with BotApiDouble() as double:
        yield double


@pytest.fixture
def start_bot(api: BotApiDouble, pg_url: str, framework: str
              ) -> Callable[..., contextlib.AbstractAsyncContextManager[asyncio.Task[None]]]:
    def start(**extra: Any) -> contextlib.AbstractAsyncContextManager[asyncio.Task[None]]:
        return polling_bot(bot_settings(api, pg_url, framework, **extra), api)
    return start
