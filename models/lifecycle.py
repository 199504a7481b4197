"""Ticket lifecycle as pure domain code: transitions mutate a TicketRow in memory.

Every transition returns a new `TicketEventRow` (linked to the ticket, not added to any session)
recording from/to status and level. Illegal transitions raise `TicketError`. Deadlines are
computed by the caller (`models.sla`) and passed in.

    triage -> assigned -> accepted -> resolved -> closed
                 ^  escalate (any open stage, one level up)  |
                 +------------- reopen (one level up) -------+
    triage/assigned/accepted -> rejected (with a reason)
    assigned/accepted -> triage (referred: transferred between grids too often)
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from models.config.schema import Level
from models.orm import TicketEventRow, TicketRow

TOP_LEVEL = max(Level)


class Status(StrEnum):
    TRIAGE = "triage"
    ASSIGNED = "assigned"
    ACCEPTED = "accepted"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REJECTED = "rejected"


class Action(StrEnum):
    """Names of transitions; also the `action` written to the event log."""

    CREATE = "created"
    ASSIGN = "assigned"
    ACCEPT = "accepted"
    RESOLVE = "resolved"
    CLOSE = "closed"
    REOPEN = "reopened"
    ESCALATE = "escalated"
    REJECT = "rejected"
    TRANSFER = "transferred"
    REFER = "referred"


class Rating(StrEnum):
    SATISFIED = "satisfied"
    BASICALLY = "basically"
    UNSATISFIED = "unsatisfied"


OPEN = frozenset({Status.TRIAGE, Status.ASSIGNED, Status.ACCEPTED})
FINAL = frozenset({Status.CLOSED, Status.REJECTED})

ALLOWED: dict[Action, frozenset[Status]] = {
    Action.ASSIGN: frozenset({Status.TRIAGE}),
    Action.ACCEPT: frozenset({Status.ASSIGNED}),
    Action.RESOLVE: frozenset({Status.ACCEPTED}),
    Action.CLOSE: frozenset({Status.RESOLVED}),
    Action.REOPEN: frozenset({Status.RESOLVED}),
    Action.ESCALATE: OPEN,
    Action.REJECT: OPEN,
    Action.TRANSFER: OPEN,
    Action.REFER: frozenset({Status.ASSIGNED, Status.ACCEPTED}),
}


class TicketError(Exception):
    """An illegal transition; the message names the ticket, its status and the action."""

    def __init__(self, ticket: TicketRow, action: str, reason: str = "") -> None:
        self.ticket_number = ticket.number
        self.status = ticket.status
        self.action = action
        detail = f": {reason}" if reason else ""
        super().__init__(
            f"ticket {ticket.number} is {ticket.status} (level {ticket.level}); "
            f"cannot {action}{detail}"
        )


def is_open(ticket: TicketRow) -> bool:
    return ticket.status in OPEN


def can_act(ticket: TicketRow, actor_level: int) -> bool:
    """Sign-off by level (层层销号): only the ticket's level or above may act on it."""
    return actor_level >= ticket.level


def _verb(action: Action) -> str:
    return {
        Action.CREATE: "create",
        Action.ASSIGN: "assign",
        Action.ACCEPT: "accept",
        Action.RESOLVE: "resolve",
        Action.CLOSE: "close",
        Action.REOPEN: "reopen",
        Action.ESCALATE: "escalate",
        Action.REJECT: "reject",
        Action.TRANSFER: "transfer",
        Action.REFER: "refer",
    }[action]


def _check(ticket: TicketRow, action: Action) -> None:
    if ticket.status not in ALLOWED[action]:
        allowed = ", ".join(sorted(ALLOWED[action]))
        raise TicketError(ticket, _verb(action), f"only possible when {allowed}")


def _event(
    ticket: TicketRow,
    action: Action | str,
    actor: str,
    now: datetime,
    from_status: str | None,
    from_level: int | None,
    note: str | None = None,
    data: dict[str, Any] | None = None,
) -> TicketEventRow:
    ticket.updated_at = now
    event = TicketEventRow(
        at=now,
        actor=actor,
        action=str(action),
        from_status=from_status,
        to_status=ticket.status,
        from_level=from_level,
        to_level=ticket.level,
        note=note,
        data=dict(data or {}),
    )
    if ticket.id is not None:
        event.ticket_id = ticket.id
    event.ticket = ticket
    return event


def _route(
    ticket: TicketRow,
    level: int,
    assignee_code: str,
    accept_due: datetime | None,
    resolve_due: datetime | None,
    level_due: datetime | None = None,
) -> None:
    """Hand the ticket to `assignee_code` at `level` with the given deadlines."""
    ticket.status = Status.ASSIGNED.value
    ticket.level = int(level)
    ticket.max_level = max(ticket.max_level or 0, int(level))
    ticket.assignee_code = assignee_code
    ticket.accept_due_at = accept_due
    ticket.resolve_due_at = resolve_due
    ticket.level_due_at = level_due
    ticket.reminded_at = None


def create(
    ticket: TicketRow,
    *,
    now: datetime,
    actor: str = "resident",
    assignee_code: str | None = None,
    accept_due: datetime | None = None,
    resolve_due: datetime | None = None,
    note: str | None = None,
) -> TicketEventRow:
    """Open a freshly built ticket: assigned at level 0 when routed, otherwise in triage."""
    if ticket.status is not None:
        raise TicketError(ticket, "create", "it already exists")
    ticket.created_at = now
    ticket.level = 0
    ticket.max_level = 0
    ticket.reopen_count = 0
    for name in ("keywords", "attachments"):
        if getattr(ticket, name) is None:
            setattr(ticket, name, [])
    for name, default in (("urgent", False), ("confidence", 0.0), ("anonymised", False)):
        if getattr(ticket, name) is None:
            setattr(ticket, name, default)
    if assignee_code is None:
        ticket.status = Status.TRIAGE.value
        ticket.accept_due_at = accept_due
        ticket.resolve_due_at = resolve_due
    else:
        _route(ticket, 0, assignee_code, accept_due, resolve_due)
    return _event(ticket, Action.CREATE, actor, now, None, None, note)


def assign(
    ticket: TicketRow,
    *,
    now: datetime,
    actor: str,
    assignee_code: str,
    accept_due: datetime | None,
    resolve_due: datetime | None,
    level_due: datetime | None = None,
    grid_code: str | None = None,
    community_code: str | None = None,
    category_code: str | None = None,
    note: str | None = None,
) -> TicketEventRow:
    """Route a triage ticket (fixing grid, community or category when given)."""
    _check(ticket, Action.ASSIGN)
    place = (grid_code, community_code, category_code)
    return _reassign(ticket, Action.ASSIGN, now, actor, assignee_code,
                     (accept_due, resolve_due, level_due), place, note)


def _reassign(ticket: TicketRow, action: Action, now: datetime, actor: str, assignee_code: str,
              dues: tuple[datetime | None, datetime | None, datetime | None],
              place: tuple[str | None, str | None, str | None], note: str | None,
              ) -> TicketEventRow:
    """A new holder at the ticket's level, the grid, community or category fixed when given."""
    before_status, before_level = ticket.status, ticket.level
    data = _reroute(ticket, *place)
    _route(ticket, ticket.level, assignee_code, *dues)
    return _event(ticket, action, actor, now, before_status, before_level, note,
                  {"assignee": assignee_code, **data})


def _reroute(
    ticket: TicketRow, grid_code: str | None, community_code: str | None, category_code: str | None
) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name, value in (
        ("grid_code", grid_code),
        ("community_code", community_code),
        ("category_code", category_code),
    ):
        if value is not None and getattr(ticket, name) != value:
            changes[name] = [getattr(ticket, name), value]
            setattr(ticket, name, value)
    return changes


def accept(ticket: TicketRow, *, now: datetime, actor: str) -> TicketEventRow:
    """The assignee takes the ticket; the first ever acceptor stays first receiver (首接负责制)."""
    _check(ticket, Action.ACCEPT)
    before = ticket.status
    ticket.status = Status.ACCEPTED.value
    ticket.assignee_code = actor
    ticket.accepted_at = now
    if ticket.first_receiver_code is None:
        ticket.first_receiver_code = actor
    return _event(ticket, Action.ACCEPT, actor, now, before, ticket.level)


def resolve(ticket: TicketRow, *, now: datetime, actor: str, note: str) -> TicketEventRow:
    """Report the result; the resident then rates it."""
    _check(ticket, Action.RESOLVE)
    if not note.strip():
        raise TicketError(ticket, "resolve", "a result note is required")
    before = ticket.status
    ticket.status = Status.RESOLVED.value
    ticket.resolved_at = now
    ticket.result_note = note
    return _event(ticket, Action.RESOLVE, actor, now, before, ticket.level, note)


def hand_in(ticket: TicketRow, *, now: datetime, actor: str, note: str) -> TicketEventRow:
    """A lower level hands in the result of a case that was escalated away from it
    automatically: the case is resolved with it (the resident rates it as usual)."""
    if ticket.status not in (Status.ASSIGNED, Status.ACCEPTED):
        raise TicketError(ticket, "hand in", "only an open, routed ticket takes a result")
    if not note.strip():
        raise TicketError(ticket, "hand in", "a result note is required")
    before = ticket.status
    ticket.status = Status.RESOLVED.value
    ticket.resolved_at = now
    ticket.result_note = note
    return _event(
        ticket, Action.RESOLVE, actor, now, before, ticket.level, note, {"handed_in": True}
    )


def close(
    ticket: TicketRow,
    *,
    now: datetime,
    rating: Rating | str | None,
    actor: str = "resident",
    comment: str | None = None,
) -> TicketEventRow:
    """Close a resolved ticket with a rating (None: closed by the system without one).

    An unsatisfied rating does not close: it reopens the ticket one level up (`reopen`)."""
    _check(ticket, Action.CLOSE)
    if rating is not None:
        try:
            rating = Rating(rating)
        except ValueError:
            raise TicketError(ticket, "close", f"unknown rating {rating!r}") from None
        if rating is Rating.UNSATISFIED:
            raise TicketError(ticket, "close", "an unsatisfied rating reopens the ticket")
    before = ticket.status
    ticket.status = Status.CLOSED.value
    ticket.closed_at = now
    data = {"rating": str(rating)} if rating is not None else {}
    return _event(ticket, Action.CLOSE, actor, now, before, ticket.level, comment, data)


def reopen(
    ticket: TicketRow,
    *,
    now: datetime,
    assignee_code: str,
    accept_due: datetime | None,
    resolve_due: datetime | None,
    actor: str = "resident",
    reason: str | None = None,
    to_level: int | None = None,
) -> TicketEventRow:
    """Unsatisfied resident: back to assigned one level up (stays at the top when already there).

    `to_level` skips further up (a level with nobody configured); never below one level up."""
    _check(ticket, Action.REOPEN)
    lowest = min(ticket.level + 1, TOP_LEVEL)
    level = _target_level(ticket, "reopen", lowest, to_level)
    before_status, before_level = ticket.status, ticket.level
    ticket.reopen_count = (ticket.reopen_count or 0) + 1
    ticket.resolved_at = None
    _route(ticket, level, assignee_code, accept_due, resolve_due)
    return _event(
        ticket,
        Action.REOPEN,
        actor,
        now,
        before_status,
        before_level,
        reason,
        {"assignee": assignee_code, "rating": str(Rating.UNSATISFIED)},
    )


def next_level(ticket: TicketRow) -> Level:
    """The level an escalation would reach; TicketError at the top."""
    if ticket.level >= TOP_LEVEL:
        raise TicketError(ticket, "escalate", "it is already at the district, the top level")
    return Level(ticket.level + 1)


def _target_level(ticket: TicketRow, verb: str, lowest: int, to_level: int | None) -> int:
    if to_level is None:
        return lowest
    if not lowest <= to_level <= TOP_LEVEL:
        raise TicketError(
            ticket, verb, f"target level {to_level} must be between {lowest} and {int(TOP_LEVEL)}"
        )
    return int(to_level)


def escalate(
    ticket: TicketRow,
    *,
    now: datetime,
    actor: str,
    assignee_code: str,
    accept_due: datetime | None,
    resolve_due: datetime | None,
    level_due: datetime | None = None,
    reason: str | None = None,
    to_level: int | None = None,
) -> TicketEventRow:
    """逐级上报: hand an open ticket to the next level up (or to `to_level`, further up)."""
    _check(ticket, Action.ESCALATE)
    level = _target_level(ticket, "escalate", next_level(ticket), to_level)
    before_status, before_level = ticket.status, ticket.level
    _route(ticket, level, assignee_code, accept_due, resolve_due, level_due)
    return _event(
        ticket,
        Action.ESCALATE,
        actor,
        now,
        before_status,
        before_level,
        reason,
        {"assignee": assignee_code},
    )


def reject(ticket: TicketRow, *, now: datetime, actor: str, reason: str) -> TicketEventRow:
    """不合理诉求: end an open ticket with a reason that is explained to the resident."""
    _check(ticket, Action.REJECT)
    if not reason.strip():
        raise TicketError(ticket, "reject", "a reason for the resident is required")
    before = ticket.status
    ticket.status = Status.REJECTED.value
    ticket.reject_reason = reason
    ticket.closed_at = now
    return _event(ticket, Action.REJECT, actor, now, before, ticket.level, reason)


def transfer(
    ticket: TicketRow,
    *,
    now: datetime,
    actor: str,
    assignee_code: str,
    accept_due: datetime | None,
    resolve_due: datetime | None,
    level_due: datetime | None = None,
    grid_code: str | None = None,
    community_code: str | None = None,
    category_code: str | None = None,
    reason: str | None = None,
) -> TicketEventRow:
    """Send a level-0 ticket to another grid and/or category, assigned to a new worker there."""
    _check(ticket, Action.TRANSFER)
    if ticket.level != 0:
        raise TicketError(
            ticket, "transfer", "an escalated ticket is signed off by the level that holds it"
        )
    if grid_code is None and category_code is None and community_code is None:
        raise TicketError(ticket, "transfer", "give another grid, community or category")
    place = (grid_code, community_code, category_code)
    return _reassign(ticket, Action.TRANSFER, now, actor, assignee_code,
                     (accept_due, resolve_due, level_due), place, reason)


def refer(
    ticket: TicketRow,
    *,
    now: datetime,
    actor: str,
    accept_due: datetime | None,
    reason: str | None = None,
    data: dict[str, Any] | None = None,
) -> TicketEventRow:
    """A level-0 ticket passed between grids too often goes back to its community's triage,
    which decides the grid; the resolve deadline stays, the triage gets `accept_due`."""
    _check(ticket, Action.REFER)
    if ticket.level != 0:
        raise TicketError(ticket, "refer", "only a grid's ticket is referred to its community")
    before_status, before_level = ticket.status, ticket.level
    ticket.status = Status.TRIAGE.value
    ticket.assignee_code = None
    ticket.accept_due_at = accept_due
    ticket.reminded_at = None
    return _event(ticket, Action.REFER, actor, now, before_status, before_level, reason, data)


def record(
    ticket: TicketRow,
    *,
    now: datetime,
    actor: str,
    action: str,
    note: str | None = None,
    data: dict[str, Any] | None = None,
) -> TicketEventRow:
    """An event that changes no status (吹哨报到 summons, reminders, comments)."""
    if action in set(Action):
        raise TicketError(ticket, action, "use the transition function for a status change")
    return _event(ticket, action, actor, now, ticket.status, ticket.level, note, data)
