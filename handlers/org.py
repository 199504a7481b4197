"""Who stands at which level for a ticket.

`OrgDirectory` answers from the organisation rows `griddesk config load` writes (people,
appointments, grids, communities, streets): the escalation chain every transition moves along,
by hand or on a breach. The configuration helpers below describe the same hierarchy for cards
and texts."""

from __future__ import annotations

from models.config.schema import GridDeskConfig, Level, Role
from models.lifecycle import Status
from models.orm import PersonRow, TicketRow
from models.repos.org import Chain
from models.uow import UnitOfWork

Member = tuple[Level, PersonRow]


class OrgDirectory:
    """The organisation as stored in the database, for one unit of work (chains are cached:
    many tickets of a sweep share a grid)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self._chains: dict[tuple[str | None, str | None, str | None, bool], Chain] = {}

    async def chain(self, ticket: TicketRow) -> Chain:
        """Who acts at each level for a ticket, lowest first.

        A ticket in triage is held by its community's triage queue, so its chain starts at the
        community; without a community at its street, if known, else the district task force."""
        triage = ticket.status == Status.TRIAGE
        key = (ticket.grid_code, ticket.community_code, ticket.street_code, triage)
        if key not in self._chains:
            self._chains[key] = await self._load(ticket, triage)
        return self._chains[key]

    async def _load(self, ticket: TicketRow, triage: bool) -> Chain:
        org = self.uow.org
        chain: Chain = []
        if ticket.grid_code is not None and not triage:
            chain = await org.chain_for_grid(ticket.grid_code)
        if not chain and ticket.community_code is not None:
            chain = await org.chain_for_community(ticket.community_code)
        if not chain and ticket.street_code is not None:
            chain = await org.chain_for_street(ticket.street_code)
        if not chain or chain[-1][0] < Level.DISTRICT:
            top = await org.task_force_head()
            if top is not None:
                chain.append((Level.DISTRICT, top))
        return chain

    async def above(self, ticket: TicketRow, level: int) -> Member | None:
        """The lowest active member of the chain above `level` (None: nobody above)."""
        return next(
            (member for member in await self.chain(ticket)
             if member[0] > level and member[1].active),
            None,
        )

    async def held_level(self, ticket: TicketRow) -> int:
        """The level of whoever holds the ticket now: its level, and at least where its chain
        starts (a triage ticket is held by its queue: the community, street or district)."""
        chain = await self.chain(ticket)
        return max(ticket.level, chain[0][0]) if chain else ticket.level

    async def at_or_above(self, ticket: TicketRow, level: int) -> Member | None:
        """The active member at `level`, or the lowest one above it; else the top."""
        chain = await self.chain(ticket)
        found = next((m for m in chain if m[0] >= level and m[1].active), None)
        return found or (chain[-1] if chain else None)

    async def holder(self, ticket: TicketRow) -> str | None:
        """Who holds an unassigned (triage) ticket: the lowest level of its chain."""
        chain = await self.chain(ticket)
        return chain[0][1].code if chain else None


def chain_codes(config: GridDeskConfig, grid_code: str | None,
                community_code: str | None,
                street_code: str | None = None) -> list[tuple[Level, str]]:
    """Person codes of the escalation chain, lowest level first.

    A ticket without a grid starts at its community (triage); without a community at its
    street when that is known, else at the district task force."""
    district = config.district
    top = [(Level.DISTRICT, district.task_force.head.code)]
    if grid_code is not None:
        street, community, grid = config.grid(grid_code)
        return [
            (Level.GRID_WORKER, grid.workers[0].code),
            (Level.GRID_BRANCH, grid.branch.head.code),
            (Level.COMMUNITY, community.party_org.head.code),
            (Level.STREET, street.committee.head.code),
            *top,
        ]
    if community_code is not None:
        street, community = config.community(community_code)
        return [
            (Level.COMMUNITY, community.party_org.head.code),
            (Level.STREET, street.committee.head.code),
            *top,
        ]
    named = next((s for s in district.streets if s.code == street_code), None)
    if named is not None:
        return [(Level.STREET, named.committee.head.code), *top]
    return top


def ticket_chain(config: GridDeskConfig, ticket: TicketRow) -> list[tuple[Level, str]]:
    return chain_codes(config, ticket.grid_code, ticket.community_code, ticket.street_code)


def entry_point(config: GridDeskConfig, ticket: TicketRow) -> tuple[Level, str]:
    """Where a new or triaged ticket lands: the grid worker, else the community secretary."""
    return ticket_chain(config, ticket)[0]


async def people(uow: UnitOfWork, codes: list[str]) -> dict[str, PersonRow]:
    return await uow.org.people(codes)


async def person(uow: UnitOfWork, code: str | None) -> PersonRow | None:
    return None if code is None else await uow.org.person_with_appointments(code)


async def person_by_user(uow: UnitOfWork, user_id: int) -> PersonRow | None:
    return await uow.org.person_by_account(user_id)


def level_of(config: GridDeskConfig, ticket: TicketRow, person_code: str) -> Level | None:
    """The level `person_code` holds in this ticket's chain (None: not in the chain)."""
    levels = [level for level, code in ticket_chain(config, ticket) if code == person_code]
    return max(levels) if levels else None


def roles_of(row: PersonRow) -> list[tuple[Role, str]]:
    return [(Role(item.role), item.scope_code) for item in row.appointments]


def top_role(row: PersonRow) -> Role | None:
    """The highest role a person holds (district task force first)."""
    order = list(Role)
    roles = sorted((role for role, _ in roles_of(row)), key=lambda r: -order.index(r))
    return roles[0] if roles else None
