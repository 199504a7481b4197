"""Ticket numbers like `TBH-20261121-0007`: prefix, local date, gap-free daily sequence."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Integer, bindparam, inspect, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from models.orm import TicketCounterRow, TicketRow
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


PROVISIONAL_PREFIX = "~"


def provisional_number() -> str:
    """A unique placeholder for a ticket row inserted before its number is taken; never
    committed (`assign_ticket_number` replaces it in the same transaction)."""
    return f"{PROVISIONAL_PREFIX}{secrets.token_hex(12)}"


_ASSIGN = text("""
WITH counter AS (
    INSERT INTO ticket_counters (prefix, day, last) VALUES (:prefix, :day, 1)
    ON CONFLICT (prefix, day) DO UPDATE SET last = ticket_counters.last + 1
    RETURNING last
)
UPDATE tickets SET number = :stem || CASE WHEN counter.last < 10000
    THEN lpad(counter.last::text, 4, '0') ELSE counter.last::text END
FROM counter WHERE tickets.id = :ticket_id
RETURNING tickets.number
""").bindparams(bindparam("day", type_=Date), bindparam("ticket_id", type_=Integer))


async def assign_ticket_number(session: AsyncSession, ticket: TicketRow, prefix: str,
                               local_date: date) -> str:
    """Take the day's next number for an already inserted `ticket` and store it.

    The counter row is locked from here until the caller commits, and every other filing of the
    district waits for it: so a ticket takes its number as late as possible, once its row, event,
    buttons and recipients are in place. On PostgreSQL counter and ticket change in one
    statement. A ticket not flushed yet (batched inserts, `griddesk simulate`) simply gets its
    number before its INSERT."""
    if not inspect(ticket).has_identity:
        ticket.number = await next_ticket_number(session, prefix, local_date)
        return ticket.number
    if session.get_bind().dialect.name != "postgresql":
        number = await next_ticket_number(session, prefix, local_date)
        await execute_core(session, update(TicketRow).where(TicketRow.id == ticket.id)
                           .values(number=number))
    else:
        stem = format_number(prefix, local_date, 0)[:-SEQUENCE_DIGITS]
        result = await execute_core(session, _ASSIGN, {
            "prefix": prefix, "day": local_date, "stem": stem, "ticket_id": ticket.id})
        number = str(result.scalar_one())
    set_committed_value(ticket, "number", number)  # stored already: no second UPDATE
    return number
