"""The append-only ticket event log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from models.orm import TicketEventRow
from models.repos.base import Repository


class EventRepo(Repository):
    def add(self, event: TicketEventRow) -> None:
        """Append an event returned by a `models.lifecycle` transition."""
        self.session.add(event)

    async def data_of(self, ticket_id: int, action: str) -> list[dict[str, Any]]:
        """The data of a ticket's events of one kind, oldest first."""
        statement = (
            select(TicketEventRow.data)
            .where(TicketEventRow.ticket_id == ticket_id, TicketEventRow.action == action)
            .order_by(TicketEventRow.id)
        )
        return [item or {} for item in (await self.session.execute(statement)).scalars()]

    async def for_ticket(self, ticket_id: int) -> list[TicketEventRow]:
        await self.session.flush()
        statement = (
            select(TicketEventRow)
            .where(TicketEventRow.ticket_id == ticket_id)
            .order_by(TicketEventRow.id)
        )
        return list((await self.session.execute(statement)).scalars())
