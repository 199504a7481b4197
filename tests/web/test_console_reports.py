"""Reports in the console: the monthly analysis and ledgers of one's own scope."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.web.console import LIFT, TASK_FORCE, WORKER, console_for


async def test_a_month_of_ones_scope_in_the_page_and_as_files(db_url: str) -> None:
    async with console_for(db_url) as console:
        await console.file(LIFT)
        await console.sign_in(WORKER)
        listing = await (await console.client.get("/console/reports")).text()
        assert "明德花园第一网格" in listing and "/console/reports/MDHY-01/2026-11/" in listing
        assert "/console/reports/TBH/" not in listing
        assert (await console.client.get("/console/reports/TBH/2026-11/")).status == 404
        assert (await console.client.get("/console/reports/SYST-02/2026-11/")).status == 404
        await console.sign_in(TASK_FORCE)
        code = console.app.services.config.district.code
        page = await console.client.get(f"/console/reports/{code}/2026-11/")
        assert page.status == 200
        text = await page.text()
        html_name = f"monthly-{code}-2026-11.html"
        assert f'src="{html_name}"' in text and ".png" in text
        report = await console.client.get(f"/console/reports/{code}/2026-11/{html_name}")
        assert report.status == 200 and "<script" not in await report.text()
        assert "script-src" not in report.headers["Content-Security-Policy"]
        assert report.headers["X-Frame-Options"] == "SAMEORIGIN"
        ledger = await console.client.get(
            f"/console/reports/{code}/2026-11/monthly-{code}-2026-11.xlsx")
        book = load_workbook(io.BytesIO(await ledger.read()))
        assert any("明德花园第一网格" in name for name in book.sheetnames)
        missing = await console.client.get(f"/console/reports/{code}/2026-11/..%2Fsecret")
        assert missing.status == 404
