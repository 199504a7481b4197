"""Direct replies made durable: the answer to the person who wrote is never lost.

The core writes every direct reply (not edits) as an outbox row with status `direct` in the
update's own transaction, owned by this process's journal (`models.owners`). After the commit the
adapter sends it at once, as before (no added latency), and tells the journal how it went:
- sent: the row is marked sent (in the background, many replies per transaction);
- failed (429, 5xx, timeout, blocked, anything): the row becomes an ordinary pending outbox row,
  due after Telegram's `retry_after` if it gave one, and the sender retries it like any
  notification (and gives up on it only for a permanent error, or when it is too old).
If the process dies between the commit and the send, its journal's owner row goes with it and a
live sender hands its direct rows to the outbox within seconds (`models.owners.reap`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from dataclasses import replace
from datetime import timedelta
from typing import Any

from handlers.types import Reply
from models.outbox import REPLY, TELEGRAM
from models.owners import DIRECT, OwnerRegistration
from models.uow import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger("griddesk.replies")

SETTLE_BOUND = 5.0  # seconds an update waits for its replies' outcome to be written


def journal_owner_id() -> str:
    return f"replies:{secrets.token_hex(8)}"


class ReplyJournal:
    """Records direct replies in the update's transaction and settles them after sending."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory, heartbeat: float = 5.0, coalesce: float = 0.05
    ) -> None:
        self.uows = uow_factory
        self.owner = OwnerRegistration(uow_factory, journal_owner_id())
        self.heartbeat = heartbeat
        self.coalesce = coalesce  # seconds a settlement waits for others to share its write
        self._sent: list[int] = []
        self._failed: list[tuple[int, str, float]] = []  # id, error, wall seconds to wait
        self._ready = asyncio.Event()
        self._written: asyncio.Future[None] | None = None  # done when the next flush commits
        self._task: asyncio.Task[None] | None = None

    @property
    def owner_id(self) -> str:
        return self.owner.owner_id

    async def start(self) -> None:
        """Register as an owner (before any reply is recorded) and start settling."""
        await self.owner.register()
        self._task = asyncio.create_task(self._run(), name="reply-journal")

    async def close(self) -> None:
        """Settle what is known, hand unsettled replies to the sender, unregister."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
        with contextlib.suppress(Exception):
            await self.flush()
        try:
            async with self.uows() as uow:
                await uow.replies.release(self.owner_id)
                await uow.commit()
        finally:
            await self.owner.unregister()

    # --- in the update's transaction ----------------------------------------------------

    async def record(self, uow: UnitOfWork, update_id: int, replies: list[Reply]) -> list[Reply]:
        """Write the replies to be sent (edits are left out) as `direct` rows; returns the
        replies with their row ids. A reply quoting a ticket still numbered provisionally
        carries that number, so the numbering trigger rewrites the row too (PostgreSQL)."""
        sending = [i for i, reply in enumerate(replies) if reply.edit_message_id is None]
        if not sending:
            return replies
        now, provisional = uow.clock.now(), uow.replies.provisional_numbers()
        salt = secrets.token_hex(4)
        rows: list[dict[str, Any]] = [
            {
                "key": f"reply:{update_id}:{i}:{salt}",
                "chat_id": replies[i].chat_id,
                "kind": REPLY,
                "channel": TELEGRAM,
                "snapshot": replies[i].snapshot(),
                "person_code": None,
                "ticket_number": _quoted(replies[i], provisional),
                "status": DIRECT,
                "attempts": 0,
                "available_at": now,
                "created_at": now,
                "claimed_by": self.owner_id,
            }
            for i in sending
        ]
        ids = await uow.replies.record(rows)
        recorded = list(replies)
        for i, row in zip(sending, rows, strict=True):
            recorded[i] = replace(replies[i], journal_id=ids[row["key"]])
        return recorded

    # --- after sending ------------------------------------------------------------------

    def sent(self, reply: Reply) -> None:
        if reply.journal_id is not None:
            self._sent.append(reply.journal_id)
            self._ready.set()

    def failed(self, reply: Reply, error: str, retry_after: float = 0.0) -> None:
        """The adapter could not send it: the sender takes over (after `retry_after` seconds)."""
        if reply.journal_id is not None:
            self._failed.append((reply.journal_id, error, max(0.0, retry_after)))
            self._ready.set()

    async def settled(self) -> None:
        """Wait (at most `SETTLE_BOUND` seconds) until what was reported so far is written: the
        update is acknowledged only then, so a crash right after cannot resend its reply."""
        if self._task is None or (not self._sent and not self._failed):
            return
        if self._written is None:
            self._written = asyncio.get_running_loop().create_future()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self._written), SETTLE_BOUND)

    async def flush(self) -> None:
        sent, failed, written = self._sent, self._failed, self._written
        if not sent and not failed:
            return
        self._sent, self._failed, self._written = [], [], None
        try:
            async with self.uows() as uow:
                await self._write(uow, sent, failed)
                await uow.commit()
        except BaseException:
            self._sent, self._failed = sent + self._sent, failed + self._failed
            self._written = self._written or written
            raise
        if written is not None and not written.done():
            written.set_result(None)

    async def _write(
        self, uow: UnitOfWork, sent: list[int], failed: list[tuple[int, str, float]]
    ) -> None:
        scale = float(getattr(uow.clock, "scale", 1.0) or 1.0)
        replies = uow.replies
        if sent:
            await replies.mark_sent(sent)
        for outbox_id, error, wait in failed:
            await replies.hand_to_sender(
                outbox_id, error, timedelta(seconds=wait * scale))

    async def _run(self) -> None:
        next_beat = time.monotonic() + self.heartbeat
        while True:
            with contextlib.suppress(TimeoutError):  # not wait_for: it can swallow a cancel
                async with asyncio.timeout(max(0.0, next_beat - time.monotonic())):
                    await self._ready.wait()
            self._ready.clear()
            await asyncio.sleep(self.coalesce)  # let the replies of concurrent updates join in
            try:
                await self.flush()
                if time.monotonic() >= next_beat:
                    next_beat = time.monotonic() + self.heartbeat
                    await self.owner.beat()
            except Exception:
                log.exception("reply journal: settling replies failed; retrying")
                await asyncio.sleep(1.0)
                self._ready.set()


def _quoted(reply: Reply, provisional: list[str]) -> str | None:
    """The provisional ticket number the reply quotes, if any."""
    text = reply.text + str(reply.keyboard.to_api() if reply.keyboard is not None else "")
    return next((number for number in provisional if number in text), None)
