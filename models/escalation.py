"""The escalation engine (逐级上报): deadline breaches, 75% reminders, top-level daily reminders.

`sweep` runs inside the caller's UnitOfWork and never commits: the ticket changes, their events
and the notifications written by the notifier hook become visible together when the caller
commits. On PostgreSQL the tickets acted on are claimed with `SELECT ... FOR UPDATE SKIP LOCKED`,
so several sweepers over one database act on each breach exactly once; the claim query re-checks
the breach condition on the locked row version, so a row escalated and committed by another
sweeper a moment earlier is no longer selected. SQLite (one process, `BEGIN IMMEDIATE`
transactions) uses the same queries without the row locks.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select

from models import lifecycle
from models.clock import Clock
from models.config.schema import Category, GridDeskConfig, Level
from models.lifecycle import Action, Status
from models.orm import PersonRow, TicketEventRow, TicketRow
from models.repos.base import dialect_name
from models.repos.org import Chain
from models.sla import Deadlines, compute_deadlines, kept_deadlines, reminder_due
from models.uow import UnitOfWork

log = logging.getLogger(__name__)

SYSTEM_ACTOR = "system"
REMINDER_ACTION = "reminder"
TOP_OVERDUE_ACTION = "overdue_reminder"
TOP_REMINDER_EVERY = timedelta(days=1)
REASONS = {"accept": "超过受理时限未受理", "resolve": "超过办结时限未办结"}

PRE_ACCEPT = (str(Status.TRIAGE), str(Status.ASSIGNED))
OPEN_STATUSES = tuple(sorted(str(status) for status in lifecycle.OPEN))
ROUTING_ACTIONS = tuple(
    str(action)
    for action in (
        Action.CREATE,
        Action.ASSIGN,
        Action.ESCALATE,
        Action.REOPEN,
        Action.TRANSFER,
        Action.REFER,
    )
)


class Breach(StrEnum):
    """Which deadline a reminder or breach is about."""

    ACCEPT = "accept"
    RESOLVE = "resolve"


@dataclass(frozen=True)
class Escalation:
    ticket_number: str
    from_level: Level
    to_level: Level
    assignee_code: str
    breach: Breach
    event_id: int


@dataclass(frozen=True)
class Reminder:
    ticket_number: str
    kind: Breach
    due: datetime
    recipient_code: str | None
    event_id: int


@dataclass(frozen=True)
class TopLevelOverdue:
    ticket_number: str
    breach: Breach
    due: datetime
    event_id: int


@dataclass
class SweepResult:
    """What one sweep did; `claimed` counts breached rows this sweeper locked."""

    escalated: list[Escalation] = field(default_factory=list)
    reminders: list[Reminder] = field(default_factory=list)
    top_level: list[TopLevelOverdue] = field(default_factory=list)
    claimed: int = 0
    failed: list[str] = field(default_factory=list)

    @property
    def acted(self) -> int:
        return len(self.escalated) + len(self.reminders) + len(self.top_level)

    def merge(self, other: SweepResult) -> None:
        self.escalated += other.escalated
        self.reminders += other.reminders
        self.top_level += other.top_level
        self.claimed += other.claimed
        self.failed += other.failed


class EscalationNotifier(Protocol):
    """Hook through which the sweeper notifies people; implementations write outbox rows in
    the same unit of work. `tag` is stable per event and meant for the outbox keys."""

    async def escalated(
        self,
        uow: UnitOfWork,
        ticket: TicketRow,
        from_level: Level,
        to_level: Level,
        *,
        reason: str,
        tag: str,
    ) -> None:
        """The new level gets the card; the first receiver and the reporter hear 已上报至…."""
        ...

    async def reminder(
        self,
        uow: UnitOfWork,
        ticket: TicketRow,
        kind: str,
        *,
        due: datetime,
        recipient_code: str | None,
        tag: str,
    ) -> None:
        """75% of the `kind` ("accept" or "resolve") deadline has passed."""
        ...

    async def top_level_overdue(
        self, uow: UnitOfWork, ticket: TicketRow, *, kind: str, due: datetime, tag: str
    ) -> None:
        """Daily reminder for a ticket overdue at the district, the top level."""
        ...


class NullNotifier:
    """Notifies nobody (events are still recorded)."""

    async def escalated(
        self,
        uow: UnitOfWork,
        ticket: TicketRow,
        from_level: Level,
        to_level: Level,
        *,
        reason: str,
        tag: str,
    ) -> None:
        return None

    async def reminder(
        self,
        uow: UnitOfWork,
        ticket: TicketRow,
        kind: str,
        *,
        due: datetime,
        recipient_code: str | None,
        tag: str,
    ) -> None:
        return None

    async def top_level_overdue(
        self, uow: UnitOfWork, ticket: TicketRow, *, kind: str, due: datetime, tag: str
    ) -> None:
        return None


# --- SQL conditions --------------------------------------------------------------------------


def _pre_accept() -> ColumnElement[bool]:
    return TicketRow.status.in_(PRE_ACCEPT)


def _resolve_due() -> ColumnElement[datetime]:
    """The resolve deadline that escalates: the holding level's own, else the filing's."""
    return func.coalesce(TicketRow.level_due_at, TicketRow.resolve_due_at)


def _breached(now: datetime) -> ColumnElement[bool]:
    """An open ticket past the deadline of its stage (accept before acceptance, resolve)."""
    return and_(
        TicketRow.status.in_(OPEN_STATUSES),
        or_(and_(_pre_accept(), TicketRow.accept_due_at <= now), _resolve_due() <= now),
    )


def _breach_due(now: datetime) -> ColumnElement[datetime]:
    """The deadline that was breached (accept when it has passed before acceptance)."""
    return case(
        (and_(_pre_accept(), TicketRow.accept_due_at <= now), TicketRow.accept_due_at),
        else_=_resolve_due(),
    )


def _top_reminder_due(now: datetime) -> ColumnElement[bool]:
    """At the top: never reminded since the breach, or the last reminder is a day old."""
    return or_(
        TicketRow.reminded_at.is_(None),
        TicketRow.reminded_at < _breach_due(now),
        TicketRow.reminded_at <= now - TOP_REMINDER_EVERY,
    )


def _current_due() -> ColumnElement[datetime]:
    """The deadline of the ticket's current stage."""
    return case(
        (_pre_accept(), func.coalesce(TicketRow.accept_due_at, _resolve_due())),
        else_=_resolve_due(),
    )


def _not_reminded() -> ColumnElement[bool]:
    """No reminder yet for the current stage (a routing transition clears `reminded_at`)."""
    return or_(
        TicketRow.reminded_at.is_(None),
        and_(
            TicketRow.status == str(Status.ACCEPTED),
            TicketRow.accepted_at.is_not(None),
            TicketRow.reminded_at < TicketRow.accepted_at,
        ),
    )


def _lock(uow: UnitOfWork, statement: Select[Any]) -> Select[Any]:
    statement = statement.execution_options(populate_existing=True)
    if dialect_name(uow.session) == "postgresql":
        return statement.with_for_update(skip_locked=True, of=TicketRow)
    return statement


# --- Python mirrors of the conditions --------------------------------------------------------


def breach_of(ticket: TicketRow, now: datetime) -> tuple[Breach, datetime] | None:
    """The deadline an open ticket has breached at `now`, if any."""
    if ticket.status not in OPEN_STATUSES:
        return None
    if ticket.status in PRE_ACCEPT and ticket.accept_due_at and ticket.accept_due_at <= now:
        return Breach.ACCEPT, ticket.accept_due_at
    resolve_due = level_resolve_due(ticket)
    if resolve_due is not None and resolve_due <= now:
        return Breach.RESOLVE, resolve_due
    return None


def level_resolve_due(ticket: TicketRow) -> datetime | None:
    """The resolve deadline whose breach escalates (mirror of `_resolve_due`)."""
    return ticket.level_due_at or ticket.resolve_due_at


def current_deadline(ticket: TicketRow) -> tuple[Breach, datetime] | None:
    """The deadline of the ticket's current stage."""
    if ticket.status in PRE_ACCEPT and ticket.accept_due_at is not None:
        return Breach.ACCEPT, ticket.accept_due_at
    resolve_due = level_resolve_due(ticket)
    if ticket.status in OPEN_STATUSES and resolve_due is not None:
        return Breach.RESOLVE, resolve_due
    return None


def top_reminder_due(ticket: TicketRow, breached_due: datetime, now: datetime) -> bool:
    last = ticket.reminded_at
    return last is None or last < breached_due or last <= now - TOP_REMINDER_EVERY


# --- the sweep -------------------------------------------------------------------------------


async def sweep(
    uow: UnitOfWork,
    clock: Clock,
    config: GridDeskConfig,
    limit: int = 200,
    *,
    notifier: EscalationNotifier | None = None,
) -> SweepResult:
    """One pass: escalate up to `limit` breached tickets one level, then send due reminders.

    Does not commit; the caller commits the unit of work (and runs another pass when
    `result.claimed == limit`)."""
    engine = _Sweep(uow, clock.now(), config, notifier or NullNotifier())
    await engine.breaches(limit)
    await engine.reminders(limit)
    return engine.result


class _Sweep:
    def __init__(
        self, uow: UnitOfWork, now: datetime, config: GridDeskConfig, notifier: EscalationNotifier
    ) -> None:
        self.uow = uow
        self.now = now
        self.config = config
        self.notifier = notifier
        self.result = SweepResult()
        self._chains: dict[tuple[str | None, str | None, str | None, bool], Chain] = {}

    async def chain(self, ticket: TicketRow) -> Chain:
        """`escalation_chain`, cached for the sweep (many tickets share a grid)."""
        key = (ticket.grid_code, ticket.community_code, ticket.street_code,
               ticket.status == Status.TRIAGE)
        if key not in self._chains:
            self._chains[key] = await escalation_chain(self.uow, ticket)
        return self._chains[key]

    async def breaches(self, limit: int) -> None:
        now = self.now
        statement = (
            select(TicketRow)
            .where(_breached(now))
            .where(or_(TicketRow.level < int(lifecycle.TOP_LEVEL), _top_reminder_due(now)))
            .order_by(_breach_due(now), TicketRow.id)
            .limit(limit)
        )
        tickets = list((await self.uow.session.execute(_lock(self.uow, statement))).scalars())
        self.result.claimed += len(tickets)
        for ticket in tickets:
            await self._guarded(ticket, self._breach)

    async def _guarded(self, ticket: TicketRow, action: Any) -> None:
        """Run one ticket's action in a savepoint: one broken ticket does not stop the rest."""
        number = ticket.number  # the row is expired after a rolled-back savepoint
        try:
            async with self.uow.session.begin_nested():
                await action(ticket)
        except Exception:
            log.exception("escalation sweep failed on ticket %s", number)
            self.result.failed.append(number)

    async def _breach(self, ticket: TicketRow) -> None:
        breach = breach_of(ticket, self.now)
        if breach is None:
            return
        kind, due = breach
        target = await self._target(ticket)
        if target is None:
            if top_reminder_due(ticket, due, self.now):
                await self._top_level(ticket, kind, due)
            return
        await self._escalate(ticket, kind, due, target)

    async def _target(self, ticket: TicketRow) -> tuple[Level, PersonRow] | None:
        """The next level up that has an active person, None at the top."""
        for level, person in await self.chain(ticket):
            if level > ticket.level and person.active:
                return level, person
        return None

    async def _escalate(
        self, ticket: TicketRow, kind: Breach, due: datetime, target: tuple[Level, PersonRow]
    ) -> None:
        from_level = Level(ticket.level)
        to_level, person = target
        deadlines = self.deadlines(ticket)
        reason = REASONS[kind]
        event = escalate_to(
            ticket,
            to_level,
            now=self.now,
            assignee_code=person.code,
            deadlines=deadlines,
            reason=reason,
        )
        event.data = {**event.data, "breach": str(kind), "due": due.isoformat()}
        tag = await self._record(event)
        await self.notifier.escalated(
            self.uow, ticket, from_level, to_level, reason=reason, tag=tag
        )
        self.result.escalated.append(
            Escalation(ticket.number, from_level, to_level, person.code, kind, event.id)
        )

    async def _top_level(self, ticket: TicketRow, kind: Breach, due: datetime) -> None:
        ticket.reminded_at = self.now
        event = lifecycle.record(
            ticket,
            now=self.now,
            actor=SYSTEM_ACTOR,
            action=TOP_OVERDUE_ACTION,
            note=REASONS[kind],
            data={"kind": str(kind), "due": due.isoformat()},
        )
        tag = await self._record(event)
        await self.notifier.top_level_overdue(self.uow, ticket, kind=str(kind), due=due, tag=tag)
        self.result.top_level.append(TopLevelOverdue(ticket.number, kind, due, event.id))

    async def reminders(self, limit: int) -> None:
        """Tickets past 75% of the current stage's deadline, not yet reminded in this stage."""
        due_ids = await self._reminder_candidates(limit)
        if not due_ids:
            return
        statement = (
            select(TicketRow)
            .where(TicketRow.id.in_(due_ids), TicketRow.status.in_(OPEN_STATUSES))
            .where(_current_due() > self.now, _not_reminded())
            .order_by(TicketRow.id)
        )
        tickets = list((await self.uow.session.execute(_lock(self.uow, statement))).scalars())
        for ticket in tickets:
            await self._guarded(ticket, self._remind)

    async def _reminder_candidates(self, limit: int) -> list[int]:
        due = _current_due()
        statement = (
            select(TicketRow.id, TicketRow.created_at, due)
            .where(TicketRow.status.in_(OPEN_STATUSES), due > self.now, _not_reminded())
            .order_by(due, TicketRow.id)
        )
        rows = (await self.uow.session.execute(statement)).all()
        # The stage started at or after creation, so this bound can only let too many through.
        maybe = [row[0] for row in rows if reminder_due(row[1], row[2]) <= self.now]
        starts = await stage_starts(self.uow, maybe)
        by_id = {row[0]: row for row in rows}
        due_ids = [
            ticket_id
            for ticket_id in maybe
            if reminder_due(starts.get(ticket_id, by_id[ticket_id][1]), by_id[ticket_id][2])
            <= self.now
        ]
        return due_ids[:limit]

    async def _remind(self, ticket: TicketRow) -> None:
        stage = current_deadline(ticket)
        if stage is None:
            return
        kind, due = stage
        recipient = ticket.assignee_code or await self._holder(ticket)
        ticket.reminded_at = self.now
        event = lifecycle.record(
            ticket,
            now=self.now,
            actor=SYSTEM_ACTOR,
            action=REMINDER_ACTION,
            note=None,
            data={"kind": str(kind), "due": due.isoformat(), "recipient": recipient},
        )
        tag = await self._record(event)
        await self.notifier.reminder(
            self.uow, ticket, str(kind), due=due, recipient_code=recipient, tag=tag
        )
        self.result.reminders.append(Reminder(ticket.number, kind, due, recipient, event.id))

    async def _holder(self, ticket: TicketRow) -> str | None:
        """Who holds an unassigned (triage) ticket: the lowest level of its chain."""
        chain = await self.chain(ticket)
        return chain[0][1].code if chain else None

    async def _record(self, event: TicketEventRow) -> str:
        self.uow.events.add(event)
        await self.uow.session.flush()
        return f"e{event.id}"

    def deadlines(self, ticket: TicketRow) -> Deadlines:
        """The new level's own acceptance window from now; the filing's resolve deadline."""
        return moved_deadlines(self.config, ticket, self.now)


# --- helpers ---------------------------------------------------------------------------------


def moved_deadlines(
    config: GridDeskConfig, ticket: TicketRow, now: datetime, category_code: str | None = None
) -> Deadlines:
    """Deadlines of a case moving to another level or grid at `now` (`kept_deadlines`): the
    resolve deadline runs from filing, in the (possibly corrected) category's service level."""
    district = config.district
    category = category_for(config, category_code or ticket.category_code)

    def counted_from(start: datetime) -> Deadlines:
        return compute_deadlines(
            category,
            config.taxonomy,
            district.calendar,
            district.timezone,
            start,
            bool(ticket.urgent),
        )

    filed = ticket.created_at or now
    return kept_deadlines(counted_from(filed), counted_from(now))


def category_for(config: GridDeskConfig, code: str) -> Category:
    """The configured category; a category no longer configured gets the default levels."""
    try:
        return config.taxonomy.get(code)
    except KeyError:
        log.warning("category %s is not configured any more: default service levels", code)
        return Category.model_construct(
            code=code,
            name=code,
            name_hant=code,
            accept_within=None,
            resolve_within=timedelta(days=1),
            working_calendar=False,
            departments=[code],
            guide="",
        )


async def escalation_chain(uow: UnitOfWork, ticket: TicketRow) -> Chain:
    """Who acts at each level for a ticket, lowest first.

    A ticket in triage is held by its community's triage queue, so its chain starts at the
    community; without a community at its street, if known, else the district task force."""
    chain: Chain = []
    if ticket.grid_code is not None and ticket.status != Status.TRIAGE:
        chain = await uow.org.chain_for_grid(ticket.grid_code)
    if not chain and ticket.community_code is not None:
        chain = await uow.org.chain_for_community(ticket.community_code)
    if not chain and ticket.street_code is not None:
        chain = await uow.org.chain_for_street(ticket.street_code)
    if not chain or chain[-1][0] < Level.DISTRICT:
        district = await uow.org.district()
        person = await uow.org.person(district.task_force_person) if district else None
        if person is not None:
            chain.append((Level.DISTRICT, person))
    return chain


def escalate_to(
    ticket: TicketRow,
    to_level: Level,
    *,
    now: datetime,
    assignee_code: str,
    deadlines: Deadlines,
    reason: str,
) -> TicketEventRow:
    """`lifecycle.escalate` to the next level of the ticket's chain: usually `level + 1`; a
    triage ticket goes straight to its community (or the district), nobody being between."""
    return lifecycle.escalate(
        ticket,
        now=now,
        actor=SYSTEM_ACTOR,
        assignee_code=assignee_code,
        accept_due=deadlines.accept_due,
        resolve_due=deadlines.resolve_due,
        level_due=deadlines.level_due,
        reason=reason,
        to_level=int(to_level),
    )


async def stage_starts(uow: UnitOfWork, ticket_ids: Sequence[int]) -> dict[int, datetime]:
    """When each ticket's current deadlines were set: its latest routing event."""
    if not ticket_ids:
        return {}
    statement = (
        select(TicketEventRow.ticket_id, func.max(TicketEventRow.at))
        .where(TicketEventRow.ticket_id.in_(list(ticket_ids)))
        .where(TicketEventRow.action.in_(ROUTING_ACTIONS))
        .group_by(TicketEventRow.ticket_id)
    )
    rows = (await uow.session.execute(statement)).all()
    return {ticket_id: at for ticket_id, at in rows if at is not None}
