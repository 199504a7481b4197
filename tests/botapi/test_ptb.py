"""A real python-telegram-bot 22 Application polls, answers commands, presses and photos."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bench.botapi_double import BotApiDouble

Context = ContextTypes.DEFAULT_TYPE


def build(api: BotApiDouble) -> Application:  # type: ignore[type-arg]
    app = (
        Application.builder()
        .token(api.token)
        .base_url(f"{api.base_url}/bot")
        .base_file_url(f"{api.base_url}/file/bot")
        .build()
    )

    async def start(update: Update, context: Context) -> None:
        buttons = [[InlineKeyboardButton("确认提交", callback_data="confirm:7")]]
        await update.message.reply_html(f"<b>您好</b> {' '.join(context.args or [])}",
                                        reply_markup=InlineKeyboardMarkup(buttons))  # fmt: skip

    async def pressed(update: Update, context: Context) -> None:
        await update.callback_query.answer("已提交", show_alert=True)
        await update.callback_query.edit_message_text(f"已提交 {update.callback_query.data}")

    async def photo(update: Update, context: Context) -> None:
        file = await update.message.photo[-1].get_file()
        data = await file.download_as_bytearray()
        await update.message.reply_photo(update.message.photo[-1].file_id, caption=f"{len(data)}")

    async def contact(update: Update, context: Context) -> None:
        await update.message.reply_text(f"电话 {update.message.contact.phone_number}")

    async def echo(update: Update, context: Context) -> None:
        await update.message.reply_text(update.message.text)

    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed, pattern=r"^confirm:"))
    app.add_handler(MessageHandler(filters.PHOTO, photo))
    app.add_handler(MessageHandler(filters.CONTACT, contact))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return app


@contextlib.asynccontextmanager
async def polling(api: BotApiDouble) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    app = build(api)
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


async def test_get_me(api: BotApiDouble) -> None:
    app = build(api)
    async with app:
        me = await app.bot.get_me()
    assert me.is_bot and me.username == api.bot_username and me.can_join_groups


async def test_polling_command_callback_photo_contact_and_echo(api: BotApiDouble) -> None:
    resident = api.user(2001, first_name="李雷", language_code="zh-hant")
    async with polling(api):
        await resident.send_command("/start", args="bind_abc")
        card = await api.wait_for(resident)
        assert card.plain_text == "您好 bind_abc" and card.buttons() == ["确认提交"]
        press = await resident.press(card, "确认提交")
        answer = await api.wait_for_answer(press)
        assert answer["text"] == "已提交" and answer["show_alert"] is True
        await api.wait_for_call("editMessageText")
        assert card.plain_text == "已提交 confirm:7"
        await resident.send_photo(caption="照片")
        reply = await api.wait_for(resident)
        assert reply.method == "sendPhoto" and int(reply.body) > 0
        await resident.send_contact("+8613900000000")
        assert (await api.wait_for(resident)).text == "电话 +8613900000000"
        await resident.send_text("路灯坏了")
        assert (await api.wait_for(resident)).text == "路灯坏了"
    methods = [c.method for c in api.calls]
    assert "deleteWebhook" in methods and "getFile" in methods


async def test_send_message_directly(api: BotApiDouble) -> None:
    app = build(api)
    async with app:
        sent = await app.bot.send_message(3003, "<i>通知</i>", parse_mode="HTML")
    assert sent.text == "通知" and sent.chat.type == "private"
    assert api.messages_to(3003)[0].text == "<i>通知</i>"
