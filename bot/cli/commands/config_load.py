"""`griddesk config load [DIR]`: validate, then write the configuration in one transaction."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import click

from bot.cli.commands.db_cmd import resolve_url, shown
from bot.cli.database import opened
from bot.cli.options import database_option
from models.clock import SystemClock
from models.config.loader import check_config
from models.config.schema import GridDeskConfig
from models.config.sync import SyncReport, sync_config


async def load_into(url: str, config: GridDeskConfig) -> SyncReport:
    """Upgrade the schema, then sync `config` into it and commit (all or nothing)."""
    async with opened(url, SystemClock(), migrate=True) as uows, uows() as uow:
        report = await sync_config(uow, config)
        await uow.commit()
        return report


@click.command("load")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@database_option
@click.option("-v", "--verbose", is_flag=True, help="List every created or changed row.")
def load(directory: Path | None, url: str | None, verbose: bool) -> None:
    """Validate DIRECTORY (default: GRIDDESK_CONFIG or the bundled demo) and load it."""
    from bot.settings import Settings

    directory = directory or Settings().config_dir
    config, problems = check_config(directory)
    if config is None:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(problems)} problem(s) in {directory}; nothing was written", err=True)
        sys.exit(1)
    url = resolve_url(url)
    try:
        report = asyncio.run(load_into(url, config))
    except Exception as exc:
        click.echo(f"loading into {shown(url)} failed, nothing was written: {exc}", err=True)
        sys.exit(1)
    if verbose:
        for change in report.changes:
            click.echo(change)
    grids = sum(1 for _ in config.district.grids())
    click.echo(
        f"loaded {directory} into {shown(url)}: district {config.district.code} "
        f"{config.district.name}, {grids} grids, {len(config.taxonomy.categories)} categories"
    )
    click.echo(f"rows: {report}")
