"""SQL of the monthly analysis: per-ticket facts of a month, ratings, counts, the trend.

Everything is reconstructed as of an instant `as_of` from the append-only event log, so a
report of a past month reads the same whatever happened afterwards: a ticket's status at
`as_of` is the `to_status` of its last event at or before `as_of`. Aggregation happens in the
database (GROUP BY over events, ratings and tickets); only one row per ticket of the month comes
back, which stays small even when the database holds 100,000 tickets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from models.lifecycle import Action, Status
from models.orm import RatingRow, TicketEventRow, TicketRow
from models.uow import UnitOfWork

SYSTEM_ACTOR = "system"
OVERDUE_ACTION = "overdue_reminder"
FINISHED = (str(Status.RESOLVED), str(Status.CLOSED))


@dataclass(frozen=True)
class TicketFacts:
    """One ticket of the month as it stood at `as_of`."""

    id: int
    number: str
    category_code: str
    community_code: str | None
    grid_code: str | None
    building: int | None
    address_text: str | None
    urgent: bool
    created_at: datetime
    status: str  # at as_of
    level: int  # at as_of
    max_level: int  # highest level reached by as_of
    accepted_at: datetime | None  # first acceptance
    resolved_at: datetime | None  # latest resolution by as_of
    ever_resolved: bool
    reopens: int
    escalations: int
    breached: bool  # escalated by the sweeper for a missed deadline, or overdue at the top
    urgent_frame: str | None = None  # the danger frame of an urgent ticket (燃气泄漏 …)
    source: str = "telegram"  # the channel it came through (tickets.source; "visit": 代报)
    filed_by: str | None = None  # the worker who filed it on a visit
    first_receiver: str | None = None  # 首接: who received it first

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


def month_cohort(
    in_scope: ColumnElement[bool], start: datetime, end: datetime
) -> ColumnElement[bool]:
    """Tickets of the scope received in [start, end)."""
    return and_(in_scope, TicketRow.created_at >= start, TicketRow.created_at < end)


def _when(action: Action | str) -> ColumnElement[datetime]:
    event = TicketEventRow
    return case((event.action == str(action), event.at))


def _count_of(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((condition, 1), else_=0))


async def ticket_facts(
    uow: UnitOfWork, cohort: ColumnElement[bool], as_of: datetime, chunk: int = 3000
) -> list[TicketFacts]:
    """One `TicketFacts` per ticket matching `cohort`, reconstructed at `as_of`.

    Three indexed steps rather than one join: the month's tickets, then their events' aggregates
    by explicit id lists (index scans on `ticket_events.ticket_id`), then the last events by
    primary key. Planners otherwise hash the whole event table for a month of tickets."""
    statement = (
        select(
            TicketRow.id,
            TicketRow.number,
            TicketRow.category_code,
            TicketRow.community_code,
            TicketRow.grid_code,
            TicketRow.building,
            TicketRow.address_text,
            TicketRow.urgent,
            TicketRow.urgent_frame,
            TicketRow.created_at,
            TicketRow.source,
            TicketRow.filed_by,
            TicketRow.first_receiver_code,
        )
        .where(cohort)
        .order_by(TicketRow.created_at, TicketRow.id)
    )
    tickets = (await uow.session.execute(statement)).all()
    ids = [row.id for row in tickets]
    aggregates: dict[int, Any] = {}
    for offset in range(0, len(ids), chunk):
        for row in await _aggregates(uow, ids[offset : offset + chunk], as_of):
            aggregates[row.ticket_id] = row
    last = await _states(uow, [row.last_id for row in aggregates.values()])
    facts = []
    for ticket in tickets:
        agg = aggregates.get(ticket.id)
        if agg is None:  # created after as_of (a report of the running month)
            continue
        status, level = last[agg.last_id]
        facts.append(
            TicketFacts(
                id=ticket.id,
                number=ticket.number,
                category_code=ticket.category_code,
                community_code=ticket.community_code,
                grid_code=ticket.grid_code,
                building=ticket.building,
                address_text=ticket.address_text,
                urgent=bool(ticket.urgent),
                urgent_frame=ticket.urgent_frame,
                source=ticket.source,
                created_at=ticket.created_at,
                status=status,
                level=level,
                max_level=int(agg.max_level or 0),
                accepted_at=agg.accepted_at,
                resolved_at=agg.resolved_at if status in FINISHED else None,
                ever_resolved=agg.resolved_at is not None,
                reopens=int(agg.reopens or 0),
                escalations=int(agg.escalations or 0),
                breached=bool(agg.breaches),
                filed_by=ticket.filed_by,
                first_receiver=ticket.first_receiver_code,
            )
        )
    return facts


async def _aggregates(uow: UnitOfWork, ids: list[int], as_of: datetime) -> list[Any]:
    """Per ticket: last event id, first acceptance, latest resolution, highest level, counts."""
    event = TicketEventRow
    breach = or_(
        and_(event.action == str(Action.ESCALATE), event.actor == SYSTEM_ACTOR),
        event.action == OVERDUE_ACTION,
    )
    statement = (
        select(
            event.ticket_id.label("ticket_id"),
            func.max(event.id).label("last_id"),
            func.min(_when(Action.ACCEPT)).label("accepted_at"),
            func.max(_when(Action.RESOLVE)).label("resolved_at"),
            func.max(event.to_level).label("max_level"),
            _count_of(event.action == str(Action.REOPEN)).label("reopens"),
            _count_of(event.action == str(Action.ESCALATE)).label("escalations"),
            _count_of(breach).label("breaches"),
        )
        .where(event.ticket_id.in_(ids), event.at <= as_of)
        .group_by(event.ticket_id)
    )
    return list((await uow.session.execute(statement)).all())


async def _states(
    uow: UnitOfWork, event_ids: Sequence[int], chunk: int = 5000
) -> dict[int, tuple[str, int]]:
    """(to_status, to_level) of the given events, looked up by primary key.

    A separate query on purpose: joined into the aggregate, planners tend to scan and hash the
    whole event table instead."""
    states: dict[int, tuple[str, int]] = {}
    ids = list(event_ids)
    for offset in range(0, len(ids), chunk):
        statement = select(
            TicketEventRow.id, TicketEventRow.to_status, TicketEventRow.to_level
        ).where(TicketEventRow.id.in_(ids[offset : offset + chunk]))
        for event_id, status, level in (await uow.session.execute(statement)).all():
            states[event_id] = (str(status), int(level or 0))
    return states


async def rating_counts(
    uow: UnitOfWork, cohort: ColumnElement[bool], as_of: datetime
) -> list[tuple[str | None, str, str, int]]:
    """(grid, category, score, count) of every rating given by `as_of` to tickets of `cohort`."""
    statement = (
        select(TicketRow.grid_code, TicketRow.category_code, RatingRow.score, func.count())
        .join(TicketRow, TicketRow.id == RatingRow.ticket_id)
        .where(cohort, RatingRow.at <= as_of)
        .group_by(TicketRow.grid_code, TicketRow.category_code, RatingRow.score)
    )
    return [
        (grid, category, str(score), int(count))
        for grid, category, score, count in (await uow.session.execute(statement)).all()
    ]


async def category_counts(uow: UnitOfWork, cohort: ColumnElement[bool]) -> dict[str, int]:
    """Tickets per category code (for month-on-month and year-on-year comparison)."""
    statement = (
        select(TicketRow.category_code, func.count())
        .where(cohort)
        .group_by(TicketRow.category_code)
    )
    return {code: int(count) for code, count in (await uow.session.execute(statement)).all()}


async def monthly_trend(
    uow: UnitOfWork, in_scope: ColumnElement[bool], bounds: Sequence[datetime], as_of: datetime
) -> list[tuple[int, int]]:
    """(received, resolved by `as_of`) per month between consecutive `bounds`, one query.

    "Resolved" here reads the ticket columns (resolved or closed, finished before `as_of`), the
    cheap approximation of the event reconstruction that the month's own figures use."""
    if len(bounds) < 2:
        return []
    bucket = case(
        *[(TicketRow.created_at < bound, index) for index, bound in enumerate(bounds[1:])],
        else_=len(bounds) - 1,
    ).label("bucket")
    finished_at = func.coalesce(TicketRow.resolved_at, TicketRow.closed_at)
    finished = and_(TicketRow.status.in_(FINISHED), finished_at <= as_of)
    statement = (
        select(bucket, func.count(), _count_of(finished))
        .where(in_scope, TicketRow.created_at >= bounds[0], TicketRow.created_at < bounds[-1])
        .group_by(bucket)
    )
    result = [(0, 0)] * (len(bounds) - 1)
    for index, received, resolved in (await uow.session.execute(statement)).all():
        result[int(index)] = (int(received), int(resolved or 0))
    return result


async def ticket_events(
    uow: UnitOfWork, ticket_ids: Sequence[int], as_of: datetime, chunk: int = 2000
) -> dict[int, list[TicketEventRow]]:
    """Every event at or before `as_of` of the given tickets, oldest first per ticket."""
    events: dict[int, list[TicketEventRow]] = {ticket_id: [] for ticket_id in ticket_ids}
    ids = list(ticket_ids)
    for offset in range(0, len(ids), chunk):
        statement = (
            select(TicketEventRow)
            .where(TicketEventRow.ticket_id.in_(ids[offset : offset + chunk]))
            .where(TicketEventRow.at <= as_of)
            .order_by(TicketEventRow.ticket_id, TicketEventRow.id)
        )
        for row in (await uow.session.execute(statement)).scalars():
            events[row.ticket_id].append(row)
    return events


async def latest_ratings(
    uow: UnitOfWork, ticket_ids: Sequence[int], as_of: datetime, chunk: int = 2000
) -> dict[int, str]:
    """The latest rating score by `as_of` of each rated ticket."""
    latest: dict[int, tuple[int, str]] = {}
    ids = list(ticket_ids)
    for offset in range(0, len(ids), chunk):
        statement = select(RatingRow.ticket_id, RatingRow.id, RatingRow.score).where(
            RatingRow.ticket_id.in_(ids[offset : offset + chunk]), RatingRow.at <= as_of
        )
        for ticket_id, rating_id, score in (await uow.session.execute(statement)).all():
            if ticket_id not in latest or latest[ticket_id][0] < rating_id:
                latest[ticket_id] = (rating_id, str(score))
    return {ticket_id: score for ticket_id, (_, score) in latest.items()}
