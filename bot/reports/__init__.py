"""Rendering of the monthly analysis: Markdown, HTML, PNG charts and the XLSX ledgers.

`FileRenderer` draws the bot's `/report` files; the bot hands it to the core at start-up
(`Services.reports`), which cannot import this package itself.
"""

from __future__ import annotations

from pathlib import Path

from models.config.schema import GridDeskConfig
from models.reports.ledger import LedgerEntry
from models.reports.monthly import MonthlyReport


def chart_files(report: MonthlyReport, out_dir: Path) -> list[Path]:
    """Every chart of `report` as PNG files in `out_dir`."""
    from bot.reports.charts import render_charts
    from bot.reports.writer import base_name

    prefix = f"{base_name(report.scope_code, report.month)}-"
    return list(render_charts(report, out_dir, prefix=prefix).values())


def ledger_file(
    report: MonthlyReport, entries: list[LedgerEntry], config: GridDeskConfig, out_dir: Path
) -> Path:
    """The ledger workbook of `report` (summary sheet plus one sheet per grid)."""
    from bot.reports.writer import base_name, write_workbook

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{base_name(report.scope_code, report.month)}-台账.xlsx"
    return write_workbook(report, entries, config, path)


class FileRenderer:
    """`handlers.reports.ReportRenderer` drawn with this package."""

    def charts(self, report: MonthlyReport, out_dir: Path) -> list[Path]:
        return chart_files(report, out_dir)

    def ledger(self, report: MonthlyReport, entries: list[LedgerEntry], config: GridDeskConfig,
               out_dir: Path) -> Path:
        return ledger_file(report, entries, config, out_dir)
