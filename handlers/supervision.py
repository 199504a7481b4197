"""What a supervisor oversees: the open cases of the grids, community or street they lead, or
the whole district for the task force (their `/tasks`)."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.sql.elements import ColumnElement

from handlers.context import Ctx
from models.config.schema import GridDeskConfig, Role
from models.lifecycle import OPEN
from models.orm import PersonRow, TicketRow

MAX_SCOPE = 1000  # enough for any list a message can show (the view cuts at MAX_TASKS)


def scope_filters(config: GridDeskConfig, person: PersonRow) -> list[ColumnElement[bool]]:
    """One condition per scope the person supervises (grid workers supervise nothing)."""
    filters: list[ColumnElement[bool]] = []
    for appointment in person.appointments:
        role, code = Role(appointment.role), appointment.scope_code
        if role == Role.BRANCH_SECRETARY:
            filters.append(TicketRow.grid_code == code)
        elif role == Role.COMMUNITY_SECRETARY:
            filters.append(TicketRow.community_code == code)
        elif role == Role.STREET_COMMITTEE:
            communities = [c.code for s, c in config.district.communities() if s.code == code]
            filters.append(
                or_(TicketRow.community_code.in_(communities), TicketRow.street_code == code)
            )
        elif role == Role.DISTRICT_TASK_FORCE:
            filters.append(TicketRow.id.is_not(None))
    return filters


async def scope_tickets(ctx: Ctx) -> list[TicketRow]:
    """The open tickets of everything the sender supervises."""
    if ctx.person is None:
        return []
    filters = scope_filters(ctx.config, ctx.person)
    if not filters:
        return []
    statement = (
        select(TicketRow)
        .where(TicketRow.status.in_(sorted(status.value for status in OPEN)), or_(*filters))
        .order_by(TicketRow.id)
        .limit(MAX_SCOPE)
    )
    return list((await ctx.uow.session.scalars(statement)).all())
