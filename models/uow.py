"""The unit of work: one AsyncSession, one transaction, every repository."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    AsyncSessionTransaction,
    async_sessionmaker,
)

from models.clock import Clock
from models.domain_events import EventLog
from models.outbox import OutboxDelivery
from models.repos.accounts import AccountRepo
from models.repos.bulk import BulkRepo
from models.repos.console import ConsoleRepo, MapQueries
from models.repos.conversations import ConversationRepo
from models.repos.dashboard import DashboardQueries
from models.repos.events import EventRepo
from models.repos.open311 import Open311Repo
from models.repos.org import OrgRepo
from models.repos.outbox import OutboxRepo
from models.repos.replies import ReplyRepo
from models.repos.tickets import TicketRepo
from models.repos.updates import UpdateRepo
from models.repos.visits import VisitRepo
from models.repos.work import StaffWorkRepo


class UnitOfWork(EventLog):
    """`async with uow:` ... `await uow.commit()`; leaving without commit rolls back."""

    session: AsyncSession
    tickets: TicketRepo
    org: OrgRepo
    events: EventRepo
    outbox: OutboxRepo
    conversations: ConversationRepo
    updates: UpdateRepo
    delivery: OutboxDelivery
    accounts: AccountRepo
    replies: ReplyRepo
    work: StaffWorkRepo
    visits: VisitRepo
    open311: Open311Repo
    console: ConsoleRepo
    bulk: BulkRepo
    map: MapQueries
    dashboard: DashboardQueries

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        super().__init__()
        self._sessions = sessions
        self.clock = clock
        self._active = False

    async def __aenter__(self) -> UnitOfWork:
        if self._active:
            raise RuntimeError("a UnitOfWork cannot be entered twice at the same time")
        self._active = True
        self.session = self._sessions()
        session, clock = self.session, self.clock
        self.tickets = TicketRepo(session, clock)
        self.org = OrgRepo(session, clock)
        self.events = EventRepo(session, clock)
        self.outbox = OutboxRepo(session, clock)
        self.conversations = ConversationRepo(session, clock)
        self.updates = UpdateRepo(session, clock)
        self.delivery = OutboxDelivery(session, clock)
        self.accounts = AccountRepo(session, clock)
        self.replies = ReplyRepo(session, clock)
        self.work = StaffWorkRepo(session, clock)
        self.visits = VisitRepo(session, clock)
        self.open311 = Open311Repo(session, clock)
        self.console = ConsoleRepo(session, clock)
        self.bulk = BulkRepo(session, clock)
        self.map = MapQueries(session, clock)
        self.dashboard = DashboardQueries(session, clock)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()
            self._active = False

    def now(self) -> datetime:
        return self.clock.now()

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()

    async def flush(self) -> None:
        await self.session.flush()

    async def vacuum(self, *tables: str) -> None:
        """PostgreSQL: VACUUM (ANALYZE) the tables after a bulk load (nothing elsewhere)."""
        bind = self.session.bind
        if not isinstance(bind, AsyncEngine) or bind.dialect.name != "postgresql":
            return
        async with bind.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            for table in tables:
                await autocommit.execute(text(f"VACUUM (ANALYZE) {table}"))

    def no_autoflush(self) -> Any:
        """A block whose new rows wait for an explicit flush (bulk loads)."""
        return self.session.no_autoflush

    def savepoint(self) -> AsyncSessionTransaction:
        """`async with uow.savepoint():` a failure inside rolls back only what it did."""
        return self.session.begin_nested()


class UnitOfWorkFactory:
    """Callable giving a fresh UnitOfWork per incoming update or job."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self.sessions = sessions
        self.clock = clock

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.clock)
