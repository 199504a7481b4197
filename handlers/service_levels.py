"""What residents are told about service levels, and when their status messages may go out."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers import texts
from models.config.schema import GridDeskConfig, QuietHours
from models.orm import TicketRow
from models.sla import working_time


def local_date(config: GridDeskConfig, at: datetime) -> str:
    """A deadline as residents read it: 11月24日 10:00."""
    local = at.astimezone(ZoneInfo(config.district.timezone))
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def service_level_text(config: GridDeskConfig, ticket: TicketRow) -> str:
    """受理 and 办结 windows of a filed ticket and the date the resident can expect a result."""
    taxonomy = config.taxonomy
    category = taxonomy.get(ticket.category_code)
    accept = taxonomy.accept_within(category.code, bool(ticket.urgent))
    working = not ticket.urgent and working_time(category, config.district.calendar)
    text = texts.SERVICE_LEVEL.format(
        accept=_window(accept, working), resolve=_window(category.resolve_within, working)
    )
    if ticket.resolve_due_at is not None:
        text += texts.SERVICE_LEVEL_EXPECTED.format(due=local_date(config, ticket.resolve_due_at))
    return text


def _window(value: timedelta, working: bool) -> str:
    plain = texts.plain_duration(value)
    if not working:
        return plain
    return plain.replace("天", "个工作日").replace("小时", "个工作小时")


def held_until(config: GridDeskConfig, now: datetime) -> datetime | None:
    """The end of the district's quiet hours when `now` falls inside them, else None."""
    quiet = config.district.quiet_hours
    if quiet is None or quiet.start == quiet.end:
        return None
    zone = ZoneInfo(config.district.timezone)
    local = now.astimezone(zone)
    if not _inside(quiet, local.time()):
        return None
    day = local.date() if local.time() < quiet.end else local.date() + timedelta(days=1)
    return datetime.combine(day, quiet.end, tzinfo=zone)


def _inside(quiet: QuietHours, at: time) -> bool:
    if quiet.start < quiet.end:
        return quiet.start <= at < quiet.end
    return at >= quiet.start or at < quiet.end
