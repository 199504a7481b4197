"""`griddesk ban|unban <telegram-id>`: a ban list (of Telegram accounts) every handler honours."""

from __future__ import annotations

import asyncio

import click


async def set_ban(user_id: int, banned: bool, reason: str | None) -> bool:
    """Add or remove a ban; True when something changed."""
    from bot.app import make_clock
    from bot.settings import Settings
    from models.db import create_engine, session_factory
    from models.migrations import upgrade_database
    from models.orm import TELEGRAM, BanRow

    settings = Settings()
    url = settings.database_url_value()
    await upgrade_database(url)
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session, session.begin():
            row = await session.get(BanRow, (TELEGRAM, user_id))
            if banned and row is None:
                session.add(BanRow(channel=TELEGRAM, user_id=user_id, reason=reason,
                                   at=make_clock(settings).now()))
                return True
            if not banned and row is not None:
                await session.delete(row)
                return True
            return False
    finally:
        await engine.dispose()


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
