"""The Redis conversation store's chat lock: one update of a chat at a time, across processes."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator

import pytest

import handlers.state
from handlers.state import ChatBusyError, RedisConversations

REDIS_URL = os.environ.get("GRIDDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
async def stores() -> AsyncIterator[tuple[RedisConversations, RedisConversations]]:
    """Two stores on one prefix: two processes sharing Redis."""
    prefix = f"griddesk-test:{secrets.token_hex(4)}:"
    first, second = RedisConversations(REDIS_URL, prefix), RedisConversations(REDIS_URL, prefix)
    try:
        await first.redis.ping()
    except OSError as exc:
        await first.close()
        await second.close()
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {exc}")
    yield first, second
    keys = [key async for key in first.redis.scan_iter(f"{prefix}*")]
    if keys:
        await first.redis.delete(*keys)
    await first.close()
    await second.close()


async def test_updates_of_one_chat_take_turns(
    stores: tuple[RedisConversations, RedisConversations],
) -> None:
    events: list[str] = []

    async def update(store: RedisConversations, name: str, entered: asyncio.Event | None) -> None:
        async with store.lock(42):
            events.append(f"{name} in")
            if entered is not None:
                entered.set()
            await asyncio.sleep(0.2)
            events.append(f"{name} out")

    entered = asyncio.Event()
    first = asyncio.create_task(update(stores[0], "a", entered))
    await entered.wait()
    await asyncio.gather(update(stores[1], "b", None), first)
    assert events == ["a in", "a out", "b in", "b out"]


async def test_other_chats_do_not_wait(
    stores: tuple[RedisConversations, RedisConversations],
) -> None:
    async with stores[0].lock(1), stores[1].lock(2):
        pass  # would hang here if the lock were not per chat


async def test_a_lock_held_too_long_gives_busy(
    stores: tuple[RedisConversations, RedisConversations], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handlers.state, "LOCK_WAIT_S", 0.3)
    async with stores[0].lock(7):
        with pytest.raises(ChatBusyError):
            async with stores[1].lock(7):
                pass


async def test_only_the_owner_releases(
    stores: tuple[RedisConversations, RedisConversations],
) -> None:
    store = stores[0]
    async with store.lock(9):
        key = f"{store.prefix}lock:9"
        await store.redis.set(key, "someone else")  # our lock expired and was taken over
    assert await store.redis.get(key) == "someone else"
