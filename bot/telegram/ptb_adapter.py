"""The python-telegram-bot 22 adapter: the same core, the same replies, another framework."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from aiohttp import web
from telegram import (
    BotCommand,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Application, ContextTypes, TypeHandler
from telegram.request import BaseRequest

from bot.telegram.polling import Handle
from bot.telegram.transport import process_update
from bot.telegram.updates import ALLOWED_UPDATES, COMMANDS
from bot.telegram.webhook import WebhookIntake
from handlers.core import Core
from handlers.types import CallbackAnswer, LocalFile

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger("griddesk.ptb")


def _markup(data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    if "inline_keyboard" in data:
        return InlineKeyboardMarkup.de_json(data, None)
    if "keyboard" in data:
        return ReplyKeyboardMarkup.de_json(data, None)
    return ReplyKeyboardRemove(selective=data.get("selective"))


class PtbTransport:
    def __init__(self, bot: Any) -> None:
        self.bot = bot

    async def send_message(self, chat_id: int, text: str,
                           reply_markup: dict[str, Any] | None) -> None:
        await self.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML,
                                    reply_markup=_markup(reply_markup))

    async def send_photos(self, chat_id: int, file_ids: list[str]) -> None:
        if len(file_ids) == 1:
            await self.bot.send_photo(chat_id, file_ids[0])
            return
        await self.bot.send_media_group(chat_id, [InputMediaPhoto(f) for f in file_ids[:10]])

    async def edit_message(self, chat_id: int, message_id: int, text: str,
                           reply_markup: dict[str, Any] | None) -> None:
        try:
            await self.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id,
                                             parse_mode=ParseMode.HTML,
                                             reply_markup=_markup(reply_markup))
        except BadRequest as exc:
            log.info("edit failed: %s", exc.message)

    async def answer_callback(self, answer: CallbackAnswer) -> None:
        await self.bot.answer_callback_query(answer.callback_id, text=answer.text,
                                             show_alert=answer.alert)

    async def upload(self, file: LocalFile) -> None:
        content = file.path.read_bytes()
        if file.kind == "photo":
            await self.bot.send_photo(file.chat_id, content)
        else:
            await self.bot.send_document(file.chat_id, content, filename=file.path.name)


PtbApplication = Application[Any, Any, Any, Any, Any, Any]


def build_application(core: Core, token: str, api_base: str = "",
                      request: BaseRequest | None = None) -> PtbApplication:
    """A PTB Application whose every update goes through the core (no PTB persistence);
    `request` replaces the HTTP layer (the benchmark's in-process Bot API)."""
    builder = Application.builder().token(token)
    if api_base:
        builder = builder.base_url(f"{api_base}/bot").base_file_url(f"{api_base}/file/bot")
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = builder.concurrent_updates(True).build()

    async def on_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await process_update(core, update.to_dict(), PtbTransport(context.bot))

    application.add_handler(TypeHandler(Update, on_update))
    return application


async def _register_commands(application: PtbApplication) -> None:
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS])


@contextlib.asynccontextmanager
async def ptb_polling(app: App) -> AsyncIterator[Handle]:
    """The application for `bot.telegram.polling.Poller`, which fetches updates and confirms offsets
    (PTB's own Updater confirms a batch while it is still being handled)."""
    token = app.settings.telegram_bot_token
    assert token is not None
    application = build_application(app.core, token.get_secret_value(),
                                    app.settings.telegram_api_base)

    async def handle(update: dict[str, Any]) -> None:
        await application.process_update(Update.de_json(update, application.bot))

    async with application:
        await _register_commands(application)
        await application.bot.delete_webhook()
        yield handle


async def mount_ptb_webhook(app: App, web_app: web.Application, path: str,
                            public_url: str | None, secret: str | None) -> WebhookIntake:
    """Serve updates at `path` (secret checked by the guard); the answer waits for the core."""
    token = app.settings.telegram_bot_token
    assert token is not None
    application = build_application(app.core, token.get_secret_value(),
                                    app.settings.telegram_api_base)

    def parse(data: dict[str, Any]) -> Update:
        update = Update.de_json(data, application.bot)
        if update is None:
            raise ValueError("empty update")
        return update

    async def on_startup(_web_app: web.Application) -> None:
        await application.initialize()
        await _register_commands(application)
        if public_url:
            await application.bot.set_webhook(public_url, secret_token=secret,
                                              allowed_updates=ALLOWED_UPDATES)

    async def on_cleanup(_web_app: web.Application) -> None:
        await application.shutdown()

    intake = WebhookIntake(parse, application.process_update)
    web_app.router.add_post(path, intake.handle)
    web_app.on_startup.append(on_startup)
    web_app.on_cleanup.append(on_cleanup)
    return intake
