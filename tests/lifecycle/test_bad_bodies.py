"""A webhook body that is no update gets 400 and exactly one log line, on both frameworks."""

from __future__ import annotations

import json
import signal

import aiohttp
import pytest

from bench.botapi_double import BotApiDouble
from tests.e2e.test_front_door import LAMP
from tests.lifecycle.processes import SECRET, Launcher

RESIDENT = 5580001
FROM = {"id": RESIDENT, "is_bot": False, "first_name": "居民"}
CHAT = {"id": RESIDENT, "type": "private"}


def update(**content: object) -> bytes:
    return json.dumps({"update_id": 42, **content}).encode()


BAD_BODIES = [
    b"{not json",
    b"\xff\xfe",
    b"",
    b"[]",
    b'"text"',
    b"null",
    b'{"ok": true}',
    b'{"update_id": "x"}',
    b'{"update_id": true}',
    b'{"update_id": 1.5}',
    update(message="hello"),
    update(
        message={
            "message_id": 1,
            "date": 1,
            "chat": {"id": "abc", "type": "private"},
            "from": FROM,
            "text": "hi",
        }
    ),
    update(message={"message_id": 1, "date": 1, "chat": CHAT, "from": FROM, "text": 5}),
    update(message={"message_id": 1, "date": 1, "chat": CHAT, "from": {"id": "12x"}, "text": "hi"}),
    update(message={"message_id": 1, "date": 1, "chat": CHAT, "from": FROM, "photo": "x"}),
    update(callback_query=["x"]),
    update(callback_query={"id": "7", "from": FROM, "chat_instance": "1", "data": ["x"]}),
]


@pytest.mark.parametrize("mode", ["webhook"])
async def test_bad_bodies_get_400_and_one_log_line(api: BotApiDouble, launcher: Launcher) -> None:
    resident = api.user(RESIDENT, "居民")
    bot = await launcher.start()
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as http:
        for body in BAD_BODIES:
            before = len(bot.text().splitlines())
            async with http.post(launcher.url, data=body, headers=headers) as response:
                assert response.status == 400, body
            new = bot.text().splitlines()[before:]
            assert len(new) == 1 and "webhook body refused" in new[0], (body, new)
        before = len(bot.text().splitlines())
        async with http.post(
            launcher.url, data=update(brand_new_type={}), headers=headers
        ) as response:
            assert response.status == 200  # a type Telegram added later: fine, and quiet
        assert bot.text().splitlines()[before:] == []
    await resident.send_text(LAMP)
    await api.wait_for(resident, "请核对", timeout=30)
    assert await bot.stop(signal.SIGTERM) == 0
    log = bot.text()
    assert "Traceback" not in log and "never retrieved" not in log and " 500" not in log
