"""Every injectable fault reaches both libraries as the error the real server would cause."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from telegram import Bot as PtbBot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bench.botapi_double import (
    BotApiDouble,
    FloodLimits,
    blocked,
    chat_not_found,
    connection_reset,
    retry_after,
    server_error,
)

AIOGRAM_CASES = [
    (retry_after(7), TelegramRetryAfter, "retry after 7"),
    (server_error(500), TelegramServerError, "Internal Server Error"),
    (server_error(502), TelegramServerError, "Bad Gateway"),
    (connection_reset, TelegramNetworkError, "Connection reset|ClientOSError|Disconnected"),
    (blocked, TelegramForbiddenError, "bot was blocked by the user"),
    (chat_not_found, TelegramBadRequest, "chat not found"),
]


@pytest.mark.parametrize(("fault", "error", "text"), AIOGRAM_CASES, ids=lambda c: str(c)[:20])
async def test_fault_reaches_aiogram(
    api: BotApiDouble, aiogram_bot: Bot, fault: object, error: type[Exception], text: str
) -> None:
    api.inject("sendMessage", fault)  # type: ignore[arg-type]
    with pytest.raises(error, match=text) as raised:
        await aiogram_bot.send_message(42, "一")
    if isinstance(raised.value, TelegramRetryAfter):
        assert raised.value.retry_after == 7
    sent = await aiogram_bot.send_message(42, "二")  # count=1: the next call succeeds
    assert sent.text == "二"
    assert [m.text for m in api.messages_to(42)] == ["二"]
    assert [e.fault for e in api.exchanges] == [fault.kind, None]  # type: ignore[attr-defined]


PTB_CASES = [
    ("retry_after", RetryAfter),
    ("server_error", NetworkError),
    ("connection_reset", NetworkError),
    ("blocked", Forbidden),
    ("chat_not_found", BadRequest),
]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("fault", "error"), PTB_CASES)
async def test_fault_reaches_ptb(api: BotApiDouble, fault: str, error: type[Exception]) -> None:
    api.inject("sendMessage", fault)
    bot = PtbBot(api.token, base_url=f"{api.base_url}/bot")
    async with bot:
        with pytest.raises(error):
            await bot.send_message(42, "一")
        assert (await bot.send_message(42, "二")).text == "二"


async def test_faults_can_target_a_chat_and_repeat(api: BotApiDouble, aiogram_bot: Bot) -> None:
    api.inject("sendMessage", blocked, count=None, chat_id=7)
    for _ in range(3):
        with pytest.raises(TelegramForbiddenError):
            await aiogram_bot.send_message(7, "x")
    assert (await aiogram_bot.send_message(8, "y")).text == "y"
    api.clear_faults()
    assert (await aiogram_bot.send_message(7, "z")).text == "z"


async def test_star_injects_into_any_method(api: BotApiDouble, aiogram_bot: Bot) -> None:
    api.inject("*", server_error(503), count=2)
    with pytest.raises(TelegramServerError):
        await aiogram_bot.get_me()
    with pytest.raises(TelegramServerError):
        await aiogram_bot.send_message(1, "x")
    assert (await aiogram_bot.get_me()).is_bot
    assert api.too_many_requests == 0


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_enforced_limits_answer_429_and_count_them() -> None:
    limits = FloodLimits(per_second=30, private_interval=3600.0, group_per_minute=2)
    async with BotApiDouble(limits=limits) as api:
        bot = PtbBot(api.token, base_url=f"{api.base_url}/bot")
        async with bot:
            await bot.send_message(5, "一")
            with pytest.raises(RetryAfter) as raised:
                await bot.send_message(5, "二")
            assert "retry after 3" in api.exchanges[-1].response["description"]  # type: ignore[index]
            assert raised.value.__class__ is RetryAfter
            await bot.send_message(-5, "群一")
            await bot.send_message(-5, "群二")
            with pytest.raises(RetryAfter):
                await bot.send_message(-5, "群三")
            await bot.send_chat_action(5, "typing")  # not a message: never limited
        assert api.too_many_requests == 2
        assert [m.text for m in api.messages_to(5)] == ["一"]
