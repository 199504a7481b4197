"""The written report: Markdown, HTML, the XLSX read back, PNG charts in the CJK font."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from matplotlib.font_manager import findfont
from matplotlib.text import Text
from openpyxl import load_workbook
from PIL import Image

from bot.reports.charts import CHARTS
from bot.reports.fonts import FONT_FAMILY, cjk_font_path
from bot.reports.writer import ReportFiles, write_monthly_report
from models.config.schema import GridDeskConfig
from models.orm import TicketRow
from models.reports.month import Month
from models.reports.monthly import monthly_report
from models.uow import UnitOfWorkFactory
from tests.reports.conftest import OCTOBER

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def write(
    factory: UnitOfWorkFactory,
    config: GridDeskConfig,
    scope: str,
    out: Path,
    month: Month = OCTOBER,
) -> ReportFiles:
    async with factory() as uow:
        return await write_monthly_report(uow, config, scope, month, out)


async def test_markdown_and_html(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    tmp_path: Path,
) -> None:
    files = await write(uow_factory, demo_config, "MDHY", tmp_path)
    markdown = files.markdown.read_text(encoding="utf-8")
    assert markdown.startswith("# 明德花园社区2026年10月群众诉求情况分析报告\n")
    assert "工单数量同比下降12.5%，环比下降36.36%。" in markdown
    assert "## 三、同比环比变化" in markdown
    assert "| 环境卫生 | 1 | 4 | 下降75% | 0 | 新增1件 |" in markdown
    assert (
        "| 明德花园第一网格 | 3 | 3 | 2 | 0 | 0 | 1（1/0/0/0） | 100% | 66.67% | 2天 |" in markdown
    )
    assert "| 明德花园社区3号楼 | 明德花园第一网格 | 2 | 漏水渗水2件 |" in markdown
    for chart in files.charts.values():
        assert f"]({chart.name})" in markdown
    html = files.html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    assert "<h2>一、总体情况</h2>" in html and "<td>明德花园第一网格</td>" in html
    assert html.count("<img ") == len(files.charts)


async def test_workbook_read_back(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    tmp_path: Path,
) -> None:
    files = await write(uow_factory, demo_config, "MDHY", tmp_path)
    book = load_workbook(files.xlsx)
    assert book.sheetnames == ["汇总", "明德花园第一网格", "明德花园第二网格", "明德花园第三网格"]
    summary = book["汇总"]
    assert summary["A1"].value == "明德花园社区2026年10月群众诉求情况分析报告"
    cells = [[cell.value for cell in r] for r in summary.iter_rows()]
    assert ["合计", 7, 4, 3, 2, 1, "2（1/1/0/0）", "57.14%", "75%"] in [c[:9] for c in cells]

    first = book["明德花园第一网格"]
    assert first["A1"].value == "网格事务台账 · 明德花园第一网格（MDHY-01）· 2026年10月"
    assert first["A2"].value == "这个月搜集了3条，解决了3条，驳回0条，剩下0条。"
    headers = [cell.value for cell in first[3]]
    rows = [
        dict(zip(headers, (c.value for c in r), strict=True)) for r in first.iter_rows(min_row=4)
    ]
    assert [r["工单编号"] for r in rows] == [month_tickets[k].number for k in ("T1", "T2", "T3")]
    t1, t2, t3 = rows
    assert t1["登记时间"] == "2026-10-01 00:10" and t1["受理用时（小时）"] == 0.5
    assert (t1["状态"], t1["是否按期办结"], t1["评价"]) == ("已办结", "是", "满意")
    assert (t2["是否按期办结"], t2["办结用时（小时）"], t2["评价"]) == ("否", 48, "基本满意")
    assert t3["重新办理次数"] == 1 and t3["最高层级"] == "网格党支部"
    path = t3["办理经过"].split("\n")
    assert path == [
        "10-12 08:00 登记，派至网格员",
        "10-12 08:10 王晓东接单",
        "10-13 08:00 王晓东办结：已处理",
        "10-13 12:00 居民评价“不满意”，重新办理，转网格党支部",
        "10-13 13:00 赵玉兰接单",
        "10-14 08:00 赵玉兰办结：已处理",
        "10-14 10:00 居民评价“满意”，结案",
    ]
    third = book["明德花园第三网格"]
    assert third["A2"].value == "这个月搜集了2条，解决了0条，驳回1条，剩下1条。"
    t7_path = third.cell(row=5, column=20).value
    assert t7_path == "10-31 22:00 登记，派至网格员"  # later events are after as_of


async def test_empty_month_is_a_valid_report(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig, tmp_path: Path
) -> None:
    files = await write(uow_factory, demo_config, "MDHY", tmp_path, Month(2026, 3))
    markdown = files.markdown.read_text(encoding="utf-8")
    assert "明德花园社区2026年3月没有收到群众诉求，本月无工单。" in markdown
    book = load_workbook(files.xlsx)
    assert len(book.sheetnames) == 4
    assert book["明德花园第二网格"]["A2"].value == "这个月搜集了0条，解决了0条，驳回0条，剩下0条。"
    assert all(path.stat().st_size > 5000 for path in files.charts.values())


def _distinct_colours(path: Path) -> int:
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    return len(colours or [])


async def test_charts_are_real_pictures(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        files = await write(uow_factory, demo_config, "MDHY", tmp_path)
    assert not [r for r in caplog.records if "missing from font" in r.getMessage()]
    assert set(files.charts) == {"categories", "trend", "on_time_by_grid", "satisfaction_by_grid"}
    for path in files.charts.values():
        with Image.open(path) as image:
            assert image.format == "PNG" and image.width >= 600 and image.height >= 300
        assert path.stat().st_size > 15_000
        assert _distinct_colours(path) > 50  # text anti-aliasing and bars, not a blank canvas


async def test_chart_text_uses_the_bundled_cjk_font(
    month_tickets: dict[str, TicketRow], uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    async with uow_factory() as uow:
        report = await monthly_report(uow, demo_config, "MDHY", OCTOBER)
    cmap = TTFont(cjk_font_path(), fontNumber=0).getBestCmap()
    seen = 0
    for build in CHARTS.values():
        figure = build(report)
        figure.canvas.draw()
        for text in figure.findobj(Text):
            content = text.get_text()
            if not any("\u4e00" <= ch <= "\u9fff" for ch in content):
                continue
            seen += 1
            assert text.get_fontname() == FONT_FAMILY
            assert Path(findfont(text.get_fontproperties())) == cjk_font_path()
            assert all(ord(ch) in cmap for ch in content if not ch.isspace())
    assert seen >= 12  # titles, axis labels, category and grid names, legends


async def test_the_assessment_is_ranked_in_every_format(
    month_tickets: dict[str, TicketRow],
    uow_factory: UnitOfWorkFactory,
    demo_config: GridDeskConfig,
    tmp_path: Path,
) -> None:
    """October without visits: 王晓东 100 × (.30 + .15 + .20×2/3 + .10 + .10×2/3) = 75.0,
    李浩然 100 × (.30 + .15/2 + .20/2 + .10/2 + .10) = 62.5, 周敏 100 × .20/.70 = 28.6."""
    files = await write(uow_factory, demo_config, "MDHY", tmp_path)
    markdown = files.markdown.read_text(encoding="utf-8")
    assert "得分权重：群众满意率30%、按时受理率15%、按期办结率20%" in markdown
    for row in ("王晓东 | 明德花园第一网格 | 1 | 3 | 0 | 3/3 | 2/3 | 0 | 1 | 100% | 0/198户 | 75.0",
                "李浩然 | 明德花园第二网格 | 2 | 2 | 0 | 1/2 | 1/2 | 1 | 0 | 100% | 0/204户 | 62.5",
                "周敏 | 明德花园第三网格 | 3 | 2 | 0 | 0/2 | 0/2 | 0 | 0 | — | 0/186户 | 28.6"):
        assert f"| {row} |" in markdown, row
    html = files.html.read_text(encoding="utf-8")
    assert "<td>王晓东</td>" in html and "<td>75.0</td>" in html
    summary = load_workbook(files.xlsx)["汇总"]
    rows = [[cell.value for cell in r] for r in summary.iter_rows()]
    assert ["王晓东", 1, 3, 0, "3/3", "2/3", 0, 1, "100%", "0/198户", 75.0] in [
        r[:11] for r in rows]
    assert ["明德花园第二网格", 2, 2, 0, "1/2", "1/2", 1, 0, "100%", "0/204户", 62.5] in [
        r[:11] for r in rows]
