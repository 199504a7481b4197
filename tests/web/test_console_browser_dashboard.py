"""The dashboard's charts in a real browser: Chart.js (vendored, served by the console) draws
the 14-day trend and the week's categories on their canvases, again after the page refreshes
itself, and the Content-Security-Policy is not violated on the way."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.web.browser import chromium, require_browser, screenshot_dir
from tests.web.console import LIFT, TASK_FORCE, console_for
from tests.web.test_console_browser import in_browser, wait_for

LAMP = "颂运水庭7号楼门口的路灯坏了，晚上很黑"
STAIRS = "明德花园5号楼楼道灯坏了，晚上看不见"
# Recorded in every document before its own scripts run: what the CSP refused.
WATCH_CSP = ("window.__violations = [];"
             "document.addEventListener('securitypolicyviolation', function (e) {"
             "  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });")
# Pixels of a canvas: [drawn (alpha > 0), of the bars' colour].
PIXELS = """
const canvas = document.getElementById(arguments[0]);
if (!canvas || !canvas.width || !canvas.height) { return null; }
const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
const [r, g, b] = arguments[1];
let drawn = 0, bars = 0;
for (let i = 0; i < d.length; i += 4) {
  if (d[i + 3] > 0) { drawn += 1; }
  if (d[i] === r && d[i + 1] === g && d[i + 2] === b && d[i + 3] === 255) { bars += 1; }
}
return [drawn, bars];
"""
TREND = (0x25, 0x63, 0xEB)  # the colours static/dashboard.js gives the bars
CATEGORY = (0x0F, 0x76, 0x6E)


def pixels(driver: webdriver.Chrome, canvas: str, colour: tuple[int, int, int]) -> Any:
    return driver.execute_script(PIXELS, canvas, list(colour))


def redrawn(driver: webdriver.Chrome, canvas: str, colour: tuple[int, int, int]) -> Any:
    """The canvas's pixels once its bars are drawn, else nothing (to wait for)."""
    found = pixels(driver, canvas, colour)
    return found if found and found[1] > 100 else None


def drawn(driver: webdriver.Chrome, canvas: str, colour: tuple[int, int, int]) -> Any:
    """The canvas's pixels, waited for: a page that refreshes itself (every=2) may be read
    between two bodies, when there is no canvas yet."""
    return WebDriverWait(driver, 30).until(lambda d: redrawn(d, canvas, colour))


def csp_errors(driver: webdriver.Chrome) -> list[str]:
    """The CSP refusals chromium logged plus those the page's listener recorded."""
    logged = [entry["message"] for entry in driver.get_log("browser")
              if "Content Security Policy" in entry["message"]]
    return logged + list(driver.execute_script("return window.__violations || [];"))


async def test_the_dashboard_charts_are_drawn_under_the_csp(
    pg_url: str, tmp_path: Path,
) -> None:
    require_browser()
    async with console_for(pg_url) as console:
        for day, texts in enumerate(([LIFT], [STAIRS, LAMP], [LIFT, STAIRS, LAMP])):
            if day:
                console.clock.advance(timedelta(days=1))
            for n, text in enumerate(texts):
                await console.file(text, f"resident{day}{n}")
        token = await console.link_token(TASK_FORCE)
        base = str(console.client.make_url("/")).rstrip("/")
        with chromium(1280, 1300) as driver:
            await in_browser(lambda: driver.execute_cdp_cmd(
                "Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_CSP}))
            await in_browser(lambda: driver.get(f"{base}/console/login?token={token}"))
            await in_browser(lambda: driver.find_element(By.ID, "sign-in").click())
            await in_browser(lambda: wait_for(driver, "#filters"))
            await in_browser(lambda: driver.get(f"{base}/console/dashboard?every=2"))
            await in_browser(lambda: wait_for(driver, "#dashboard[data-charted]"))
            for canvas, colour in (("trend-chart", TREND), ("category-chart", CATEGORY)):
                found, bars = await in_browser(lambda c=canvas, k=colour: drawn(driver, c, k))
                assert found > 1000 and bars > 100, (canvas, found, bars)
            hidden = await in_browser(lambda: [
                table.is_displayed() for table in driver.find_elements(By.CSS_SELECTOR,
                                                                       "table.bars")])
            assert hidden == [False, False]  # the charts stand in for the fallback bars
            await in_browser(lambda: driver.save_screenshot(
                str(screenshot_dir(tmp_path) / "dashboard.png")))

            await in_browser(lambda: wait_for(driver, "body[data-refreshed]"))
            again = await in_browser(lambda: drawn(driver, "trend-chart", TREND))  # new body
            assert again[0] > 1000 and again[1] > 100
            assert await in_browser(lambda: csp_errors(driver)) == []

            # The watch sees a refusal when there is one: an inline script is refused.
            await in_browser(lambda: driver.execute_script(
                "const s = document.createElement('script');"
                "s.textContent = 'window.__ran = 1;'; document.body.appendChild(s);"))
            refused = await in_browser(lambda: WebDriverWait(driver, 30).until(
                lambda d: csp_errors(d)))
            assert any("script-src" in line for line in refused)
            assert await in_browser(lambda: driver.execute_script("return window.__ran;")) is None
