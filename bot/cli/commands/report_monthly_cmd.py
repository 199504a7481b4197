"""`griddesk report monthly --month 2026-10 --scope CODE [--out DIR]`: 群众诉求情况分析报告."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from bot.cli.commands.db_cmd import resolve_url
from bot.cli.database import opened
from bot.cli.options import config_option, database_option
from models.clock import SystemClock
from models.config.loader import load_config
from models.config.schema import GridDeskConfig
from models.reports.daily import UnknownScope
from models.reports.month import Month


def config_for(directory: Path | None) -> GridDeskConfig:
    """The configuration of `directory`, else GRIDDESK_CONFIG, else the bundled demo."""
    from bot.settings import Settings

    return load_config(directory or Settings().config_dir)


def previous_month(config: GridDeskConfig) -> Month:
    now = SystemClock().now().astimezone(ZoneInfo(config.district.timezone))
    return Month.of(now.date()).shift(-1)


async def write_report(
    url: str, config: GridDeskConfig, scope: str, month: Month, out: Path, progress: bool
) -> list[str]:
    """Write the report files; returns the summary lines to print."""
    from bot.reports.writer import write_monthly_report
    from models.reports.summary import headline

    async with opened(url, SystemClock()) as uows, uows() as uow:
        files = await write_monthly_report(uow, config, scope, month, out, progress=progress)
    return [*headline(files.report), "", *[f"已写出 {path}" for path in files.all]]


def month_type(value: str) -> Month:
    try:
        return Month.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.command("monthly")
@click.option(
    "--month",
    "month",
    default=None,
    metavar="YYYY-MM",
    help="Month to report on (default: last month).",
)
@click.option(
    "--scope",
    default=None,
    metavar="CODE",
    help="District, street, community or grid code (default: the district).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports"),
    show_default=True,
    help="Directory for the files.",
)
@database_option
@config_option
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
def monthly(
    month: str | None,
    scope: str | None,
    out: Path,
    url: str | None,
    config_dir: Path | None,
    progress: bool,
) -> None:
    """Write the monthly analysis: Markdown, HTML, PNG charts and the XLSX grid ledgers."""
    config = config_for(config_dir)
    chosen = month_type(month) if month else previous_month(config)
    code = scope or config.district.code
    try:
        lines = asyncio.run(write_report(resolve_url(url), config, code, chosen, out, progress))
    except UnknownScope as exc:
        click.echo(
            f"未知的范围代码 {exc.args[0]}：请使用网格、社区、街道（镇）或区的代码。", err=True
        )
        sys.exit(1)
    for line in lines:
        click.echo(line)
