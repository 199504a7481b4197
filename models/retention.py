"""Retention: rows kept only as long as they serve their purpose (docs/privacy.md).

Each table is pruned in batches, one short transaction per batch, so a large backlog never
holds locks for long. The age test is repeated outside the batch's sub-select: on PostgreSQL a
row that an update in flight refreshes meanwhile (a conversation written again) is re-checked
after that update commits and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, exists, or_, select, update

from models.clock import Clock
from models.lifecycle import FINAL, OPEN, Status
from models.orm import (
    CallbackTokenRow,
    ConsoleLoginRow,
    ConsoleSessionRow,
    ConversationRow,
    Open311CallbackRow,
    OutboxRow,
    ProcessedUpdateRow,
    SecurityEventRow,
    TicketRow,
    VisitRow,
)
from models.uow import UnitOfWork

BATCH = 1000
# A button stays valid while its ticket can still be acted on (a resolved ticket awaits rating).
ACTIVE = sorted(str(status) for status in (*OPEN, Status.RESOLVED))


@dataclass(frozen=True)
class RetentionPolicy:
    """How long each kind of row is kept after it stopped being needed."""

    processed_updates: timedelta = timedelta(days=7)
    callback_tokens: timedelta = timedelta(days=30)
    conversations: timedelta = timedelta(days=7)
    sent_outbox: timedelta = timedelta(days=30)
    security_events: timedelta = timedelta(days=180)
    finished_contacts: timedelta = timedelta(days=30)
    visit_notes: timedelta = timedelta(days=180)
    console_sign_in: timedelta = timedelta(days=1)  # after a console link or session expired


@dataclass
class RetentionResult:
    deleted: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.deleted.values())

    def describe(self) -> str:
        return ", ".join(f"{name} {count}" for name, count in self.deleted.items())


def _token_expired(cutoff: datetime) -> ColumnElement[bool]:
    """An old token whose ticket (if any) can no longer be acted on."""
    ticket_id = CallbackTokenRow.args["ticket"].as_integer()
    active = exists().where(TicketRow.id == ticket_id, TicketRow.status.in_(ACTIVE))
    return and_(CallbackTokenRow.created_at < cutoff, ~active)


def _outbox_done(cutoff: datetime) -> ColumnElement[bool]:
    """Delivered rows (and rows given up on) older than the period."""
    return or_(
        and_(OutboxRow.status == "sent", OutboxRow.sent_at < cutoff),
        and_(OutboxRow.status == "dead", OutboxRow.created_at < cutoff),
    )


def _callback_done(cutoff: datetime) -> ColumnElement[bool]:
    """Open311 callbacks delivered (or given up on) longer ago than the outbox's period."""
    return or_(
        and_(Open311CallbackRow.status == "sent", Open311CallbackRow.sent_at < cutoff),
        and_(Open311CallbackRow.status == "dead", Open311CallbackRow.created_at < cutoff),
    )


def _finished_with_contact(cutoff: datetime) -> ColumnElement[bool]:
    """A closed or rejected ticket still holding the reporter's contact or exact location."""
    return and_(
        TicketRow.status.in_(sorted(str(status) for status in FINAL)),
        TicketRow.closed_at < cutoff,
        or_(
            TicketRow.reporter_phone.is_not(None),
            TicketRow.reporter_name.is_not(None),
            TicketRow.latitude.is_not(None),
            TicketRow.follow_token.is_not(None),
        ),
    )


# A finished ticket stays (the figures, the 台账), without the reporter's phone, name and GPS
# point: nobody calls back about it any more, and the grid and building say where it was.
CONTACT_CLEARED = {
    "reporter_phone": None,
    "reporter_name": None,
    "latitude": None,
    "longitude": None,
    "follow_token": None,  # a follow link of a finished case binds nobody any more
}

# name → (primary key column, condition for a row to go given the cutoff, policy field)
Rule = tuple[Any, Callable[[datetime], ColumnElement[bool]], str]
RULES: dict[str, Rule] = {
    "processed_updates": (
        ProcessedUpdateRow.update_id,
        lambda cutoff: ProcessedUpdateRow.at < cutoff,
        "processed_updates",
    ),
    "callback_tokens": (CallbackTokenRow.token, _token_expired, "callback_tokens"),
    "conversations": (
        ConversationRow.chat_id,
        lambda cutoff: ConversationRow.updated_at < cutoff,
        "conversations",
    ),
    "outbox": (OutboxRow.id, _outbox_done, "sent_outbox"),
    "open311_callbacks": (Open311CallbackRow.id, _callback_done, "sent_outbox"),
    "security_events": (
        SecurityEventRow.id,
        lambda cutoff: SecurityEventRow.at < cutoff,
        "security_events",
    ),
    "ticket_contacts": (TicketRow.id, _finished_with_contact, "finished_contacts"),
    "visit_notes": (
        VisitRow.id,
        lambda cutoff: and_(VisitRow.at < cutoff, VisitRow.note.is_not(None)),
        "visit_notes",
    ),
    "console_logins": (
        ConsoleLoginRow.token_hash,
        lambda cutoff: ConsoleLoginRow.expires_at < cutoff,
        "console_sign_in",
    ),
    "console_sessions": (
        ConsoleSessionRow.id_hash,
        lambda cutoff: ConsoleSessionRow.expires_at < cutoff,
        "console_sign_in",
    ),
}
# rules that clear columns instead of deleting; a visit stays (coverage), its note goes
CLEARED = {"ticket_contacts": CONTACT_CLEARED, "visit_notes": {"note": None}}


async def prune_batch(uow: UnitOfWork, name: str, cutoff: datetime, batch: int = BATCH) -> int:
    """Delete (or clear) up to `batch` rows of table `name` that the rule lets go; how many."""
    key, condition, _ = RULES[name]
    doomed = select(key).where(condition(cutoff)).limit(batch)
    which = and_(key.in_(doomed), condition(cutoff))
    statement = (
        update(key.class_).where(which).values(**CLEARED[name])
        if name in CLEARED
        else delete(key.class_).where(which)
    )
    result = await uow.session.execute(statement, execution_options={"synchronize_session": False})
    return int(getattr(result, "rowcount", 0) or 0)


async def prune(
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    policy: RetentionPolicy,
    batch: int = BATCH,
) -> RetentionResult:
    """One retention pass over every table (a transaction per batch)."""
    result = RetentionResult()
    now = clock.now()
    for name, (_, _, period) in RULES.items():
        cutoff = now - getattr(policy, period)
        total = 0
        while True:
            async with uow_factory() as uow:
                count = await prune_batch(uow, name, cutoff, batch)
                await uow.commit()
            total += count
            if count < batch:
                break
        result.deleted[name] = total
    return result
