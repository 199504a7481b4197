"""Notification outbox: rows written in the caller's transaction, delivered later by the sender."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from models.orm import OutboxRow
from models.outbox import TELEGRAM
from models.repos.base import Repository, dialect_name, execute_core, upsert

PENDING = "pending"
SENT = "sent"
FAILED = "dead"  # the status the sender (models.outbox.DEAD) gives up with


class OutboxRepo(Repository):
    async def add(
        self,
        key: str,
        chat_id: int,
        kind: str,
        snapshot: dict[str, Any],
        person_code: str | None = None,
        ticket_number: str | None = None,
        available_at: datetime | None = None,
        ticket_id: int | None = None,
        channel: str = TELEGRAM,
    ) -> bool:
        """Queue what is to be said (`kind`, `snapshot`: handlers/messages.py) to `chat_id` of
        `channel`; idempotent on `key`. True when it was newly queued."""
        now = self.clock.now()
        statement = (
            upsert(self.session, OutboxRow)
            .values(
                key=key,
                kind=kind,
                channel=channel,
                chat_id=chat_id,
                snapshot=dict(snapshot),
                person_code=person_code,
                ticket_id=ticket_id,
                ticket_number=ticket_number,
                status=PENDING,
                attempts=0,
                available_at=available_at or now,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["key"])
            .returning(OutboxRow.id)
        )
        return (await execute_core(self.session, statement)).scalar_one_or_none() is not None

    async def by_key(self, key: str) -> OutboxRow | None:
        statement = select(OutboxRow).where(OutboxRow.key == key)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def rows(self, ticket_number: str | None = None) -> list[OutboxRow]:
        """Every row (of one ticket), in the order written."""
        statement = select(OutboxRow).order_by(OutboxRow.id)
        if ticket_number is not None:
            statement = statement.where(OutboxRow.ticket_number == ticket_number)
        return list((await self.session.execute(statement)).scalars())

    async def to_staff(self, ticket_number: str) -> list[OutboxRow]:
        """A ticket's rows addressed to staff (cards, their edits, notes), in the order written."""
        statement = (
            select(OutboxRow)
            .where(OutboxRow.ticket_number == ticket_number, OutboxRow.person_code.is_not(None))
            .order_by(OutboxRow.id)
        )
        return list((await self.session.execute(statement)).scalars())

    async def rewrite_pending(self, outbox_id: int, snapshot: dict[str, Any]) -> bool:
        """Replace the snapshot of a row still pending and unclaimed; False when too late."""
        result = await self.session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.id == outbox_id,
                OutboxRow.status == PENDING,
                OutboxRow.claimed_by.is_(None),
            )
            .values(snapshot=snapshot)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    async def claim(
        self, worker: str, limit: int = 20, lease: timedelta = timedelta(seconds=60)
    ) -> list[OutboxRow]:
        """Lease due pending rows to `worker` (SKIP LOCKED on PostgreSQL), oldest first."""
        now = self.clock.now()
        statement = (
            select(OutboxRow)
            .where(OutboxRow.status == PENDING, OutboxRow.available_at <= now)
            .where(or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until < now))
            .order_by(OutboxRow.available_at, OutboxRow.id)
            .limit(limit)
        )
        if dialect_name(self.session) == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        rows = list((await self.session.execute(statement)).scalars())
        for row in rows:
            row.claimed_by = worker
            row.claimed_until = now + lease
        await self.session.flush()
        return rows

    async def mark_sent(self, outbox_id: int, message_id: int | None = None) -> None:
        await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == outbox_id)
            .values(
                message_id=message_id,
                status=SENT,
                sent_at=self.clock.now(),
                claimed_by=None,
                claimed_until=None,
                attempts=OutboxRow.attempts + 1,
            )
        )
