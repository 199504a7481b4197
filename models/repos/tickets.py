"""Tickets and their ratings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, false, func, or_, select, true

from models import escalation as rules
from models.escalation import Breach, Overdue, Stage
from models.lifecycle import OPEN, Rating, Status
from models.numbering import number_ticket
from models.orm import TELEGRAM, RatingRow, TicketEventRow, TicketRow
from models.repos.base import Repository, dialect_name
from models.search_words import search_words
from models.sla import reminder_due


@dataclass
class Scope:
    """What a supervisor oversees: grids, communities, streets, or the whole district.

    A street covers its communities through `tickets.street_code`, which follows the
    community (filing, transfers, `griddesk config load`), so it needs no list of them."""

    grids: set[str] = field(default_factory=set)
    communities: set[str] = field(default_factory=set)
    streets: set[str] = field(default_factory=set)
    everything: bool = False

    def condition(self) -> ColumnElement[bool]:
        if self.everything:
            return true()
        parts = [
            column.in_(sorted(codes))
            for column, codes in ((TicketRow.grid_code, self.grids),
                                  (TicketRow.community_code, self.communities),
                                  (TicketRow.street_code, self.streets))
            if codes
        ]
        return or_(*parts) if parts else false()


class TicketRepo(Repository):
    def add(self, ticket: TicketRow, *events: TicketEventRow) -> None:
        """Add a new ticket (with its text's search words) and the events of its creation."""
        ticket.search_words = search_words(ticket.original_text)
        self.session.add(ticket)
        self.session.add_all(events)

    def save(self, ticket: TicketRow, event: TicketEventRow) -> None:
        """Persist a transition: the ticket is tracked already, the event is appended."""
        self.session.add(ticket)
        self.session.add(event)

    async def number(self, ticket: TicketRow, prefix: str, local_date: date) -> str:
        """Give a filed ticket its number (at COMMIT on PostgreSQL, at once elsewhere)."""
        return await number_ticket(self.session, ticket, prefix, local_date)

    async def get(self, ticket_id: int, for_update: bool = False) -> TicketRow | None:
        statement = select(TicketRow).where(TicketRow.id == ticket_id)
        return await self._one(statement, for_update)

    async def by_number(self, number: str, for_update: bool = False) -> TicketRow | None:
        """Look a ticket up by its number; `for_update` locks it (PostgreSQL) till commit."""
        statement = select(TicketRow).where(TicketRow.number == number.strip().upper())
        return await self._one(statement, for_update)

    async def by_follow_token(self, token_hash: str) -> TicketRow | None:
        """The ticket a follow link (`/start follow_…`) stands for, locked till commit."""
        statement = select(TicketRow).where(TicketRow.follow_token == token_hash)
        return await self._one(statement, True)

    async def _one(self, statement: Select[Any], for_update: bool) -> TicketRow | None:
        if for_update:
            statement = statement.with_for_update().execution_options(populate_existing=True)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def _list(self, statement: Select[Any]) -> list[TicketRow]:
        return list((await self.session.execute(statement)).scalars())

    async def for_reporter(
        self, user_id: int, limit: int = 10, open_only: bool = False, channel: str = TELEGRAM
    ) -> list[TicketRow]:
        """A resident's tickets (their account on `channel`), newest first."""
        statement = select(TicketRow).where(TicketRow.reporter_channel == channel,
                                            TicketRow.reporter_user_id == user_id)
        if open_only:
            statement = statement.where(TicketRow.status.in_(_values(OPEN | {Status.RESOLVED})))
        statement = statement.order_by(TicketRow.created_at.desc(), TicketRow.id.desc())
        return await self._list(statement.limit(limit))

    async def assigned_to(
        self, person_code: str, statuses: Iterable[str] = OPEN
    ) -> list[TicketRow]:
        """Tickets currently held by `person_code`, oldest first."""
        statement = (
            select(TicketRow)
            .where(TicketRow.assignee_code == person_code)
            .where(TicketRow.status.in_(_values(statuses)))
            .order_by(TicketRow.created_at, TicketRow.id)
        )
        return await self._list(statement)

    async def open_in(self, scope: Scope, limit: int) -> list[TicketRow]:
        """Open tickets in `scope`, oldest first."""
        if not (scope.everything or scope.grids or scope.communities or scope.streets):
            return []
        statement = (
            select(TicketRow)
            .where(TicketRow.status.in_(_values(OPEN)), scope.condition())
            .order_by(TicketRow.id)
            .limit(limit)
        )
        return await self._list(statement)

    # --- the escalation sweep's queries (rules in models.escalation) ----------------------

    def _claim(self, statement: Any) -> Any:
        """Lock what a sweep acts on; on PostgreSQL another sweeper skips it (SKIP LOCKED) and
        the conditions are checked again on the locked row version."""
        statement = statement.execution_options(populate_existing=True)
        if dialect_name(self.session) == "postgresql":
            return statement.with_for_update(skip_locked=True, of=TicketRow)
        return statement

    async def overdue(self, now: datetime, limit: int) -> list[Overdue]:
        """Breached tickets someone may act on, most overdue first, claimed."""
        due = rules.breach_due(now)
        statement = (
            select(TicketRow, rules.breach_kind(now), due, rules.top_reminder_due(now))
            .where(rules.breached(now), rules.worth_claiming(now))
            .order_by(due, TicketRow.id)
            .limit(limit)
        )
        rows = (await self.session.execute(self._claim(statement))).all()
        return [Overdue(row[0], Breach(row[1]), row[2], bool(row[3])) for row in rows]

    async def reminders_due(self, now: datetime, limit: int) -> list[Stage]:
        """Open tickets past 75% of their current stage's deadline, not reminded in this
        stage, claimed."""
        due_ids = await self._reminder_candidates(now, limit)
        if not due_ids:
            return []
        statement = (
            select(TicketRow, rules.current_kind(), rules.current_due())
            .where(TicketRow.id.in_(due_ids), rules.open_ticket())
            .where(rules.current_due() > now, rules.not_reminded())
            .order_by(TicketRow.id)
        )
        rows = (await self.session.execute(self._claim(statement))).all()
        return [Stage(row[0], Breach(row[1]), row[2]) for row in rows]

    async def _reminder_candidates(self, now: datetime, limit: int) -> list[int]:
        due = rules.current_due()
        statement = (
            select(TicketRow.id, TicketRow.created_at, due)
            .where(rules.open_ticket(), due > now, rules.not_reminded())
            .order_by(due, TicketRow.id)
        )
        rows = {row[0]: row for row in (await self.session.execute(statement)).all()}
        # The stage started at or after creation, so this bound can only let too many through.
        maybe = [key for key, row in rows.items() if reminder_due(row[1], row[2]) <= now]
        starts = await self.stage_starts(maybe)
        due_ids = [
            key for key in maybe
            if reminder_due(starts.get(key, rows[key][1]), rows[key][2]) <= now
        ]
        return due_ids[:limit]

    async def stage_starts(self, ticket_ids: list[int]) -> dict[int, datetime]:
        """When each ticket's current deadlines were set: its latest routing event."""
        if not ticket_ids:
            return {}
        statement = (
            select(TicketEventRow.ticket_id, func.max(TicketEventRow.at))
            .where(TicketEventRow.ticket_id.in_(ticket_ids))
            .where(TicketEventRow.action.in_(rules.ROUTING_ACTIONS))
            .group_by(TicketEventRow.ticket_id)
        )
        rows = (await self.session.execute(statement)).all()
        return {ticket_id: at for ticket_id, at in rows if at is not None}

    async def resolved_before(self, before: datetime, limit: int) -> list[TicketRow]:
        """Resolved tickets resolved before `before`, oldest first, claimed (未评价 closing)."""
        statement = (
            select(TicketRow)
            .where(TicketRow.status == Status.RESOLVED.value, TicketRow.resolved_at <= before)
            .order_by(TicketRow.resolved_at, TicketRow.id)
            .limit(limit)
        )
        if dialect_name(self.session) == "postgresql":  # another sweeper takes the others
            statement = statement.with_for_update(skip_locked=True)
        return await self._list(statement)

    async def add_rating(
        self, ticket: TicketRow, score: str, comment: str | None = None, at: datetime | None = None,
        via: str = "chat",
    ) -> RatingRow:
        """Record a rating; 不满意 marks the ticket for the queue's filter in the same
        transaction (the mark stays through the reopening and any later rating)."""
        if ticket.id is None:
            await self.session.flush()
        if score == Rating.UNSATISFIED:
            ticket.unsatisfied = True
        rating = RatingRow(
            ticket_id=ticket.id, score=str(score), comment=comment, at=at or self.clock.now(),
            via=via,
        )
        self.session.add(rating)
        return rating

    async def ratings(self, ticket_id: int) -> list[RatingRow]:
        statement = select(RatingRow).where(RatingRow.ticket_id == ticket_id).order_by(RatingRow.id)
        return list((await self.session.execute(statement)).scalars())


def _values(statuses: Iterable[str]) -> list[str]:
    return sorted(str(status) for status in statuses)
