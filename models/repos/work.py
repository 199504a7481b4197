"""What a staff member has in hand beyond the tickets assigned to them."""

from __future__ import annotations

from sqlalchemy import select

from models.lifecycle import Status
from models.orm import TicketEventRow, TicketRow
from models.repos.base import Repository


class StaffWorkRepo(Repository):
    async def accepted_then_moved(self, code: str, limit: int = 20) -> list[TicketRow]:
        """Open tickets the person accepted that someone else holds now (escalated away)."""
        accepted = select(TicketEventRow.ticket_id).where(
            TicketEventRow.actor == code, TicketEventRow.action == "accepted")
        return list(await self.session.scalars(
            select(TicketRow)
            .where(TicketRow.id.in_(accepted), TicketRow.assignee_code != code,
                   TicketRow.status.in_([str(Status.ASSIGNED), str(Status.ACCEPTED)]))
            .order_by(TicketRow.id)
            .limit(limit)))
