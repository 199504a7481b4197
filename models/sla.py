"""Service-level deadlines (小事一天办): accept and resolve due times, calendar or working time.

Pure functions. Durations are counted in calendar time in the district's time zone (a `1d`
deadline falls at the same local wall time the next day, DST-safe), unless the district calendar
switches `working_hours` on (or the category its own `working_calendar`): then the duration
is counted in working time of the district calendar. In working time a whole day means one
working day, i.e. `work_end - work_start` of working time, and the remainder counts as working
hours (`1d` from Wednesday 10:00 is Thursday 10:00; from Friday 20:00 it is the end of Monday's
working hours). Urgent tickets always run in calendar time:
immediate danger does not wait for Monday.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.config.schema import Calendar, Category, Taxonomy

REMINDER_FRACTION = 0.75
_DAY = timedelta(days=1)
_MAX_SEARCH_DAYS = 3700  # ten years without a working day means a broken calendar


@dataclass(frozen=True)
class Deadlines:
    """When a ticket must be accepted and resolved (aware UTC); `level_due`: the holding
    level's own resolve deadline when it differs from the filing's `resolve_due`."""

    accept_due: datetime
    resolve_due: datetime
    level_due: datetime | None = None


def kept_deadlines(filing: Deadlines, fresh: Deadlines) -> Deadlines:
    """A case handed to another level or grid (首接负责制): the receiver's own acceptance window
    (`fresh`, counted from now), the filing's resolve deadline kept. A receiver whose
    acceptance window ends after the filing's deadline gets its own resolve window for the
    escalation, so an overdue case does not run straight to the top."""
    level_due = None if filing.resolve_due > fresh.accept_due else fresh.resolve_due
    return Deadlines(fresh.accept_due, filing.resolve_due, level_due)


def compute_deadlines(
    category: Category,
    taxonomy: Taxonomy,
    calendar: Calendar,
    tz_name: str,
    start_utc: datetime,
    urgent: bool,
) -> Deadlines:
    """Accept and resolve deadlines of a ticket of `category` whose clock starts at `start_utc`.

    Urgent tickets use `urgent_accept_within`, and `urgent_resolve_within` when it is configured
    and shorter than the category's own resolve time.
    """
    accept_within = taxonomy.accept_within(category.code, urgent)
    resolve_within = category.resolve_within
    if urgent and taxonomy.urgent_resolve_within is not None:
        resolve_within = min(resolve_within, taxonomy.urgent_resolve_within)
    working = calendar if working_time(category, calendar) and not urgent else None
    accept_due = add_duration(start_utc, accept_within, tz_name, working)
    resolve_due = add_duration(start_utc, resolve_within, tz_name, working)
    return Deadlines(accept_due=accept_due, resolve_due=max(accept_due, resolve_due))


def working_time(category: Category, calendar: Calendar) -> bool:
    """Whether a non-urgent case of `category` counts its service levels in working time."""
    if category.working_calendar is not None:
        return category.working_calendar
    return calendar.working_hours


def add_duration(
    start_utc: datetime, duration: timedelta, tz_name: str, calendar: Calendar | None = None
) -> datetime:
    """`start_utc + duration` in calendar time, or in working time when a calendar is given."""
    _require_aware(start_utc)
    if duration < timedelta(0):
        raise ValueError("negative duration")
    tz = ZoneInfo(tz_name)
    if calendar is None:
        return add_calendar_time(start_utc, duration, tz)
    return add_working_time(start_utc, duration, calendar, tz)


def add_calendar_time(start_utc: datetime, duration: timedelta, tz: ZoneInfo) -> datetime:
    """Whole days step local wall-clock dates (DST-safe); the remainder is elapsed time."""
    days, rest = divmod(duration, _DAY)
    local = start_utc.astimezone(tz).replace(tzinfo=None) + days * _DAY
    return _localize(local, tz) + rest


def add_working_time(
    start_utc: datetime, duration: timedelta, calendar: Calendar, tz: ZoneInfo
) -> datetime:
    """Walk the calendar's working intervals from `start_utc` until `duration` is used up."""
    remaining = working_length(duration, calendar)
    for begin, end in working_intervals(start_utc, calendar, tz):
        begin = max(begin, start_utc)
        if begin >= end:
            continue
        if remaining <= end - begin:
            return begin + remaining
        remaining -= end - begin
    raise ValueError("the working calendar has no working day")  # pragma: no cover


def working_length(duration: timedelta, calendar: Calendar) -> timedelta:
    """Working time a configured duration stands for: whole days become working days."""
    days, rest = divmod(duration, _DAY)
    return days * day_length(calendar) + rest


def day_length(calendar: Calendar) -> timedelta:
    """Length of one working day (`work_end - work_start`)."""
    length = _on(date(2000, 1, 3), calendar.work_end) - _on(date(2000, 1, 3), calendar.work_start)
    if length <= timedelta(0):
        raise ValueError("work_end must be later than work_start")
    return length


def is_working_day(day: date, calendar: Calendar) -> bool:
    """A listed 调休 workday works; otherwise weekends and listed holidays do not."""
    if day in calendar.workdays:
        return True
    return day.isoweekday() not in calendar.weekend and day not in calendar.holidays


def working_intervals(
    start_utc: datetime, calendar: Calendar, tz: ZoneInfo
) -> Iterator[tuple[datetime, datetime]]:
    """Working intervals (aware UTC) of working days from the local date of `start_utc` on."""
    day_length(calendar)  # validates the window
    day = start_utc.astimezone(tz).date()
    skipped = 0
    while skipped < _MAX_SEARCH_DAYS:
        if is_working_day(day, calendar):
            skipped = 0
            begin = _localize(_on(day, calendar.work_start), tz)
            end = _localize(_on(day, calendar.work_end), tz)
            yield begin, end
        else:
            skipped += 1
        day += _DAY
    raise ValueError("the working calendar has no working day")


def reminder_due(start: datetime, due: datetime) -> datetime:
    """When the 75% reminder of a deadline running from `start` to `due` is due."""
    return start + (due - start) * REMINDER_FRACTION


def _on(day: date, at: time) -> datetime:
    return datetime.combine(day, at)


def _localize(local_naive: datetime, tz: ZoneInfo) -> datetime:
    """Attach `tz` to a local wall time and convert to UTC.

    With fold=0 an ambiguous wall time (DST end) is its first occurrence and a nonexistent one
    (DST gap) is read with the pre-transition offset, i.e. it moves forward past the gap.
    """
    return local_naive.replace(tzinfo=tz).astimezone(UTC)


def _require_aware(value: datetime) -> None:
    if value.tzinfo is None:
        raise ValueError("naive datetime given to the SLA functions")
