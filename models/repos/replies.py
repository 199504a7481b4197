"""Direct replies of updates, journalled as outbox rows (`handlers/replies.py`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import insert, update

from models.numbering import pending_numbers
from models.orm import OutboxRow
from models.outbox import MAX_ERROR_LENGTH, PENDING, SENT
from models.repos.base import Repository, execute_core

DIRECT = "direct"  # a direct reply the adapter is sending: owned by the journal that wrote it


class ReplyRepo(Repository):
    def provisional_numbers(self) -> list[str]:
        """Numbers of tickets filed in this transaction that get their real one at commit."""
        return pending_numbers(self.session)

    async def record(self, rows: list[dict[str, Any]]) -> dict[str, int]:
        """Insert direct reply rows (outbox columns); their ids by key."""
        statement = insert(OutboxRow).values(rows).returning(OutboxRow.key, OutboxRow.id)
        result = await execute_core(self.session, statement)
        return {row.key: row.id for row in result}

    async def mark_sent(self, ids: list[int]) -> None:
        """Sent: pending too (the owner was taken for gone, but the message is out). What a
        delivered reply said is not kept."""
        await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(ids), OutboxRow.status.in_((DIRECT, PENDING)))
            .values(status=SENT, sent_at=self.clock.now(), attempts=OutboxRow.attempts + 1,
                    claimed_by=None, claimed_until=None, snapshot={})  # said: nothing kept
            .execution_options(synchronize_session=False)
        )

    async def hand_to_sender(self, outbox_id: int, error: str, wait: timedelta) -> None:
        """Not sent: the row becomes an ordinary pending notification, due after `wait`."""
        await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == outbox_id, OutboxRow.status == DIRECT)
            .values(status=PENDING, attempts=OutboxRow.attempts + 1,
                    last_error=error[:MAX_ERROR_LENGTH], available_at=self.clock.now() + wait,
                    claimed_by=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )

    async def release(self, owner_id: str) -> None:
        """The owner's unsettled direct rows go to the sender."""
        await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.status == DIRECT, OutboxRow.claimed_by == owner_id)
            .values(status=PENDING, claimed_by=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )
