"""`griddesk report daily --date D --scope CODE`: the 民情日报告 on the command line.

`report` is a group so that more reports (`report monthly`) can be added to it.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import click

from bot.cli.commands.db_cmd import resolve_url
from bot.cli.database import opened
from bot.cli.lazy import LazyGroup
from bot.cli.options import database_option
from models.clock import SystemClock
from models.reports.daily import UnknownScope, daily_report, render_report


@click.group(
    "report",
    cls=LazyGroup,
    lazy={"monthly": "bot.cli.commands.report_monthly_cmd:monthly"},
)
def report_group() -> None:
    """Reports over the tickets in the database."""


async def daily_text(url: str, scope: str | None, day: date | None) -> str:
    """The rendered daily report of `scope` (default: the district) for `day` (default: today)."""
    clock = SystemClock()
    async with opened(url, clock) as uows, uows() as uow:
        district = await uow.org.district()
        if district is None:
            raise click.ClickException("数据库里还没有辖区配置，请先运行 griddesk config load。")
        day = day or clock.now().astimezone(ZoneInfo(district.timezone)).date()
        report = await daily_report(uow, scope or district.code, day, district.timezone)
        return render_report(report, district.timezone)


@report_group.command("daily")
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Report date YYYY-MM-DD (default: today); counts cover the day before.",
)
@click.option(
    "--scope",
    default=None,
    help="Grid, community, street or district code (default: the district).",
)
@database_option
def daily(day: datetime | None, scope: str | None, url: str | None) -> None:
    """Print the 民情日报告: new, open, overdue and resolved-yesterday tickets of a scope."""
    try:
        text = asyncio.run(daily_text(resolve_url(url), scope, day.date() if day else None))
    except UnknownScope as exc:
        click.echo(
            f"未知的范围代码 {exc.args[0]}：请使用网格、社区、街道（镇）或区的代码。", err=True
        )
        sys.exit(1)
    click.echo(text)
