"""The aiogram 3 adapter: polling or webhook in, `Core.handle`, replies out. No logic here."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from bot.telegram.aiogram_lazy import build_models, import_aiogram_lazily

import_aiogram_lazily()  # before any aiogram import: schemas are built on first use

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteWebhook,
    EditMessageText,
    GetMe,
    GetUpdates,
    SendMediaGroup,
    SendMessage,
    SendPhoto,
    SetMyCommands,
    SetWebhook,
)
from aiogram.methods.base import Response
from aiogram.types import (
    BotCommand,
    FSInputFile,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from aiohttp import web

from bot.telegram.polling import Handle
from bot.telegram.transport import process_update
from bot.telegram.updates import ALLOWED_UPDATES, COMMANDS
from bot.telegram.webhook import WebhookIntake
from handlers.core import Core
from handlers.types import CallbackAnswer, LocalFile

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger("griddesk.aiogram")

# aiogram validates every answer with `Response[method.__returning__]`. pydantic keeps such
# parametrised models only in a weak cache, so between garbage collections they are rebuilt from
# scratch: 3-15 ms per Bot API call. Holding them here keeps the cache warm (docs/performance.md).
_RESPONSE_MODELS = tuple(
    Response[method.__returning__]  # type: ignore[name-defined]
    for method in (SendMessage, SendPhoto, SendMediaGroup, EditMessageText, AnswerCallbackQuery,
                   SetMyCommands, SetWebhook, DeleteWebhook, GetMe, GetUpdates)
)
# Built now rather than on the first update (aiogram's other models are built when first used).
build_models((Update, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove,
              InputMediaPhoto, BotCommand, SendMessage, SendPhoto, SendMediaGroup,
              EditMessageText, AnswerCallbackQuery))



def make_bot(token: str, api_base: str = "") -> Bot:
    """A Bot talking to the official API, or to `api_base` (self-hosted server, test double)."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_base)) if api_base else None
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode="HTML"))


def _markup(data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    if "inline_keyboard" in data:
        return InlineKeyboardMarkup.model_validate(data)
    if "keyboard" in data:
        return ReplyKeyboardMarkup.model_validate(data)
    return ReplyKeyboardRemove.model_validate(data)


class AiogramTransport:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send_message(self, chat_id: int, text: str,
                           reply_markup: dict[str, Any] | None) -> None:
        await self.bot.send_message(chat_id, text, reply_markup=_markup(reply_markup))

    async def send_photos(self, chat_id: int, file_ids: list[str]) -> None:
        if len(file_ids) == 1:
            await self.bot.send_photo(chat_id, file_ids[0])
            return
        media = [InputMediaPhoto(media=file_id) for file_id in file_ids[:10]]
        await self.bot.send_media_group(chat_id, media=media)  # type: ignore[arg-type]

    async def edit_message(self, chat_id: int, message_id: int, text: str,
                           reply_markup: dict[str, Any] | None) -> None:
        try:
            await self.bot.edit_message_text(text=text, chat_id=chat_id, message_id=message_id,
                                             reply_markup=_markup(reply_markup))
        except TelegramBadRequest as exc:  # "message is not modified" and friends
            log.info("edit failed: %s", exc.message)

    async def answer_callback(self, answer: CallbackAnswer) -> None:
        await self.bot.answer_callback_query(answer.callback_id, text=answer.text,
                                             show_alert=answer.alert)

    async def upload(self, file: LocalFile) -> None:
        if file.kind == "photo":
            await self.bot.send_photo(file.chat_id, FSInputFile(file.path))
        else:
            await self.bot.send_document(file.chat_id, FSInputFile(file.path))


def build_dispatcher(core: Core) -> Dispatcher:
    """A dispatcher whose every relevant update goes through the core.

    aiogram's FSM is off: the core keeps conversation state itself, and the default in-memory
    FSM storage would keep a record for every chat that ever wrote, for the process lifetime."""
    dispatcher = Dispatcher(disable_fsm=True)

    async def on_update(_event: Any, event_update: Update, bot: Bot) -> None:
        raw = event_update.model_dump(mode="json", by_alias=True, exclude_none=True)
        await process_update(core, raw, AiogramTransport(bot))

    dispatcher.message.register(on_update)
    dispatcher.edited_message.register(on_update)
    dispatcher.callback_query.register(on_update)
    return dispatcher


async def register_commands(bot: Bot) -> None:
    await bot.set_my_commands([BotCommand(command=c, description=d) for c, d in COMMANDS])


@contextlib.asynccontextmanager
async def aiogram_polling(app: App) -> AsyncIterator[Handle]:
    """The dispatcher for `bot.telegram.polling.Poller`, which fetches updates and confirms
    offsets."""
    token = app.settings.telegram_bot_token
    assert token is not None
    bot = make_bot(token.get_secret_value(), app.settings.telegram_api_base)
    dispatcher = build_dispatcher(app.core)

    async def handle(update: dict[str, Any]) -> None:
        await dispatcher.feed_raw_update(bot, update)

    try:
        await register_commands(bot)
        await bot.delete_webhook(drop_pending_updates=False)
        yield handle
    finally:
        await bot.session.close()


async def mount_aiogram_webhook(app: App, web_app: web.Application, path: str,
                                public_url: str | None, secret: str | None) -> WebhookIntake:
    """Serve updates at `path` (secret checked by the guard); the answer waits for the core."""
    token = app.settings.telegram_bot_token
    assert token is not None
    bot = make_bot(token.get_secret_value(), app.settings.telegram_api_base)
    dispatcher = build_dispatcher(app.core)

    def parse(data: dict[str, Any]) -> Update:
        return Update.model_validate(data, context={"bot": bot})

    async def feed(update: Update) -> None:
        await dispatcher.feed_update(bot, update)

    async def on_cleanup(_web_app: web.Application) -> None:
        await bot.session.close()

    intake = WebhookIntake(parse, feed)
    web_app.router.add_post(path, intake.handle)
    web_app.on_cleanup.append(on_cleanup)
    await register_commands(bot)
    if public_url:
        await bot.set_webhook(public_url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
    return intake
