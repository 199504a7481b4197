"""The append-only ticket event log."""

from __future__ import annotations

from sqlalchemy import select

from models.orm import TicketEventRow
from models.repos.base import Repository


class EventRepo(Repository):
    def add(self, event: TicketEventRow) -> None:
        """Append an event returned by a `models.lifecycle` transition."""
        self.session.add(event)

    async def for_ticket(self, ticket_id: int) -> list[TicketEventRow]:
        await self.session.flush()
        statement = (
            select(TicketEventRow)
            .where(TicketEventRow.ticket_id == ticket_id)
            .order_by(TicketEventRow.id)
        )
        return list((await self.session.execute(statement)).scalars())
