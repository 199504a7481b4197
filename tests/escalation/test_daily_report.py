"""民情日报告: counts per scope (models.reports.daily) and `griddesk report daily`."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from models import lifecycle
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.db import create_engine, session_factory
from models.reports.daily import (
    DailyReport,
    OverdueItem,
    UnknownScope,
    daily_report,
    render_report,
)
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.escalation.helpers import accept, make_ticket

SH = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 21)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=SH)


async def seed(uow: UnitOfWork, config: GridDeskConfig) -> dict[str, str]:
    """Five tickets around 20 November 2026 (see each comment)."""
    t1 = await make_ticket(uow, config, at=at(20, 9))  # resolved yesterday
    await accept(uow, t1.number, "MDHY-01-W1", at(20, 10))
    uow.events.add(lifecycle.resolve(t1, now=at(20, 15), actor="MDHY-01-W1", note="已修好"))
    t2 = await make_ticket(uow, config, at=at(20, 20))  # never accepted: accept due 20th 22:00
    t3 = await make_ticket(uow, config, at=at(19, 10), grid="MDHY-02")  # resolve due 20th 10:00
    await accept(uow, t3.number, "MDHY-02-W1", at(19, 11))
    t4 = await make_ticket(uow, config, at=at(21, 9))  # filed today, in time
    t5 = await make_ticket(uow, config, at=at(20, 12), grid="JDXC-01", community="JDXC")
    await uow.flush()
    return {"t1": t1.number, "t2": t2.number, "t3": t3.number, "t4": t4.number, "t5": t5.number}


def counts(report: DailyReport) -> tuple[int, int, int, int]:
    return report.new, report.open, report.overdue, report.resolved_yesterday


async def test_counts_per_scope(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    clock.set(at(21, 10))
    async with uow_factory() as uow:
        n = await seed(uow, demo_config)
        await uow.commit()
    async with uow_factory() as uow:
        grid = await daily_report(uow, "MDHY-01", TODAY, "Asia/Shanghai")
        assert counts(grid) == (2, 2, 1, 1)
        assert (grid.scope_kind, grid.scope_name) == ("grid", "明德花园第一网格")
        assert [(i.number, i.kind, i.due, i.level) for i in grid.overdue_items] == [
            (n["t2"], "accept", at(20, 22), 0)
        ]

        community = await daily_report(uow, "MDHY", TODAY, SH)
        assert counts(community) == (2, 3, 2, 1)
        assert [i.number for i in community.overdue_items] == [n["t3"], n["t2"]]
        assert community.overdue_items[0].kind == "resolve"
        assert community.overdue_items[0].category_name == "漏水渗水"

        street = await daily_report(uow, "XZ", TODAY, SH)
        assert counts(street) == (2, 3, 2, 1)
        other_street = await daily_report(uow, "SQ", TODAY, SH)
        assert counts(other_street) == (1, 1, 1, 0)
        district = await daily_report(uow, "TBH", TODAY, SH)
        assert counts(district) == (3, 4, 3, 1)
        assert district.scope_kind == "district"

        with pytest.raises(UnknownScope):
            await daily_report(uow, "NOPE", TODAY, SH)


async def test_a_past_day_is_reconstructed_at_its_end(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    clock.set(at(21, 10))
    async with uow_factory() as uow:
        n = await seed(uow, demo_config)
        await uow.commit()
    async with uow_factory() as uow:
        report = await daily_report(uow, "MDHY", date(2026, 11, 20), SH)
        assert report.as_of == at(21, 0)
        # created on the 19th: t3; open at midnight: t2, t3; overdue then: both.
        assert counts(report) == (1, 2, 2, 0)
        before = await daily_report(uow, "MDHY", date(2026, 11, 20), SH, as_of=at(20, 12))
        # at noon on the 20th: t1 (accepted, resolved at 15:00) and t3 open; t3 overdue.
        assert counts(before)[1:3] == (2, 1)
        assert [i.number for i in before.overdue_items] == [n["t3"]]


def test_render_in_chinese_with_a_bounded_list() -> None:
    items = [
        OverdueItem(
            f"TBH-20261120-{i:04d}",
            "water_leak",
            "漏水渗水",
            1,
            "MDHY-01-B",
            "resolve",
            at(20, 10) + timedelta(minutes=i),
        )
        for i in range(35)
    ]
    report = DailyReport(
        "MDHY-01", "grid", "明德花园第一网格", TODAY, at(21, 8), 3, 40, 35, 2, items
    )
    text = render_report(report, "Asia/Shanghai")
    assert text.splitlines()[:6] == [
        "民情日报告 · 明德花园第一网格（MDHY-01）",
        "2026年11月21日（统计 11月20日，截至 11-21 08:00）",
        "昨日新增：3 件",
        "在办：40 件",
        "超期：35 件",
        "昨日办结：2 件",
    ]
    assert "1. TBH-20261120-0000 漏水渗水 · 办结时限 11-20 10:00 · 网格党支部" in text
    assert "TBH-20261120-0029" in text and "TBH-20261120-0030" not in text
    assert text.endswith("……另有 5 件超期工单未列出")
    empty = DailyReport("MDHY-01", "grid", "明德花园第一网格", TODAY, at(21, 8), 0, 0, 0, 0)
    assert render_report(empty, SH).endswith("无超期工单。")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_cli_prints_the_report(db_url: str, demo_config: GridDeskConfig) -> None:
    async def prepare() -> None:
        engine = create_engine(db_url)
        try:
            factory = UnitOfWorkFactory(session_factory(engine), FixedClock(at(21, 10)))
            async with factory() as uow:
                await sync_config(uow, demo_config)
                await seed(uow, demo_config)
                await uow.commit()
        finally:
            await engine.dispose()

    asyncio.run(prepare())
    from bot.cli import main

    runner = CliRunner()
    result = runner.invoke(
        main, ["report", "daily", "--date", "2026-11-21", "--scope", "MDHY-01", "--url", db_url]
    )
    assert result.exit_code == 0, result.output
    assert "民情日报告 · 明德花园第一网格（MDHY-01）" in result.output
    assert "昨日新增：2 件" in result.output and "昨日办结：1 件" in result.output
    assert "受理时限 11-20 22:00" in result.output

    result = runner.invoke(main, ["report", "daily", "--scope", "NOPE", "--url", db_url])
    assert result.exit_code == 1
    assert "未知的范围代码 NOPE" in result.output


async def test_yesterdays_urgent_tickets_are_listed_with_their_frame(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    clock.set(at(21, 10))
    async with uow_factory() as uow:
        await seed(uow, demo_config)
        missing = await make_ticket(uow, demo_config, at=at(20, 18), urgent=True)
        missing.urgent_frame = "有人走失"
        await make_ticket(uow, demo_config, at=at(20, 19), urgent=True)  # filed before frames
        await make_ticket(uow, demo_config, at=at(21, 8), urgent=True)  # today: not yet listed
        await uow.commit()
    async with uow_factory() as uow:
        report = await daily_report(uow, "MDHY-01", TODAY, SH)
    assert [(i.number, i.frame) for i in report.urgent_items] == [
        (missing.number, "有人走失"),
        (report.urgent_items[1].number, None),
    ]
    text = render_report(report, SH)
    assert "昨日紧急诉求：2 件" in text
    assert f"1. {missing.number} 紧急·有人走失 · 漏水渗水" in text
