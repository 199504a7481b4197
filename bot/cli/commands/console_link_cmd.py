"""`griddesk console-link PERSON-CODE`: a one-time sign-in link to the web console."""

from __future__ import annotations

import asyncio
import sys

import click


async def create_link(person_code: str, base_url: str | None) -> str | None:
    """Store a hashed one-time token for `person_code`; the link (None: unknown or banned)."""
    from bot.app import build_app
    from bot.settings import Settings
    from handlers.console import issue_login, login_link

    settings = Settings()
    app = await build_app(settings)
    try:
        async with app.services.uow_factory() as uow:
            token = await issue_login(uow, person_code)
            await uow.commit()
    finally:
        await app.close()
    return None if token is None else login_link(base_url or settings.console_url, token)


@click.command("console-link")
@click.argument("person_code")
@click.option("--base-url", default=None,
              help="The console's public address (default: GRIDDESK_CONSOLE_URL).")
def console_link(person_code: str, base_url: str | None) -> None:
    """Print a sign-in link to the web console for PERSON_CODE (10 minutes, one use)."""
    link = asyncio.run(create_link(person_code, base_url))
    if link is None:
        click.echo(f"unknown, inactive or banned person code {person_code!r}", err=True)
        sys.exit(1)
    click.echo(link)
