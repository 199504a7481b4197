"""Tickets in the words and times a supervisor reads (the district's time zone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from handlers import texts
from handlers.notify import Notifier
from models import lifecycle
from models.reports.summary import channel_name
from models.repos.console import Listed

VISIT = "visit"  # tickets.source of a filing by a grid worker on a visit (代报)
SOURCE_NAMES = {"console": "网页工作台", VISIT: "网格员走访代报"}


def source_name(source: str | None) -> str:
    """The channel a ticket or an event came through, as a supervisor reads it."""
    value = source or "telegram"
    return SOURCE_NAMES.get(value) or channel_name(value)


def local(at: datetime | None, zone: ZoneInfo, with_year: bool = False) -> str:
    if at is None:
        return "—"
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M" if with_year else "%m-%d %H:%M")


@dataclass
class Row:
    """One line of the queue (and of an export)."""

    number: str
    status: str
    level: str
    category: str
    place: str
    summary: str
    created: str
    due: str
    overdue: bool
    urgent: bool
    source: str


def rows(notifier: Notifier, listed: list[Listed], zone: ZoneInfo) -> list[Row]:
    found = []
    for item in listed:
        ticket, text = item.ticket, item.ticket.original_text
        due = item.due if ticket.status in lifecycle.OPEN else None
        found.append(Row(
            number=ticket.number,
            status=texts.STATUS_NAMES.get(ticket.status, ticket.status),
            level=texts.LEVEL_NAMES.get(ticket.level, str(ticket.level)),
            category=notifier.category_name(ticket.category_code),
            place=notifier.place(ticket),
            summary=text[:40] + ("…" if len(text) > 40 else ""),
            created=local(ticket.created_at, zone, with_year=True),
            due=local(due, zone),
            overdue=item.overdue,
            urgent=bool(ticket.urgent),
            source=source_name(ticket.source),
        ))
    return found
