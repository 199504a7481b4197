"""Who may hold outbox rows, and taking the rows of an owner that is gone.

A sender (its claims) and a reply journal (direct replies not settled yet) register as an owner
in `outbox_owners` and beat a heartbeat. On PostgreSQL an owner also holds one connection open
for its whole life and records that connection's backend (pid and start time): when the process
dies, the server drops the backend at once, and the next `reap` of any live sender sees it.
A heartbeat older than the timeout (a frozen process, or SQLite, where there is no backend to
look at) counts as gone too.

Reaping an owner gives its pending rows back (claim cleared) and turns its direct replies into
pending rows, so the sender delivers them. Heartbeats are wall-clock time: whether a process is
alive has nothing to do with the domain clock.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from models.orm import OutboxOwnerRow, OutboxRow
from models.repos.base import upsert
from models.repos.replies import DIRECT, PENDING
from models.uow import UnitOfWork, UnitOfWorkFactory

_REGISTER_PG = text("""
INSERT INTO outbox_owners (id, backend_pid, backend_start, heartbeat_at)
SELECT :id, pid, backend_start, :now FROM pg_stat_activity WHERE pid = pg_backend_pid()
ON CONFLICT (id) DO UPDATE SET backend_pid = excluded.backend_pid,
    backend_start = excluded.backend_start, heartbeat_at = excluded.heartbeat_at
""")
_GONE_BACKEND = text("""
SELECT o.id FROM outbox_owners o WHERE o.backend_pid IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM pg_stat_activity a
    WHERE a.pid = o.backend_pid AND a.backend_start = o.backend_start)
""")


def wall_now() -> datetime:
    return datetime.now(UTC)


def _engine(uows: UnitOfWorkFactory) -> AsyncEngine:
    bind = uows.sessions.kw.get("bind")
    assert isinstance(bind, AsyncEngine), "the session factory must be bound to an engine"
    return bind


class OwnerRegistration:
    """One owner's row and, on PostgreSQL, the connection that proves it is alive."""

    def __init__(self, uows: UnitOfWorkFactory, owner_id: str) -> None:
        self.uows = uows
        self.owner_id = owner_id
        self._connection: AsyncConnection | None = None
        self.postgres = _engine(uows).dialect.name == "postgresql"

    async def register(self) -> None:
        """Write the owner row (on PostgreSQL from its own, held, autocommit connection)."""
        if not self.postgres:
            async with self.uows() as uow:
                values = {"id": self.owner_id, "heartbeat_at": wall_now()}
                statement = upsert(uow.session, OutboxOwnerRow).values(**values)
                await uow.session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["id"], set_={"heartbeat_at": values["heartbeat_at"]}
                    )
                )
                await uow.commit()
            return
        await self.abandon()
        connection = await _engine(self.uows).connect()
        try:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(_REGISTER_PG, {"id": self.owner_id, "now": wall_now()})
        except BaseException:
            await connection.close()
            raise
        self._connection = connection

    async def beat(self) -> None:
        """Refresh the heartbeat; register again if the row was reaped or the connection lost."""
        statement = (
            update(OutboxOwnerRow)
            .where(OutboxOwnerRow.id == self.owner_id)
            .values(heartbeat_at=wall_now())
        )
        found = False
        try:
            if self._connection is not None:
                found = bool((await self._connection.execute(statement)).rowcount)
            else:
                async with self.uows() as uow:
                    found = bool(getattr(await uow.session.execute(statement), "rowcount", 0))
                    await uow.commit()
        except Exception:
            found = False
        if not found:
            await self.register()

    async def unregister(self) -> None:
        try:
            async with self.uows() as uow:
                await uow.session.execute(
                    delete(OutboxOwnerRow).where(OutboxOwnerRow.id == self.owner_id)
                )
                await uow.commit()
        finally:
            await self._close_connection()

    async def abandon(self) -> None:
        """Drop the connection that proves this owner alive (its backend ends: to the others
        the owner is gone), without touching its row; as a crash would."""
        if self._connection is not None:
            with contextlib.suppress(Exception):
                await self._connection.invalidate()
        await self._close_connection()

    async def _close_connection(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                await self._connection.close()
            self._connection = None


async def gone_owners(session: AsyncSession, stale_after: timedelta) -> list[str]:
    """Owners whose heartbeat is older than `stale_after` or (PostgreSQL) whose backend is gone."""
    stale = select(OutboxOwnerRow.id).where(OutboxOwnerRow.heartbeat_at < wall_now() - stale_after)
    gone = set((await session.execute(stale)).scalars())
    if session.get_bind().dialect.name == "postgresql":
        gone.update((await session.execute(_GONE_BACKEND)).scalars())
    return sorted(gone)


async def reap(uow: UnitOfWork, stale_after: timedelta) -> tuple[list[str], int]:
    """Forget gone owners, release their claims and hand their direct replies to the sender.

    Returns the owners reaped and how many rows changed hands. A direct reply whose owner has no
    row at all (reaped earlier, or unregistered while sending) is handed over too."""
    session = uow.session
    gone = await gone_owners(session, stale_after)
    changed = 0
    if gone:
        await session.execute(delete(OutboxOwnerRow).where(OutboxOwnerRow.id.in_(gone)))
        released = await session.execute(
            update(OutboxRow)
            .where(OutboxRow.status == PENDING, OutboxRow.claimed_by.in_(gone))
            .values(claimed_by=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )
        changed += int(getattr(released, "rowcount", 0) or 0)
    owners = select(OutboxOwnerRow.id)
    orphan = (
        OutboxRow.status == DIRECT,
        or_(OutboxRow.claimed_by.is_(None), OutboxRow.claimed_by.not_in(owners)),
    )
    if (await session.execute(select(OutboxRow.id).where(*orphan).limit(1))).first() is None:
        return gone, changed  # the usual case: read only (no write lock taken on SQLite)
    orphaned = await session.execute(
        update(OutboxRow)
        .where(*orphan)
        .values(status=PENDING, claimed_by=None, claimed_until=None)
        .execution_options(synchronize_session=False)
    )
    changed += int(getattr(orphaned, "rowcount", 0) or 0)
    return gone, changed
