"""The queue: scope, filters, search, counts, sorting, pages and exports."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from openpyxl import load_workbook

from tests.web.console import LIFT, OTHER_WORKER, TASK_FORCE, WORKER, Console, console_for

LAMP = "颂运水庭7号楼门口的路灯坏了，晚上很黑"
FORMULA = "=HYPERLINK(\"http://x\") 明德花园3号楼的垃圾好几天没人清了"
NUMBERS = re.compile(r'class="number">([^<]+)<')


async def shown(console: Console, **params: str) -> list[str]:
    response = await console.client.get("/console/", params=params)
    assert response.status == 200
    return NUMBERS.findall(await response.text())


async def test_a_grid_worker_sees_their_grid_and_the_task_force_everything(db_url: str) -> None:
    async with console_for(db_url) as console:
        lift = await console.file(LIFT)
        lamp = await console.file(LAMP, "resident1")
        assert (lift.grid_code, lamp.grid_code) == ("MDHY-01", "SYST-02")
        await console.sign_in(WORKER)
        assert await shown(console) == [lift.number]
        await console.sign_in(OTHER_WORKER)
        assert await shown(console) == [lamp.number]
        await console.sign_in(TASK_FORCE)
        assert await shown(console) == [lamp.number, lift.number]  # newest first
        assert await shown(console, sort="old") == [lift.number, lamp.number]
        assert await shown(console, grid="SYST-02") == [lamp.number]
        assert await shown(console, community="MDHY") == [lift.number]
        assert await shown(console, q=lamp.number.lower()) == [lamp.number]
        assert await shown(console, q="电梯 老人") == [lift.number]
        assert await shown(console, q="电梯 路灯") == []
        assert await shown(console, category=lift.category_code) == [lift.number]
        assert await shown(console, level="1") == []
        assert await shown(console, status="assigned", grid="MDHY-01") == [lift.number]


async def test_overdue_and_due_soon_find_the_late_and_the_coming_tickets(db_url: str) -> None:
    async with console_for(db_url) as console:
        late = await console.file(LIFT)
        console.clock.advance(timedelta(days=3))  # past its deadlines (no sweep ran)
        fresh = await console.file(FORMULA, "resident1")
        await console.sign_in(TASK_FORCE)
        assert await shown(console, overdue="1") == [late.number]
        assert await shown(console, due_within="3") == [fresh.number]
        page = await (await console.client.get("/console/", params={"overdue": "1"})).text()
        assert re.search(r'id="total">1</strong> 件，其中超时 <strong class="late">1<', page)
        today = console.clock.now().date().isoformat()
        assert await shown(console, since=today) == [fresh.number]
        assert await shown(console, until=(console.clock.now() - timedelta(days=1)).date()
                           .isoformat()) == [late.number]
        assert await shown(console, unsatisfied="1") == []


async def test_exports_hold_what_the_queue_shows_and_defuse_formulas(db_url: str) -> None:
    async with console_for(db_url) as console:
        await console.file(LIFT)
        formula = await console.file(FORMULA, "resident1")
        await console.sign_in(TASK_FORCE)
        params = {"q": "垃圾"}
        csv = await console.client.get("/console/export.csv", params=params)
        assert csv.status == 200 and "attachment" in csv.headers["Content-Disposition"]
        lines = (await csv.read()).decode("utf-8-sig").splitlines()
        assert len(lines) == 2 and lines[1].startswith(formula.number)
        assert "'=HYPERLINK" in lines[1]
        xlsx = await console.client.get("/console/export.xlsx", params=params)
        sheet = load_workbook(io.BytesIO(await xlsx.read())).active
        assert sheet is not None
        assert [cell.value for cell in sheet["A"]] == ["编号", formula.number]
        summary = sheet.cell(row=2, column=6)
        assert summary.data_type == "s" and str(summary.value).startswith("=HYPERLINK")


async def test_pages_and_counts(db_url: str) -> None:
    async with console_for(db_url) as console:
        filed = [await console.file(f"明德花园{n}号楼的电梯坏了，第{n}次反映", f"resident{n}")
                 for n in range(1, 4)]
        await console.sign_in(TASK_FORCE)
        first = await shown(console, per_page="2")
        second = await shown(console, per_page="2", page="2")
        assert first + second == [t.number for t in reversed(filed)]
        text = await (await console.client.get("/console/")).text()
        assert "待受理 3" in text
        paged = await (await console.client.get("/console/", params={"per_page": "2"})).text()
        assert "第 1 / 2 页" in paged and "per_page=2&amp;page=2" in paged
