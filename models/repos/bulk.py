"""Bulk loading of simulated history: tickets with their events and ratings in large batches.

On PostgreSQL rows go through `COPY` (asyncpg's `copy_records_to_table`, about twenty times
faster than row inserts); elsewhere through multi-row Core inserts. Values pass through each
column type's own bind processing, so what is stored is what the ORM would store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, func, insert, select, text

from models.orm import RatingRow, TicketCounterRow, TicketEventRow, TicketRow
from models.repos.base import Repository, dialect_name, upsert

LOADED = ("tickets", "ticket_events", "ratings")
SQLITE_ROWS = 500  # rows per multi-row INSERT (SQLite allows 32,766 parameters)


class BulkRepo(Repository):
    async def last_ticket_id(self) -> int:
        return int((await self.session.execute(select(func.max(TicketRow.id)))).scalar() or 0)

    async def overview(self, sample: int) -> tuple[int, datetime | None, list[str]]:
        """How many tickets, when the newest was filed, and a random sample of numbers."""
        count, newest = (await self.session.execute(
            select(func.count(), func.max(TicketRow.created_at)))).one()
        numbers = await self.session.scalars(
            select(TicketRow.number).order_by(func.random()).limit(sample))
        return int(count), newest, list(numbers)

    async def counters(self, prefix: str) -> dict[date, int]:
        """The last number given on each day (a bulk load continues each day's sequence)."""
        rows = await self.session.execute(select(TicketCounterRow.day, TicketCounterRow.last)
                                          .where(TicketCounterRow.prefix == prefix))
        return {day: int(last) for day, last in rows.all()}

    async def save_counters(self, prefix: str, counters: dict[date, int]) -> None:
        if not counters:
            return
        statement = upsert(self.session, TicketCounterRow).values(
            [{"prefix": prefix, "day": day, "last": last} for day, last in counters.items()])
        statement = statement.on_conflict_do_update(
            index_elements=["prefix", "day"], set_={"last": statement.excluded["last"]})
        await self.session.execute(statement)

    async def write(self, tickets: Sequence[TicketRow], events: Sequence[TicketEventRow],
                    ratings: Sequence[tuple[int, str, datetime]]) -> None:
        """Write a batch (tickets carry their ids; events and ratings take theirs)."""
        rating_rows = [RatingRow(ticket_id=ticket_id, score=score, at=at, via="chat")
                       for ticket_id, score, at in ratings]
        for rows, with_id in ((tickets, True), (events, False), (rating_rows, False)):
            if rows:
                await self._rows(rows, with_id)

    async def drop_indexes(self) -> list[str]:
        """PostgreSQL: drop the secondary indexes of the loaded tables (building an index once
        after a large load is far cheaper than keeping it up row by row); returns what
        `restore_indexes` runs. Indexes behind constraints (keys, unique numbers) stay."""
        if dialect_name(self.session) != "postgresql":
            return []
        rows = (await self.session.execute(text(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = "
            "current_schema() AND i.tablename = ANY(:tables) AND NOT EXISTS (SELECT 1 FROM "
            "pg_constraint c WHERE c.conname = i.indexname)"), {"tables": list(LOADED)})).all()
        for name, _ in rows:
            await self.session.execute(text(f'DROP INDEX "{name}"'))
        return [definition for _, definition in rows]

    async def restore_indexes(self, definitions: list[str]) -> None:
        for definition in definitions:
            await self.session.execute(text(definition))

    async def finish(self) -> None:
        """PostgreSQL: move the ticket id sequence past the ids written."""
        if dialect_name(self.session) == "postgresql":
            await self.session.execute(text(
                "SELECT setval(pg_get_serial_sequence('tickets', 'id'),"
                " (SELECT coalesce(max(id), 1) FROM tickets))"))

    async def _rows(self, rows: Sequence[Any], with_id: bool) -> None:
        table: Table = type(rows[0]).__table__
        columns = [c for c in table.columns if with_id or not c.primary_key]
        connection = await self.session.connection()
        dialect = connection.dialect
        copy = dialect.name == "postgresql"  # COPY takes processed values; INSERT processes
        processors = [c.type.dialect_impl(dialect).bind_processor(dialect) if copy else None
                      for c in columns]
        mapper = type(rows[0]).__mapper__
        keys = [mapper.get_property_by_column(c).key for c in columns]
        records = [
            tuple(_value(row, key, column, processor)
                  for key, column, processor in zip(keys, columns, processors, strict=True))
            for row in rows
        ]
        if copy:
            raw = await connection.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            await driver.copy_records_to_table(table.name, records=records,
                                               columns=[c.name for c in columns])
            return
        names = [c.key for c in columns]  # Core insert parameters go by column key
        for start in range(0, len(records), SQLITE_ROWS):
            chunk = records[start:start + SQLITE_ROWS]
            await connection.execute(insert(table), [dict(zip(names, r, strict=True))
                                                     for r in chunk])


def _value(row: Any, key: str, column: Any, processor: Any) -> Any:
    value = getattr(row, key)
    if value is None and column.default is not None and column.default.is_scalar:
        value = column.default.arg
    if value is None and column.default is not None and column.default.is_callable:
        value = column.default.arg(None)
    return processor(value) if processor is not None and value is not None else value
