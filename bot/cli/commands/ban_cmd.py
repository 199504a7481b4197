"""`griddesk ban|unban <telegram-id>`: a ban list (of Telegram accounts) every handler honours."""

from __future__ import annotations

import asyncio

import click


async def set_ban(user_id: int, banned: bool, reason: str | None) -> bool:
    """Add or remove a ban; True when something changed."""
    from bot.app import make_clock
    from bot.cli.database import opened
    from bot.settings import Settings

    settings = Settings()
    url, clock = settings.database_url_value(), make_clock(settings)
    async with opened(url, clock, migrate=True) as uows, uows() as uow:
        changed = await uow.accounts.set_ban(user_id, banned, reason)
        await uow.commit()
        return changed


@click.command("ban")
@click.argument("telegram_id", type=int)
@click.option("--reason", default=None, help="Why (kept with the ban, never shown to the user).")
def ban(telegram_id: int, reason: str | None) -> None:
    """Refuse every message and button press of TELEGRAM_ID."""
    changed = asyncio.run(set_ban(telegram_id, True, reason))
    click.echo(f"{telegram_id} banned" if changed else f"{telegram_id} was already banned")


@click.command("unban")
@click.argument("telegram_id", type=int)
def unban(telegram_id: int) -> None:
    """Lift the ban of TELEGRAM_ID."""
    changed = asyncio.run(set_ban(telegram_id, False, None))
    click.echo(f"{telegram_id} unbanned" if changed else f"{telegram_id} was not banned")
