"""Durable conversation state: in the database (same transaction) or in Redis (shared cache)."""

from __future__ import annotations

import json
from typing import Any, Protocol

from models.uow import UnitOfWork

STATE_TTL_S = 7 * 86400  # an abandoned draft is forgotten after a week


class ConversationStore(Protocol):
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

    def __init__(self, url: str, prefix: str = "griddesk:conv:") -> None:
        from redis.asyncio import Redis

        self.redis = Redis.from_url(url, decode_responses=True)
        self.prefix = prefix

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
