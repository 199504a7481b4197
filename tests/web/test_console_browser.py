"""The console in a real browser: sign in through a /console link, find an overdue ticket
with the filters, open it, transfer it to another grid (the new grid's worker gets the card
and the resident the update through the outbox; the map's colour of the old grid changes),
and a grid worker cannot open another grid's ticket."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.web.browser import chromium, require_browser, screenshot_dir
from tests.web.console import LIFT, OTHER_WORKER, TASK_FORCE, WORKER, console_for

LAMP = "颂运水庭7号楼门口的路灯坏了，晚上很黑"
FRESH = "明德花园5号楼楼道灯坏了，晚上看不见"
T = TypeVar("T")


async def in_browser(call: Callable[[], T]) -> T:
    """Run a blocking Selenium step in a thread, so the server in this loop keeps answering."""
    return await asyncio.to_thread(call)


def wait_for(driver: webdriver.Chrome, css: str) -> None:
    WebDriverWait(driver, 30).until(ready.presence_of_element_located((By.CSS_SELECTOR, css)))


def grid_tone(driver: webdriver.Chrome, base: str, grid: str) -> str:
    """Open the map and read the colour class the grid was drawn with."""
    driver.get(f"{base}/console/map")
    wait_for(driver, "body[data-map-ready]")
    wait_for(driver, "path.leaflet-interactive")  # the grid polygons were drawn
    return str(driver.find_element(By.ID, f"grid-{grid}").get_attribute("class"))


def numbers(driver: webdriver.Chrome) -> list[str]:
    return [link.text for link in driver.find_elements(By.CSS_SELECTOR, "a.number")]


def on_one_line(driver: webdriver.Chrome, css: str) -> bool:
    """Every element `css` selects keeps its words on one line (a narrow screen wraps the
    header's items, a wide queue its place and content, never a word one character per line)."""
    lines = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => {"
        " const r = document.createRange(); r.selectNodeContents(e);"
        " const boxes = [...r.getClientRects()].filter(b => b.width > 0);"
        " const first = Math.min(...boxes.map(b => b.bottom));"
        " return boxes.some(b => b.top >= first) ? 2 : 1; });",
        css,
    )
    return bool(lines) and all(count == 1 for count in lines)


# The queue's short columns: number, status, level, category, filed, due, channel.
SHORT_CELLS = ", ".join(
    f".queue td[data-label='{label}']"
    for label in ("编号", "状态", "层级", "类别", "提交", "时限", "渠道")
)


async def test_a_worker_finds_an_overdue_ticket_and_transfers_it(
    pg_url: str, tmp_path: Path,
) -> None:
    require_browser()
    shots = screenshot_dir(tmp_path)
    async with console_for(pg_url) as console:
        late = await console.file(LIFT)
        console.clock.advance(timedelta(days=2))  # past its deadlines; no sweep ran
        fresh = await console.file(FRESH, "resident1")
        other = await console.file(LAMP, "resident2")
        assert (late.grid_code, fresh.grid_code, other.grid_code) == (
            "MDHY-01", "MDHY-01", "SYST-02")
        console.chat.switch(WORKER)
        await console.chat.say("/console")
        link = console.chat.last_to(WORKER)[-1].text.rsplit("\n", 1)[1]
        base = str(console.client.make_url("/")).rstrip("/")
        link = link.replace("http://127.0.0.1:8081", base)
        with chromium() as driver:
            await in_browser(lambda: driver.get(link))
            await in_browser(lambda: wait_for(driver, "#sign-in"))
            await in_browser(lambda: driver.find_element(By.ID, "sign-in").click())
            await in_browser(lambda: wait_for(driver, "#filters"))
            assert await in_browser(lambda: numbers(driver)) == [fresh.number, late.number]
            await in_browser(lambda: driver.save_screenshot(str(shots / "queue.png")))
            assert await in_browser(lambda: on_one_line(driver, SHORT_CELLS))

            assert await in_browser(lambda: grid_tone(driver, base, "MDHY-01")) == "overdue"
            await in_browser(lambda: driver.get(f"{base}/console/"))
            await in_browser(lambda: wait_for(driver, "#filters"))
            await in_browser(lambda: driver.find_element(By.ID, "f-overdue").click())
            await in_browser(lambda: driver.find_element(By.ID, "apply").click())
            await in_browser(lambda: WebDriverWait(driver, 30).until(
                lambda d: "overdue=1" in d.current_url))
            assert await in_browser(lambda: numbers(driver)) == [late.number]

            await in_browser(lambda: driver.find_element(By.LINK_TEXT, late.number).click())
            await in_browser(lambda: wait_for(driver, "#act-transfer"))
            page = await in_browser(lambda: driver.find_element(By.TAG_NAME, "main").text)
            assert LIFT in page and "已超时" in page
            await in_browser(lambda: driver.save_screenshot(str(shots / "ticket.png")))

            def transfer() -> None:
                form = driver.find_element(By.ID, "act-transfer")
                Select(form.find_element(By.NAME, "grid")).select_by_value("SYST-02")
                form.find_element(By.NAME, "reason").send_keys("这栋楼归颂运水庭物业管")
                form.find_element(By.TAG_NAME, "button").click()

            await in_browser(transfer)
            await in_browser(lambda: wait_for(driver, "#notice"))
            notice = await in_browser(lambda: driver.find_element(By.ID, "notice").text)
            assert notice == f"{late.number} 已转派至颂运水庭第二网格。"
            assert await in_browser(lambda: numbers(driver)) == [fresh.number]
            assert await in_browser(lambda: grid_tone(driver, base, "MDHY-01")) == "open"

            await in_browser(lambda: driver.get(f"{base}/console/t/{other.number}"))
            body = await in_browser(lambda: driver.find_element(By.TAG_NAME, "body").text)
            assert "没有找到这件诉求" in body and LAMP not in body

            await in_browser(lambda: driver.set_window_size(390, 844))
            await in_browser(lambda: driver.get(f"{base}/console/"))
            await in_browser(lambda: wait_for(driver, "#filters"))
            await in_browser(lambda: driver.save_screenshot(str(shots / "queue-phone.png")))
            assert await in_browser(lambda: on_one_line(driver, ".top a, .top button"))

            await in_browser(lambda: driver.set_window_size(1280, 900))
            token = await console.link_token(TASK_FORCE)
            await in_browser(lambda: driver.get(f"{base}/console/login?token={token}"))
            await in_browser(lambda: driver.find_element(By.ID, "sign-in").click())
            await in_browser(lambda: wait_for(driver, "#filters"))  # signed in: the queue
            await in_browser(lambda: driver.get(f"{base}/console/dashboard?every=1"))
            await in_browser(lambda: wait_for(driver, "body[data-refreshed]"))  # it reloads
            text = await in_browser(lambda: driver.find_element(By.ID, "dashboard").text)
            assert "网格超时排名" in text and "明德花园第一网格" in text
            assert await in_browser(lambda: grid_tone(driver, base, "SYST-02")) == "open"
            await in_browser(lambda: driver.save_screenshot(str(shots / "map.png")))

        await console.chat.drain_outbox()
        card = console.chat.last_to(OTHER_WORKER)
        assert any(late.number in m.text and "转派" in m.text for m in card)
        update = console.chat.last_to("resident")[-1].text
        assert late.number in update and "颂运水庭" in update
