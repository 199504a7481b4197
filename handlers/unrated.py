"""Resolved cases nobody rates are closed as 未评价 after a configurable number of days
(a step of the escalation sweeper)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from handlers import texts
from handlers.tickets import TicketService
from models import lifecycle
from models.clock import Clock
from models.config.schema import GridDeskConfig
from models.orm import TicketRow
from models.repos.base import dialect_name
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
    statement = (
        select(TicketRow)
        .where(
            TicketRow.status == lifecycle.Status.RESOLVED.value,
            TicketRow.resolved_at <= clock.now() - after,
        )
        .order_by(TicketRow.resolved_at, TicketRow.id)
        .limit(limit)
    )
    if dialect_name(uow.session) == "postgresql":  # another sweeper takes the others
        statement = statement.with_for_update(skip_locked=True)
    service = TicketService(uow, clock, config)
    closed = []
    for ticket in (await uow.session.scalars(statement)).all():
        tag = await service.close_unrated(ticket)
        days = max(1, round(after / timedelta(days=1)))
        await service.notify.reporter(
            ticket, texts.REPORTER_AUTO_CLOSED.format(number=ticket.number, days=days), tag
        )
        closed.append(ticket.number)
    return closed
