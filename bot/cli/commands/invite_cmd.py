"""`griddesk invite PERSON-CODE`: a one-time deep link binding a Telegram account to a person."""

from __future__ import annotations

import asyncio
import secrets
import sys
from datetime import timedelta

import click

INVITE_VALID = timedelta(days=7)


async def create_invite(person_code: str, bot_username: str | None) -> str | None:
    """Store a hashed one-time token for `person_code`; returns the /start payload or link."""
    from bot.app import make_clock
    from bot.cli.database import opened
    from bot.settings import Settings
    from handlers.links import start_link, token_hash
    from models.config.loader import load_config
    from models.config.sync import sync_config

    settings = Settings()
    url, clock = settings.database_url_value(), make_clock(settings)
    async with opened(url, clock, migrate=True) as uows, uows() as uow:
        await sync_config(uow, load_config(settings.config_dir))
        if await uow.org.person(person_code) is None:
            return None
        token = secrets.token_urlsafe(16)
        uow.accounts.add_invite(token_hash(token), person_code, INVITE_VALID)
        await uow.commit()
    return start_link(bot_username, f"bind_{token}")


@click.command("invite")
@click.argument("person_code")
@click.option("--bot-username", default=None, help="Print a t.me deep link for this bot.")
def invite(person_code: str, bot_username: str | None) -> None:
    """Print a one-time link (valid 7 days) that binds a Telegram account to PERSON_CODE."""
    link = asyncio.run(create_invite(person_code, bot_username))
    if link is None:
        click.echo(f"unknown person code {person_code!r}", err=True)
        sys.exit(1)
    click.echo(link)
