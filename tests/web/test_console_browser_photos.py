"""A resident's photo in a real browser: the ticket page's image loads from the console (the
Bot API double behind it), under the console's Content-Security-Policy."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bench.botapi_double import BotApiDouble
from tests.web.browser import chromium, require_browser, screenshot_dir
from tests.web.console import LIFT, WORKER, console_for
from tests.web.test_console_browser import in_browser, wait_for
from tests.web.test_console_photos import set_ticket


def picture(width: int = 48, height: int = 32) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 60, 40)).save(buffer, format="JPEG")
    return buffer.getvalue()


async def test_the_ticket_page_shows_the_photo(pg_url: str, tmp_path: Path) -> None:
    require_browser()
    async with BotApiDouble() as api:
        photo = api.new_file("photo", picture())
        settings = {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE": api.base_url}
        async with console_for(pg_url, **settings) as console:
            ticket = await console.file(LIFT)
            await set_ticket(console, ticket.number, attachments=[photo.file_id])
            token = await console.link_token(WORKER)
            base = str(console.client.make_url("/")).rstrip("/")
            with chromium() as driver:
                await in_browser(lambda: driver.get(f"{base}/console/login?token={token}"))
                await in_browser(lambda: driver.find_element(By.ID, "sign-in").click())
                await in_browser(lambda: wait_for(driver, "#filters"))
                await in_browser(lambda: driver.get(f"{base}/console/t/{ticket.number}"))
                await in_browser(lambda: wait_for(driver, "#photos img"))
                size = await in_browser(lambda: WebDriverWait(driver, 30).until(
                    lambda d: d.execute_script(
                        "const i = document.querySelector('#photos img');"
                        "return i.complete && i.naturalWidth ? [i.naturalWidth, i.naturalHeight]"
                        " : null;")))
                assert size == [48, 32]
                shots = screenshot_dir(tmp_path)
                await in_browser(lambda: driver.save_screenshot(str(shots / "ticket-photo.png")))
                assert api.token not in await in_browser(lambda: driver.page_source)
