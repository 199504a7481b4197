"""Retention: processed updates, callback tokens, old conversations, delivered outbox rows and
security events go after their periods, on both databases; what is still needed stays."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.cli.commands.retention_cmd import run_once
from bot.settings import Settings
from bot.workers.retention import retention_policy, run_retention
from handlers.messages import message, say
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.orm import (
    CallbackTokenRow,
    ConversationRow,
    OutboxRow,
    ProcessedUpdateRow,
    SecurityEventRow,
    TicketRow,
)
from models.retention import RetentionPolicy, prune
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.escalation.helpers import make_ticket

DAY = timedelta(days=1)


async def _ticket(uow: UnitOfWork, config: GridDeskConfig, now: datetime, status: str) -> int:
    """A ticket with the reporter's phone and GPS point; a closed one closed 40 days ago."""
    ticket = await make_ticket(uow, config, at=now - 60 * DAY)
    ticket.status = status
    ticket.reporter_phone, ticket.latitude, ticket.longitude = "13912345678", 35.372, 116.603
    if status == "closed":
        ticket.closed_at = now - 40 * DAY
    await uow.session.flush()
    return ticket.id


async def seed(uow: UnitOfWork, config: GridDeskConfig, now: datetime) -> None:
    """Of each kind, rows that must go (old, done) and rows that must stay."""
    old, fresh = now - 40 * DAY, now - DAY
    session = uow.session
    for update_id, at in ((1, old), (2, old), (3, old), (4, now - 8 * DAY), (5, fresh)):
        session.add(ProcessedUpdateRow(update_id=update_id, at=at))
    open_id = await _ticket(uow, config, now, "accepted")
    resolved_id = await _ticket(uow, config, now, "resolved")
    closed_id = await _ticket(uow, config, now, "closed")
    tokens = {
        "draft-old": (old, {"nonce": "x"}),  # a draft's button: gone
        "open-old": (old, {"ticket": open_id}),  # a card of an open ticket: stays
        "rate-old": (old, {"ticket": resolved_id}),  # a rating button: stays
        "closed-old": (old, {"ticket": closed_id}),  # gone
        "closed-new": (fresh, {"ticket": closed_id}),  # stays
    }
    for token, (at, args) in tokens.items():
        session.add(CallbackTokenRow(token=token, chat_id=1, action="a", args=args, created_at=at))
    session.add(ConversationRow(chat_id=10, state="", data={}, updated_at=old))
    session.add(ConversationRow(chat_id=11, state="draft", data={}, updated_at=fresh))
    outbox = {
        "sent-old": ("sent", old),
        "dead-old": ("dead", old),
        "pending-old": ("pending", old),  # not delivered yet: stays
        "sent-new": ("sent", fresh),
    }
    for key, (status, at) in outbox.items():
        session.add(
            OutboxRow(
                key=key,
                chat_id=1,
                kind="note",
                snapshot=message(say("texts.PLAIN", text=key)),
                status=status,
                available_at=at,
                created_at=at,
                sent_at=at if status == "sent" else None,
            )
        )
    session.add(SecurityEventRow(at=now - 200 * DAY, kind="forged_callback"))
    session.add(SecurityEventRow(at=now - 100 * DAY, kind="forged_callback"))


async def remaining(uow: UnitOfWork) -> dict[str, list[object]]:
    async def column(attribute: object) -> list[object]:
        return sorted(await uow.session.scalars(select(attribute)))  # type: ignore[call-overload]

    return {
        "processed_updates": await column(ProcessedUpdateRow.update_id),
        "callback_tokens": await column(CallbackTokenRow.token),
        "conversations": await column(ConversationRow.chat_id),
        "outbox": await column(OutboxRow.key),
        "security_events": await column(SecurityEventRow.at),
    }


EXPECTED_LEFT = {
    "processed_updates": [5],
    "callback_tokens": ["closed-new", "open-old", "rate-old"],
    "conversations": [11],
    "outbox": ["pending-old", "sent-new"],
}


async def test_prune_keeps_only_what_is_needed(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        await seed(uow, demo_config, clock.now())
        await uow.commit()
    result = await prune(uow_factory, clock, RetentionPolicy(), batch=2)
    assert result.deleted == {
        "processed_updates": 4,
        "callback_tokens": 2,
        "conversations": 1,
        "outbox": 2,
        "open311_callbacks": 0,
        "security_events": 1,
        "ticket_contacts": 1,
        "visit_notes": 0,
        "console_logins": 0,
        "console_sessions": 0,
    }
    async with uow_factory() as uow:
        left = await remaining(uow)
        contacts = (
            await uow.session.execute(
                select(TicketRow.status, TicketRow.reporter_phone, TicketRow.latitude).order_by(
                    TicketRow.status
                )
            )
        ).all()
    assert left == {**EXPECTED_LEFT, "security_events": [clock.now() - 100 * DAY]}
    assert [tuple(row) for row in contacts] == [  # the finished ticket stays, without them
        ("accepted", "13912345678", 35.372),
        ("closed", None, None),
        ("resolved", "13912345678", 35.372),
    ]
    again = await prune(uow_factory, clock, RetentionPolicy(), batch=2)
    assert again.total == 0


async def test_periods_come_from_the_settings(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig, clock: FixedClock
) -> None:
    settings = Settings(
        GRIDDESK_RETAIN_PROCESSED_UPDATES_DAYS=10, GRIDDESK_RETAIN_SENT_OUTBOX_DAYS=0.5
    )
    policy = retention_policy(settings)
    assert policy.processed_updates == 10 * DAY and policy.sent_outbox == DAY / 2
    async with uow_factory() as uow:
        await seed(uow, demo_config, clock.now())
        await uow.commit()
    result = await prune(uow_factory, clock, policy)
    assert result.deleted["processed_updates"] == 3  # the 8-day-old one stays
    assert result.deleted["outbox"] == 3  # the day-old sent row goes too


async def _count(factory: UnitOfWorkFactory, model: type) -> int:
    async with factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model)) or 0)


async def test_the_background_job_prunes_and_stops(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        await seed(uow, demo_config, clock.now())
        await uow.commit()
    job = asyncio.create_task(run_retention(uow_factory, clock, Settings()))
    # The first pass runs at start and commits table by table: wait for its last table too
    # (a generous bound, for a loaded machine).
    for _ in range(1200):
        await asyncio.sleep(0.05)
        if (await _count(uow_factory, ProcessedUpdateRow) == 1
                and await _count(uow_factory, ConversationRow) == 1):
            break
    assert not job.done()
    job.cancel()
    with pytest.raises(asyncio.CancelledError):
        await job
    assert await _count(uow_factory, ProcessedUpdateRow) == 1
    assert await _count(uow_factory, ConversationRow) == 1


async def test_the_command_prunes_once(
    db_url: str,
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GRIDDESK_DATABASE_URL", db_url)
    async with uow_factory() as uow:
        await seed(uow, demo_config, datetime.now(UTC))
        await uow.commit()
    assert await run_once() == (
        "processed_updates 4, callback_tokens 2, conversations 1, outbox 2, open311_callbacks 0,"
        " security_events 1, ticket_contacts 1, visit_notes 0, console_logins 0, console_sessions 0"
    )
    assert await _count(uow_factory, TicketRow) == 3  # tickets are never pruned
