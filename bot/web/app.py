"""Build the aiohttp application that `griddesk console` serves beside the bot.

It shares the bot's assembly (`bot.app.build_app`): the same database, configuration, routing
engine and ticket service. Each part of the site adds its routes in `create_web_app`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.app import App, build_app
from bot.settings import Settings
from bot.telegram.shutdown import stop_on_signals
from bot.web.open311 import setup_open311

log = logging.getLogger("griddesk.web")

APP = web.AppKey("griddesk", App)
MAX_BODY = 1024 * 1024  # no form or API body of GridDesk is larger


def create_web_app(app: App) -> web.Application:
    """The web application over an assembled GridDesk."""
    web_app = web.Application(client_max_size=MAX_BODY)
    web_app[APP] = app
    aiohttp_jinja2.setup(
        web_app,
        loader=jinja2.PackageLoader("bot.web", "templates"),
        autoescape=jinja2.select_autoescape(default=True),
    )
    web_app.router.add_get("/healthz", health)
    setup_open311(web_app, APP)
    from bot.web.console import setup_console  # the console's modules build on this one

    setup_console(web_app, app)
    return web_app


async def health(request: web.Request) -> web.Response:
    """Liveness for the reverse proxy: the process answers and knows its district."""
    app = request.app[APP]
    return web.json_response({"status": "ok", "district": app.services.config.district.code})


async def serve(settings: Settings, host: str, port: int) -> None:
    """Serve the web application until SIGTERM or SIGINT."""
    app = await build_app(settings)
    try:
        await serve_app(app, host, port)
    finally:
        await app.close()


async def serve_app(app: App, host: str, port: int,
                    started: Callable[[], None] | None = None) -> None:
    """Serve an assembled GridDesk's web application until SIGTERM or SIGINT (the caller
    closes `app`); `started` runs once the socket listens."""
    runner = web.AppRunner(create_web_app(app), access_log=None)  # no personal data in logs
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        log.info("console listening on http://%s:%d/", host, port)
        if started is not None:
            started()
        stop = asyncio.Event()
        with stop_on_signals(stop):
            await stop.wait()
    finally:
        await runner.cleanup()
