"""`griddesk simulate --days 400 --per-day N [--seed S] [--database URL]`: realistic history;
`--bulk N`: N tickets over `--days`, written in large batches (a city's scale)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, date, datetime
from pathlib import Path

import click

from bot.cli.commands.db_cmd import resolve_url, shown
from bot.cli.options import config_option, database_option

REBUILD_INDEXES_FROM = 100_000  # tickets; a larger load rebuilds the indexes afterwards


async def simulate_into(
    url: str,
    config_dir: Path | None,
    days: int,
    per_day: float,
    seed: int,
    end: date | None,
    progress: bool,
) -> list[str]:
    """Migrate, load the configuration, simulate; returns the summary lines."""
    from bot.cli.commands.report_monthly_cmd import config_for
    from bot.cli.database import opened
    from bot.demo.simulate import SimOptions, Simulator
    from models.clock import FixedClock
    from models.config.sync import sync_config
    from nlp.router import Router

    config = config_for(config_dir)
    clock = FixedClock(datetime.now(UTC))
    async with opened(url, clock, migrate=True) as factory:
        async with factory() as uow:
            await sync_config(uow, config)
            await uow.commit()
        rules = config_dir / "rules.yaml" if config_dir else None
        router = Router.from_config(config, rules_path=rules if rules and rules.exists() else None)
        options = SimOptions(days=days, per_day=per_day, seed=seed, end=end)
        async with factory() as uow:
            stats = await Simulator(uow, clock, config, router, options).run(progress)
            await uow.commit()
    return stats.lines()


async def simulate_bulk_into(
    url: str, config_dir: Path | None, tickets: int, days: int, seed: int, end: date | None,
    progress: bool,
) -> list[str]:
    """Migrate, load the configuration, write `tickets` lives in batches; the summary lines."""
    import time

    from tqdm import tqdm

    from bot.cli.commands.report_monthly_cmd import config_for
    from bot.cli.database import opened
    from bot.demo.bulk import BulkHistory, BulkOptions, BulkStats, ahead
    from models.clock import FixedClock
    from models.config.sync import sync_config

    config = config_for(config_dir)
    prefix = config.district.ticket_prefix
    stats, started = BulkStats(), time.perf_counter()
    clock = FixedClock(datetime.now(UTC))
    async with opened(url, clock, migrate=True) as factory, factory() as uow:
        await sync_config(uow, config)
        await uow.commit()
        history = BulkHistory(config, BulkOptions(tickets, days, seed, end),
                              await uow.bulk.last_ticket_id() + 1,
                              await uow.bulk.counters(prefix))
        dropped = await uow.bulk.drop_indexes() if tickets >= REBUILD_INDEXES_FROM else []
        await uow.commit()
        with tqdm(total=tickets, desc="批量模拟", unit="件", disable=not progress) as bar:
            async for batch in ahead(history.batches()):
                await uow.bulk.write(batch.tickets, batch.events, batch.ratings)
                await uow.commit()
                stats.add(batch)
                bar.update(len(batch.tickets))
        await uow.bulk.restore_indexes(dropped)
        await uow.bulk.save_counters(prefix, history.counters)
        await uow.bulk.finish()
        await uow.commit()
        await uow.vacuum("tickets", "ticket_events", "ratings", "ticket_counters")
    stats.seconds = time.perf_counter() - started
    return stats.lines()


@click.command("simulate")
@click.option(
    "--days", type=click.IntRange(1, 3660), default=400, show_default=True, help="Days of history."
)
@click.option(
    "--per-day",
    "per_day",
    type=click.FloatRange(0, 5000),
    default=20,
    show_default=True,
    help="Average complaints per day.",
)
@click.option(
    "--bulk",
    type=click.IntRange(1, 10_000_000),
    default=None,
    help="Write this many tickets over --days in large batches instead (ignores --per-day).",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@click.option(
    "--end",
    "end",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Day after the history, YYYY-MM-DD (default: today).",
)
@database_option
@config_option
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
def simulate(
    days: int,
    per_day: float,
    bulk: int | None,
    seed: int,
    end: datetime | None,
    url: str | None,
    config_dir: Path | None,
    progress: bool,
) -> None:
    """Fill a database with realistic complaints through the real routing and ticket lifecycle.

    The same seed and --end give the same history on an empty database."""
    logging.basicConfig(level=logging.WARNING)
    url = resolve_url(url)
    last = end.date() if end else None
    if bulk is not None:
        lines = asyncio.run(simulate_bulk_into(url, config_dir, bulk, days, seed, last, progress))
    else:
        lines = asyncio.run(simulate_into(url, config_dir, days, per_day, seed, last, progress))
    click.echo(f"模拟完成：{shown(url)}")
    for line in lines:
        click.echo(line)
