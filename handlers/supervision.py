"""What a supervisor oversees: the open cases of the grids, community or street they lead, or
the whole district for the task force (their `/tasks`)."""

from __future__ import annotations

from handlers.context import Ctx
from models.config.schema import Role
from models.orm import PersonRow, TicketRow
from models.repos.tickets import Scope

MAX_SCOPE = 1000  # enough for any list a message can show (the view cuts at MAX_TASKS)


def scope_of(person: PersonRow) -> Scope:
    """What the person supervises (grid workers supervise nothing)."""
    scope = Scope()
    for appointment in person.appointments:
        role, code = Role(appointment.role), appointment.scope_code
        if role == Role.BRANCH_SECRETARY:
            scope.grids.add(code)
        elif role == Role.COMMUNITY_SECRETARY:
            scope.communities.add(code)
        elif role == Role.STREET_COMMITTEE:
            scope.streets.add(code)  # its communities' tickets carry the street's code
        elif role == Role.DISTRICT_TASK_FORCE:
            scope.everything = True
    return scope


async def scope_tickets(ctx: Ctx) -> list[TicketRow]:
    """The open tickets of everything the sender supervises."""
    if ctx.person is None:
        return []
    return await ctx.uow.tickets.open_in(scope_of(ctx.person), MAX_SCOPE)
