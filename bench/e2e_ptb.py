"""python-telegram-bot over the in-process Bot API: a request class that answers locally."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bench.e2e_api import TOKEN, LocalBotApi, decoded
from bot.telegram.ptb_adapter import build_application
from handlers.core import Core


class LocalPtbRequest(BaseRequest):
    """python-telegram-bot request class answering from `LocalBotApi`."""

    def __init__(self, api: LocalBotApi) -> None:
        self.local = api

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        encoded = request_data.json_parameters if request_data is not None else {}
        params = {key: decoded(key, value) for key, value in encoded.items()}
        result = self.local.answer(url.rsplit("/", 1)[-1], params)
        return 200, json.dumps({"ok": True, "result": result}, ensure_ascii=False).encode()


@contextlib.asynccontextmanager
async def ptb_feed(core: Core, api: LocalBotApi) -> AsyncIterator[Any]:
    """`feed(update_json)`: `Update.de_json` as PTB's webhook does, then
    `Application.process_update`."""
    application = build_application(core, TOKEN, request=LocalPtbRequest(api))
    async with application:

        async def feed(raw: dict[str, Any]) -> None:
            await application.process_update(Update.de_json(raw, application.bot))

        yield feed
