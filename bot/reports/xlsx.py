"""The XLSX workbook: a summary sheet and one 网格事务台账 sheet per grid with every ticket."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from bot.reports.content import count_cells, satisfaction_cells, time_cells
from bot.reports.exports import put
from models.config.schema import GridDeskConfig
from models.reports import assessment
from models.reports.ledger import LedgerEntry, ledger_summary
from models.reports.monthly import MonthlyReport, category_name
from models.reports.phrasing import LEVEL_LABELS, RATING_LABELS, hours
from models.reports.summary import headline, title

SUMMARY_SHEET = "汇总"
LEDGER_HEADERS = [
    "序号",
    "工单编号",
    "登记时间",
    "类别",
    "社区",
    "楼栋",
    "地址",
    "诉求内容",
    "紧急",
    "状态",
    "当前层级",
    "最高层级",
    "首次受理时间",
    "受理用时（小时）",
    "办结时间",
    "办结用时（小时）",
    "是否按期办结",
    "评价",
    "重新办理次数",
    "办理经过",
]
WIDTHS = [6, 20, 17, 11, 14, 6, 18, 46, 6, 12, 14, 14, 17, 10, 17, 10, 8, 9, 8, 70]
HEADER_FILL = PatternFill("solid", fgColor="DDE6F3")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, used: set[str]) -> str:
    """An Excel-safe, unique sheet name of at most 31 characters."""
    base = _BAD_SHEET_CHARS.sub("_", name)[:31] or "sheet"
    candidate, n = base, 2
    while candidate in used:
        suffix = f"({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def _header(sheet: Worksheet, row: int, headers: Sequence[str]) -> None:
    for column, text in enumerate(headers, start=1):
        cell = put(sheet, row, column, text)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _table(
    sheet: Worksheet,
    row: int,
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
) -> int:
    put(sheet, row, 1, caption).font = BOLD
    _header(sheet, row + 1, headers)
    current = row + 2
    for values in rows:
        for column, value in enumerate(values, start=1):
            put(sheet, current, column, value)
        current += 1
    return current + 1


def write_summary(sheet: Worksheet, report: MonthlyReport) -> None:
    sheet.title = SUMMARY_SHEET
    put(sheet, 1, 1, title(report)).font = Font(bold=True, size=14)
    row = 2
    for line in headline(report):
        put(sheet, row, 1, line)
        row += 1
    row += 1
    counts = ["受理", "办结", "按期办结", "在办", "驳回", "上报", "办结率", "按期办结率"]
    row = _table(
        sheet,
        row,
        "分类别情况",
        ["类别", *counts],
        [[r.name, *_numbers(count_cells(r))] for r in report.by_category if r.received]
        + [["合计", *_numbers(count_cells(report.total))]],
    )
    row = _table(
        sheet,
        row,
        "分网格情况",
        [
            "网格",
            *counts,
            "评价数",
            "满意",
            "基本满意",
            "不满意",
            "重新办理率",
            "受理用时中位数",
            "受理用时90%分位",
            "办结用时中位数",
            "办结用时90%分位",
        ],
        [
            [r.name, *_numbers(count_cells(r)), *_numbers(satisfaction_cells(r)), *time_cells(r)]
            for r in report.by_grid
        ],
    )
    row = _assessment_tables(sheet, row, report)
    _table(
        sheet,
        row,
        "同比环比",
        ["类别", "本月", "上月", "去年同月"],
        [
            [c.name, c.current, c.month_ago, c.year_ago]
            for c in [*report.changes, report.total_change]
        ],
    )
    sheet.column_dimensions["A"].width = 22
    for letter in "BCDEFGHIJKLMNOPQR":
        sheet.column_dimensions[letter].width = 12


def _assessment_tables(sheet: Worksheet, row: int, report: MonthlyReport) -> int:
    """考核: the ranked workers and grids of the scope."""
    ranked = report.assessment
    if ranked is None or not (ranked.workers or ranked.grids):
        return row
    put(sheet, row, 1, assessment.weights_phrase(ranked.weights))
    row = _table(sheet, row + 1, "网格员考核", ["网格员", *assessment.HEADERS],
                 [[r.name, *_numbers(assessment.cells(r)[:-1]), r.score]
                  for r in ranked.workers])
    return _table(sheet, row, "网格考核", ["网格", *assessment.HEADERS],
                  [[r.name, *_numbers(assessment.cells(r)[:-1]), r.score] for r in ranked.grids])


def _numbers(cells: Sequence[str]) -> list[object]:
    """Whole numbers as numbers, the rest (percentages, 3（1/1/1/0）) as text."""
    return [int(cell) if cell.isdigit() else cell for cell in cells]


def ledger_row(index: int, entry: LedgerEntry, config: GridDeskConfig, tz: str) -> list[object]:
    fact = entry.fact
    zone = ZoneInfo(tz)

    def local(at: datetime | None) -> str:
        return "" if at is None else f"{at.astimezone(zone):%Y-%m-%d %H:%M}"

    accept = (fact.accepted_at - fact.created_at).total_seconds() if fact.accepted_at else None
    resolve = (fact.resolved_at - fact.created_at).total_seconds() if fact.resolved_at else None
    try:
        community = config.community(fact.community_code)[1].name if fact.community_code else ""
    except KeyError:
        community = fact.community_code or ""
    return [
        index,
        fact.number,
        local(fact.created_at),
        category_name(config, fact.category_code),
        community,
        fact.building,
        fact.address_text or "",
        entry.text,
        ("是·" + fact.urgent_frame if fact.urgent_frame else "是") if fact.urgent else "",
        entry.status_label,
        LEVEL_LABELS.get(fact.level, ""),
        LEVEL_LABELS.get(fact.max_level, ""),
        local(fact.accepted_at),
        hours(accept),
        local(fact.resolved_at),
        hours(resolve),
        ("是" if entry.on_time else "否") if fact.finished else "",
        RATING_LABELS.get(entry.rating or "", ""),
        fact.reopens,
        "\n".join(entry.path),
    ]


def write_ledger(
    sheet: Worksheet, heading: str, entries: Sequence[LedgerEntry], config: GridDeskConfig, tz: str
) -> None:
    collected, resolved, rejected, remaining = ledger_summary(entries)
    put(sheet, 1, 1, heading).font = Font(bold=True, size=13)
    put(
        sheet,
        2,
        1,
        f"这个月搜集了{collected}条，解决了{resolved}条，驳回{rejected}条，剩下{remaining}条。",
    )
    _header(sheet, 3, LEDGER_HEADERS)
    for index, entry in enumerate(entries, start=1):
        for column, value in enumerate(ledger_row(index, entry, config, tz), start=1):
            cell = put(sheet, index + 3, column, value)
            if column in (8, 20):
                cell.alignment = WRAP
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(row=3, column=column).column_letter].width = width
    sheet.freeze_panes = "C4"


def new_workbook(report: MonthlyReport) -> Workbook:
    workbook = Workbook()
    write_summary(workbook.active, report)
    return workbook


def save(workbook: Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
