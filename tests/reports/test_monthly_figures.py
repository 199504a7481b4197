"""Every figure of the hand-built October 2026 (see fixture_month.py), worked out by hand."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from models.config.schema import GridDeskConfig
from models.orm import TicketRow
from models.reports.daily import UnknownScope
from models.reports.month import Month
from models.reports.monthly import Figures, MonthlyReport, monthly_report, percentile
from models.reports.summary import headline
from models.uow import UnitOfWorkFactory
from tests.reports.conftest import OCTOBER

TZ = ZoneInfo("Asia/Shanghai")
HOUR = 3600.0


async def report_for(
    factory: UnitOfWorkFactory, config: GridDeskConfig, scope: str, month: Month = OCTOBER
) -> MonthlyReport:
    async with factory() as uow:
        return await monthly_report(uow, config, scope, month)


def row(rows: list[Figures], key: str) -> Figures:
    return next(item for item in rows if item.key == key)


async def test_totals_of_the_community(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    report = await report_for(uow_factory, demo_config, "MDHY")
    assert report.scope_kind == "community"
    assert report.as_of == datetime(2026, 11, 1, tzinfo=TZ)
    t = report.total
    # T1..T7 (T8 is November, T9 another community)
    assert t.received == 7
    assert (t.resolved, t.on_time, t.open, t.rejected) == (4, 3, 2, 1)
    assert t.escalated == 2 and t.escalated_to == {1: 1, 2: 1}
    assert t.open_levels == {0: 1, 2: 1}  # T7 with its worker, T4 at the community
    assert t.urgent == 1
    assert (t.ever_resolved, t.reopened) == (4, 1)
    assert t.ratings == {"satisfied": 3, "basically": 1, "unsatisfied": 1}
    # acceptance: 5m, 10m, 30m, 60m, 3h → median 30m; P90 at 3.6 → 60m + 0.6 × 120m = 132m
    assert sorted(t.accept_seconds) == [300, 600, 1800, 3600, 10800]
    assert t.accept_median == 1800
    assert t.accept_p90 == pytest.approx(7920)
    # resolution: 45m, 6h, 48h (T2), 48h (T3, standing resolution) → median 27h, P90 48h
    assert sorted(t.resolve_seconds) == [2700, 6 * HOUR, 48 * HOUR, 48 * HOUR]
    assert t.resolve_median == 27 * HOUR
    assert t.resolve_p90 == 48 * HOUR


async def test_events_after_as_of_are_ignored(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    report = await report_for(uow_factory, demo_config, "MDHY-03")
    t7 = next(f for f in report.facts if f.number == month_tickets["T7"].number)
    assert t7.status == "assigned" and t7.accepted_at is None and t7.resolved_at is None
    assert not t7.ever_resolved
    t4 = next(
        f
        for f in (await report_for(uow_factory, demo_config, "MDHY-02")).facts
        if f.number == month_tickets["T4"].number
    )
    assert (t4.status, t4.level, t4.max_level, t4.escalations, t4.breached) == (
        "accepted",
        2,
        2,
        2,
        True,
    )


async def test_by_grid_and_by_category(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    report = await report_for(uow_factory, demo_config, "MDHY")
    assert [r.key for r in report.by_grid] == ["MDHY-01", "MDHY-02", "MDHY-03"]
    g1, g2, g3 = report.by_grid
    assert (g1.received, g1.resolved, g1.on_time, g1.open, g1.escalated) == (3, 3, 2, 0, 1)
    assert g1.ratings == {"satisfied": 2, "basically": 1, "unsatisfied": 1}
    assert g1.resolve_median == 48 * HOUR
    assert (g2.received, g2.resolved, g2.on_time, g2.open, g2.urgent) == (2, 1, 1, 1, 1)
    assert g2.escalated_to == {2: 1} and g2.ratings == {"satisfied": 1}
    assert (g3.received, g3.resolved, g3.open, g3.rejected, g3.rated) == (2, 0, 1, 1, 0)
    assert [r.key for r in report.slowest_grids] == ["MDHY-01", "MDHY-02"]

    water = row(report.by_category, "water_leak")
    assert (water.received, water.resolved, water.on_time) == (2, 2, 1)  # T2 was late
    prop = row(report.by_category, "property_service")
    assert (prop.received, prop.on_time, prop.reopened, prop.escalated_to) == (1, 1, 1, {1: 1})
    noise = row(report.by_category, "noise")
    assert (noise.received, noise.rejected, noise.open) == (2, 1, 1)
    assert row(report.by_category, "parking").received == 0


async def test_month_on_month_and_year_on_year(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    report = await report_for(uow_factory, demo_config, "MDHY")
    changes = {c.key: (c.current, c.month_ago, c.year_ago) for c in report.changes}
    assert changes == {
        "water_leak": (2, 3, 5),
        "elevator": (1, 1, 0),
        "property_service": (1, 2, 2),
        "sanitation": (1, 4, 0),
        "noise": (2, 1, 1),
    }
    total = report.total_change
    assert (total.current, total.month_ago, total.year_ago) == (7, 11, 8)
    assert [(p.month.key, p.received, p.resolved) for p in report.trend if p.received] == [
        ("2025-10", 8, 0),
        ("2026-09", 11, 0),
        ("2026-10", 7, 4),
    ]
    assert len(report.trend) == 13 and report.trend[0].month == Month(2025, 10)


async def test_headline_reads_like_the_reports(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    report = await report_for(uow_factory, demo_config, "MDHY")
    assert headline(report) == [
        "明德花园社区2026年10月共受理群众诉求7件，已办结4件（办结率57.14%），"
        "其中按期办结3件（按期办结率75%），在办2件，驳回1件。",
        "工单数量同比下降12.5%，环比下降36.36%。",
        "环比看，环境卫生、物业服务、漏水渗水分别减少75%、50%、33.33%；噪音扰民增加100%。",
        "受理用时中位数30分钟、90%分位2.2小时；办结用时中位数27小时、90%分位2天。",
        "收到居民评价5条，满意60%、基本满意20%、不满意20%；因不满意重新办理1件，重新办理率25%。",
        "逐级上报2件（最高上报至网格党支部1件、社区党组织1件）。",
        "紧急诉求1件。",
    ]


async def test_repeat_addresses_and_urgent_cases(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    report = await report_for(uow_factory, demo_config, "MDHY")
    repeats = [
        (r.community_code, r.building, r.count, r.categories, r.grid_code)
        for r in report.repeat_addresses
    ]
    assert repeats == [
        ("MDHY", 3, 2, [("漏水渗水", 2)], "MDHY-01"),
        ("MDHY", 14, 2, [("噪音扰民", 2)], "MDHY-03"),
    ]
    assert [f.number for f in report.urgent_cases] == [month_tickets["T5"].number]


async def test_urgent_cases_carry_their_danger_frame(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    async with uow_factory() as uow:
        ticket = await uow.session.get(TicketRow, month_tickets["T5"].id)
        assert ticket is not None
        ticket.urgent_frame = "有人被困电梯"
        await uow.commit()
    report = await report_for(uow_factory, demo_config, "MDHY")
    assert [f.urgent_frame for f in report.urgent_cases] == ["有人被困电梯"]
    assert headline(report)[-1] == "紧急诉求1件（有人被困电梯1件）。"


async def test_scopes(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    district = await report_for(uow_factory, demo_config, "TBH")
    assert district.total.received == 8 and district.total.open == 3  # T9 added
    assert len(district.by_grid) == 10
    street = await report_for(uow_factory, demo_config, "XZ")
    assert street.total.received == 8
    grid = await report_for(uow_factory, demo_config, "MDHY-01")
    assert grid.scope_kind == "grid" and grid.total.received == 3
    november = await report_for(uow_factory, demo_config, "MDHY", Month(2026, 11))
    assert november.total.received == 1  # T8, filed 00:30 local on 1 November
    with pytest.raises(UnknownScope):
        await report_for(uow_factory, demo_config, "NOPE")


async def test_empty_month(uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig) -> None:
    report = await report_for(uow_factory, demo_config, "TBH", Month(2026, 3))
    assert report.empty and report.total.received == 0
    assert report.total.accept_median is None and report.slowest_grids == []
    assert headline(report) == ["太白湖新区2026年3月没有收到群众诉求，本月无工单。"]


def test_percentile_interpolates() -> None:
    assert percentile([], 50) is None
    assert percentile([5], 90) == 5
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([10, 20, 30, 40, 50], 90) == pytest.approx(46)
