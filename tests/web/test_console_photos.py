"""Photos on the console's ticket page: references resolved through the Bot API (double),
only image bytes served, the token kept out of pages and logs; Open311 links shown, not fetched."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import update

from bench.botapi_double import BotApiDouble
from bot.web.console.photos import PhotoSource, PhotoUnavailable, image_type
from models.orm import TicketRow
from tests.web.console import LIFT, WORKER, Console, console_for

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 16


async def set_ticket(console: Console, number: str, **values: object) -> None:
    async with console.app.services.uow_factory() as uow:
        await uow.session.execute(update(TicketRow).where(TicketRow.number == number)
                                  .values(**values))
        await uow.commit()


def test_the_type_comes_from_the_bytes() -> None:
    assert image_type(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert (image_type(PNG), image_type(WEBP)) == ("image/png", "image/webp")
    assert image_type(b"GIF89a...") == "image/gif"
    assert image_type(b"<svg onload=alert(1)>") == ""
    assert image_type(b"%PDF-1.7") == ""


async def test_a_reference_resolves_bare_or_prefixed_and_is_cached() -> None:
    async with BotApiDouble() as api:
        entry = api.new_file("photo", PNG)
        photos = PhotoSource(api.token, api.base_url)
        try:
            assert await photos.resolve(entry.file_id) == PNG
            assert await photos.resolve("tg:" + entry.file_id) == PNG
            found = await photos.photo(entry.file_id)
            assert (found.body, found.content_type) == (PNG, "image/png")
            before = len(api.calls)
            assert (await photos.photo(entry.file_id)).body == PNG
            assert len(api.calls) == before  # served from memory
            for reference in ("https://example.org/a.jpg", "open311:x", "tg:", "unknown-id"):
                with pytest.raises(PhotoUnavailable):
                    await photos.resolve(reference)
        finally:
            await photos.close()


async def test_no_token_or_a_failing_api_makes_the_photo_unavailable(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with BotApiDouble() as api:
        entry = api.new_file("photo", PNG)
        without = PhotoSource(None, api.base_url)
        assert not without.available
        with pytest.raises(PhotoUnavailable):
            await without.resolve(entry.file_id)
        wrong = PhotoSource("123:wrong", api.base_url)
        failing = PhotoSource(api.token, api.base_url)
        try:
            with pytest.raises(PhotoUnavailable):
                await wrong.resolve(entry.file_id)
            api.inject("getFile", "connection_reset")
            with (caplog.at_level(logging.WARNING, logger="griddesk.console"),
                  pytest.raises(PhotoUnavailable)):
                await failing.resolve(entry.file_id)
            assert caplog.records and api.token not in caplog.text
            assert await failing.resolve(entry.file_id) == PNG  # the next try goes through
        finally:
            await wrong.close()
            await failing.close()


async def test_the_console_serves_only_images_and_links_open311_media(db_url: str) -> None:
    async with BotApiDouble() as api:
        picture, script = api.new_file("photo", PNG), api.new_file("document", b"<script>")
        settings = {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE": api.base_url}
        async with console_for(db_url, **settings) as console:
            ticket = await console.file(LIFT)
            await set_ticket(console, ticket.number,
                       attachments=["tg:" + picture.file_id, script.file_id],
                       media_url="https://hotline.example.org/m/1.jpg?a=1&b=<2>")
            await console.sign_in(WORKER)
            page = await (await console.client.get(f"/console/t/{ticket.number}")).text()
            for index in (0, 1):
                assert f'<img src="/console/t/{ticket.number}/photo/{index}"' in page
            assert api.token not in page and picture.file_id not in page
            assert ('<a href="https://hotline.example.org/m/1.jpg?a=1&amp;b=&lt;2&gt;" '
                    'rel="noopener noreferrer nofollow"') in page
            first = await console.client.get(f"/console/t/{ticket.number}/photo/0")
            assert (first.status, first.content_type, await first.read()) == (
                200, "image/png", PNG)
            second = await console.client.get(f"/console/t/{ticket.number}/photo/1")
            assert second.status == 415 and b"<script>" not in await second.read()
            await set_ticket(console, ticket.number, media_url="javascript:alert(1)")
            page = await (await console.client.get(f"/console/t/{ticket.number}")).text()
            assert "javascript:" not in page


async def test_without_a_bot_the_page_counts_the_photos(db_url: str) -> None:
    async with console_for(db_url) as console:
        ticket = await console.file(LIFT)
        await set_ticket(console, ticket.number, attachments=["tg:AgACAgIAxyz"])
        await console.sign_in(WORKER)
        page = await (await console.client.get(f"/console/t/{ticket.number}")).text()
        assert "1 张（未配置机器人" in page and "<img" not in page
        answer = await console.client.get(f"/console/t/{ticket.number}/photo/0")
        assert answer.status == 503
