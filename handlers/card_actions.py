"""Which actions a work card still offers its recipient: only those possible right now."""

from __future__ import annotations

from collections.abc import Sequence

from models import lifecycle
from models.config.schema import Level
from models.lifecycle import Status
from models.orm import TicketEventRow, TicketRow

SYSTEM_ACTOR = "system"
ROUTING = frozenset({"escalated", "transferred", "reopened", "assigned"})

# action -> the button's label key in handlers.texts (the order of the card's rows)
WORK_ROWS: tuple[tuple[str, ...], ...] = (
    ("accept", "resolve", "hand_in"),
    ("escalate", "whistle", "transfer"),
    ("set_grid", "reject"),
)


def handed_over_automatically(events: Sequence[TicketEventRow], code: str) -> bool:
    """`code` accepted the ticket and every move since then was an automatic escalation: the
    worker may still hand in the result they have."""
    accepted = [
        i for i, event in enumerate(events) if event.action == "accepted" and event.actor == code
    ]
    if not accepted:
        return False
    moves = [event for event in events[accepted[-1] + 1 :] if event.action in ROUTING]
    return bool(moves) and all(
        event.action == "escalated" and event.actor == SYSTEM_ACTOR for event in moves
    )


def may_hand_in(
    ticket: TicketRow, level: Level | None, code: str, events: Sequence[TicketEventRow]
) -> bool:
    """A lower level (`code` at `level` in the ticket's chain, None: not in it) whose case was
    escalated automatically may still report its result."""
    return (
        ticket.status in (Status.ASSIGNED, Status.ACCEPTED)
        and level is not None
        and level < ticket.level
        and handed_over_automatically(events, code)
    )


def work_actions(
    ticket: TicketRow,
    level: Level | None,
    code: str,
    events: Sequence[TicketEventRow] | None = None,
) -> list[str]:
    """The actions `code`, at `level` in the ticket's chain (None: not in it), can take on the
    ticket now (empty: the card is read-only)."""
    if ticket.status not in lifecycle.OPEN or ticket.status == Status.TRIAGE or level is None:
        return []
    if not lifecycle.can_act(ticket, level):
        handed_in = events is not None and may_hand_in(ticket, level, code, events)
        return ["hand_in"] if handed_in else []
    actions = ["accept"] if ticket.status == Status.ASSIGNED else ["resolve"]
    if ticket.level < lifecycle.TOP_LEVEL:
        actions.append("escalate")
    actions.append("whistle")
    if ticket.level == Level.GRID_WORKER:
        actions.append("transfer")
    if ticket.grid_code is None:
        actions.append("set_grid")
    if ticket.level >= Level.COMMUNITY or ticket.grid_code is None:
        actions.append("reject")
    return actions


def triage_open(ticket: TicketRow) -> bool:
    """A triage card offers its choices only while the ticket waits for a grid."""
    return ticket.status == Status.TRIAGE
