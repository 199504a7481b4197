"""Long polling and webhook runners, with the sweeper and the sender as background tasks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

from bot.app import App, build_app
from bot.background import background_tasks
from bot.settings import Settings

log = logging.getLogger("griddesk")

MAX_WEBHOOK_BODY = 1024 * 1024  # Telegram updates are small; anything bigger is refused


@contextlib.asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[App]:
    app = await build_app(settings)
    try:
        async with background_tasks(app):
            yield app
    finally:
        await app.close()


async def run_polling(settings: Settings) -> None:
    async with running_app(settings) as app:
        if settings.telegram_framework == "ptb":
            from bot.ptb_adapter import run_ptb_polling

            await run_ptb_polling(app)
            return
        from bot.aiogram_adapter import (
            ALLOWED_UPDATES,
            build_dispatcher,
            make_bot,
            register_commands,
        )

        token = settings.telegram_bot_token
        assert token is not None
        bot = make_bot(token.get_secret_value(), settings.telegram_api_base)
        dispatcher = build_dispatcher(app.core)
        await register_commands(bot)
        await bot.delete_webhook(drop_pending_updates=False)
        log.info("GridDesk polling with aiogram")
        try:
            await dispatcher.start_polling(bot, allowed_updates=ALLOWED_UPDATES,
                                           handle_signals=False)
        finally:
            await bot.session.close()


def webhook_guard(secret: str | None) -> Callable[..., Awaitable[web.StreamResponse]]:
    """aiohttp middleware: 401 without the configured secret token header."""

    @web.middleware
    async def guard(request: web.Request,
                    handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                    ) -> web.StreamResponse:
        if secret is not None and request.headers.get(
                "X-Telegram-Bot-Api-Secret-Token") != secret:
            log.warning("webhook request without a valid secret token refused")
            return web.json_response({"ok": False, "description": "Unauthorized"}, status=401)
        return await handler(request)

    return guard


async def run_webhook(settings: Settings, host: str, port: int, path: str,
                      public_url: str | None) -> None:
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    async with running_app(settings) as app:
        web_app = web.Application(middlewares=[webhook_guard(secret)],
                                  client_max_size=MAX_WEBHOOK_BODY)
        if settings.telegram_framework == "ptb":
            from bot.ptb_adapter import mount_ptb_webhook

            await mount_ptb_webhook(app, web_app, path, public_url, secret)
        else:
            from bot.aiogram_adapter import mount_aiogram_webhook

            await mount_aiogram_webhook(app, web_app, path, public_url, secret)
        runner = web.AppRunner(web_app)
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        log.info("GridDesk webhook on http://%s:%s%s", host, port, path)
        try:
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()
