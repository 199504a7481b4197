"""`griddesk webhook`: updates arrive by HTTP POST; no secret token, no entry."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import aiohttp

from bench.botapi_double import BotApiDouble
from bot.telegram.runner import run_webhook
from tests.e2e.conftest import bot_settings
from tests.e2e.test_front_door import LAMP, db_tickets

SECRET = "hook-Secret_42"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_serves_updates_and_refuses_strangers(api: BotApiDouble, pg_url: str,
                                                            framework: str) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg/hook"
    settings = bot_settings(api, pg_url, framework, TELEGRAM_WEBHOOK_SECRET=SECRET)
    task = asyncio.create_task(run_webhook(settings, "127.0.0.1", port, "/tg/hook", url))
    try:
        hook = await api.wait_for_call("setWebhook", timeout=15)
        assert hook.params["secret_token"] == SECRET
        resident = api.user(5550003, "周")
        await resident.send_text(LAMP)
        summary = await api.wait_for(resident, "请核对", timeout=10)
        await resident.press(summary, "确认提交")
        await api.wait_for(resident, "已提交", timeout=10)
        async with aiohttp.ClientSession() as http:
            update = {"update_id": 99, "message": {
                "message_id": 1, "date": 1, "text": LAMP,
                "chat": {"id": 5550004, "type": "private"},
                "from": {"id": 5550004, "is_bot": False, "first_name": "x"}}}
            async with http.post(url, json=update) as response:
                assert response.status == 401
            wrong = {"X-Telegram-Bot-Api-Secret-Token": "guess"}
            async with http.post(url, json=update, headers=wrong) as response:
                assert response.status == 401
            huge = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            async with http.post(url, data=b"x" * (2 * 1024 * 1024), headers=huge) as response:
                assert response.status == 413
        assert api.messages_to(5550004) == []
        assert len(await db_tickets(pg_url)) == 1
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
