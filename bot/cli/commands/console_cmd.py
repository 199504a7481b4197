"""`griddesk console`: the web application (supervisors' console, Open311 API)."""

from __future__ import annotations

import asyncio
import logging

import click


@click.command("console")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8081, show_default=True, type=int)
def console(host: str, port: int) -> None:
    """Serve the web console and the Open311 API on the bot's database."""
    from bot.settings import Settings
    from bot.web.app import serve

    settings = Settings()
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(serve(settings, host, port))
