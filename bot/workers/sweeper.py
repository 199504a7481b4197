"""The escalation sweeper loop and the 民情日报告 scheduler, in the bot or in `griddesk worker`.

The loop sleeps `interval` of domain time between passes, i.e. `interval / time_scale` wall
seconds (at least MIN_WALL_SLEEP), so under GRIDDESK_TIME_SCALE=3600 a breach is acted on within
about a second of wall time. Cancelling the task stops it cleanly: a pass in progress is rolled
back (its unit of work never commits half a batch) and the next sweeper picks it up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from handlers.messages import REPORT
from handlers.tickets import TicketService
from handlers.unrated import close_unrated
from models.clock import Clock
from models.config.schema import GridDeskConfig
from models.escalation import SweepResult
from models.orm import PersonRow
from models.reports.daily import (
    DailyReport,
    DailyReportNotifier,
    daily_report,
    report_recipients,
    report_snapshot,
)
from models.uow import UnitOfWork

log = logging.getLogger("griddesk.sweeper")

DEFAULT_INTERVAL = timedelta(seconds=60)  # domain time between passes
MIN_WALL_SLEEP = 0.2
MAX_ERROR_BACKOFF = 60.0
BATCH = 200
CATCH_UP = timedelta(hours=4)  # a report missed by less than this is still sent on start


UowFactory = Callable[[], UnitOfWork]


class PlainDailyReports:
    """Daily reports as the plain `render_report` text, for notifiers that have no own layout."""

    def __init__(self, tz: str) -> None:
        self.tz = tz

    async def daily_report(
        self, uow: UnitOfWork, person: PersonRow, report: DailyReport, *, tag: str
    ) -> None:
        if person.chat_id is None:
            return
        await uow.outbox.add(
            key=f"{tag}:{person.code}",
            chat_id=person.chat_id,
            kind=REPORT,
            snapshot={"report": report_snapshot(report), "tz": self.tz},
            person_code=person.code,
        )


def wall_interval(interval: timedelta | float, time_scale: float) -> float:
    """Wall seconds to sleep for `interval` of domain time under `time_scale`."""
    seconds = interval.total_seconds() if isinstance(interval, timedelta) else float(interval)
    return max(MIN_WALL_SLEEP, seconds / max(time_scale, 1e-9))


def clock_scale(clock: Clock) -> float:
    """The time scale of a ScaledClock, 1 for any other clock."""
    scale = getattr(clock, "scale", 1.0)
    return float(scale) if isinstance(scale, int | float) else 1.0


async def sweep(
    uow: UnitOfWork,
    clock: Clock,
    config: GridDeskConfig,
    limit: int = BATCH,
    service: TicketService | None = None,
) -> SweepResult:
    """One pass: escalate up to `limit` breached tickets one level, then send due reminders.

    The tickets are found (and, on PostgreSQL, claimed with SKIP LOCKED, so several sweepers
    act on each breach once) by the ticket repository; `TicketService` acts on each, the way a
    staff 上报 does. Does not commit: the caller commits (and runs another pass when
    `result.claimed == limit`). `service`: a TicketService of this unit of work to act with
    (the simulator's writes no messages)."""
    now = clock.now()
    service = service or TicketService(uow, clock, config)
    result = SweepResult()
    overdue = await uow.tickets.overdue(now, limit)
    result.claimed = len(overdue)
    for item in overdue:
        result.add(await _guarded(uow, result, item.ticket.number,
                                  service.escalate_overdue, item))
    for stage in await uow.tickets.reminders_due(now, limit):
        result.add(await _guarded(uow, result, stage.ticket.number, service.remind, stage))
    return result


async def _guarded(uow: UnitOfWork, result: SweepResult, number: str, action: Any,
                   item: Any) -> Any:
    """Run one ticket's action in a savepoint: one broken ticket does not stop the rest."""
    try:
        async with uow.savepoint():
            return await action(item)
    except Exception:
        log.exception("escalation sweep failed on ticket %s", number)
        result.failed.append(number)
        return None


async def sweep_until_idle(
    uow_factory: UowFactory, clock: Clock, config: GridDeskConfig, batch: int = BATCH
) -> SweepResult:
    """Run passes (one transaction each) until a pass leaves nothing breached to claim."""
    total = SweepResult()
    while True:
        async with uow_factory() as uow:
            result = await sweep(uow, clock, config, batch)
            await uow.commit()
        total.merge(result)
        # Claimed rows nobody can act on (failures, a chain with no level above) end the round.
        if result.claimed < batch or result.acted == 0:
            return total


class DailyReportScheduler:
    """Sends each day's reports once the district's `daily_report_at` local time has come."""

    def __init__(
        self,
        uow_factory: UowFactory,
        clock: Clock,
        config: GridDeskConfig,
        notifier: DailyReportNotifier,
    ) -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self.config = config
        self.notifier = notifier
        self.zone = ZoneInfo(config.district.timezone)
        self.next_at = self.first_run(clock.now())

    def report_instant(self, day: date) -> datetime:
        at: time = self.config.district.daily_report_at
        return datetime.combine(day, at, tzinfo=self.zone)

    def first_run(self, now: datetime) -> datetime:
        """Today's report time, unless it passed more than CATCH_UP ago: then tomorrow's."""
        today = self.report_instant(now.astimezone(self.zone).date())
        if now - today > CATCH_UP:
            return self.report_instant(today.date() + timedelta(days=1))
        return today

    async def tick(self) -> int:
        """Send the due day's reports when their time has come; how many were queued."""
        now = self.clock.now()
        if now - self.next_at > CATCH_UP:  # stalled for long: skip the stale days
            self.next_at = self.first_run(now)
        if now < self.next_at:
            return 0
        day = self.next_at.date()
        sent = await send_daily_reports(
            self.uow_factory, self.clock, self.config, self.notifier, day
        )
        self.next_at = self.report_instant(day + timedelta(days=1))
        return sent


def nothing_to_say(report: DailyReport) -> bool:
    """An all-zero report (nothing new, open, overdue or resolved, no visit) is not sent."""
    return not (report.new or report.open or report.overdue or report.resolved_yesterday
                or report.overdue_items or report.visited)


async def send_daily_reports(
    uow_factory: UowFactory,
    clock: Clock,
    config: GridDeskConfig,
    notifier: DailyReportNotifier,
    day: date,
) -> int:
    """Each grid worker and community secretary gets the report of their scope, unless it is
    all zero (one transaction per recipient; outbox keys make a repeat for the same day
    harmless)."""
    tz = config.district.timezone
    async with uow_factory() as uow:
        recipients = [(person.code, scope) for person, scope in await report_recipients(uow)]
    sent = 0
    for person_code, scope in recipients:
        async with uow_factory() as uow:
            person = await uow.org.person(person_code)
            if person is None:
                continue
            report = await daily_report(uow, scope, day, tz, as_of=clock.now())
            if nothing_to_say(report):
                continue
            await notifier.daily_report(uow, person, report, tag=f"daily:{day:%Y%m%d}:{scope}")
            await uow.commit()
            sent += 1
    log.info("daily reports of %s queued for %d recipients", day, sent)
    return sent


async def close_unrated_round(
    uow_factory: UowFactory, clock: Clock, config: GridDeskConfig, after: timedelta
) -> list[str]:
    """One transaction: resolved cases nobody rated within `after` close as 未评价."""
    async with uow_factory() as uow:
        closed = await close_unrated(uow, clock, config, after)
        await uow.commit()
    if closed:
        log.info("closed %d unrated resolved tickets", len(closed))
    return closed


async def run_sweeper(
    uow_factory: UowFactory,
    clock: Clock,
    config: GridDeskConfig,
    reports: DailyReportNotifier | None = None,
    interval: timedelta | float = DEFAULT_INTERVAL,
    *,
    time_scale: float | None = None,
    daily_reports: bool = True,
    batch: int = BATCH,
    unrated_close_after: timedelta | None = None,
) -> None:
    """Sweep for breaches and reminders forever (until cancelled); send the daily reports
    (plain text unless `reports` lays them out); close resolved cases left unrated for
    `unrated_close_after` (None: never)."""
    scale = time_scale if time_scale is not None else clock_scale(clock)
    pause = wall_interval(interval, scale)
    scheduler = (
        DailyReportScheduler(
            uow_factory, clock, config, reports or PlainDailyReports(config.district.timezone)
        )
        if daily_reports
        else None
    )
    log.info("sweeper started: every %.2fs wall (time scale %g)", pause, scale)
    failures = 0
    try:
        while True:
            try:
                result = await sweep_until_idle(uow_factory, clock, config, batch)
                if result.acted:
                    log.info(
                        "sweep: %d escalated, %d reminders, %d top-level overdue",
                        len(result.escalated),
                        len(result.reminders),
                        len(result.top_level),
                    )
                if scheduler is not None:
                    await scheduler.tick()
                if unrated_close_after is not None:
                    await close_unrated_round(uow_factory, clock, config, unrated_close_after)
                failures = 0
            except Exception:
                failures += 1
                log.exception("sweep failed (%d in a row)", failures)
            await asyncio.sleep(min(MAX_ERROR_BACKOFF, pause * 2**failures))
    except asyncio.CancelledError:
        log.info("sweeper stopped")
        raise
