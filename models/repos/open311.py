"""Open311 clients: API keys, their filings (idempotency and rate), the requests they read, and
the outbox of status callbacks to their URLs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update

from models.orm import ApiKeyRow, Open311CallbackRow, Open311FilingRow, TicketRow
from models.repos.base import Repository, dialect_name, execute_core, upsert

PENDING, SENT, DEAD = "pending", "sent", "dead"


@dataclass(frozen=True)
class RequestQuery:
    """The filters of `GET requests` (an empty tuple: no filter)."""

    numbers: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()  # GridDesk statuses
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 1000


class Open311Repo(Repository):
    # --- keys ---------------------------------------------------------------------------------

    def add_key(self, key: ApiKeyRow) -> None:
        self.session.add(key)

    async def key_by_hash(self, key_hash: str) -> ApiKeyRow | None:
        statement = select(ApiKeyRow).where(ApiKeyRow.key_hash == key_hash)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def key_named(self, name: str) -> ApiKeyRow | None:
        statement = select(ApiKeyRow).where(ApiKeyRow.name == name)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def keys_by_id(self, ids: Sequence[int]) -> dict[int, ApiKeyRow]:
        statement = select(ApiKeyRow).where(ApiKeyRow.id.in_(list(ids)))
        return {key.id: key for key in (await self.session.execute(statement)).scalars()}

    async def keys(self) -> list[ApiKeyRow]:
        statement = select(ApiKeyRow).order_by(ApiKeyRow.name)
        return list((await self.session.execute(statement)).scalars())

    # --- filings ------------------------------------------------------------------------------

    async def filed_under(self, key_id: int, idempotency_key: str) -> TicketRow | None:
        """The ticket this client filed under the same idempotency key, if any."""
        statement = (
            select(TicketRow)
            .join(Open311FilingRow, Open311FilingRow.ticket_id == TicketRow.id)
            .where(Open311FilingRow.api_key_id == key_id,
                   Open311FilingRow.idempotency_key == idempotency_key)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def filings_since(self, key_id: int, since: datetime) -> int:
        statement = select(func.count()).select_from(Open311FilingRow).where(
            Open311FilingRow.api_key_id == key_id, Open311FilingRow.created_at >= since)
        return int((await self.session.execute(statement)).scalar_one())

    async def record_filing(self, key_id: int, idempotency_key: str, ticket_id: int) -> bool:
        """Record a filing; False when the same key and idempotency key were recorded first
        (a concurrent retry: the caller rolls back and answers with the first ticket)."""
        statement = (
            upsert(self.session, Open311FilingRow)
            .values(api_key_id=key_id, idempotency_key=idempotency_key, ticket_id=ticket_id,
                    created_at=self.clock.now())
            .on_conflict_do_nothing(index_elements=["api_key_id", "idempotency_key"])
            .returning(Open311FilingRow.id)
        )
        return (await execute_core(self.session, statement)).scalar_one_or_none() is not None

    async def filer_of(self, ticket_id: int) -> ApiKeyRow | None:
        """The key that filed a ticket."""
        statement = (
            select(ApiKeyRow)
            .join(Open311FilingRow, Open311FilingRow.api_key_id == ApiKeyRow.id)
            .where(Open311FilingRow.ticket_id == ticket_id)
            .limit(1)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    # --- reading ------------------------------------------------------------------------------

    async def requests(self, query: RequestQuery) -> list[TicketRow]:
        """Tickets matching `GET requests`, newest first."""
        statement = select(TicketRow).order_by(TicketRow.created_at.desc(), TicketRow.id.desc())
        if query.numbers:
            statement = statement.where(TicketRow.number.in_(query.numbers))
        if query.categories:
            statement = statement.where(TicketRow.category_code.in_(query.categories))
        if query.statuses:
            statement = statement.where(TicketRow.status.in_(query.statuses))
        if query.since is not None:
            statement = statement.where(TicketRow.created_at >= query.since)
        if query.until is not None:
            statement = statement.where(TicketRow.created_at <= query.until)
        return list((await self.session.execute(statement.limit(query.limit))).scalars())

    async def request(self, number: str) -> TicketRow | None:
        statement = select(TicketRow).where(TicketRow.number == number)
        return (await self.session.execute(statement)).scalar_one_or_none()

    # --- callbacks ----------------------------------------------------------------------------

    async def add_callback(self, key: str, api_key_id: int, url: str,
                           payload: dict[str, Any]) -> None:
        """Queue a status change for a client's URL; idempotent on `key`."""
        now = self.clock.now()
        statement = (
            upsert(self.session, Open311CallbackRow)
            .values(key=key, api_key_id=api_key_id, url=url, payload=payload, status=PENDING,
                    attempts=0, available_at=now, created_at=now)
            .on_conflict_do_nothing(index_elements=["key"])
        )
        await execute_core(self.session, statement)

    async def claim_callbacks(self, limit: int, lease: timedelta) -> list[Open311CallbackRow]:
        """Due deliveries, leased to the caller (another worker skips them)."""
        now = self.clock.now()
        statement = (
            select(Open311CallbackRow)
            .where(Open311CallbackRow.status == PENDING,
                   Open311CallbackRow.available_at <= now,
                   or_(Open311CallbackRow.claimed_until.is_(None),
                       Open311CallbackRow.claimed_until < now))
            .order_by(Open311CallbackRow.available_at, Open311CallbackRow.id)
            .limit(limit)
        )
        if dialect_name(self.session) == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        rows = list((await self.session.execute(statement)).scalars())
        for row in rows:
            row.claimed_until = now + lease
        return rows

    async def settle_callback(self, callback_id: int, *, sent: bool, error: str | None,
                              retry_at: datetime | None) -> None:
        """Mark a delivery sent, due again at `retry_at`, or dead (no `retry_at`)."""
        now = self.clock.now()
        values: dict[str, Any] = {"claimed_until": None, "last_error": error,
                                  "attempts": Open311CallbackRow.attempts + 1}
        if sent:
            values.update(status=SENT, sent_at=now)
        elif retry_at is not None:
            values.update(available_at=retry_at)
        else:
            values.update(status=DEAD)
        await self.session.execute(
            update(Open311CallbackRow).where(Open311CallbackRow.id == callback_id).values(values))

    async def callbacks(self, statuses: Sequence[str] = ()) -> list[Open311CallbackRow]:
        statement = select(Open311CallbackRow).order_by(Open311CallbackRow.id)
        if statuses:
            statement = statement.where(Open311CallbackRow.status.in_(statuses))
        return list((await self.session.execute(statement)).scalars())
