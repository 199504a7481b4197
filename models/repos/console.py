"""The web console's queries: sign-in links and sessions, the queue, a ticket's neighbours."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, true

from models import escalation as rules
from models.orm import (
    BanRow,
    ConsoleLoginRow,
    ConsoleSessionRow,
    PersonRow,
    TicketRow,
)
from models.repos.base import Repository, dialect_name
from models.repos.tickets import Scope

OPEN311_ANY = "open311"
SHORT_WORD = 2  # characters: too short for a trigram, found among the search words
# The queue's counts stop here when no index can count them (`counted_up_to_bound`): more
# than 20 pages of 50 is "too many to read" anyway, and 1,001 rows is a bounded read
COUNT_BOUND = 1_000
SORTS: dict[str, Any] = {
    "new": (TicketRow.created_at.desc(), TicketRow.id.desc()),
    "old": (TicketRow.created_at, TicketRow.id),
    "due": (rules.current_due().is_(None), rules.current_due(), TicketRow.id),
    "updated": (TicketRow.updated_at.desc(), TicketRow.id.desc()),
    "level": (TicketRow.level.desc(), TicketRow.created_at, TicketRow.id),
}


@dataclass
class QueueFilter:
    """What the queue shows: every field narrows it; `page` counts from 1."""

    status: str | None = None
    level: int | None = None
    category: str | None = None
    community: str | None = None
    grid: str | None = None
    urgent: bool = False
    overdue: bool = False
    due_within: timedelta | None = None
    since: datetime | None = None
    until: datetime | None = None
    unsatisfied: bool = False
    source: str | None = None  # tickets.source; "open311" alone keeps every Open311 client
    words: list[str] = field(default_factory=list)
    sort: str = "new"
    page: int = 1
    per_page: int = 50


@dataclass
class Listed:
    """A ticket with its current stage's deadline and whether it is breached now."""

    ticket: TicketRow
    due: datetime | None
    overdue: bool


@dataclass
class GridLoad:
    open: int = 0
    overdue: int = 0


@dataclass
class Point:
    number: str
    grid_code: str | None
    latitude: float | None
    longitude: float | None
    overdue: bool
    urgent: bool


@dataclass(frozen=True)
class Count:
    """A number of tickets; `capped`: counting stopped at `value` and more exist."""

    value: int
    capped: bool = False

    def __str__(self) -> str:
        return f"{self.value}+" if self.capped else str(self.value)


@dataclass
class QueuePage:
    tickets: list[Listed]
    total: Count
    by_status: dict[str, int | None]  # None: the statuses of a capped count, not counted
    overdue: Count
    more: bool = False  # tickets follow this page


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _word(word: str, indexed: bool) -> ColumnElement[bool]:
    """A search word: its ticket number, or a text containing it. With `indexed`
    (PostgreSQL) a two-character word, too short for the trigram index, is looked up among
    the tickets' two-character sequences (`models.search_words`): the same tickets."""
    text = (TicketRow.search_words.contains([word]) if indexed and len(word) == SHORT_WORD
            else TicketRow.original_text.like(_like(word), escape="\\"))
    return or_(TicketRow.number == word.upper(), text)


def _conditions(query: QueueFilter, now: datetime, status: bool = True,
                indexed: bool = False) -> list[Any]:
    """The filter as SQL conditions (the status one left out for the counts by status);
    `indexed`: the search words are an indexed array (PostgreSQL)."""
    found: list[Any] = []
    simple = ((TicketRow.level, query.level), (TicketRow.category_code, query.category),
              (TicketRow.community_code, query.community), (TicketRow.grid_code, query.grid))
    found += [column == value for column, value in simple if value is not None]
    if status and query.status:
        found.append(TicketRow.status == query.status)
    if query.urgent:
        found.append(TicketRow.urgent.is_(True))
    if query.overdue:
        found.append(rules.breached(now))
    if query.due_within is not None:
        found.append(and_(rules.open_ticket(), rules.current_due() > now,
                          rules.current_due() <= now + query.due_within))
    if query.since is not None:
        found.append(TicketRow.created_at >= query.since)
    if query.until is not None:
        found.append(TicketRow.created_at < query.until)
    if query.source == OPEN311_ANY:
        found.append(TicketRow.source.startswith(OPEN311_ANY + ":", autoescape=True))
    elif query.source is not None:
        found.append(TicketRow.source == query.source)
    if query.unsatisfied:
        found.append(TicketRow.unsatisfied == true())  # `= true`: the partial index's predicate
    found += [_word(word, indexed) for word in query.words]
    return found


def counted_up_to_bound(query: QueueFilter) -> bool:
    """Whether the queue's counts stop at `COUNT_BOUND`: with a search word or a channel,
    which no index holds beside the status, counting by status reads every matching row from
    the table. Every other filter is counted exactly from an index."""
    return bool(query.words) or query.source is not None


def _capped(found: int) -> Count:
    """A count taken with `LIMIT COUNT_BOUND + 1`."""
    return Count(min(found, COUNT_BOUND), found > COUNT_BOUND)


class ConsoleRepo(Repository):
    # --- sign-in ------------------------------------------------------------------------

    def add_login(self, token_hash: str, person_code: str, expires_at: datetime) -> None:
        self.session.add(ConsoleLoginRow(token_hash=token_hash, person_code=person_code,
                                         created_at=self.clock.now(), expires_at=expires_at))

    async def login(self, token_hash: str) -> ConsoleLoginRow | None:
        """The link behind a sign-in, locked until commit (it is used once)."""
        return await self.session.get(ConsoleLoginRow, token_hash, with_for_update=True)

    def add_session(self, id_hash: str, person_code: str, expires_at: datetime) -> None:
        self.session.add(ConsoleSessionRow(id_hash=id_hash, person_code=person_code,
                                           created_at=self.clock.now(), expires_at=expires_at))

    async def session_of(self, id_hash: str) -> ConsoleSessionRow | None:
        return await self.session.get(ConsoleSessionRow, id_hash)

    async def end_session(self, id_hash: str) -> None:
        row = await self.session.get(ConsoleSessionRow, id_hash)
        if row is not None:
            await self.session.delete(row)

    async def banned(self, person: PersonRow) -> bool:
        """Whether one of the person's channel accounts is banned (`griddesk ban`)."""
        for account in person.accounts:
            if account.user_id is None:
                continue
            if await self.session.get(BanRow, (account.channel, account.user_id)) is not None:
                return True
        return False

    # --- the queue ----------------------------------------------------------------------

    def _scoped(self, scope: Scope, conditions: list[Any]) -> Select[Any]:
        return select(TicketRow).where(scope.condition(), *conditions)

    async def _listed(self, statement: Select[Any], now: datetime) -> list[Listed]:
        statement = statement.add_columns(rules.current_due(), rules.breached(now))
        return [Listed(row[0], row[1], bool(row[2]))
                for row in (await self.session.execute(statement)).all()]

    async def queue(self, scope: Scope, query: QueueFilter, now: datetime) -> QueuePage:
        """One page of the tickets in `scope` the filter keeps, with its counts."""
        indexed = dialect_name(self.session) == "postgresql"
        page = (self._scoped(scope, _conditions(query, now, indexed=indexed))
                .order_by(*SORTS.get(query.sort, SORTS["new"]))
                .offset((max(query.page, 1) - 1) * query.per_page).limit(query.per_page + 1))
        tickets = await self._listed(page, now)
        unfiltered = [scope.condition(), *_conditions(query, now, status=False, indexed=indexed)]
        counts = (self._bounded_counts if counted_up_to_bound(query)
                  else self._exact_counts)
        total, by_status, overdue = await counts(unfiltered, query, now)
        return QueuePage(tickets[:query.per_page], total, by_status, overdue,
                         more=len(tickets) > query.per_page)

    async def _exact_counts(self, unfiltered: list[Any], query: QueueFilter, now: datetime
                            ) -> tuple[Count, dict[str, int | None], Count]:
        """Two counts: every status (an index-only scan without a filter), then only the open
        tickets past a deadline (the status index), not a deadline test on every row."""
        counts = select(TicketRow.status, func.count()).where(*unfiltered)
        late = counts.where(rules.breached(now))
        exact = {status: int(count) for status, count
                 in (await self.session.execute(counts.group_by(TicketRow.status))).all()}
        overdue = sum(int(count) for status, count
                      in (await self.session.execute(late.group_by(TicketRow.status))).all()
                      if not query.status or status == query.status)
        total = exact.get(query.status, 0) if query.status else sum(exact.values())
        by_status: dict[str, int | None] = dict(exact)
        return Count(total), by_status, Count(overdue)

    async def _bounded_counts(self, unfiltered: list[Any], query: QueueFilter, now: datetime
                              ) -> tuple[Count, dict[str, int | None], Count]:
        """The counts of at most `COUNT_BOUND` + 1 matching tickets: by status while they are
        all counted; past the bound, the statuses seen and the totals as "1000+"."""
        sample = select(TicketRow.status).where(*unfiltered).limit(COUNT_BOUND + 1).subquery()
        seen = {status: int(count) for status, count in (await self.session.execute(
            select(sample.c.status, func.count()).group_by(sample.c.status))).all()}
        everything = _capped(sum(seen.values()))
        chosen = [TicketRow.status == query.status] if query.status else []
        if not query.status:
            total = everything
        elif everything.capped:
            total = await self._up_to_bound([*unfiltered, *chosen])
        else:
            total = Count(seen.get(query.status, 0))
        overdue = await self._up_to_bound([*unfiltered, *chosen, rules.breached(now)])
        by_status = {status: None if everything.capped else count
                     for status, count in seen.items()}
        return total, by_status, overdue

    async def _up_to_bound(self, conditions: list[Any]) -> Count:
        sample = select(TicketRow.id).where(*conditions).limit(COUNT_BOUND + 1).subquery()
        return _capped(int(await self.session.scalar(
            select(func.count()).select_from(sample)) or 0))

    async def ticket(self, scope: Scope, number: str, now: datetime,
                     for_update: bool = False) -> Listed | None:
        """A ticket by number, only if it lies in `scope` (None otherwise: no hint it exists);
        `for_update` locks it (PostgreSQL) for an action."""
        statement = self._scoped(scope, [TicketRow.number == number.strip().upper()])
        if for_update:
            statement = statement.with_for_update(of=TicketRow).execution_options(
                populate_existing=True)
        found = await self._listed(statement, now)
        return found[0] if found else None

    async def neighbours(self, scope: Scope, ticket: TicketRow, since: datetime, now: datetime,
                         limit: int = 20) -> list[Listed]:
        """Other tickets of the same building (or the same typed address) since `since`."""
        if ticket.grid_code is not None and ticket.building is not None:
            place: ColumnElement[bool] = and_(TicketRow.grid_code == ticket.grid_code,
                                              TicketRow.building == ticket.building)
        elif ticket.address_text:
            place = TicketRow.address_text == ticket.address_text
        else:
            return []
        statement = (self._scoped(scope, [place, TicketRow.id != ticket.id,
                                          TicketRow.created_at >= since])
                     .order_by(TicketRow.created_at.desc()).limit(limit))
        return await self._listed(statement, now)


class MapQueries(Repository):
    """What the map draws: open tickets per grid, and the open tickets as points."""

    async def grid_loads(self, scope: Scope, now: datetime) -> dict[str, GridLoad]:
        statement = (select(TicketRow.grid_code, func.count(),
                            func.sum(_flag(rules.breached(now))))
                     .where(scope.condition(), rules.open_ticket(),
                            TicketRow.grid_code.is_not(None))
                     .group_by(TicketRow.grid_code))
        return {code: GridLoad(int(count), int(late or 0))
                for code, count, late in (await self.session.execute(statement)).all()}

    async def points(self, scope: Scope, now: datetime, limit: int) -> list[Point]:
        """Open tickets with a location or a grid, most overdue and urgent first."""
        late = rules.breached(now)
        statement = (select(TicketRow.number, TicketRow.grid_code, TicketRow.latitude,
                            TicketRow.longitude, late, TicketRow.urgent)
                     .where(scope.condition(), rules.open_ticket(),
                            or_(TicketRow.latitude.is_not(None),
                                TicketRow.grid_code.is_not(None)))
                     .order_by(_flag(late).desc(), TicketRow.urgent.desc(), TicketRow.id)
                     .limit(limit))
        return [Point(row[0], row[1], row[2], row[3], bool(row[4]), bool(row[5]))
                for row in (await self.session.execute(statement)).all()]


def _flag(condition: ColumnElement[bool]) -> Any:
    return case((condition, 1), else_=0)
