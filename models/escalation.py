"""The escalation rules (逐级上报): which tickets have breached a deadline, which are due a 75%
reminder, which top-level tickets are due their daily reminder, and the deadlines of a ticket
that moves. Each rule is stated once, as SQL; the repository query that finds the tickets also
returns what the rule says about each of them (the breached deadline, the current stage), so no
Python copy of a condition is needed. `TicketService` acts on what the queries find."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, case, func, literal, or_

from models import lifecycle
from models.config.schema import Category, GridDeskConfig, Level
from models.lifecycle import Action, Status
from models.orm import TicketRow
from models.sla import Deadlines, compute_deadlines, kept_deadlines

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
class Overdue:
    """A ticket past a deadline: which one, when it was due, whether a top-level daily
    reminder is due (it matters when nobody is above)."""

    ticket: TicketRow
    breach: Breach
    due: datetime
    top_reminder_due: bool


@dataclass(frozen=True)
class Stage:
    """A ticket's current stage: the deadline that runs (a reminder is due at 75% of it)."""

    ticket: TicketRow
    kind: Breach
    due: datetime


@dataclass(frozen=True)
class Escalation:
    ticket_number: str
    from_level: Level
    to_level: Level
    assignee_code: str
    breach: Breach | None
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

    def add(self, outcome: Escalation | Reminder | TopLevelOverdue | None) -> None:
        if isinstance(outcome, Escalation):
            self.escalated.append(outcome)
        elif isinstance(outcome, Reminder):
            self.reminders.append(outcome)
        elif isinstance(outcome, TopLevelOverdue):
            self.top_level.append(outcome)


# --- the rules, as SQL -----------------------------------------------------------------------


def pre_accept() -> ColumnElement[bool]:
    return TicketRow.status.in_(PRE_ACCEPT)


def open_ticket() -> ColumnElement[bool]:
    return TicketRow.status.in_(OPEN_STATUSES)


def resolve_due() -> ColumnElement[datetime]:
    """The resolve deadline that escalates: the holding level's own, else the filing's."""
    return func.coalesce(TicketRow.level_due_at, TicketRow.resolve_due_at)


def _accept_missed(now: datetime) -> ColumnElement[bool]:
    return and_(pre_accept(), TicketRow.accept_due_at <= now)


def breached(now: datetime) -> ColumnElement[bool]:
    """An open ticket past the deadline of its stage (accept before acceptance, resolve)."""
    return and_(open_ticket(), or_(_accept_missed(now), resolve_due() <= now))


def breach_kind(now: datetime) -> ColumnElement[str]:
    """Which deadline was breached (accept when it has passed before acceptance)."""
    return case((_accept_missed(now), literal(str(Breach.ACCEPT))),
                else_=literal(str(Breach.RESOLVE)))


def breach_due(now: datetime) -> ColumnElement[datetime]:
    """The deadline that was breached."""
    return case((_accept_missed(now), TicketRow.accept_due_at), else_=resolve_due())


def top_reminder_due(now: datetime) -> ColumnElement[bool]:
    """At the top: never reminded since the breach, or the last reminder is a day old."""
    return or_(
        TicketRow.reminded_at.is_(None),
        TicketRow.reminded_at < breach_due(now),
        TicketRow.reminded_at <= now - TOP_REMINDER_EVERY,
    )


def worth_claiming(now: datetime) -> ColumnElement[bool]:
    """A breach someone may act on: below the top, or a top-level reminder is due."""
    return or_(TicketRow.level < int(lifecycle.TOP_LEVEL), top_reminder_due(now))


def _accept_stage() -> ColumnElement[bool]:
    return and_(pre_accept(), TicketRow.accept_due_at.is_not(None))


def current_kind() -> ColumnElement[str]:
    """Which deadline the ticket's current stage runs against."""
    return case((_accept_stage(), literal(str(Breach.ACCEPT))),
                else_=literal(str(Breach.RESOLVE)))


def current_due() -> ColumnElement[datetime]:
    """The deadline of the ticket's current stage."""
    return case((_accept_stage(), TicketRow.accept_due_at), else_=resolve_due())


def not_reminded() -> ColumnElement[bool]:
    """No reminder yet for the current stage (a routing transition clears `reminded_at`)."""
    return or_(
        TicketRow.reminded_at.is_(None),
        and_(
            TicketRow.status == str(Status.ACCEPTED),
            TicketRow.accepted_at.is_not(None),
            TicketRow.reminded_at < TicketRow.accepted_at,
        ),
    )


# --- deadlines of a moving ticket ------------------------------------------------------------


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
