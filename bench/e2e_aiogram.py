"""aiogram over the in-process Bot API: a session that answers locally, and the update feed."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

from bot.telegram.aiogram_lazy import import_aiogram_lazily

import_aiogram_lazily()  # as the adapter does, whichever module is imported first

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Update

from bench.e2e_api import TOKEN, LocalBotApi, decoded
from bot.telegram.aiogram_adapter import build_dispatcher
from handlers.core import Core


class LocalAiogramSession(BaseSession):
    """aiogram session answering from `LocalBotApi` instead of POSTing to api.telegram.org."""

    def __init__(self, api: LocalBotApi) -> None:
        super().__init__()
        self.local = api

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (aiogram API)
    ) -> TelegramType:
        files: dict[str, Any] = {}
        fields = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                fields[key] = decoded(key, prepared)
        result = self.local.answer(method.__api_method__, fields)
        content = self.json_dumps({"ok": True, "result": result})
        response = self.check_response(bot=bot, method=method, status_code=200, content=content)
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (aiogram API)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    async def close(self) -> None:
        return None


@contextlib.asynccontextmanager
async def aiogram_feed(core: Core, api: LocalBotApi) -> AsyncIterator[Any]:
    """`feed(update_json)`: validate the update as aiogram's webhook handler does, then
    `Dispatcher.feed_update`."""
    bot = Bot(
        TOKEN, session=LocalAiogramSession(api), default=DefaultBotProperties(parse_mode="HTML")
    )
    dispatcher = build_dispatcher(core)

    async def feed(raw: dict[str, Any]) -> None:
        update = Update.model_validate(raw, context={"bot": bot})
        await dispatcher.feed_update(bot, update)

    yield feed
