"""Shared flows and database reads for the hardening tests."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select

from models.orm import OutboxRow, SecurityEventRow, TicketEventRow, TicketRow
from tests.hardening.support import Driver

NUMBER = re.compile(r"TBH-\d{8}-\d{4}")
LAMP = "明德花园5号楼楼道里的灯坏了一个星期了，晚上上下楼黑漆漆的"
RESIDENT = 5550101
OTHER = 5550102
WORKER = "MDHY-01-W1"
PHONE = "13912345678"


async def file_ticket(
    bot: Driver, who: int = RESIDENT, text: str = LAMP, phone: str | None = None
) -> str:
    """A resident files a complaint (optionally leaving their phone); returns its number."""
    await bot.text(who, text)
    if phone is not None:
        await bot.contact(who, phone, user_id=who, first_name="张")
    await bot.press(who, "确认提交")
    match = NUMBER.search(bot.last_to(who))
    assert match, bot.texts_to(who)
    return match.group()


async def counts(bot: Driver) -> dict[str, int]:
    async with bot.services.uow_factory() as uow:
        result = {}
        for name, model in (
            ("tickets", TicketRow),
            ("events", TicketEventRow),
            ("outbox", OutboxRow),
            ("security", SecurityEventRow),
        ):
            result[name] = int(
                await uow.session.scalar(select(func.count()).select_from(model)) or 0
            )
        return result


async def ticket_state(bot: Driver) -> list[tuple[Any, ...]]:
    """Everything a press could change about the tickets."""
    return [
        (
            t.number,
            t.status,
            t.level,
            t.grid_code,
            t.category_code,
            t.assignee_code,
            t.accept_due_at,
            t.resolve_due_at,
            t.updated_at,
        )
        for t in await bot.tickets()
    ]


async def security_events(bot: Driver) -> list[SecurityEventRow]:
    async with bot.services.uow_factory() as uow:
        rows = list(
            await uow.session.scalars(select(SecurityEventRow).order_by(SecurityEventRow.id))
        )
        uow.session.expunge_all()
        return rows


async def events(bot: Driver) -> list[TicketEventRow]:
    async with bot.services.uow_factory() as uow:
        rows = list(await uow.session.scalars(select(TicketEventRow).order_by(TicketEventRow.id)))
        uow.session.expunge_all()
        return rows
