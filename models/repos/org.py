"""Organisation lookups: people, appointments, the grid hierarchy, categories."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, Subquery, bindparam, delete, null, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from models.clock import Clock
from models.config.schema import ROLE_LEVEL, GridDeskConfig, Level, Role
from models.config.sync import SyncReport, sync_config
from models.orm import (
    TELEGRAM,
    AppointmentRow,
    CategoryRow,
    ChannelAccountRow,
    CommunityRow,
    DistrictRow,
    GridRow,
    PersonRow,
    StaffBindingRow,
    StreetRow,
)
from models.repos.base import Repository

LEVEL_ROLE: dict[Level, Role] = {level: role for role, level in ROLE_LEVEL.items()}

Chain = list[tuple[Level, PersonRow]]
ChainRows = tuple[str | None, list[tuple[Level, str]], list[PersonRow]]

# The posts above a place, lowest first (the grid's workers come from their appointments).
_POST_LEVELS = (Level.GRID_BRANCH, Level.COMMUNITY, Level.STREET, Level.DISTRICT)
_POSTS = ("branch", "secretary", "committee", "task_force")

# People come with their appointments and channel accounts in the same round trip (the
# mapping's default, `selectin`, costs one more each).
_WITH_APPOINTMENTS = (joinedload(PersonRow.appointments), joinedload(PersonRow.accounts))


class OrgRepo(Repository):
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        super().__init__(session, clock)
        self._chains: dict[tuple[str | None, str | None, str | None], Chain] = {}

    async def sync(self, config: GridDeskConfig) -> SyncReport:
        """Write the configuration's organisation into the tables (`griddesk config load`)."""
        return await sync_config(self.session, config)

    # --- people ------------------------------------------------------------------------

    async def person(self, code: str) -> PersonRow | None:
        return await self.session.get(PersonRow, code)

    async def person_with_appointments(self, code: str) -> PersonRow | None:
        return await self.session.get(PersonRow, code, options=_WITH_APPOINTMENTS)

    async def people(self, codes: list[str]) -> dict[str, PersonRow]:
        """People by code, with their appointments (one round trip)."""
        rows = await self.session.scalars(
            select(PersonRow).where(PersonRow.code.in_(codes)).options(*_WITH_APPOINTMENTS))
        return {row.code: row for row in rows.unique()}

    async def bind_account(self, person: PersonRow, user_id: int, at: datetime,
                           channel: str = TELEGRAM) -> None:
        """Bind a channel account to `person` (an invite was used). The binding is stored apart
        from the configuration, which keeps it on every sync; it replaces the configured user and
        group chat, so the person's cards go to the bound account privately."""
        await self.session.execute(
            delete(StaffBindingRow).where(
                ((StaffBindingRow.channel == channel) & (StaffBindingRow.user_id == user_id))
                | (StaffBindingRow.person_code == person.code)
            )
        )
        await self.unbind_account(user_id, channel, keep_code=person.code)
        self.session.add(StaffBindingRow(person_code=person.code, channel=channel,
                                         user_id=user_id, bound_at=at))
        account = person.account(channel)
        if account is None:
            person.accounts.append(ChannelAccountRow(channel=channel, user_id=user_id))
        else:
            account.user_id, account.chat_id = user_id, None

    async def unbind_account(self, user_id: int, channel: str = TELEGRAM,
                             keep_code: str | None = None) -> None:
        """The user stops being anyone's but `keep_code`'s (an account that also names a group
        chat keeps the chat)."""
        whose = [ChannelAccountRow.channel == channel, ChannelAccountRow.user_id == user_id]
        if keep_code is not None:
            whose.append(ChannelAccountRow.person_code != keep_code)
        fetch = {"synchronize_session": "fetch"}
        await self.session.execute(
            update(ChannelAccountRow).where(*whose, ChannelAccountRow.chat_id.is_not(None))
            .values(user_id=None).execution_options(**fetch))
        await self.session.execute(
            delete(ChannelAccountRow).where(*whose).execution_options(**fetch))
        await self.session.flush()

    async def people_in_role(self, role: Role | str, scope: str | None = None) -> list[PersonRow]:
        """Active people in `role` (over `scope` when given), in configuration order."""
        statement = (
            select(PersonRow)
            .join(AppointmentRow, AppointmentRow.person_code == PersonRow.code)
            .where(AppointmentRow.role == str(role), PersonRow.active.is_(True))
            .order_by(AppointmentRow.id)
        )
        if scope is not None:
            statement = statement.where(AppointmentRow.scope_code == scope)
        return list((await self.session.execute(statement)).scalars().unique())

    async def appointments_of(self, person_code: str) -> list[AppointmentRow]:
        statement = (
            select(AppointmentRow)
            .where(AppointmentRow.person_code == person_code)
            .order_by(AppointmentRow.id)
        )
        return list((await self.session.execute(statement)).scalars())

    async def all_people(self, active_only: bool = True) -> list[PersonRow]:
        statement = select(PersonRow).order_by(PersonRow.code)
        if active_only:
            statement = statement.where(PersonRow.active.is_(True))
        return list((await self.session.execute(statement)).scalars())

    # --- hierarchy ---------------------------------------------------------------------

    async def district(self) -> DistrictRow | None:
        """The (single) district of this installation."""
        statement = select(DistrictRow).order_by(DistrictRow.code).limit(1)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def street(self, code: str) -> StreetRow | None:
        return await self.session.get(StreetRow, code)

    async def community(self, code: str) -> CommunityRow | None:
        return await self.session.get(CommunityRow, code)

    async def grid(self, code: str) -> GridRow | None:
        return await self.session.get(GridRow, code)

    async def communities(self) -> list[CommunityRow]:
        statement = select(CommunityRow).order_by(CommunityRow.code)
        return list((await self.session.execute(statement)).scalars())

    async def grids(self, community_code: str | None = None) -> list[GridRow]:
        statement = select(GridRow).order_by(GridRow.code)
        if community_code is not None:
            statement = statement.where(GridRow.community_code == community_code)
        return list((await self.session.execute(statement)).scalars())

    async def chain(self, grid_code: str | None, community_code: str | None,
                    street_code: str | None) -> Chain:
        """Who acts at each level above a place, lowest first: the grid's first active worker,
        its branch, community, street and district. It starts at the grid when known, else at
        the community, else at the street, else at the district task force (unknown codes are
        passed over). One round trip, cached for the unit of work (the cards and checks of an
        update, and many tickets of a sweep, share a chain)."""
        key = (grid_code, community_code, street_code)
        if key not in self._chains:
            grid, posts, people = await self.chain_rows(grid_code, community_code, street_code)
            chain: Chain = []
            if grid is not None:
                chain = [(Level.GRID_WORKER, worker) for worker in first_worker(people, grid)]
            found = {person.code: person for person in people}
            chain += [(level, found[code]) for level, code in posts if code in found]
            self._chains[key] = chain
        return self._chains[key]

    async def chain_rows(self, grid_code: str | None, community_code: str | None,
                         street_code: str | None) -> ChainRows:
        """The grid a chain starts at (None: above the grids), who holds each post from there
        to the district (person codes), and those people with the grid's workers, each with
        their appointments: one statement per place tried."""
        starts = ((GridRow, grid_code), (CommunityRow, community_code), (StreetRow, street_code))
        for entity, code in (*((e, c) for e, c in starts if c is not None), (DistrictRow, None)):
            statement = _CHAIN_FROM[entity]
            rows = (await self.session.execute(statement, {"code": code})).unique().all()
            if rows:
                grid, *codes = rows[0][1:]
                posts = [(level, code) for level, code in zip(_POST_LEVELS, codes, strict=True)
                         if code is not None]
                return grid, posts, [row[0] for row in rows]
        return None, [], []

    async def scopes_for_grid(self, grid_code: str) -> dict[Level, str]:
        """The scope code of each level above a grid (grid, grid, community, street, district)."""
        grid = await self.grid(grid_code)
        if grid is None:
            return {}
        scopes = {Level.GRID_WORKER: grid.code, Level.GRID_BRANCH: grid.code}
        return scopes | await self.scopes_for_community(grid.community_code)

    async def scopes_for_community(self, community_code: str) -> dict[Level, str]:
        community = await self.community(community_code)
        if community is None:
            return {}
        scopes = {Level.COMMUNITY: community.code}
        street = await self.street(community.street_code)
        if street is not None:
            scopes[Level.STREET] = street.code
            scopes[Level.DISTRICT] = street.district_code
        return scopes

    async def actor_level(
        self, person_code: str, grid_code: str | None, community_code: str | None = None
    ) -> Level | None:
        """The highest level at which the person acts over that grid (or community), if any."""
        if grid_code is not None:
            scopes = await self.scopes_for_grid(grid_code)
        elif community_code is not None:
            scopes = await self.scopes_for_community(community_code)
        else:
            return None
        held = {(item.role, item.scope_code) for item in await self.appointments_of(person_code)}
        levels = [level for level, scope in scopes.items() if (LEVEL_ROLE[level], scope) in held]
        return max(levels) if levels else None

    # --- categories --------------------------------------------------------------------

    async def category(self, code: str) -> CategoryRow | None:
        return await self.session.get(CategoryRow, code)

    async def categories(self) -> list[CategoryRow]:
        statement = select(CategoryRow).order_by(CategoryRow.position, CategoryRow.code)
        return list((await self.session.execute(statement)).scalars())


def first_worker(people: list[PersonRow], grid_code: str) -> list[PersonRow]:
    """The grid's first active worker in configuration order (none: an empty list)."""
    role = str(Role.GRID_WORKER)
    ranked = sorted((item.id, person) for person in people if person.active
                    for item in person.appointments
                    if item.role == role and item.scope_code == grid_code)
    return [ranked[0][1]] if ranked else []


def _posts_from(entity: type[Any]) -> Subquery:
    """One row: the grid (NULL above the grids) and the holder of each post (NULL below
    `entity`) from `entity` (a grid, community or street, by the `code` parameter; the first
    district without one) up to the district."""
    missing = {GridRow: 0, CommunityRow: 2, StreetRow: 3, DistrictRow: 4}[entity]
    columns: list[Any] = [GridRow.code, GridRow.branch_person, CommunityRow.secretary_person,
                          StreetRow.committee_person, DistrictRow.task_force_person]
    columns[:missing] = [null()] * missing
    statement = select(*(column.label(name) for column, name in zip(
        columns, ("grid", *_POSTS), strict=True))).select_from(entity)
    if entity is GridRow:
        statement = statement.join(CommunityRow, CommunityRow.code == GridRow.community_code)
    if entity in (GridRow, CommunityRow):
        statement = statement.join(StreetRow, StreetRow.code == CommunityRow.street_code)
    if entity is DistrictRow:
        return statement.order_by(DistrictRow.code).limit(1).subquery()
    statement = statement.join(DistrictRow, DistrictRow.code == StreetRow.district_code)
    return statement.where(entity.code == bindparam("code")).subquery()


def _chain_from(entity: type[Any]) -> Select[Any]:
    """The posts above `entity` joined to the people holding them and to the workers of the
    grid (correlated on the posts' grid), with their appointments. Built once: a statement
    built per call costs more CPU than the query itself."""
    posts = _posts_from(entity)
    workers = select(AppointmentRow.person_code).where(
        AppointmentRow.role == str(Role.GRID_WORKER), AppointmentRow.scope_code == posts.c.grid)
    holders = [posts.c[name] for name in _POSTS]
    return (
        select(PersonRow, *posts.c)
        .join(posts, PersonRow.code.in_(holders) | PersonRow.code.in_(workers))
        .options(*_WITH_APPOINTMENTS)
    )


_CHAIN_FROM = {entity: _chain_from(entity)
               for entity in (GridRow, CommunityRow, StreetRow, DistrictRow)}
