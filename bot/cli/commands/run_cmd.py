"""`griddesk run` (long polling) and `griddesk webhook` (aiohttp server)."""

from __future__ import annotations

import asyncio
import logging
import sys

import click

NO_TOKEN = (
    "TELEGRAM_BOT_TOKEN is not set.\n"
    "Create a bot with @BotFather in Telegram (send /newbot, follow the prompts) and put the\n"
    "token it gives you into .env as TELEGRAM_BOT_TOKEN=123456:ABC...\n"
    "To try GridDesk without Telegram, run the offline demo:  griddesk demo"
)


def _settings(framework: str | None) -> object:
    from bot.settings import Settings

    settings = Settings()
    if framework:
        settings = settings.model_copy(update={"telegram_framework": framework})
    if settings.telegram_bot_token is None:
        click.echo(NO_TOKEN, err=True)
        sys.exit(2)
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return settings


@click.command("run")
@click.option("--framework", type=click.Choice(["aiogram", "ptb"]), default=None,
              help="Adapter (default: TELEGRAM_FRAMEWORK or aiogram).")
def run(framework: str | None) -> None:
    """Run the bot with long polling, plus the escalation sweeper and the sender."""
    from bot.telegram.runner import run_polling

    asyncio.run(run_polling(_settings(framework)))  # type: ignore[arg-type]


@click.command("webhook")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=int)
@click.option("--path", default="/telegram/webhook", show_default=True)
@click.option("--url", default=None, help="Public URL to register with setWebhook (optional).")
@click.option("--framework", type=click.Choice(["aiogram", "ptb"]), default=None)
@click.option("--jobs/--no-jobs", default=True, show_default=True,
              help="Also run the sweeper and the sender (--no-jobs: `griddesk worker` does).")
def webhook(host: str, port: int, path: str, url: str | None, framework: str | None,
            jobs: bool) -> None:
    """Serve the webhook; requests without the secret token header get 401."""
    from bot.telegram.runner import run_webhook

    settings = _settings(framework)
    asyncio.run(run_webhook(settings, host, port, path, url, jobs))  # type: ignore[arg-type]
