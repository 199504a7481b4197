"""Organisation lookups: people, appointments, the grid hierarchy, categories."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import joinedload

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

# People come with their appointments and channel accounts in the same round trip (the
# mapping's default, `selectin`, costs one more each).
_WITH_APPOINTMENTS = (joinedload(PersonRow.appointments), joinedload(PersonRow.accounts))


class OrgRepo(Repository):
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

    async def person_by_account(self, user_id: int, channel: str = TELEGRAM) -> PersonRow | None:
        """The active person whose account on `channel` is `user_id`."""
        statement = (
            select(PersonRow)
            .join(ChannelAccountRow, ChannelAccountRow.person_code == PersonRow.code)
            .where(ChannelAccountRow.channel == channel, ChannelAccountRow.user_id == user_id)
            .where(PersonRow.active.is_(True))
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

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

    async def people_by_chat_id(self, chat_id: int, channel: str = TELEGRAM) -> list[PersonRow]:
        """Active people whose notifications go to `chat_id` (a group chat or a private chat)."""
        account = ChannelAccountRow
        statement = (
            select(PersonRow)
            .join(account, account.person_code == PersonRow.code)
            .where(PersonRow.active.is_(True), account.channel == channel)
            .where(
                (account.chat_id == chat_id)
                | (account.chat_id.is_(None) & (account.user_id == chat_id))
            )
            .order_by(PersonRow.code)
        )
        return list((await self.session.execute(statement)).scalars())

    async def people_at(self, level: Level | int, scope: str) -> list[PersonRow]:
        """Active people appointed at `level` over `scope` (grid, community, street or district)."""
        role = LEVEL_ROLE[Level(level)]
        return await self.people_in_role(role, scope)

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

    async def task_force_head(self) -> PersonRow | None:
        """Who heads the district task force, the top of every chain."""
        district = await self.district()
        return await self.person(district.task_force_person) if district else None

    async def district_of(self, street: StreetRow) -> DistrictRow | None:
        return await self.session.get(DistrictRow, street.district_code)

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

    async def chain_for_grid(self, grid_code: str) -> Chain:
        """Who acts at each level for a grid, lowest first: worker, branch, community, street,
        district. Empty when the grid is unknown."""
        grid = await self.grid(grid_code)
        if grid is None:
            return []
        workers = await self.people_at(Level.GRID_WORKER, grid_code)
        chain: Chain = [(Level.GRID_WORKER, workers[0])] if workers else []
        branch = await self.person(grid.branch_person)
        if branch is not None:
            chain.append((Level.GRID_BRANCH, branch))
        return chain + await self.chain_for_community(grid.community_code)

    async def chain_for_street(self, street_code: str) -> Chain:
        """The street and district levels (the street's triage queue)."""
        street = await self.street(street_code)
        if street is None:
            return []
        chain: Chain = []
        district = await self.district_of(street)
        for level, code in ((Level.STREET, street.committee_person),
                            (Level.DISTRICT, district.task_force_person if district else None)):
            person = await self.person(code) if code else None
            if person is not None:
                chain.append((level, person))
        return chain

    async def chain_for_community(self, community_code: str) -> Chain:
        """The community, street and district levels above a community (its triage queue)."""
        community = await self.community(community_code)
        if community is None:
            return []
        chain: Chain = []
        street = await self.street(community.street_code)
        district = await self.district_of(street) if street else None
        for level, code in (
            (Level.COMMUNITY, community.secretary_person),
            (Level.STREET, street.committee_person if street else None),
            (Level.DISTRICT, district.task_force_person if district else None),
        ):
            person = await self.person(code) if code else None
            if person is not None:
                chain.append((level, person))
        return chain

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
