"""Long polling and webhook runners, with the sweeper and the sender as background tasks."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from bot.app import App, build_app, freeze_startup_objects
from bot.settings import Settings
from bot.telegram.polling import Poller, RawUpdates
from bot.telegram.shutdown import StopReport, log_stop, stop_on_signals
from bot.telegram.webhook import WebhookIntake
from bot.workers.background import background_tasks

log = logging.getLogger("griddesk")

MAX_WEBHOOK_BODY = 1024 * 1024  # Telegram updates are small; anything bigger is refused

# Libraries that log what passes through them below these levels: SQL parameters (aiosqlite),
# Bot API parameters and answers (PTB's `telegram`), request URLs carrying the bot token
# (httpx, httpcore). GridDesk's own logs carry ticket numbers only; so must theirs.
CHATTY_LOGGERS = {"aiosqlite": logging.INFO, "telegram": logging.INFO,
                  "httpx": logging.WARNING, "httpcore": logging.WARNING}


def quiet_chatty_loggers() -> None:
    """Raise the level of libraries that would log phone numbers, texts or the token."""
    for name, floor in CHATTY_LOGGERS.items():
        logger = logging.getLogger(name)
        if logger.level < floor:
            logger.setLevel(floor)


@contextlib.asynccontextmanager
async def running_app(settings: Settings, jobs: bool = True) -> AsyncIterator[App]:
    """The app, with the sweeper and the sender running beside it unless `jobs` is False (a
    scaled-out layout runs them in `griddesk worker` processes instead, docs/deployment.md)."""
    quiet_chatty_loggers()
    app = await build_app(settings)
    try:
        if not jobs:
            yield app
            return
        async with background_tasks(app):
            yield app
    finally:
        await app.close()


async def run_polling(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Long polling until SIGTERM/SIGINT (or `stop`); an update's offset is confirmed only once
    it has been handled (bot/telegram/polling.py)."""
    stop = stop or asyncio.Event()
    with stop_on_signals(stop) as received:
        async with running_app(settings) as app:
            if settings.telegram_framework == "ptb":
                from bot.telegram.ptb_adapter import ptb_polling as polling
            else:
                from bot.telegram.aiogram_adapter import aiogram_polling as polling
            token = settings.telegram_bot_token
            assert token is not None
            fetch = RawUpdates(token.get_secret_value(), settings.telegram_api_base)
            try:
                async with polling(app) as handle:
                    freeze_startup_objects()
                    log.info("GridDesk polling with %s", settings.telegram_framework)
                    report = await Poller(fetch, handle, stop, settings.shutdown_grace).run()
            finally:
                await fetch.close()
        log_stop("polling", received, report)


async def _close(runner: web.AppRunner, intake: WebhookIntake) -> StopReport:
    """Stop listening, wait for the requests in flight (at most the runner's shutdown timeout),
    cancel the rest."""
    report = StopReport()
    in_flight, handled = intake.in_flight, intake.handled
    await runner.cleanup()
    report.finished = min(in_flight, intake.handled - handled)
    report.abandoned = in_flight - report.finished
    return report


def webhook_guard(secret: str | None) -> Callable[..., Awaitable[web.StreamResponse]]:
    """aiohttp middleware: 401 without the configured secret token header."""
    expected = (secret or "").encode()

    @web.middleware
    async def guard(request: web.Request,
                    handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                    ) -> web.StreamResponse:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "").encode()
        if secret is not None and not hmac.compare_digest(given, expected):
            log.warning("webhook request without a valid secret token refused")
            return web.json_response({"ok": False, "description": "Unauthorized"}, status=401)
        return await handler(request)

    return guard


def webhook_secret(settings: Settings, public_url: str | None) -> str:
    """The secret token every webhook request must carry.

    Without one, whoever finds the URL could post updates in any user's name, the district task
    force's included. With `--url` the bot registers the webhook itself, so a random secret for
    this run does; without `--url` the operator registers it and must configure the secret."""
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    if public_url:
        log.warning("TELEGRAM_WEBHOOK_SECRET is not set: using a random secret for this run")
        return secrets.token_urlsafe(32)
    raise SystemExit("TELEGRAM_WEBHOOK_SECRET is not set. Set it (and pass the same secret_token "
                     "to setWebhook), or give --url so GridDesk registers the webhook itself.")


async def run_webhook(settings: Settings, host: str, port: int, path: str,
                      public_url: str | None, jobs: bool = True,
                      stop: asyncio.Event | None = None) -> None:
    """Serve the webhook until SIGTERM/SIGINT (or `stop`): then stop listening, give the requests
    in flight `shutdown_grace` seconds, and cancel the rest (unanswered: Telegram retries)."""
    secret = webhook_secret(settings, public_url)
    stop = stop or asyncio.Event()
    with stop_on_signals(stop) as received:
        async with running_app(settings, jobs) as app:
            web_app = web.Application(middlewares=[webhook_guard(secret)],
                                      client_max_size=MAX_WEBHOOK_BODY)
            if settings.telegram_framework == "ptb":
                from bot.telegram.ptb_adapter import mount_ptb_webhook as mount
            else:
                from bot.telegram.aiogram_adapter import mount_aiogram_webhook as mount
            intake = await mount(app, web_app, path, public_url, secret)
            freeze_startup_objects()
            runner = web.AppRunner(web_app, handle_signals=False, access_log=None,
                                   shutdown_timeout=settings.shutdown_grace)
            await runner.setup()
            try:
                await web.TCPSite(runner, host, port).start()
                log.info("GridDesk webhook on http://%s:%s%s", host, port, path)
                await stop.wait()
            finally:
                report = await _close(runner, intake)
        log_stop("webhook", received, report)
