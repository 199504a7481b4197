"""The webhook endpoint shared by both adapters: 200 only after the update was handled.

Telegram delivers an update again until it gets a 2xx answer. So the answer waits for the
core's transaction (a process killed before that means a redelivery, and `processed_updates`
makes it count once). A body that is no update (not JSON, not an object, no integer
`update_id`, fields of the wrong type) gets 400 and one log line; the framework never sees it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.telegram.updates import incoming_from_update, malformed
from handlers.types import Kind

log = logging.getLogger("griddesk.webhook")

Parse = Callable[[dict[str, Any]], Any]  # the framework's Update, or raises
Feed = Callable[[Any], Awaitable[None]]

IRRELEVANT = object()
BAD_UPDATE = {"ok": False, "description": "Bad Request: not an update"}


class WebhookIntake:
    """The aiohttp handler (`handle`); counts the updates in flight for the shutdown's log line."""

    def __init__(self, parse: Parse, feed: Feed) -> None:
        self.parse, self.feed = parse, feed
        self.in_flight = 0
        self.handled = 0

    async def handle(self, request: web.Request) -> web.Response:
        update = await self._read(request)
        if update is None:
            return web.json_response(BAD_UPDATE, status=400)
        if update is IRRELEVANT:
            return web.json_response({"ok": True})
        self.in_flight += 1
        try:
            await self.feed(update)
        finally:
            self.in_flight -= 1
        self.handled += 1
        return web.json_response({"ok": True})

    async def _read(self, request: web.Request) -> Any:
        """The framework's Update, or None (logged once) for a body that is not one."""
        try:
            data = json.loads(await request.read())
        except web.HTTPException:  # 413: over the body size limit
            raise
        except (ValueError, UnicodeDecodeError):
            log.warning("webhook body refused: not JSON")
            return None
        problem = malformed(data)
        if problem is None and incoming_from_update(data).kind is Kind.IGNORED:
            return IRRELEVANT  # a type GridDesk does not handle (Telegram adds types)
        if problem is None:
            try:
                return self.parse(data)
            except Exception as exc:  # the framework's validation error, whatever its type
                problem = f"{type(exc).__name__} in the framework's parser"
        log.warning("webhook body refused: %s", problem)
        return None
