"""Who stands at which level for a ticket.

`OrgDirectory` answers from the organisation rows `griddesk config load` writes (people,
appointments, grids, communities, streets): the chain every card, button check and transition
reads. Configuration reaches it only through that load."""

from __future__ import annotations

from models.config.schema import Level, Role
from models.lifecycle import Status
from models.orm import PersonRow, TicketRow
from models.repos.org import Chain
from models.uow import UnitOfWork

Member = tuple[Level, PersonRow]


class OrgDirectory:
    """The organisation as stored in the database, for one unit of work (the repository
    caches chains per unit of work: many tickets of a sweep, and every card of an update,
    share one)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    async def chain(self, ticket: TicketRow) -> Chain:
        """Who acts at each level for a ticket's place, lowest first: from its grid when known
        (a triage ticket's recognised grid too: an urgent card reaches it), else from its
        community, else its street, else the district task force."""
        return await self.chain_at(ticket.grid_code, ticket.community_code, ticket.street_code)

    async def chain_at(self, grid_code: str | None, community_code: str | None,
                       street_code: str | None) -> Chain:
        return await self.uow.org.chain(grid_code, community_code, street_code)

    async def members(self, ticket: TicketRow) -> list[PersonRow]:
        """The active people of the chain, lowest level first, each once."""
        found: dict[str, PersonRow] = {}
        for _, person in await self.chain(ticket):
            if person.active:
                found.setdefault(person.code, person)
        return list(found.values())

    async def level_of(self, ticket: TicketRow, person_code: str) -> Level | None:
        """The highest level `person_code` holds in this ticket's chain (None: not in it, or
        no longer active)."""
        levels = [level for level, person in await self.chain(ticket)
                  if person.code == person_code and person.active]
        return max(levels) if levels else None

    async def holders(self, ticket: TicketRow) -> Chain:
        """The part of the chain that may hold the ticket: all of it, or for a ticket in
        triage its queue and the levels above (the queue, not the recognised grid, holds it)."""
        chain = await self.chain(ticket)
        if ticket.status != Status.TRIAGE:
            return chain
        return [member for member in chain if member[0] >= queue_level(ticket)]

    async def above(self, ticket: TicketRow, level: int) -> Member | None:
        """The lowest active member above `level` who may hold the ticket (None: nobody)."""
        return next(
            (member for member in await self.holders(ticket)
             if member[0] > level and member[1].active),
            None,
        )

    async def held_level(self, ticket: TicketRow) -> int:
        """The level of whoever holds the ticket now: its level, and at least where its chain
        starts (a triage ticket is held by its queue: the community, street or district)."""
        chain = await self.holders(ticket)
        return max(ticket.level, chain[0][0]) if chain else ticket.level

    async def at_or_above(self, ticket: TicketRow, level: int) -> Member | None:
        """The active member at `level`, or the lowest one above it; else the top."""
        chain = await self.holders(ticket)
        found = next((m for m in chain if m[0] >= level and m[1].active), None)
        return found or (chain[-1] if chain else None)

    async def holder(self, ticket: TicketRow) -> str | None:
        """Who holds a ticket in triage: its queue, the lowest level of its chain from the
        community up (the street's, else the district's, without a community)."""
        level = queue_level(ticket)
        return next((person.code for at, person in await self.chain(ticket) if at >= level),
                    None)


def queue_level(ticket: TicketRow) -> Level:
    """Where a ticket without a grid (or not sure of it) waits: its community's triage queue,
    else its street's, else the district task force's."""
    if ticket.community_code is not None:
        return Level.COMMUNITY
    return Level.STREET if ticket.street_code is not None else Level.DISTRICT


async def people(uow: UnitOfWork, codes: list[str]) -> dict[str, PersonRow]:
    return await uow.org.people(codes)


async def person(uow: UnitOfWork, code: str | None) -> PersonRow | None:
    return None if code is None else await uow.org.person_with_appointments(code)


def roles_of(row: PersonRow) -> list[tuple[Role, str]]:
    return [(Role(item.role), item.scope_code) for item in row.appointments]


def top_role(row: PersonRow) -> Role | None:
    """The highest role a person holds (district task force first)."""
    order = list(Role)
    roles = sorted((role for role, _ in roles_of(row)), key=lambda r: -order.index(r))
    return roles[0] if roles else None
