"""The sweeper loop under a scaled clock and the 民情日报告 scheduler (bot.workers.sweeper)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.workers.sweeper import (
    MIN_WALL_SLEEP,
    DailyReportScheduler,
    PlainDailyReports,
    run_sweeper,
    send_daily_reports,
    wall_interval,
)
from handlers.render import render_row
from models.clock import FixedClock, ScaledClock
from models.config.schema import GridDeskConfig
from models.orm import OutboxRow, TicketEventRow
from models.uow import UnitOfWorkFactory
from tests.escalation.helpers import ReportNotifier, make_ticket, outbox

SH = ZoneInfo("Asia/Shanghai")


def test_wall_interval_scales_with_the_time_scale() -> None:
    assert wall_interval(timedelta(minutes=1), 1) == 60
    assert wall_interval(timedelta(hours=1), 3600) == 1.0
    assert wall_interval(timedelta(minutes=1), 3600) == MIN_WALL_SLEEP
    assert wall_interval(30.0, 10) == 3.0


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_scaled_clock_breach_is_acted_on_by_the_running_loop(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    scaled = ScaledClock(3600, start=datetime(2026, 11, 21, 10, 0, tzinfo=SH))
    factory = UnitOfWorkFactory(uow_factory.sessions, scaled)
    async with factory() as uow:
        ticket = await make_ticket(uow, demo_config, at=scaled.now())
        await uow.commit()
    accept_due = ticket.accept_due_at
    assert accept_due is not None

    task = asyncio.create_task(
        run_sweeper(
            factory,
            scaled,
            demo_config,
            ReportNotifier(),
            timedelta(minutes=1),
            daily_reports=False,
        )
    )
    escalated: list[tuple[datetime, int | None, int | None]] = []
    for _ in range(300):  # a generous bound: 30 s wall = 30 h of domain time
        await asyncio.sleep(0.1)
        async with factory() as uow:
            rows = (
                await uow.session.execute(
                    select(TicketEventRow).where(TicketEventRow.action == "escalated")
                )
            ).scalars()
            escalated = [(row.at, row.from_level, row.to_level) for row in rows]
        if escalated:
            break
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert task.cancelled()
    assert escalated, "the running sweeper never escalated the breached ticket"
    [(escalated_at, from_level, to_level)] = escalated
    assert escalated_at >= accept_due
    assert (from_level, to_level) == (0, 1)


def recipients(config: GridDeskConfig) -> set[str]:
    workers = {w.code for _, _, grid in config.district.grids() for w in grid.workers}
    secretaries = {c.party_org.head.code for _, c in config.district.communities()}
    return workers | secretaries


async def test_daily_reports_go_once_a_day_to_whoever_has_something_to_read(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    clock.set(datetime(2026, 11, 21, 7, 0, tzinfo=SH))
    async with uow_factory() as uow:
        await make_ticket(uow, demo_config, at=datetime(2026, 11, 20, 20, 0, tzinfo=SH))
        await uow.commit()
    notifier = ReportNotifier()
    scheduler = DailyReportScheduler(uow_factory, clock, demo_config, notifier)
    assert scheduler.next_at == datetime(2026, 11, 21, 8, 0, tzinfo=SH)
    clock.set(datetime(2026, 11, 21, 7, 59, tzinfo=SH))
    assert await scheduler.tick() == 0
    concerned = {"MDHY-01-W1", "MDHY-S"}  # all-zero reports of the other units are not sent
    assert concerned < recipients(demo_config)
    clock.set(datetime(2026, 11, 21, 8, 0, tzinfo=SH))
    assert await scheduler.tick() == len(concerned)
    assert await scheduler.tick() == 0
    async with uow_factory() as uow:
        rows = await outbox(uow, "daily_report")
        assert {row.person_code for row in rows} == concerned
        mine = next(row for row in rows if row.person_code == "MDHY-01-W1")
        figures = mine.snapshot["report"]
        assert (figures["scope_code"], figures["new"], figures["overdue"]) == (
            "MDHY-01",
            1,
            1,
        )
        secretary = next(row for row in rows if row.person_code == "MDHY-S")
        assert secretary.snapshot["report"]["scope_code"] == "MDHY"

    # A restart the same morning sends again, but the outbox keys keep one copy.
    await send_daily_reports(
        uow_factory, clock, demo_config, notifier, scheduler.next_at.date() - timedelta(days=1)
    )
    async with uow_factory() as uow:
        assert len(await outbox(uow, "daily_report")) == len(concerned)

    clock.set(datetime(2026, 11, 22, 8, 0, tzinfo=SH))
    assert await scheduler.tick() == len(concerned)  # the ticket is still open
    async with uow_factory() as uow:
        assert len(await outbox(uow, "daily_report")) == 2 * len(concerned)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_scheduler_catches_up_a_recent_miss_only(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    async with uow_factory() as uow:  # something to report, every day
        await make_ticket(uow, demo_config, at=datetime(2026, 11, 20, 20, 0, tzinfo=SH))
        await uow.commit()
    late = FixedClock(datetime(2026, 11, 21, 11, 0, tzinfo=SH))
    scheduler = DailyReportScheduler(uow_factory, late, demo_config, PlainDailyReports(SH.key))
    assert scheduler.next_at == datetime(2026, 11, 21, 8, 0, tzinfo=SH)
    too_late = FixedClock(datetime(2026, 11, 21, 13, 0, tzinfo=SH))
    scheduler = DailyReportScheduler(uow_factory, too_late, demo_config, PlainDailyReports(SH.key))
    assert scheduler.next_at == datetime(2026, 11, 22, 8, 0, tzinfo=SH)
    too_late.set(datetime(2026, 11, 25, 9, 0, tzinfo=SH))  # stalled for days: no backlog
    assert await scheduler.tick() == 2  # the grid worker and the community secretary
    assert scheduler.next_at == datetime(2026, 11, 26, 8, 0, tzinfo=SH)
    async with uow_factory() as uow:
        keys = {
            row.key.split(":")[1]
            for row in (await uow.session.execute(select(OutboxRow))).scalars()
        }
        assert keys == {"20261125"}


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_plain_daily_report_text(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    notifier = PlainDailyReports(demo_config.district.timezone)
    async with uow_factory() as uow:
        await make_ticket(uow, demo_config, at=clock.now() - timedelta(hours=2))
        await uow.commit()
    await send_daily_reports(uow_factory, clock, demo_config, notifier, clock.now().date())
    async with uow_factory() as uow:
        texts = [render_row(row)["text"] for row in await uow.outbox.rows()
                 if row.chat_id == 710101]  # MDHY-01-W1
    assert len(texts) == 1
    assert texts[0].startswith("民情日报告 · 明德花园第一网格（MDHY-01）")
