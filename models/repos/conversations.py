"""Durable conversation state per chat (survives restarts and adapter switches)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from models.orm import CallbackTokenRow, ConversationRow
from models.repos.base import Repository, execute_core, upsert


class ConversationRepo(Repository):
    async def get(self, chat_id: int) -> ConversationRow | None:
        statement = (
            select(ConversationRow)
            .where(ConversationRow.chat_id == chat_id)
            .execution_options(populate_existing=True)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def set(self, chat_id: int, state: str, data: dict[str, Any] | None = None) -> None:
        """Replace the chat's state and data (insert or update)."""
        values = {"state": state, "data": dict(data or {}), "updated_at": self.clock.now()}
        statement = (
            upsert(self.session, ConversationRow)
            .values(chat_id=chat_id, **values)
            .on_conflict_do_update(index_elements=["chat_id"], set_=values)
        )
        await execute_core(self.session, statement)

    def issue_token(self, row: CallbackTokenRow) -> None:
        """A button's token, written with the update's transaction."""
        self.session.add(row)

    async def token(self, token: str) -> CallbackTokenRow | None:
        return await self.session.scalar(
            select(CallbackTokenRow).where(CallbackTokenRow.token == token))

    async def clear(self, chat_id: int) -> None:
        await self.session.execute(
            delete(ConversationRow).where(ConversationRow.chat_id == chat_id)
        )
