"""`griddesk bench report`: the monthly report over 100,000 simulated tickets on PostgreSQL.

Simulates the history once (through the real engine, `griddesk simulate`), then times the
figures and the written report of several scopes. Prints figures, never fails on a slow machine.
A database that already holds the tickets is reused unless `--fresh` is given.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

import click
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from bot.cli.commands.db_cmd import shown

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/griddesk_bench"
END = date(2026, 11, 1)


async def _admin(url: str, statement: str) -> None:
    from models.db import create_engine

    server = make_url(url).set(database="postgres")
    engine = create_engine(
        server.render_as_string(hide_password=False),
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
    )
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def _count(url: str) -> int:
    from models.db import create_engine
    from models.orm import TicketRow

    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            return int((await connection.execute(select(func.count(TicketRow.id)))).scalar_one())
    except Exception:
        return 0
    finally:
        await engine.dispose()


async def prepare(url: str, tickets: int, days: int, seed: int, fresh: bool) -> None:
    from bot.cli.commands.simulate_cmd import simulate_into

    name = make_url(url).database
    have = 0 if fresh else await _count(url)
    if have >= tickets * 0.9:
        click.echo(f"复用已有数据库 {shown(url)}：{have} 件工单")
        return
    await _admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await _admin(url, f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    lines = await simulate_into(url, None, days, tickets / days, seed, END, True)
    elapsed = time.perf_counter() - started
    click.echo(f"模拟 {days} 天历史用时 {elapsed:.1f} 秒")
    for line in lines:
        click.echo(f"  {line}")


async def measure(url: str, scopes: list[str], month: str) -> list[str]:
    from bot.cli.commands.report_monthly_cmd import config_for
    from bot.reports.writer import write_monthly_report
    from models.clock import FixedClock
    from models.db import create_engine, session_factory
    from models.reports.month import Month
    from models.reports.monthly import monthly_report
    from models.uow import UnitOfWorkFactory

    config = config_for(None)
    chosen = Month.parse(month)
    engine = create_engine(url)
    tz = ZoneInfo(config.district.timezone)
    factory = UnitOfWorkFactory(
        session_factory(engine), FixedClock(datetime.combine(END, clock_time(0), tz))
    )
    lines = [f"数据库 {shown(url)}：{await _count(url)} 件工单；报告月份 {chosen.label}"]
    try:
        for scope in scopes:
            async with factory() as uow:
                started = time.perf_counter()
                report = await monthly_report(uow, config, scope, chosen)
                figures = time.perf_counter() - started
            with tempfile.TemporaryDirectory() as out:
                async with factory() as uow:
                    started = time.perf_counter()
                    files = await write_monthly_report(uow, config, scope, chosen, Path(out))
                    written = time.perf_counter() - started
                size = sum(path.stat().st_size for path in files.all) / 1024
            lines.append(
                f"{scope:>8}：本月 {report.total.received} 件；统计 {figures * 1000:.0f} 毫秒，"
                f"写出全部文件（图表、Markdown、HTML、台账）{written:.2f} 秒，共 {size:.0f} KB"
            )
    finally:
        await engine.dispose()
    return lines


@click.command("report")
@click.option(
    "--database",
    "--url",
    "url",
    default=DEFAULT_URL,
    show_default=True,
    help="PostgreSQL database to fill (dropped and recreated when simulating).",
)
@click.option(
    "--tickets",
    type=click.IntRange(100, 2_000_000),
    default=100_000,
    show_default=True,
    help="Tickets to simulate.",
)
@click.option("--days", type=click.IntRange(30, 3660), default=400, show_default=True)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--fresh", is_flag=True, help="Simulate again even if the database has the data.")
@click.option("--month", default="2026-10", show_default=True, help="Month to report on.")
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    default=("TBH", "XZ", "MDHY", "MDHY-01"),
    show_default=True,
    help="Scopes to time (repeatable).",
)
def bench_report(
    url: str, tickets: int, days: int, seed: int, fresh: bool, month: str, scopes: tuple[str, ...]
) -> None:
    """Time the monthly report over a simulated history of TICKETS tickets."""
    if make_url(url).get_backend_name() != "postgresql":
        raise click.BadParameter("the benchmark runs on PostgreSQL", param_hint="--database")
    asyncio.run(prepare(url, tickets, days, seed, fresh))
    for line in asyncio.run(measure(url, list(scopes), month)):
        click.echo(line)
