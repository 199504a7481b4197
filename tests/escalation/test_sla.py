"""Deadlines in calendar and working time (models.sla)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.config.schema import Calendar, Category, Taxonomy
from models.sla import (
    Deadlines,
    add_duration,
    compute_deadlines,
    is_working_day,
    reminder_due,
    working_intervals,
)

SH = "Asia/Shanghai"
SHZ = ZoneInfo(SH)

# 2024 National Day: 1-7 October off, Sunday 29 September and Saturday 12 October worked (调休).
CAL = Calendar(
    holidays=[date(2024, 10, d) for d in range(1, 8)],
    workdays=[date(2024, 9, 29), date(2024, 10, 12)],
)


def cat(working: bool = True, accept: str | None = None, resolve: str = "1d") -> Category:
    return Category.model_validate(
        {
            "code": "water_leak",
            "name": "漏水渗水",
            "name_hant": "漏水滲水",
            "accept_within": accept,
            "resolve_within": resolve,
            "working_calendar": working,
            "departments": ["物业服务企业"],
        }
    )


def tax(category: Category, urgent_resolve: str | None = None) -> Taxonomy:
    return Taxonomy.model_validate(
        {
            "default_accept_within": "2h",
            "urgent_accept_within": "10m",
            "urgent_resolve_within": urgent_resolve,
            "categories": [category.model_dump()],
        }
    )


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0, tz: str = SH) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def deadlines(start: datetime, category: Category, urgent: bool = False, **kw: str) -> Deadlines:
    return compute_deadlines(category, tax(category, **kw), CAL, SH, start, urgent)


# --- calendar time --------------------------------------------------------------------------


def test_calendar_time_counts_nights_and_weekends() -> None:
    result = deadlines(local(2024, 9, 20, 20), cat(working=False))  # Friday 20:00
    assert result.accept_due == local(2024, 9, 20, 22)
    assert result.resolve_due == local(2024, 9, 21, 20)  # Saturday 20:00


def test_calendar_time_ignores_holidays() -> None:
    result = deadlines(local(2024, 9, 30, 16), cat(working=False, resolve="3d"))
    assert result.resolve_due == local(2024, 10, 3, 16)


def test_category_accept_within_overrides_default() -> None:
    result = deadlines(local(2024, 9, 18, 10), cat(working=False, accept="30m"))
    assert result.accept_due == local(2024, 9, 18, 10, 30)


def test_calendar_day_keeps_local_wall_time_across_dst() -> None:
    berlin = "Europe/Berlin"
    start = local(2024, 3, 30, 12, tz=berlin)  # the night before clocks go forward
    due = add_duration(start, timedelta(days=1), berlin)
    assert due == local(2024, 3, 31, 12, tz=berlin)
    assert due - start == timedelta(hours=23)
    autumn = local(2024, 10, 26, 12, tz=berlin)
    assert add_duration(autumn, timedelta(days=1), berlin) - autumn == timedelta(hours=25)


def test_hours_are_elapsed_time_across_dst() -> None:
    berlin = "Europe/Berlin"
    start = local(2024, 3, 31, 1, 30, tz=berlin)
    assert add_duration(start, timedelta(hours=2), berlin) - start == timedelta(hours=2)


# --- working time ---------------------------------------------------------------------------


def test_working_time_within_a_working_day() -> None:
    result = deadlines(local(2024, 9, 18, 10), cat())  # Wednesday 10:00
    assert result.accept_due == local(2024, 9, 18, 12)
    assert result.resolve_due == local(2024, 9, 19, 10)  # one working day: Thursday 10:00


def test_friday_evening_waits_for_monday() -> None:
    result = deadlines(local(2024, 9, 20, 20), cat())  # Friday 20:00
    assert result.accept_due == local(2024, 9, 23, 11)  # Monday 11:00
    assert result.resolve_due == local(2024, 9, 23, 17, 30)  # end of Monday


def test_friday_afternoon_spills_into_monday() -> None:
    result = deadlines(local(2024, 9, 20, 16, 30), cat())  # Friday 16:30
    assert result.accept_due == local(2024, 9, 23, 10)  # 1h Friday + 1h Monday
    assert result.resolve_due == local(2024, 9, 23, 16, 30)


def test_early_morning_starts_at_work_start() -> None:
    assert deadlines(local(2024, 9, 18, 7), cat()).accept_due == local(2024, 9, 18, 11)


def test_start_at_work_end_moves_to_next_working_day() -> None:
    assert deadlines(local(2024, 9, 18, 17, 30), cat()).accept_due == local(2024, 9, 19, 11)


def test_listed_holidays_are_skipped() -> None:
    result = deadlines(local(2024, 9, 30, 16), cat())  # Monday before the National Day week
    assert result.accept_due == local(2024, 10, 8, 9, 30)  # 1.5h Monday, 0.5h Tuesday 8 Oct
    assert result.resolve_due == local(2024, 10, 8, 16)  # 1.5h + 7h


def test_tiaoxiu_sunday_is_worked() -> None:
    result = deadlines(local(2024, 9, 28, 10), cat())  # Saturday: off; Sunday 29: worked
    assert result.accept_due == local(2024, 9, 29, 11)
    assert result.resolve_due == local(2024, 9, 29, 17, 30)


def test_tiaoxiu_saturday_after_holiday_is_worked() -> None:
    result = deadlines(local(2024, 10, 11, 17), cat())  # Friday 17:00, Saturday 12 Oct worked
    assert result.accept_due == local(2024, 10, 12, 10, 30)
    assert result.resolve_due == local(2024, 10, 12, 17)  # 0.5h Friday + 8h Saturday


def test_several_working_days() -> None:
    result = deadlines(local(2024, 9, 18, 10), cat(resolve="3d"))  # Wednesday
    assert result.resolve_due == local(2024, 9, 23, 10)  # Thu, Fri, Mon


def test_urgent_runs_in_calendar_time_even_with_working_calendar() -> None:
    result = deadlines(local(2024, 9, 20, 23), cat(), urgent=True)  # Friday 23:00
    assert result.accept_due == local(2024, 9, 20, 23, 10)
    assert result.resolve_due == local(2024, 9, 21, 23)


def test_urgent_resolve_within_applies_when_shorter() -> None:
    start = local(2024, 9, 18, 10)
    result = deadlines(start, cat(resolve="3d"), urgent=True, urgent_resolve="4h")
    assert result.resolve_due == start + timedelta(hours=4)
    longer = deadlines(start, cat(resolve="1d"), urgent=True, urgent_resolve="2d")
    assert longer.resolve_due == start + timedelta(days=1)


def test_resolve_never_before_accept() -> None:
    result = deadlines(local(2024, 9, 18, 10), cat(accept="2d", resolve="1h"))
    assert result.resolve_due == result.accept_due


def test_working_window_across_dst_uses_real_elapsed_time() -> None:
    calendar = Calendar(work_start=time(1, 0), work_end=time(5, 0), weekend=[])
    berlin = "Europe/Berlin"
    start = local(2024, 3, 31, 1, tz=berlin)  # 02:00-03:00 does not exist that night
    due = add_duration(start, timedelta(hours=4), berlin, calendar)
    assert due == local(2024, 4, 1, 2, tz=berlin)  # the 01:00-05:00 window lasts 3h that night


def test_is_working_day_rules() -> None:
    assert is_working_day(date(2024, 9, 18), CAL)
    assert not is_working_day(date(2024, 9, 21), CAL)
    assert not is_working_day(date(2024, 10, 2), CAL)
    assert is_working_day(date(2024, 9, 29), CAL)


def test_broken_calendars_are_rejected() -> None:
    start = local(2024, 9, 18, 10)
    with pytest.raises(ValueError):
        add_duration(start, timedelta(hours=1), SH, Calendar(weekend=[1, 2, 3, 4, 5, 6, 7]))
    with pytest.raises(ValueError):
        add_duration(start, timedelta(hours=1), SH, Calendar(work_start=time(18), work_end=time(9)))
    with pytest.raises(ValueError):
        add_duration(start.replace(tzinfo=None), timedelta(hours=1), SH)


# --- reminders ------------------------------------------------------------------------------


def test_reminder_at_three_quarters() -> None:
    start = local(2024, 9, 18, 10)
    assert reminder_due(start, start + timedelta(hours=4)) == start + timedelta(hours=3)
    assert reminder_due(start, start + timedelta(days=1)) == start + timedelta(hours=18)


# --- properties -----------------------------------------------------------------------------


def worked_between(start: datetime, end: datetime) -> timedelta:
    total = timedelta(0)
    for begin, stop in working_intervals(start, CAL, SHZ):
        if begin >= end:
            return total
        total += max(timedelta(0), min(stop, end) - max(begin, start))
    raise AssertionError("unreachable")


starts = st.datetimes(
    min_value=datetime(2024, 9, 1), max_value=datetime(2024, 10, 31), timezones=st.just(UTC)
)
minutes = st.integers(min_value=1, max_value=60 * 24 * 10)


@settings(max_examples=150, deadline=None)
@given(start=starts, minutes=minutes)
def test_working_deadline_spends_exactly_the_working_length(start: datetime, minutes: int) -> None:
    duration = timedelta(minutes=minutes)
    due = add_duration(start, duration, SH, CAL)
    days, rest = divmod(duration, timedelta(days=1))
    assert worked_between(start, due) == days * timedelta(hours=8, minutes=30) + rest
    due_local = due.astimezone(SHZ)
    assert is_working_day(due_local.date(), CAL)
    assert time(9) < due_local.time() <= time(17, 30)


@settings(max_examples=100, deadline=None)
@given(start=starts, later=st.integers(min_value=0, max_value=60 * 24 * 5), minutes=minutes)
def test_working_deadline_is_monotonic(start: datetime, later: int, minutes: int) -> None:
    duration = timedelta(minutes=minutes)
    earlier_due = add_duration(start, duration, SH, CAL)
    later_due = add_duration(start + timedelta(minutes=later), duration, SH, CAL)
    assert later_due >= earlier_due
