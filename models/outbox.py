"""Delivery side of the outbox: leased claims, sent / retry / dead bookkeeping for the sender.

Rows are written by the core (`models.repos.outbox.OutboxRepo.add`) and delivered by
`bot.workers.sender`. A sender claims due rows for a lease (`claimed_by`, `claimed_until`) and
renews it
while it holds them; a sender that dies is noticed by the others (`models.owners.reap`: its
database backend is gone or its heartbeat is stale) and its rows are released at once; the lease
remains the last resort. On PostgreSQL the claim
uses `SELECT … FOR UPDATE SKIP LOCKED` under a transaction-level advisory lock, so that claims of
several senders never overlap and a chat is only ever served by one sender at a time (its
messages stay in order and its per-chat rate limit is kept). SQLite serialises writers anyway.

Every duration given here is domain time (the `Clock`'s time); the sender converts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, case, func, literal, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from models.clock import Clock
from models.orm import OutboxRow

PENDING = "pending"
SENT = "sent"
DEAD = "dead"

CLAIM_LOCK_KEY = 0x47524944_4F555458  # "GRIDOUTX": serialises claims across senders (PostgreSQL)
MAX_ERROR_LENGTH = 2000
CAPTION_LIMIT = 1024  # the Bot API's caption length

TELEGRAM = "telegram"  # the channel this sender serves
# Kinds the delivery side must tell apart (the others: handlers/messages.py)
LEGACY = "legacy"  # written before the outbox was semantic: {"payload": <Bot API payload>}
REPLY = "reply"  # a direct reply's journal row: Reply.snapshot(), {} once sent
CARD = "card"
TRIAGE_CARD = "triage_card"
CARD_KINDS = (CARD, TRIAGE_CARD)
CARD_EDIT = "card_edit"  # {"edit_of": <the card's key>, "view", "buttons"}


@dataclass(frozen=True)
class EditTarget:
    """The delivered message a card edit changes, and the card it was sent as."""

    message_id: int
    card_kind: str
    card_snapshot: dict[str, Any]


@dataclass(frozen=True)
class Claimed:
    """A claimed row as the sender needs it (plain values, no session attached)."""

    id: int
    key: str
    chat_id: int
    kind: str
    snapshot: dict[str, Any]
    attempts: int
    ticket_number: str | None
    created_at: datetime | None = None
    edit: EditTarget | None = None


class OutboxDelivery:
    """Claim, renew and settle outbox rows inside the caller's session/transaction."""

    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    async def claim(
        self, worker: str, limit: int, lease: timedelta, per_chat: int = 5
    ) -> list[Claimed]:
        """Lease up to `limit` due rows (at most `per_chat` per chat) to `worker`, oldest first.

        A row is skipped while its chat is leased to another worker, and while an earlier row
        of its chat waits for a retry, so each chat's notifications go out in order.
        """
        now = self.clock.now()
        if self._postgres():
            await self.session.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": CLAIM_LOCK_KEY}
            )
        row = aliased(OutboxRow)
        waiting = (
            select(row.chat_id, func.min(row.id).label("first_id"))
            .where(row.status == PENDING, row.attempts > 0, row.available_at > now)
            .group_by(row.chat_id)
            .subquery()
        )
        other = aliased(OutboxRow)
        owned = select(other.chat_id).where(
            other.status == PENDING, other.claimed_until >= now, other.claimed_by != worker
        )
        o = aliased(OutboxRow)
        ranked = (
            select(
                o.id,
                func.row_number().over(partition_by=o.chat_id, order_by=o.id).label("rn"),
            )
            .outerjoin(waiting, waiting.c.chat_id == o.chat_id)
            .where(
                o.status == PENDING,
                o.channel == TELEGRAM,
                o.available_at <= now,
                or_(o.claimed_until.is_(None), o.claimed_until < now),
                or_(waiting.c.first_id.is_(None), o.id < waiting.c.first_id),
                o.chat_id.not_in(owned),
            )
            .subquery()
        )
        chosen = select(ranked.c.id).where(ranked.c.rn <= per_chat).order_by(ranked.c.id)
        statement = (
            select(OutboxRow)
            .where(OutboxRow.id.in_(chosen.limit(limit).scalar_subquery()))
            .where(OutboxRow.status == PENDING, _unclaimed(now))
            .order_by(OutboxRow.id)
        )
        if self._postgres():
            statement = statement.with_for_update(skip_locked=True)
        rows, edits = await self._resolve_edits(
            list((await self.session.execute(statement)).scalars())
        )
        if rows:
            await self.session.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_([r.id for r in rows]))
                .values(claimed_by=worker, claimed_until=now + lease)
                .execution_options(synchronize_session=False)
            )
        return [
            Claimed(
                r.id,
                r.key,
                r.chat_id,
                r.kind,
                dict(r.snapshot or {}),
                r.attempts,
                r.ticket_number,
                r.created_at,
                edits.get(r.id),
            )
            for r in rows
        ]

    async def _resolve_edits(
        self, rows: list[OutboxRow]
    ) -> tuple[list[OutboxRow], dict[int, EditTarget]]:
        """Edits of a card (`edit_of`: the card's key) get the message id it became. An edit
        whose card is still pending waits (not claimed now); one whose card never became a
        known message (dead, or sent before ids were kept) is settled without a call."""
        keys = {key for r in rows if (key := edit_of(r.kind, r.snapshot))}
        if not keys:
            return rows, {}
        found = await self.session.execute(
            select(
                OutboxRow.key,
                OutboxRow.status,
                OutboxRow.message_id,
                OutboxRow.kind,
                OutboxRow.snapshot,
            ).where(OutboxRow.key.in_(sorted(keys)))
        )
        cards = {key: (status, message_id, kind, snap) for key, status, message_id, kind, snap
                 in found}
        kept: list[OutboxRow] = []
        edits: dict[int, EditTarget] = {}
        nothing_to_edit: list[int] = []
        for row in rows:
            key = edit_of(row.kind, row.snapshot)
            if key is None:
                kept.append(row)
                continue
            status, message_id, kind, snapshot = cards.get(key, (DEAD, None, LEGACY, {}))
            if status == PENDING:
                continue
            if message_id is None:
                nothing_to_edit.append(row.id)
                continue
            edits[row.id] = EditTarget(message_id, kind, dict(snapshot or {}))
            kept.append(row)
        await self.mark_sent(nothing_to_edit)
        return kept, edits

    async def renew(self, worker: str, ids: Sequence[int], lease: timedelta) -> set[int]:
        """Extend the lease of `ids` still held by `worker`; returns the ids actually renewed."""
        if not ids:
            return set()
        result = await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(list(ids)), OutboxRow.claimed_by == worker)
            .where(OutboxRow.status == PENDING)
            .values(claimed_until=self.clock.now() + lease)
            .returning(OutboxRow.id)
            .execution_options(synchronize_session=False)
        )
        return set(result.scalars())

    async def mark_sent(
        self, ids: Sequence[int], message_ids: Mapping[int, int] | None = None
    ) -> int:
        """Settle delivered rows (whoever holds the lease: the message is out), remembering
        the message each became (`message_ids`, by row id) so a card can be edited later."""
        if not ids:
            return 0
        for outbox_id, message_id in (message_ids or {}).items():
            await self.session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == outbox_id, OutboxRow.status == PENDING)
                .values(message_id=message_id)
                .execution_options(synchronize_session=False)
            )
        result = await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(list(ids)), OutboxRow.status == PENDING)
            .values(
                status=SENT,
                sent_at=self.clock.now(),
                attempts=OutboxRow.attempts + 1,
                claimed_by=None,
                claimed_until=None,
                snapshot=case((OutboxRow.kind == REPLY, literal({}, JSON)),  # said: not kept
                              else_=OutboxRow.snapshot),
            )
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def reschedule(
        self, worker: str, outbox_id: int, error: str, delay: timedelta, keep_lease: timedelta
    ) -> bool:
        """Record a failed attempt: due again after `delay`. With a positive `keep_lease` the
        worker keeps the row (it retries from memory), otherwise the row is released."""
        now = self.clock.now()
        values: dict[str, Any] = {
            "attempts": OutboxRow.attempts + 1,
            "last_error": error[:MAX_ERROR_LENGTH],
            "available_at": now + delay,
        }
        if keep_lease > timedelta(0):
            values["claimed_until"] = now + delay + keep_lease
        else:
            values.update(claimed_by=None, claimed_until=None)
        return await self._update_held(worker, [outbox_id], values) == 1

    async def release(self, worker: str, ids: Sequence[int]) -> int:
        """Give rows back unchanged (shutdown, or a chat handed back after a long backoff)."""
        return await self._update_held(worker, ids, {"claimed_by": None, "claimed_until": None})

    async def mark_dead(self, outbox_id: int, error: str) -> OutboxRow | None:
        """Give up on a row for good; returns it (attached to the session) or None when it was
        no longer pending."""
        result = await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == outbox_id, OutboxRow.status == PENDING)
            .values(
                status=DEAD,
                attempts=OutboxRow.attempts + 1,
                last_error=error[:MAX_ERROR_LENGTH],
                claimed_by=None,
                claimed_until=None,
            )
            .execution_options(synchronize_session=False)
        )
        if not getattr(result, "rowcount", 0):
            return None
        statement = (
            select(OutboxRow)
            .where(OutboxRow.id == outbox_id)
            .execution_options(populate_existing=True)
        )
        return (await self.session.execute(statement)).scalar_one()

    async def move_chat(self, old_chat_id: int, new_chat_id: int) -> int:
        """A group became a supergroup: its pending rows now go to the new chat id."""
        result = await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.chat_id == old_chat_id, OutboxRow.status == PENDING)
            .values(chat_id=new_chat_id)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def count(self, status: str = PENDING) -> int:
        statement = select(func.count()).select_from(OutboxRow).where(OutboxRow.status == status)
        return int((await self.session.execute(statement)).scalar_one())

    async def _update_held(self, worker: str, ids: Sequence[int], values: dict[str, Any]) -> int:
        if not ids:
            return 0
        result = await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(list(ids)), OutboxRow.claimed_by == worker)
            .where(OutboxRow.status == PENDING)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def edit_of(kind: str, snapshot: dict[str, Any] | None) -> str | None:
    """The key of the card a row edits (None: not an edit)."""
    snapshot = snapshot or {}
    key = snapshot.get("edit_of") if kind == CARD_EDIT else (
        (snapshot.get("payload") or {}).get("edit_of") if kind == LEGACY else None)
    return str(key) if key else None


def sent_as_caption(payload: dict[str, Any]) -> bool:
    """Whether a payload went out as one photo with its text as caption (Bot API: 1024)."""
    photos = [p for p in payload.get("photos") or [] if p]
    return len(photos) == 1 and 0 < len(str(payload.get("text") or "")) <= CAPTION_LIMIT


def _unclaimed(now: datetime) -> Any:
    return or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until < now)
