"""Durable conversation state: in the database (same transaction) or in Redis (shared cache).

Updates of one chat are handled one at a time, even by several processes: the database store's
row is locked by the update's first statement (`UpdateRepo.start`), the Redis store takes a
Redis lock around the whole update (read, transaction, write after commit)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import AsyncIterator
from typing import Any, Protocol

from models.uow import UnitOfWork

log = logging.getLogger("griddesk.state")

STATE_TTL_S = 7 * 86400  # an abandoned draft is forgotten after a week
LOCK_TTL_MS = 30_000  # a crashed process's chat lock frees itself after this
LOCK_WAIT_S = 45.0  # longer than LOCK_TTL_MS: a waiter always gets the lock in the end
_RELEASE = """if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1])
else return 0 end"""


class ChatBusyError(RuntimeError):
    """The chat's lock could not be taken in time."""


class ConversationStore(Protocol):
    in_database: bool  # state rows live in the update's transaction (and are locked there)

    def lock(self, chat_id: int) -> contextlib.AbstractAsyncContextManager[None]:
        """Held around the whole update of `chat_id` (a no-op when `in_database`)."""
        ...

    async def load(self, uow: UnitOfWork, chat_id: int) -> tuple[str | None, dict[str, Any]]:
        """The chat's state name and data (None and {} when there is none)."""
        ...

    async def save_in_transaction(self, uow: UnitOfWork, chat_id: int, state: str | None,
                                  data: dict[str, Any]) -> None:
        """Called before commit: a database store writes here."""
        ...

    async def save_after_commit(self, chat_id: int, state: str | None,
                                data: dict[str, Any]) -> None:
        """Called after commit: an external store writes here, never for a rolled-back update."""
        ...


class DatabaseConversations:
    """State rows in the update's own transaction: committed together with its effects."""

    in_database = True

    def lock(self, chat_id: int) -> contextlib.AbstractAsyncContextManager[None]:
        return contextlib.nullcontext()

    async def load(self, uow: UnitOfWork, chat_id: int) -> tuple[str | None, dict[str, Any]]:
        row = await uow.conversations.get(chat_id)
        if row is None:
            return None, {}
        return row.state or None, dict(row.data or {})

    async def save_in_transaction(self, uow: UnitOfWork, chat_id: int, state: str | None,
                                  data: dict[str, Any]) -> None:
        await uow.conversations.set(chat_id, state or "", data)

    async def save_after_commit(self, chat_id: int, state: str | None,
                                data: dict[str, Any]) -> None:
        return None


class RedisConversations:
    """State in Redis (REDIS_URL), shared by several bot processes; keys expire after a week."""

    in_database = False

    def __init__(self, url: str, prefix: str = "griddesk:conv:") -> None:
        from redis.asyncio import Redis

        self.redis = Redis.from_url(url, decode_responses=True)
        self.prefix = prefix
        self._release = self.redis.register_script(_RELEASE)

    @contextlib.asynccontextmanager
    async def lock(self, chat_id: int) -> AsyncIterator[None]:
        """A Redis lock (SET NX PX, released only by its owner) held during the whole update:
        two processes never read the same state and overwrite each other's step."""
        key, token = f"{self.prefix}lock:{chat_id}", secrets.token_hex(8)
        loop = asyncio.get_running_loop()
        deadline, pause = loop.time() + LOCK_WAIT_S, 0.002
        while not await self.redis.set(key, token, nx=True, px=LOCK_TTL_MS):
            if loop.time() > deadline:
                raise ChatBusyError(f"chat {chat_id} stayed locked for {LOCK_WAIT_S} s")
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.05)
        try:
            yield
        finally:
            try:
                await self._release(keys=[key], args=[token])
            except Exception as exc:  # the lock expires by itself
                log.warning("chat lock not released: %s", type(exc).__name__)

    async def load(self, uow: UnitOfWork, chat_id: int) -> tuple[str | None, dict[str, Any]]:
        raw = await self.redis.get(f"{self.prefix}{chat_id}")
        if not raw:
            return None, {}
        value = json.loads(raw)
        return value.get("state") or None, dict(value.get("data") or {})

    async def save_in_transaction(self, uow: UnitOfWork, chat_id: int, state: str | None,
                                  data: dict[str, Any]) -> None:
        return None

    async def save_after_commit(self, chat_id: int, state: str | None,
                                data: dict[str, Any]) -> None:
        value = json.dumps({"state": state, "data": data}, ensure_ascii=False)
        await self.redis.set(f"{self.prefix}{chat_id}", value, ex=STATE_TTL_S)

    async def close(self) -> None:
        await self.redis.aclose()
