"""Ticket numbers like `TBH-20261121-0007`: prefix, local date, gap-free daily sequence."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import CursorResult, Date, Integer, bindparam, inspect, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
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
    return f"{number_stem(prefix, day)}{sequence:0{SEQUENCE_DIGITS}d}"


def number_stem(prefix: str, day: date) -> str:
    """What every number of the day starts with: `TBH-20261122-`."""
    return f"{prefix}-{day:%Y%m%d}-"


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
PROVISIONAL_HEX = 12
"""Random hex digits of a provisional number: `~TBH-20261122-~` + 12 fits `tickets.number`
(32 characters) with the longest prefix (8 letters)."""
_PENDING = "griddesk.provisional_numbers"


def provisional_number(prefix: str | None = None, local_date: date | None = None) -> str:
    """A unique placeholder for a ticket row inserted before its number is taken.

    With a prefix and a day it carries the number's stem, `~TBH-20261122-~1a2b3c4d5e6f`: on
    PostgreSQL the number is then taken at COMMIT by the `tickets_number_at_commit` trigger
    (models/migrations/versions/0002_number_at_commit.py). Without them it is only a
    placeholder that `assign_ticket_number` must replace before commit."""
    if prefix is None or local_date is None:
        return f"{PROVISIONAL_PREFIX}{secrets.token_hex(12)}"
    stem = number_stem(prefix, local_date)
    random_part = secrets.token_hex(PROVISIONAL_HEX // 2)
    return f"{PROVISIONAL_PREFIX}{stem}{PROVISIONAL_PREFIX}{random_part}"


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


async def assign_ticket_number(
    session: AsyncSession, ticket: TicketRow, prefix: str, local_date: date
) -> str:
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
        await execute_core(
            session, update(TicketRow).where(TicketRow.id == ticket.id).values(number=number)
        )
    else:
        stem = number_stem(prefix, local_date)
        result = await execute_core(
            session,
            _ASSIGN,
            {"prefix": prefix, "day": local_date, "stem": stem, "ticket_id": ticket.id},
        )
        number = str(result.scalar_one())
    set_committed_value(ticket, "number", number)  # stored already: no second UPDATE
    return number


def _numbered_at_commit(session: AsyncSession, ticket: TicketRow, stem: str) -> bool:
    """PostgreSQL, the row inserted already, and still holding a provisional number with `stem`
    (what the `tickets_number_at_commit` trigger replaces)."""
    return (
        session.get_bind().dialect.name == "postgresql"
        and inspect(ticket).has_identity
        and ticket.number.startswith(f"{PROVISIONAL_PREFIX}{stem}{PROVISIONAL_PREFIX}")
    )


async def number_ticket(
    session: AsyncSession, ticket: TicketRow, prefix: str, local_date: date
) -> str:
    """Give a filed ticket its number: at COMMIT on PostgreSQL, at once elsewhere.

    On PostgreSQL an inserted ticket holding `provisional_number(prefix, local_date)` keeps it:
    the trigger takes the day's number at COMMIT (the counter row is locked only for the
    commit) and writes it into the ticket, its outbox rows, events and conversation state;
    after the commit `settle_numbers` reads it back for the replies. SQLite and tickets not
    flushed yet (`griddesk simulate`) take it now, in the transaction (`assign_ticket_number`).
    Returns the number the rest of the transaction shows (provisional or real)."""
    stem = number_stem(prefix, local_date)
    if not _numbered_at_commit(session, ticket, stem):
        return await assign_ticket_number(session, ticket, prefix, local_date)
    session.info.setdefault(_PENDING, {})[ticket.number] = ticket
    return ticket.number


async def settle_numbers(session: AsyncSession) -> dict[str, str]:
    """After COMMIT: provisional → real number of the tickets `number_ticket` left to the
    trigger (none: no query). One SELECT by id outside any transaction; the ticket objects
    get their real number too. A rolled-back ticket has no row and is left out."""
    pending: dict[str, TicketRow] = session.info.pop(_PENDING, {})
    if not pending:
        return {}
    provisional_of = {ticket.id: provisional for provisional, ticket in pending.items()}
    settled: dict[str, str] = {}
    for ticket_id, number in await _numbers_by_id(session, list(provisional_of)):
        provisional = provisional_of[ticket_id]
        set_committed_value(pending[provisional], "number", number)
        settled[provisional] = number
    return settled


async def _numbers_by_id(session: AsyncSession, ids: list[int]) -> list[tuple[int, str]]:
    """(id, number) of the tickets, read on an autocommit connection of the session's engine:
    one round trip, no BEGIN/ROLLBACK, and the session's own state is left as it is."""
    statement = select(TicketRow.id, TicketRow.number).where(TicketRow.id.in_(ids))
    engine = session.bind
    result: CursorResult[Any]
    if not isinstance(engine, AsyncEngine):  # a session bound to a connection: use it
        result = await execute_core(session, statement)
    else:
        async with engine.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            result = await autocommit.execute(statement)
    rows: list[Any] = list(result.all())  # (id, number) rows
    return [(int(row.id), str(row.number)) for row in rows]


def pending_numbers(session: AsyncSession) -> list[str]:
    """The provisional numbers the trigger will replace when this transaction commits."""
    return list(session.info.get(_PENDING, {}))


def swap_numbers(text: str, numbers: dict[str, str]) -> str:
    """`text` with every provisional number of `numbers` replaced by the real one."""
    for provisional, number in numbers.items():
        if provisional in text:
            text = text.replace(provisional, number)
    return text
