"""The queue's filter from the query string: every value checked, anything else ignored."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.config.schema import GridDeskConfig
from models.lifecycle import Status
from models.repos.console import OPEN311_ANY, SORTS, QueueFilter

MAX_WORDS = 5
MAX_QUERY = 100
MAX_DUE_HOURS = 24 * 30
MAX_PAGE = 10_000
MAX_SOURCE = 100
SOURCES = ("telegram", "visit", OPEN311_ANY)  # and "open311:CLIENT" for one client
FIELDS = ("status", "level", "category", "community", "grid", "urgent", "overdue", "due_within",
          "since", "until", "unsatisfied", "source", "q", "sort")


def bounded_int(value: str | None, low: int, high: int) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if low <= number <= high else None


def _day(value: str | None, zone: ZoneInfo, after: int = 0) -> datetime | None:
    """Local midnight of a YYYY-MM-DD day (plus `after` days), as an aware datetime."""
    try:
        day = date.fromisoformat(value or "")
    except ValueError:
        return None
    return datetime.combine(day + timedelta(days=after), time(), zone)


def _hours(value: str | None) -> timedelta | None:
    try:
        hours = float(value or "")
    except ValueError:
        return None
    return timedelta(hours=hours) if 0 < hours <= MAX_DUE_HOURS else None


def _source(value: str | None) -> str | None:
    """A channel of `SOURCES`, or one Open311 client (`open311:NAME`)."""
    if value in SOURCES:
        return value
    prefix = OPEN311_ANY + ":"
    if value and value.startswith(prefix) and len(value) <= MAX_SOURCE and value != prefix:
        return value
    return None


def parse_filter(query: Mapping[str, str], config: GridDeskConfig, zone: ZoneInfo,
                 per_page: int = 50) -> QueueFilter:
    """A `QueueFilter` from the request's query (unknown codes and bad values are dropped)."""
    categories = {c.code for c in config.taxonomy.categories}
    communities = {c.code for _, c in config.district.communities()}
    grids = {g.code for _, _, g in config.district.grids()}
    words = query.get("q", "")[:MAX_QUERY].split()[:MAX_WORDS]
    status = query.get("status")
    return QueueFilter(
        status=status if status in set(Status) else None,
        level=bounded_int(query.get("level"), 0, 4),
        category=query.get("category") if query.get("category") in categories else None,
        community=query.get("community") if query.get("community") in communities else None,
        grid=query.get("grid") if query.get("grid") in grids else None,
        urgent=query.get("urgent") == "1",
        overdue=query.get("overdue") == "1",
        due_within=_hours(query.get("due_within")),
        since=_day(query.get("since"), zone),
        until=_day(query.get("until"), zone, after=1),
        unsatisfied=query.get("unsatisfied") == "1",
        source=_source(query.get("source")),
        words=words,
        sort=query.get("sort", "new") if query.get("sort", "new") in SORTS else "new",
        page=bounded_int(query.get("page"), 1, MAX_PAGE) or 1,
        per_page=per_page,
    )


def kept(query: Mapping[str, str]) -> dict[str, str]:
    """The filter's own fields of a query (for links that keep it: pages, exports)."""
    return {name: query[name] for name in FIELDS if query.get(name)}
