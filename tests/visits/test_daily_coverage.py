"""The 民情日报告 states the month's visit coverage, per grid for a community."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from models.orm import VisitRow
from models.reports.daily import daily_report, render_report
from models.uow import UnitOfWorkFactory

SH = ZoneInfo("Asia/Shanghai")


def _visit(person: str, grid: str, at: datetime, room: str | None) -> VisitRow:
    return VisitRow(at=at, person_code=person, grid_code=grid, building=1, unit="1", room=room,
                    outcome="none", ticket_ids=[])


async def test_the_daily_report_counts_households_visited_this_month(
        uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        uow.session.add_all([
            _visit("MDHY-01-W1", "MDHY-01", datetime(2026, 11, 3, 10, tzinfo=SH), "101"),
            _visit("MDHY-01-W1", "MDHY-01", datetime(2026, 11, 9, 10, tzinfo=SH), "101"),
            _visit("MDHY-01-W1", "MDHY-01", datetime(2026, 11, 9, 11, tzinfo=SH), None),
            _visit("MDHY-02-W1", "MDHY-02", datetime(2026, 11, 20, 16, tzinfo=SH), "801"),
            _visit("MDHY-02-W1", "MDHY-02", datetime(2026, 10, 31, 16, tzinfo=SH), "802"),
            _visit("SYST-01-W1", "SYST-01", datetime(2026, 11, 5, 16, tzinfo=SH), "101"),
        ])
        await uow.commit()
    async with uow_factory() as uow:
        community = await daily_report(uow, "MDHY", date(2026, 11, 21), SH)
        grid = await daily_report(uow, "MDHY-01", date(2026, 11, 21), SH)
    assert (community.visited, community.households) == (3, 198 + 204 + 186)
    assert community.coverage == [("明德花园第一网格", 2, 198), ("明德花园第二网格", 1, 204),
                                  ("明德花园第三网格", 0, 186)]
    lines = render_report(community, SH).splitlines()
    assert "11月入户走访：3 户 / 共 588 户（覆盖率 0.51%）" in lines
    assert "  · 明德花园第一网格：2/198 户" in lines
    assert (grid.visited, grid.households, grid.coverage) == (2, 198, [])
    assert "11月入户走访：2 户 / 共 198 户（覆盖率 1.01%）" in render_report(grid, SH)
