"""`griddesk retention run`: prune old rows once (the bot and `griddesk worker` also do it
periodically); the periods are the GRIDDESK_RETAIN_* settings."""

from __future__ import annotations

import asyncio

import click


async def run_once() -> str:
    from bot.app import make_clock
    from bot.cli.database import opened
    from bot.settings import Settings
    from bot.workers.retention import retention_policy
    from models.retention import prune

    settings = Settings()
    clock = make_clock(settings)
    async with opened(settings.database_url_value(), clock) as uows:
        result = await prune(uows, clock, retention_policy(settings))
    return result.describe()


@click.group("retention")
def retention_group() -> None:
    """Delete rows kept longer than the retention periods (docs/privacy.md)."""


@retention_group.command("run")
def run() -> None:
    """One retention pass now; prints how many rows of each kind were pruned."""
    click.echo(f"pruned: {asyncio.run(run_once())}")
