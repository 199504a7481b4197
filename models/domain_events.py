"""Domain events: what happened to a ticket, recorded by the ticket service on the unit of
work and turned into notifications in one place (`handlers.notifications`), in the same
transaction. `tag` is the stored event's id (`e42`), which keys the outbox rows it causes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.config.schema import Department, Level
from models.orm import TicketRow


@dataclass(frozen=True)
class TicketEvent:
    ticket: TicketRow
    tag: str


class EventLog:
    """A unit of work's new domain events, until the message bus collects them."""

    def __init__(self) -> None:
        self._new_events: list[TicketEvent] = []

    def announce(self, event: TicketEvent) -> None:
        """Record a domain event; `handlers.notifications.publish` turns it into messages."""
        self._new_events.append(event)

    def collect_new_events(self) -> list[TicketEvent]:
        events, self._new_events = self._new_events, []
        return events


@dataclass(frozen=True)
class Accepted(TicketEvent):
    pass


@dataclass(frozen=True)
class Resolved(TicketEvent):
    """办结, with the photos the resident sees."""

    photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandedIn(TicketEvent):
    """The result came from below, past `holder`, who is told."""

    holder: str
    note: str


@dataclass(frozen=True)
class Escalated(TicketEvent):
    from_level: Level
    to_level: Level
    reason: str


@dataclass(frozen=True)
class Rejected(TicketEvent):
    reason: str


@dataclass(frozen=True)
class Routed(TicketEvent):
    """Triage assignment (`new`) or 转派 to another grid: a card to the new holder."""

    target: str
    new: bool
    actor: str


@dataclass(frozen=True)
class Referred(TicketEvent):
    """Transferred too often: back to the triage card of `queue_holder`, with `note`."""

    queue_holder: str
    note: str


@dataclass(frozen=True)
class Changed(TicketEvent):
    """Category or grid corrected in place: only the cards change."""


@dataclass(frozen=True)
class TransferNoted(TicketEvent):
    actor: str
    reason: str


@dataclass(frozen=True)
class Whistled(TicketEvent):
    department: Department
    due: datetime
    actor: str


@dataclass(frozen=True)
class DepartmentReported(TicketEvent):
    """已报到: the summoned department arrived; the holder and the summoner (`told`) hear."""

    department: str
    told: tuple[str, ...]


@dataclass(frozen=True)
class Closed(TicketEvent):
    """满意/基本满意 (`label`, answered to the resident) or 未评价 (`rated` False; the
    resident is told when it was closed for lack of a rating after `auto_after_days`)."""

    label: str
    rated: bool
    auto_after_days: int | None = None


@dataclass(frozen=True)
class Reopened(TicketEvent):
    target: str
    reason: str
    result: str


@dataclass(frozen=True)
class Reminded(TicketEvent):
    kind: str
    due: datetime
    recipient: str | None


@dataclass(frozen=True)
class OverdueAtTop(TicketEvent):
    due: datetime
