"""Who stands at which level for a ticket, from the loaded configuration and the people table."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from models.config.schema import GridDeskConfig, Level, Role
from models.orm import PersonRow, TicketRow
from models.uow import UnitOfWork


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


def person_at_level(config: GridDeskConfig, ticket: TicketRow, level: int) -> tuple[Level, str]:
    """The chain member at `level`, or the lowest one above it when the chain starts higher."""
    chain = ticket_chain(config, ticket)
    for member_level, code in chain:
        if member_level >= level:
            return member_level, code
    return chain[-1]


def entry_point(config: GridDeskConfig, ticket: TicketRow) -> tuple[Level, str]:
    """Where a new or triaged ticket lands: the grid worker, else the community secretary."""
    return ticket_chain(config, ticket)[0]


# People come with their appointments in the same round trip (the mapping's default,
# `selectin`, costs a second one).
_WITH_APPOINTMENTS = joinedload(PersonRow.appointments)


async def people(uow: UnitOfWork, codes: list[str]) -> dict[str, PersonRow]:
    rows = await uow.session.scalars(
        select(PersonRow).where(PersonRow.code.in_(codes)).options(_WITH_APPOINTMENTS))
    return {row.code: row for row in rows.unique()}


async def person(uow: UnitOfWork, code: str | None) -> PersonRow | None:
    if code is None:
        return None
    return await uow.session.get(PersonRow, code, options=[_WITH_APPOINTMENTS])


async def person_by_user(uow: UnitOfWork, user_id: int) -> PersonRow | None:
    return await uow.session.scalar(
        select(PersonRow).where(PersonRow.telegram_user_id == user_id, PersonRow.active)
    )


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
