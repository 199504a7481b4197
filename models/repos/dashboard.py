"""The console dashboard's figures for a scope: a period's flow, what is overdue now, trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select

from models import escalation as rules
from models.lifecycle import Rating
from models.orm import RatingRow, TicketRow
from models.repos.base import Repository, dialect_name
from models.repos.tickets import Scope

CONTENT = (str(Rating.SATISFIED), str(Rating.BASICALLY))


@dataclass
class Flow:
    """What happened in a period: received, accepted, resolved (on time), ratings."""

    received: int
    accepted: int
    resolved: int
    on_time: int
    rated: int
    content: int  # 满意 or 基本满意

    @property
    def satisfaction(self) -> float | None:
        return self.content / self.rated if self.rated else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.resolved if self.resolved else None


def _within(column: Any, since: datetime, until: datetime) -> Any:
    return and_(column >= since, column < until)


class DashboardQueries(Repository):
    async def flow(self, scope: Scope, since: datetime, until: datetime) -> Flow:
        received = _within(TicketRow.created_at, since, until)
        accepted = _within(TicketRow.accepted_at, since, until)
        resolved = _within(TicketRow.resolved_at, since, until)
        statement = select(
            func.count().filter(received),
            func.count().filter(accepted),
            func.count().filter(resolved),
            func.count().filter(resolved, TicketRow.resolved_at <= TicketRow.resolve_due_at),
        ).where(scope.condition(), or_(received, accepted, resolved))  # each has its index
        received, accepted, done, on_time = (await self.session.execute(statement)).one()
        ratings = (select(func.count(), func.count().filter(RatingRow.score.in_(CONTENT)))
                   .join(TicketRow, TicketRow.id == RatingRow.ticket_id)
                   .where(scope.condition(), _within(RatingRow.at, since, until)))
        rated, content = (await self.session.execute(ratings)).one()
        return Flow(received, accepted, done, on_time, rated, content)

    async def overdue_by_level(self, scope: Scope, now: datetime) -> dict[int, int]:
        statement = (select(TicketRow.level, func.count())
                     .where(scope.condition(), rules.breached(now)).group_by(TicketRow.level))
        return {int(level): int(count)
                for level, count in (await self.session.execute(statement)).all()}

    async def received_times(self, scope: Scope, since: datetime) -> list[datetime]:
        """When each ticket of the scope since `since` came in (the trend, by local day)."""
        statement = select(TicketRow.created_at).where(scope.condition(),
                                                       TicketRow.created_at >= since)
        return list((await self.session.execute(statement)).scalars())

    async def received_days(self, scope: Scope, since: datetime, zone: ZoneInfo
                            ) -> dict[date, int]:
        """How many tickets of the scope came in on each local day since `since` (the trend);
        counted in SQL on PostgreSQL, from the filing times elsewhere."""
        if dialect_name(self.session) != "postgresql":
            days: dict[date, int] = {}
            for at in await self.received_times(scope, since):
                local = at.astimezone(zone).date()
                days[local] = days.get(local, 0) + 1
            return days
        day: Any = func.date(func.timezone(zone.key, TicketRow.created_at))
        statement = (select(day, func.count())
                     .where(scope.condition(), TicketRow.created_at >= since).group_by(day))
        return {found: int(count) for found, count in (await self.session.execute(statement))}

    async def categories(self, scope: Scope, since: datetime) -> list[tuple[str, int]]:
        statement = (select(TicketRow.category_code, func.count())
                     .where(scope.condition(), TicketRow.created_at >= since)
                     .group_by(TicketRow.category_code).order_by(func.count().desc()))
        return [(code, int(count)) for code, count in (await self.session.execute(statement))]

    async def urgent(self, scope: Scope, since: datetime, limit: int = 20) -> list[TicketRow]:
        statement = (select(TicketRow)
                     .where(scope.condition(), TicketRow.urgent.is_(True),
                            TicketRow.created_at >= since)
                     .order_by(TicketRow.created_at.desc()).limit(limit))
        return list((await self.session.execute(statement)).scalars())
