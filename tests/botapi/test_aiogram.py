"""A real aiogram 3 bot polls, answers commands and button presses, and runs as a webhook."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bench.botapi_double import BotApiDouble

SECRET = "s3cret-Token_1"


def echo_router() -> Router:
    router = Router()

    @router.message(Command("start"))
    async def start(message: Message, command: CommandObject) -> None:
        keyboard = ReplyKeyboardMarkup(
            keyboard=[[KeyboardButton(text="我要反映"), KeyboardButton(text="使用帮助")]],
            resize_keyboard=True,
        )
        await message.answer(f"您好 <b>{message.from_user.first_name}</b> {command.args or ''}",
                             parse_mode="HTML", reply_markup=keyboard)  # fmt: skip

    @router.message(Command("card"))
    async def card(message: Message) -> None:
        buttons = [[InlineKeyboardButton(text="接单", callback_data="accept:42")]]
        await message.answer(
            "工单 TBH-1", reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons)
        )

    @router.callback_query(F.data.startswith("accept:"))
    async def accept(query: CallbackQuery) -> None:
        await query.answer("已接单")
        await query.message.edit_text(f"已接单 {query.data}")

    @router.message(F.location)
    async def location(message: Message) -> None:
        await message.answer(f"位置 {message.location.latitude:.2f}")

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text)

    return router


@contextlib.asynccontextmanager
async def polling(bot: Bot) -> AsyncIterator[Dispatcher]:
    dispatcher = Dispatcher()
    dispatcher.include_router(echo_router())
    task = asyncio.create_task(
        dispatcher.start_polling(bot, handle_signals=False, polling_timeout=1,
                                 allowed_updates=dispatcher.resolve_used_update_types())
    )  # fmt: skip
    try:
        yield dispatcher
    finally:
        await dispatcher.stop_polling()
        await task


async def test_get_me(api: BotApiDouble, aiogram_bot: Bot) -> None:
    me = await aiogram_bot.get_me()
    assert me.is_bot and me.username == api.bot_username and me.can_join_groups


async def test_polling_command_text_location_and_callback(
    api: BotApiDouble, aiogram_bot: Bot
) -> None:
    resident = api.user(1001, first_name="王芳")
    async with polling(aiogram_bot):
        await resident.send_command("/start", args="bind_x")
        greeting = await api.wait_for(resident)
        assert greeting.plain_text == "您好 王芳 bind_x" and greeting.parse_mode == "HTML"
        assert greeting.buttons() == ["我要反映", "使用帮助"]
        await resident.tap("我要反映")
        assert (await api.wait_for(resident)).text == "我要反映"
        await resident.send_location(31.234, 121.47)
        assert (await api.wait_for(resident)).text == "位置 31.23"
        await resident.send_command("/card")
        card = await api.wait_for(resident)
        press = await resident.press(card, "接单")
        assert (await api.wait_for_answer(press))["text"] == "已接单"
        await api.wait_for_call("editMessageText")
        assert card.plain_text == "已接单 accept:42" and card.reply_markup is None


async def test_send_message_directly(api: BotApiDouble, aiogram_bot: Bot) -> None:
    sent = await aiogram_bot.send_message(-100777, "群通知", parse_mode="HTML")
    assert sent.chat.type == "supergroup" and sent.text == "群通知"
    assert [m.text for m in api.messages_to(-100777)] == ["群通知"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def webhook_app(aiogram_bot: Bot) -> AsyncIterator[str]:
    dispatcher = Dispatcher()
    dispatcher.include_router(echo_router())
    app = web.Application()
    SimpleRequestHandler(dispatcher, aiogram_bot, secret_token=SECRET).register(app, "/tg")
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield f"http://127.0.0.1:{port}/tg"
    await runner.cleanup()


async def test_webhook_round_trip_carries_the_secret(
    api: BotApiDouble, aiogram_bot: Bot, webhook_app: str
) -> None:
    resident = api.user(1002)
    await resident.send_text("排队的消息")  # queued before the webhook exists
    assert await aiogram_bot.set_webhook(webhook_app, secret_token=SECRET)
    info = await aiogram_bot.get_webhook_info()
    assert info.url == webhook_app
    assert (await api.wait_for(resident)).text == "排队的消息"
    await resident.send_text("你好")
    assert (await api.wait_for(resident)).text == "你好"
    assert all(d.status == 200 for d in api.webhook_deliveries)
    async with aiohttp.ClientSession() as session:  # the bot rejects a wrong secret
        headers = {"X-Telegram-Bot-Api-Secret-Token": "wrong"}
        async with session.post(webhook_app, json={"update_id": 1}, headers=headers) as response:
            assert response.status == 401
    with pytest.raises(Exception, match="webhook is active"):
        await aiogram_bot.get_updates()
    assert await aiogram_bot.delete_webhook()
    assert (await aiogram_bot.get_webhook_info()).url == ""


async def test_webhook_failures_are_retried_and_reported(
    api: BotApiDouble, aiogram_bot: Bot
) -> None:
    port = free_port()  # nobody listens there
    await aiogram_bot.set_webhook(f"http://127.0.0.1:{port}/tg")
    update = await api.user(1003).send_text("丢失?")
    for _ in range(100):
        if api.webhook_deliveries:
            break
        await asyncio.sleep(0.02)
    assert api.webhook_deliveries[0].update_id == update["update_id"]
    assert api.webhook_deliveries[0].status == 0
    info = await aiogram_bot.get_webhook_info()
    assert info.last_error_message and info.pending_update_count == 1


async def test_webhook_answer_may_carry_a_method_call(api: BotApiDouble, aiogram_bot: Bot) -> None:
    router = Router()

    @router.message(F.text)
    async def reply_in_response(message: Message) -> object:
        return message.answer(f"回复 {message.text}")  # not awaited: sent in the HTTP answer

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    app = web.Application()
    handler = SimpleRequestHandler(dispatcher, aiogram_bot, handle_in_background=False)
    handler.register(app, "/hook")
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        await aiogram_bot.set_webhook(f"http://127.0.0.1:{port}/hook")
        await api.user(1004).send_text("在吗")
        assert (await api.wait_for(1004)).text == "回复 在吗"
        assert api.webhook_deliveries[-1].reply_method == "sendMessage"
    finally:
        await runner.cleanup()
