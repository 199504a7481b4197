"""Load a validated configuration into the database: idempotent, one transaction, row-precise.

Re-running with the same configuration changes nothing; editing one person updates that row
only. People who left the configuration are deactivated (tickets still reference them) and
their appointments removed. The caller validates first and commits (or rolls back) after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from models.config.schema import GridDeskConfig, Person, appointments
from models.orm import (
    TELEGRAM,
    AppointmentRow,
    Base,
    CategoryRow,
    ChannelAccountRow,
    CommunityRow,
    DistrictRow,
    GridRow,
    PersonRow,
    StaffBindingRow,
    StreetRow,
    TicketRow,
)
from models.sla import working_time


class _Syncs(Protocol):
    async def sync(self, config: GridDeskConfig) -> SyncReport: ...


class _HasOrg(Protocol):
    @property
    def org(self) -> _Syncs: ...


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deactivated)

    def __str__(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, deactivated {self.deactivated}"
        )


Wanted = dict[str, dict[str, Any]]
Account = tuple[int | None, int | None]  # a Telegram account: (user id, chat id)


def _person(person: Person) -> dict[str, Any]:
    return {"name": person.name, "phone": person.phone, "active": True}


def _people(config: GridDeskConfig) -> Wanted:
    return {item.person.code: _person(item.person) for item in appointments(config.district)}


def _accounts(config: GridDeskConfig) -> dict[str, Account]:
    """The configured Telegram account of each person who has one."""
    people = (item.person for item in appointments(config.district))
    return {person.code: (person.telegram_user_id, person.telegram_chat_id) for person in people
            if person.telegram_user_id is not None or person.telegram_chat_id is not None}


def _hierarchy(config: GridDeskConfig) -> list[tuple[type[Base], Wanted]]:
    """The wanted rows of every organisation table, parents first."""
    district = config.district
    districts = {
        district.code: {
            "name": district.name,
            "ticket_prefix": district.ticket_prefix,
            "timezone": district.timezone,
            "task_force_name": district.task_force.name,
            "task_force_person": district.task_force.head.code,
        }
    }
    streets = {
        street.code: {
            "district_code": district.code,
            "name": street.name,
            "kind": street.kind,
            "committee_name": street.committee.name,
            "committee_person": street.committee.head.code,
        }
        for street in district.streets
    }
    communities = {
        community.code: {
            "street_code": street.code,
            "name": community.name,
            "aliases": list(community.aliases),
            "party_org_name": community.party_org.name,
            "secretary_person": community.party_org.head.code,
        }
        for street, community in district.communities()
    }
    grids = {
        grid.code: {
            "community_code": community.code,
            "name": grid.name,
            "building_low": grid.buildings[0] if grid.buildings else None,
            "building_high": grid.buildings[1] if grid.buildings else None,
            "households": grid.covered_households(),
            "outline": [[lat, lon] for lat, lon in grid.outline()],
            "branch_name": grid.branch.name,
            "branch_person": grid.branch.head.code,
        }
        for _, community, grid in district.grids()
    }
    return [
        (DistrictRow, districts),
        (StreetRow, streets),
        (CommunityRow, communities),
        (GridRow, grids),
        (CategoryRow, _categories(config)),
    ]


def _categories(config: GridDeskConfig) -> Wanted:
    taxonomy = config.taxonomy
    return {
        category.code: {
            "name": category.name,
            "name_hant": category.name_hant,
            "accept_within_s": int(taxonomy.accept_within(category.code, False).total_seconds()),
            "resolve_within_s": int(category.resolve_within.total_seconds()),
            "working_calendar": working_time(category, config.district.calendar),
            "departments": list(category.departments),
            "position": position,
        }
        for position, category in enumerate(taxonomy.categories)
    }


async def _with_bindings(session: AsyncSession, wanted: Wanted,
                         accounts: dict[str, Account]) -> dict[str, Account]:
    """A person bound by `griddesk invite` keeps the bound account, which replaces the configured
    user and group chat (the unit's cards go to the bound official privately); a configured
    user that is now bound to someone else is left out."""
    rows = (await session.execute(
        select(StaffBindingRow).where(StaffBindingRow.channel == TELEGRAM))).scalars()
    bound = {row.person_code: row.user_id for row in rows}
    taken = set(bound.values())
    result = dict(accounts)
    for code in wanted:
        user_id, chat_id = accounts.get(code, (None, None))
        if code in bound:
            result[code] = (bound[code], None)
        elif user_id in taken:
            result[code] = (None, chat_id)
        if result.get(code) == (None, None):
            del result[code]
    return result


async def _existing(session: AsyncSession, entity: type[Base]) -> dict[Any, Any]:
    rows = (await session.execute(select(entity))).scalars()
    mapper = entity.__mapper__
    return {mapper.primary_key_from_instance(row)[0]: row for row in rows}


def _apply(
    session: AsyncSession,
    entity: type[Base],
    code: str,
    values: dict[str, Any],
    row: Any | None,
    report: SyncReport,
    also_changed: tuple[str, ...] = (),
) -> Any:
    table = entity.__tablename__
    if row is None:
        row = entity(code=code, **values)
        session.add(row)
        report.created += 1
        report.changes.append(f"created {table} {code}")
        return row
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    changed += also_changed
    if changed:
        report.updated += 1
        report.changes.append(f"updated {table} {code}: {', '.join(changed)}")
    else:
        report.unchanged += 1
    return row


async def _sync_people(session: AsyncSession, wanted: Wanted, accounts: dict[str, Account],
                       report: SyncReport) -> None:
    """People and their Telegram accounts (`channel_accounts`), an account change counted as
    a change of its person."""
    existing: dict[str, PersonRow] = await _existing(session, PersonRow)
    # Free Telegram users that move to another person first (channel and user are unique).
    owner = {user_id: code for code, (user_id, _) in accounts.items() if user_id is not None}
    freed = False
    for code, row in existing.items():
        account = row.account(TELEGRAM)
        if account is not None and account.user_id is not None and owner.get(
                account.user_id, code) != code:
            row.accounts.remove(account)
            freed = True
    if freed:
        await session.flush()
    for code, values in wanted.items():
        found = existing.get(code)
        moved = found is not None and _account_of(found) != accounts.get(code)
        row = _apply(session, PersonRow, code, values, found, report,
                     ("telegram account",) if moved else ())
        _set_account(row, accounts.get(code))
    for code, row in existing.items():
        if code not in wanted and row.active:
            row.active = False
            report.deactivated += 1
            report.changes.append(f"deactivated people {code}")
    await session.flush()


def _account_of(row: PersonRow) -> Account | None:
    account = row.account(TELEGRAM)
    return None if account is None else (account.user_id, account.chat_id)


def _set_account(row: PersonRow, wanted: Account | None) -> None:
    account = row.account(TELEGRAM)
    if wanted is None:
        if account is not None:
            row.accounts.remove(account)
    elif account is None:
        row.accounts.append(ChannelAccountRow(channel=TELEGRAM, user_id=wanted[0],
                                              chat_id=wanted[1]))
    elif (account.user_id, account.chat_id) != wanted:
        account.user_id, account.chat_id = wanted


async def _sync_appointments(
    session: AsyncSession, config: GridDeskConfig, report: SyncReport
) -> None:
    wanted = [
        (item.person.code, str(item.role), item.scope) for item in appointments(config.district)
    ]
    rows = (await session.execute(select(AppointmentRow))).scalars()
    existing = {(row.person_code, row.role, row.scope_code): row for row in rows}
    for key in wanted:
        if key in existing:
            report.unchanged += 1
        else:
            session.add(AppointmentRow(person_code=key[0], role=key[1], scope_code=key[2]))
            report.created += 1
            report.changes.append(f"created appointments {' '.join(key)}")
    wanted_keys = set(wanted)
    for key, row in existing.items():
        if key not in wanted_keys:
            await session.delete(row)
            report.deactivated += 1
            report.changes.append(f"removed appointments {' '.join(key)}")
    await session.flush()


async def _sync_table(
    session: AsyncSession, entity: type[Base], wanted: Wanted, report: SyncReport
) -> None:
    existing = await _existing(session, entity)
    for code, values in wanted.items():
        _apply(session, entity, code, values, existing.get(code), report)
    await session.flush()


async def _move_tickets_street(session: AsyncSession, config: GridDeskConfig,
                               streets_before: dict[str, str]) -> None:
    """A community moved to another street takes its tickets' street along (the street
    scope reads `tickets.street_code` alone)."""
    for street, community in config.district.communities():
        if streets_before.get(community.code, street.code) != street.code:
            await session.execute(update(TicketRow)
                                  .where(TicketRow.community_code == community.code)
                                  .values(street_code=street.code))


async def sync_config(
    uow_or_session: AsyncSession | _HasOrg, config: GridDeskConfig
) -> SyncReport:
    """Write `config` into the organisation tables in the caller's transaction (not committed).
    Given a unit of work, its organisation repository does it (`OrgRepo.sync`)."""
    if not isinstance(uow_or_session, AsyncSession):
        return await uow_or_session.org.sync(config)
    session = uow_or_session
    report = SyncReport()
    people = _people(config)
    accounts = await _with_bindings(session, people, _accounts(config))
    await _sync_people(session, people, accounts, report)
    streets_before = {code: row.street_code
                      for code, row in (await _existing(session, CommunityRow)).items()}
    for entity, wanted in _hierarchy(config):
        await _sync_table(session, entity, wanted, report)
    await _move_tickets_street(session, config, streets_before)
    await _sync_appointments(session, config, report)
    return report
