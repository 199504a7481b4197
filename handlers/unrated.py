"""Resolved cases nobody rates are closed as 未评价 after a configurable number of days
(a step of the escalation sweeper)."""

from __future__ import annotations

from datetime import timedelta

from handlers.tickets import TicketService
from models.clock import Clock
from models.config.schema import GridDeskConfig
from models.uow import UnitOfWork

DEFAULT_AFTER = timedelta(days=7)


async def close_unrated(
    uow: UnitOfWork,
    clock: Clock,
    config: GridDeskConfig,
    after: timedelta = DEFAULT_AFTER,
    limit: int = 200,
) -> list[str]:
    """Close (as 未评价) the resolved tickets resolved more than `after` ago; their numbers."""
    service = TicketService(uow, clock, config)
    closed = []
    for ticket in await uow.tickets.resolved_before(clock.now() - after, limit):
        days = max(1, round(after / timedelta(days=1)))
        await service.close_unrated(ticket, after_days=days)
        closed.append(ticket.number)
    return closed
