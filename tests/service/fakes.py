"""An in-memory unit of work (the FakeUnitOfWork of "Architecture Patterns with Python"): the
ticket service runs against it without a database. The organisation is the rows
`griddesk config load` writes, built from the configuration by the same mapping."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from models.clock import Clock
from models.config.schema import GridDeskConfig, Level, appointments
from models.config.sync import _accounts, _hierarchy, _people
from models.domain_events import EventLog
from models.orm import (
    TELEGRAM,
    ApiKeyRow,
    AppointmentRow,
    ChannelAccountRow,
    CommunityRow,
    DistrictRow,
    GridRow,
    OutboxRow,
    PersonRow,
    RatingRow,
    StreetRow,
    TicketEventRow,
    TicketRow,
)
from models.repos.org import LEVEL_ROLE, ChainRows, OrgRepo
from models.repos.outbox import PENDING


class FakeConversationRepo:
    """The buttons' callback tokens, kept in memory."""

    def __init__(self) -> None:
        self.tokens: dict[str, Any] = {}

    def issue_token(self, row: Any) -> None:
        self.tokens[row.token] = row

    async def token(self, token: str) -> Any:
        return self.tokens.get(token)


class FakeUpdateRepo:
    """The security events written while handling an update."""

    def __init__(self) -> None:
        self.security: list[tuple[int | None, str, str]] = []

    def security_event(self, user_id: int | None, kind: str, detail: str) -> None:
        self.security.append((user_id, kind, detail))


class FakeOrgRepo(OrgRepo):
    """The real chain logic of `OrgRepo` over in-memory organisation rows."""

    def __init__(self, config: GridDeskConfig, clock: Clock) -> None:
        self.clock = clock
        self._chains = {}
        self.rows: dict[type[Any], dict[str, Any]] = {}
        for entity, wanted in _hierarchy(config):
            self.rows[entity] = {code: entity(code=code, **values)
                                 for code, values in wanted.items()}
        self.people_rows = {code: PersonRow(code=code, **values)
                            for code, values in _people(config).items()}
        for code, (user_id, chat_id) in _accounts(config).items():
            self.people_rows[code].accounts.append(
                ChannelAccountRow(person_code=code, channel=TELEGRAM, user_id=user_id,
                                  chat_id=chat_id))
        for number, item in enumerate(appointments(config.district), 1):
            person = self.people_rows[item.person.code]
            person.appointments.append(AppointmentRow(id=number, person_code=person.code,
                                                      role=str(item.role), scope_code=item.scope))

    async def person(self, code: str) -> PersonRow | None:
        return self.people_rows.get(code)

    async def person_with_appointments(self, code: str) -> PersonRow | None:
        return self.people_rows.get(code)

    async def people(self, codes: list[str]) -> dict[str, PersonRow]:
        return {code: self.people_rows[code] for code in codes if code in self.people_rows}

    async def district(self) -> DistrictRow | None:
        return next(iter(self.rows[DistrictRow].values()), None)

    async def chain_rows(self, grid_code: str | None, community_code: str | None,
                         street_code: str | None) -> ChainRows:
        """The same walk up the hierarchy as the repository's statement."""
        grid = self.rows[GridRow].get(grid_code or "")
        community = self.rows[CommunityRow].get(
            grid.community_code if grid else community_code or "")
        street = self.rows[StreetRow].get(
            community.street_code if community else street_code or "")
        district = (self.rows[DistrictRow].get(street.district_code) if street
                    else await self.district())
        posts = [
            (Level.GRID_BRANCH, grid.branch_person if grid else None),
            (Level.COMMUNITY, community.secretary_person if community else None),
            (Level.STREET, street.committee_person if street else None),
            (Level.DISTRICT, district.task_force_person if district else None),
        ]
        held = [(level, code) for level, code in posts if code]
        codes = {code for _, code in held}
        worker = str(LEVEL_ROLE[Level.GRID_WORKER])
        people = [person for person in self.people_rows.values()
                  if person.code in codes or (grid and any(
                      item.role == worker and item.scope_code == grid.code
                      for item in person.appointments))]
        return (grid.code if grid else None), held, people


class FakeTicketRepo:
    def __init__(self, ids: Iterable[int], events: FakeEventRepo) -> None:
        self.by_id: dict[int, TicketRow] = {}
        self.events = events
        self.ratings: list[RatingRow] = []
        self._ids = iter(ids)

    def add(self, ticket: TicketRow, *events: TicketEventRow) -> None:
        ticket.id = next(self._ids)
        self.by_id[ticket.id] = ticket
        for event in events:
            event.ticket_id = ticket.id
            self.events.add(event)

    async def get(self, ticket_id: int, for_update: bool = False) -> TicketRow | None:
        return self.by_id.get(ticket_id)

    async def by_number(self, number: str, for_update: bool = False) -> TicketRow | None:
        return next((t for t in self.by_id.values() if t.number == number), None)

    async def number(self, ticket: TicketRow, prefix: str, local_date: date) -> str:
        """The day's next number, as the database's counter gives it."""
        day = local_date.strftime("%Y%m%d")
        taken = sum(1 for t in self.by_id.values() if t.number.startswith(f"{prefix}-{day}-"))
        ticket.number = f"{prefix}-{day}-{taken + 1:04d}"
        return ticket.number

    async def add_rating(self, ticket: TicketRow, score: str, comment: str | None = None,
                         at: datetime | None = None, via: str = "chat") -> RatingRow:
        rating = RatingRow(ticket_id=ticket.id, score=str(score), comment=comment, at=at,
                           via=via)
        self.ratings.append(rating)
        return rating


class FakeEventRepo:
    def __init__(self) -> None:
        self.rows: list[TicketEventRow] = []
        self.pending: list[TicketEventRow] = []

    def add(self, event: TicketEventRow) -> None:
        self.pending.append(event)

    def flush(self) -> None:
        for event in self.pending:
            event.id = len(self.rows) + 1
            self.rows.append(event)
        self.pending = []

    async def for_ticket(self, ticket_id: int) -> list[TicketEventRow]:
        self.flush()
        return [event for event in self.rows if event.ticket_id == ticket_id]

    async def data_of(self, ticket_id: int, action: str) -> list[dict[str, Any]]:
        return [e.data or {} for e in await self.for_ticket(ticket_id) if e.action == action]


class FakeOutboxRepo:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.by_key: dict[str, OutboxRow] = {}

    async def add(self, key: str, chat_id: int, kind: str, snapshot: dict[str, Any],
                  person_code: str | None = None, ticket_number: str | None = None,
                  available_at: datetime | None = None, ticket_id: int | None = None,
                  channel: str = "telegram") -> bool:
        if key in self.by_key:
            return False
        now = self.clock.now()
        self.by_key[key] = OutboxRow(
            id=len(self.by_key) + 1, key=key, kind=kind, channel=channel, chat_id=chat_id,
            snapshot=dict(snapshot), person_code=person_code, ticket_id=ticket_id,
            ticket_number=ticket_number, status=PENDING, attempts=0,
            available_at=available_at or now, created_at=now)
        return True

    async def rows(self, ticket_number: str | None = None) -> list[OutboxRow]:
        return [row for row in self.by_key.values()
                if ticket_number is None or row.ticket_number == ticket_number]

    async def to_staff(self, ticket_number: str) -> list[OutboxRow]:
        return [row for row in await self.rows(ticket_number) if row.person_code is not None]

    async def rewrite_pending(self, outbox_id: int, snapshot: dict[str, Any]) -> bool:
        row = next(row for row in self.by_key.values() if row.id == outbox_id)
        if row.status != PENDING or row.claimed_by is not None:
            return False
        row.snapshot = snapshot
        return True


class FakeOpen311Repo:
    """Open311 clients' filings and their callbacks, in memory."""

    def __init__(self) -> None:
        self.filers: dict[int, ApiKeyRow] = {}
        self.callbacks: dict[str, tuple[int, str, dict[str, Any]]] = {}

    async def filer_of(self, ticket_id: int) -> ApiKeyRow | None:
        return self.filers.get(ticket_id)

    async def add_callback(self, key: str, api_key_id: int, url: str,
                           payload: dict[str, Any]) -> None:
        self.callbacks.setdefault(key, (api_key_id, url, payload))


class FakeUnitOfWork(EventLog):
    """The repositories the ticket service uses, in memory; commit only records that it
    happened."""

    def __init__(self, config: GridDeskConfig, clock: Clock) -> None:
        super().__init__()
        self.clock = clock
        self.conversations = FakeConversationRepo()
        self.org = FakeOrgRepo(config, clock)
        self.events = FakeEventRepo()
        self.tickets = FakeTicketRepo(itertools.count(1), self.events)
        self.outbox = FakeOutboxRepo(clock)
        self.open311 = FakeOpen311Repo()
        self.updates = FakeUpdateRepo()
        self.committed = False

    async def __aenter__(self) -> FakeUnitOfWork:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    def now(self) -> datetime:
        return self.clock.now()

    async def flush(self) -> None:
        self.events.flush()

    async def commit(self) -> None:
        await self.flush()
        self.committed = True
