"""Write a monthly report to a directory: Markdown, HTML, PNG charts and the XLSX ledgers."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tqdm import tqdm

from bot.reports.charts import render_charts
from bot.reports.content import build_document
from bot.reports.document import to_html, to_markdown
from bot.reports.xlsx import new_workbook, save, sheet_title, write_ledger
from models.config.schema import GridDeskConfig
from models.reports.ledger import LedgerEntry, ledger
from models.reports.month import Month
from models.reports.monthly import NO_GRID, MonthlyReport, monthly_report
from models.uow import UnitOfWork


@dataclass
class ReportFiles:
    report: MonthlyReport
    markdown: Path
    html: Path
    xlsx: Path
    charts: dict[str, Path] = field(default_factory=dict)

    @property
    def all(self) -> list[Path]:
        return [self.markdown, self.html, self.xlsx, *self.charts.values()]


def base_name(scope: str, month: Month) -> str:
    return f"monthly-{scope}-{month.key}"


async def write_monthly_report(
    uow: UnitOfWork,
    config: GridDeskConfig,
    scope: str,
    month: Month,
    out_dir: Path,
    *,
    as_of: datetime | None = None,
    progress: bool = False,
) -> ReportFiles:
    """Compute the figures of `scope` for `month` and write every file into `out_dir`."""
    with tqdm(total=5, desc="月度报告", unit="步", disable=not progress, file=sys.stderr) as bar:
        bar.set_postfix_str("统计")
        report = await monthly_report(uow, config, scope, month, as_of=as_of)
        bar.update()
        bar.set_postfix_str("台账")
        entries = await ledger(uow, config, report)
        bar.update()
        return await asyncio.to_thread(write_files, report, entries, config, out_dir, bar)


def write_files(
    report: MonthlyReport,
    entries: list[LedgerEntry],
    config: GridDeskConfig,
    out_dir: Path,
    bar: tqdm[None] | None = None,
) -> ReportFiles:
    """The blocking part: charts, Markdown, HTML and the workbook."""
    out_dir.mkdir(parents=True, exist_ok=True)
    base = base_name(report.scope_code, report.month)

    def advance(label: str) -> None:
        if bar is not None:
            bar.set_postfix_str(label)
            bar.update()

    charts = render_charts(report, out_dir, prefix=f"{base}-")
    advance("图表")
    document = build_document(report, {name: path.name for name, path in charts.items()})
    markdown = out_dir / f"{base}.md"
    markdown.write_text(to_markdown(document), encoding="utf-8")
    html = out_dir / f"{base}.html"
    html.write_text(to_html(document), encoding="utf-8")
    advance("报告")
    progress = bar is not None and not bar.disable
    xlsx = write_workbook(report, entries, config, out_dir / f"{base}.xlsx", progress)
    advance("完成")
    return ReportFiles(report, markdown, html, xlsx, charts)


def grid_sheets(
    report: MonthlyReport, entries: list[LedgerEntry]
) -> list[tuple[str, str, list[LedgerEntry]]]:
    """(code, name, entries) per grid of the scope, plus 未分网格 when such tickets exist."""
    by_grid: dict[str, list[LedgerEntry]] = {}
    for entry in entries:
        by_grid.setdefault(entry.fact.grid_code or NO_GRID, []).append(entry)
    return [
        (row.key, row.name, by_grid.get(row.key, []))
        for row in report.by_grid
        if row.key != NO_GRID or by_grid.get(NO_GRID)
    ]


def write_workbook(
    report: MonthlyReport,
    entries: list[LedgerEntry],
    config: GridDeskConfig,
    path: Path,
    progress: bool = False,
) -> Path:
    workbook = new_workbook(report)
    used = {workbook.active.title}
    sheets = grid_sheets(report, entries)
    for code, name, items in tqdm(
        sheets, desc="网格台账", unit="格", disable=not progress, file=sys.stderr, leave=False
    ):
        sheet = workbook.create_sheet(sheet_title(name, used))
        heading = f"网格事务台账 · {name}（{code}）· {report.month.label}"
        write_ledger(sheet, heading, items, config, report.timezone)
    return save(workbook, path)
