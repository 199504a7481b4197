"""A resident's photo filed through the bot shows on the console's ticket page: the console
fetches it from the Bot API (double) with the bot's token, which the browser never sees."""

from __future__ import annotations

import re

from bench.botapi_double import BotApiDouble
from tests.e2e.test_front_door import LAMP, NUMBER, RESIDENT
from tests.web.console import OTHER_WORKER, WORKER, console_for

IMAGES = re.compile(r'<img src="(/console/t/[^"]+/photo/\d+)"')
PICTURE = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4 + b"\xff\xd9"


async def test_a_residents_photo_shows_on_the_ticket_page(api: BotApiDouble, start_bot,
                                                          pg_url: str) -> None:
    resident = api.user(RESIDENT, "张阿姨")
    async with start_bot():
        sent = await resident.send_photo(caption=LAMP, content_bytes=PICTURE)
        summary = await api.wait_for(resident, "请核对")
        await resident.press(summary, "确认提交")
        filed = await api.wait_for(resident, "已提交")
    number = NUMBER.search(filed.plain_text).group()  # type: ignore[union-attr]
    original = sent["message"]["photo"][-1]
    settings = {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE": api.base_url}
    async with console_for(pg_url, **settings) as console:
        await console.sign_in(WORKER)
        page = await (await console.client.get(f"/console/t/{number}")).text()
        [image] = IMAGES.findall(page)
        answer = await console.client.get(image)
        assert answer.status == 200
        assert answer.content_type == "image/jpeg"
        assert await answer.read() == PICTURE
        assert answer.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
        stored = api.files[original["file_id"]]
        for shown in (page, answer.headers.get("Content-Disposition", "")):
            assert api.token not in shown and stored.file_path not in shown
        fetched = [call for call in api.calls if call.method == "getFile"]
        assert [call.params["file_id"] for call in fetched] == [original["file_id"]]
        assert await (await console.client.get(image)).read() == PICTURE  # from the cache
        assert len([call for call in api.calls if call.method == "getFile"]) == 1
        assert (await console.client.get(image[:-1] + "1")).status == 404  # one photo only
        await console.sign_in(OTHER_WORKER)
        outside = await console.client.get(image)
        assert outside.status == 404 and PICTURE not in await outside.read()
