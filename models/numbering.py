"""Ticket numbers like `TBH-20261121-0007`: prefix, local date, gap-free daily sequence."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models.orm import TicketCounterRow
from models.repos.base import execute_core

SEQUENCE_DIGITS = 4


def local_day(now_utc: datetime, tz_name: str) -> date:
    """The calendar date in the district's time zone at the instant `now_utc`."""
    if now_utc.tzinfo is None:
        raise ValueError("local_day needs an aware datetime")
    return now_utc.astimezone(ZoneInfo(tz_name)).date()


def format_number(prefix: str, day: date, sequence: int) -> str:
    return f"{prefix}-{day:%Y%m%d}-{sequence:0{SEQUENCE_DIGITS}d}"


async def next_ticket_number(session: AsyncSession, prefix: str, local_date: date) -> str:
    """Take the next number of the day in the caller's transaction.

    The counter row stays locked until the caller commits, so concurrent callers get distinct,
    consecutive numbers; a rolled-back transaction gives its number back (no gaps)."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(TicketCounterRow)
        .values(prefix=prefix, day=local_date, last=1)
        .on_conflict_do_update(
            index_elements=["prefix", "day"], set_={"last": TicketCounterRow.last + 1}
        )
        .returning(TicketCounterRow.last)
    )
    sequence = (await execute_core(session, statement)).scalar_one()
    return format_number(prefix, local_date, int(sequence))
