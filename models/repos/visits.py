"""Household visits (入户走访): logging them and reading a month's coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.clock import Clock
from models.orm import TicketRow, VisitRow

FILING_WINDOW = timedelta(days=7)  # a visit's filings follow it within this (in practice minutes)


@dataclass(frozen=True)
class VisitFact:
    """One visit of a month, as coverage counts it."""

    id: int
    person_code: str
    grid_code: str
    household: str  # building/unit/room; a visit without a room counts as its own household
    filed: int  # tickets filed on it


def household_key(visit: VisitRow) -> str:
    if visit.building is None or not visit.room:
        return f"visit:{visit.id}"
    return f"{visit.grid_code}/{visit.building}/{visit.unit or ''}/{visit.room}"


class VisitRepo:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def add(self, visit: VisitRow) -> VisitRow:
        self.session.add(visit)
        await self.session.flush()
        return visit

    async def get(self, visit_id: int) -> VisitRow | None:
        return await self.session.get(VisitRow, visit_id)

    async def filed(self, visit_id: int, ticket_id: int) -> None:
        """A ticket filed on the visit (代居民反映 from 走访登记)."""
        visit = await self.get(visit_id)
        if visit is not None:
            visit.ticket_ids = [*visit.ticket_ids, ticket_id]
            visit.outcome = "filed"

    async def month(self, start: datetime, end: datetime,
                    grids: list[str] | None = None) -> list[VisitFact]:
        """The visits logged in [start, end), of the given grids (all when None)."""
        statement = select(VisitRow).where(VisitRow.at >= start, VisitRow.at < end)
        if grids is not None:
            statement = statement.where(VisitRow.grid_code.in_(grids))
        rows = (await self.session.scalars(statement.order_by(VisitRow.id))).all()
        return [VisitFact(row.id, row.person_code, row.grid_code, household_key(row),
                          len(row.ticket_ids or [])) for row in rows]

    async def of_tickets(self, tickets: Sequence[TicketRow]) -> list[VisitRow]:
        """The visits on which any of these tickets was filed."""
        filed = [ticket for ticket in tickets if ticket.source == "visit"]
        if not filed:
            return []
        ids = {ticket.id for ticket in filed}
        earliest = min(ticket.created_at for ticket in filed) - FILING_WINDOW
        latest = max(ticket.created_at for ticket in filed)
        statement = select(VisitRow).where(VisitRow.outcome == "filed",
                                           VisitRow.at >= earliest, VisitRow.at <= latest)
        rows = (await self.session.scalars(statement)).all()
        return [row for row in rows if ids & set(row.ticket_ids or [])]
