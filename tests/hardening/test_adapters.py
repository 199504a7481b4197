"""The adapters never die of an update: an exception from the core is caught, logged without
what the user wrote, and answered politely — in aiogram's and PTB's real stacks and loops. The
webhook refuses strangers, bad bodies and oversized ones, and never runs without a secret."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram.types import Update as AiogramUpdate
from telegram import Update as PtbUpdate

from bench.botapi_double import BotApiDouble
from bot.settings import Settings
from bot.telegram.aiogram_adapter import build_dispatcher, make_bot
from bot.telegram.ptb_adapter import build_application
from bot.telegram.runner import run_webhook, webhook_secret
from bot.telegram.transport import process_update
from handlers import texts
from handlers.core import Core
from handlers.types import CallbackAnswer, Incoming, LocalFile, Outcome, Reply
from tests.e2e.conftest import bot_settings, polling_bot
from tests.hardening.flows import LAMP, PHONE, RESIDENT

SECRET_TEXT = f"我的电话{PHONE}，楼道灯坏了"


class FlakyCore:
    """Raises on the text `boom` (quoting what the user wrote, as SQL errors do), else echoes."""

    def __init__(self) -> None:
        self.handled: list[Incoming] = []

    async def handle(self, incoming: Incoming) -> Outcome:
        self.handled.append(incoming)
        if incoming.text == "boom" or incoming.callback_data == "boom":
            raise RuntimeError(f"[parameters: ('{SECRET_TEXT}',)]")
        assert incoming.chat_id is not None
        return Outcome([Reply(incoming.chat_id, "ok")])


class Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.fail = fail

    async def send_message(
        self, chat_id: int, text: str, reply_markup: dict[str, Any] | None
    ) -> None:
        self.calls.append(("send", (chat_id, text)))
        if self.fail:
            raise ConnectionResetError("telegram unreachable")

    async def send_photos(self, chat_id: int, file_ids: list[str]) -> None:
        self.calls.append(("photos", (chat_id, file_ids)))

    async def edit_message(
        self, chat_id: int, message_id: int, text: str, reply_markup: dict[str, Any] | None
    ) -> None:
        self.calls.append(("edit", (chat_id, text)))

    async def answer_callback(self, answer: CallbackAnswer) -> None:
        self.calls.append(("answer", answer))

    async def upload(self, file: LocalFile) -> None:
        self.calls.append(("upload", file))


def message(update_id: int, text: str, chat: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_780_000_000,
            "text": text,
            "chat": chat or {"id": RESIDENT, "type": "private", "first_name": "居民"},
            "from": {"id": RESIDENT, "is_bot": False, "first_name": "居民"},
        },
    }


def assert_logged_without_content(caplog: pytest.LogCaptureFixture, update_id: int) -> None:
    failures = [
        r
        for r in caplog.records
        if r.name == "griddesk.transport"
        and f"update {update_id} failed: RuntimeError" in r.getMessage()
    ]
    assert failures, [r.getMessage() for r in caplog.records]
    for record in caplog.records:
        assert PHONE not in record.getMessage() and "楼道灯" not in record.getMessage()
        assert PHONE not in (record.exc_text or "")


async def test_process_update_answers_politely_when_the_core_fails(
    caplog: pytest.LogCaptureFixture,
) -> None:
    core, transport = FlakyCore(), Recorder()
    await process_update(core, message(11, "boom"), transport)  # type: ignore[arg-type]
    assert transport.calls == [("send", (RESIDENT, texts.BUSY))]
    assert_logged_without_content(caplog, 11)
    press = {
        "update_id": 12,
        "callback_query": {
            "id": "q1",
            "chat_instance": "1",
            "data": "boom",
            "from": {"id": RESIDENT, "is_bot": False, "first_name": "x"},
            "message": {"message_id": 1, "date": 1, "chat": {"id": RESIDENT, "type": "private"}},
        },
    }
    transport.calls.clear()
    await process_update(core, press, transport)  # type: ignore[arg-type]
    assert transport.calls == [
        ("answer", CallbackAnswer("q1", texts.BUSY, alert=True)),
        ("send", (RESIDENT, texts.BUSY)),
    ]
    transport.calls.clear()
    group = {"id": -100555, "type": "supergroup", "title": "群"}
    await process_update(core, message(13, "boom", group), transport)  # type: ignore[arg-type]
    assert transport.calls == []  # never chatter in a group
    await process_update(core, {"update_id": "garbage"}, transport)  # type: ignore[arg-type]


async def test_a_reply_telegram_refuses_does_not_escape(caplog: pytest.LogCaptureFixture) -> None:
    transport = Recorder(fail=True)
    await process_update(FlakyCore(), message(21, "hello"), transport)  # type: ignore[arg-type]
    assert transport.calls == [("send", (RESIDENT, "ok"))]
    assert any("failed: ConnectionResetError" in r.getMessage() for r in caplog.records)


async def feed(
    framework: str, core: FlakyCore, api: BotApiDouble, updates: list[dict[str, Any]]
) -> None:
    """Push updates through the framework's own dispatching, as polling and webhooks do."""
    if framework == "aiogram":
        bot = make_bot(api.token, api.base_url)
        dispatcher = build_dispatcher(core)  # type: ignore[arg-type]
        try:
            for update in updates:
                await dispatcher.feed_update(
                    bot, AiogramUpdate.model_validate(update, context={"bot": bot})
                )
        finally:
            await bot.session.close()
        return
    application = build_application(core, api.token, api.base_url)  # type: ignore[arg-type]
    async with application:
        for update in updates:
            await application.process_update(PtbUpdate.de_json(update, application.bot))


async def test_the_frameworks_survive_a_failing_core(
    framework: str, api: BotApiDouble, caplog: pytest.LogCaptureFixture
) -> None:
    api.user(RESIDENT, "居民")
    core = FlakyCore()
    await feed(framework, core, api, [message(31, "boom"), message(32, "hello")])
    assert [m.plain_text for m in api.messages_to(RESIDENT)] == [texts.BUSY, "ok"]
    assert_logged_without_content(caplog, 31)


@pytest.fixture
def boom_on_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real core, except that the text `boom` makes it raise (an unforeseen bug)."""
    original = Core.handle

    async def handle(self: Core, incoming: Incoming) -> Outcome:
        if incoming.text == "boom":
            raise RuntimeError(f"[parameters: ('{SECRET_TEXT}',)]")
        return await original(self, incoming)

    monkeypatch.setattr(Core, "handle", handle)


@pytest.mark.usefixtures("boom_on_text")
async def test_the_polling_loop_survives_a_failing_update(
    framework: str, api: BotApiDouble, pg_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    resident = api.user(RESIDENT, "居民")
    async with polling_bot(bot_settings(api, pg_url, framework), api):
        await resident.send_text("boom")
        await api.wait_for(resident, "系统繁忙", timeout=10)
        await resident.send_text(LAMP)
        await api.wait_for(resident, "请核对", timeout=10)
    for record in caplog.records:
        assert PHONE not in record.getMessage() + (record.exc_text or "")


# --- webhook ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.asynccontextmanager
async def webhook(
    api: BotApiDouble, pg_url: str, framework: str, url: str, **extra: Any
) -> AsyncIterator[str]:
    """Run `griddesk webhook` in-process; yields the secret it registered with setWebhook."""
    port = int(url.split(":")[2].split("/")[0])
    settings = bot_settings(api, pg_url, framework, **extra)
    task = asyncio.create_task(run_webhook(settings, "127.0.0.1", port, "/tg/hook", url))
    try:
        call = await api.wait_for_call("setWebhook", timeout=15)
        for _ in range(200):  # setWebhook comes just before the server listens
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                assert not task.done(), task
                await asyncio.sleep(0.05)
                continue
            writer.close()
            break
        yield str(call.params["secret_token"])
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def test_no_secret_and_no_url_refuses_to_start() -> None:
    bare = Settings.model_validate({"TELEGRAM_BOT_TOKEN": "1:a"})
    with pytest.raises(SystemExit, match="TELEGRAM_WEBHOOK_SECRET"):
        webhook_secret(bare, None)
    assert len(webhook_secret(bare, "https://example.org/hook")) >= 32
    configured = Settings.model_validate(
        {"TELEGRAM_BOT_TOKEN": "1:a", "TELEGRAM_WEBHOOK_SECRET": "s3cret"}
    )
    assert webhook_secret(configured, None) == "s3cret"


async def test_webhook_without_configured_secret_registers_a_random_one(
    api: BotApiDouble, pg_url: str, framework: str
) -> None:
    url = f"http://127.0.0.1:{free_port()}/tg/hook"
    async with webhook(api, pg_url, framework, url) as secret, aiohttp.ClientSession() as http:
        assert len(secret) >= 32
        for headers in (
            {},
            {"X-Telegram-Bot-Api-Secret-Token": ""},
            {"X-Telegram-Bot-Api-Secret-Token": secret[:-1]},
        ):
            async with http.post(url, json=message(41, LAMP), headers=headers) as response:
                assert response.status == 401
        assert api.messages_to(RESIDENT) == []


async def test_webhook_survives_bad_bodies(api: BotApiDouble, pg_url: str, framework: str) -> None:
    url = f"http://127.0.0.1:{free_port()}/tg/hook"
    resident = api.user(RESIDENT, "居民")
    async with (
        webhook(api, pg_url, framework, url, TELEGRAM_WEBHOOK_SECRET="k-1") as secret,
        aiohttp.ClientSession() as http,
    ):
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
        for body in (
            b"{not json",
            b"[]",
            b'"text"',
            b'{"update_id": "x"}',
            b"\xff\xfe",
            b'{"update_id": 5, "brand_new_type": {}}',
        ):
            async with http.post(
                url, data=body, headers={**headers, "Content-Type": "application/json"}
            ) as response:
                assert response.status in (200, 400, 500), body
        async with http.post(url, data=b"x" * (1024 * 1024 + 1), headers=headers) as response:
            assert response.status == 413
        async with http.post(url, json=message(51, LAMP), headers=headers) as response:
            assert response.status == 200
        await api.wait_for(resident, "请核对", timeout=10)
