"""The dashboard's figures for one's scope, and the body it reloads by itself."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from sqlalchemy import update

from handlers.tickets import TicketService
from models.orm import TicketRow
from tests.web.console import LIFT, WORKER, Console, console_for

LAMP = "颂运水庭7号楼门口的路灯坏了，晚上很黑"
STAIRS = "明德花园5号楼楼道灯坏了，晚上看不见"


def figure(page: str, card: int, name: str) -> str:
    block = page.split(f'id="flow-{card}"', 1)[1]
    found = re.search(rf'data-figure="{name}">([^<]*)<', block)
    assert found is not None
    return found.group(1)


async def resolve_and_rate(console: Console, ticket_id: int) -> None:
    services = console.app.services
    async with services.uow_factory() as uow:
        service = TicketService(uow, services.clock, services.config)
        ticket = await service.get(ticket_id, for_update=True)
        assert ticket is not None
        await service.accept(ticket, WORKER)
        await service.resolve(ticket, WORKER, "已修好")
        await service.rate(ticket, "satisfied")
        await uow.commit()


async def test_the_dashboard_counts_the_scopes_day_and_week(db_url: str) -> None:
    async with console_for(db_url) as console:
        lift = await console.file(LIFT)
        await console.file(LAMP, "resident1")  # another grid: not the worker's figures
        stairs = await console.file(STAIRS, "resident2")
        async with console.app.services.uow_factory() as uow:
            await uow.session.execute(update(TicketRow).where(TicketRow.id == stairs.id)
                                      .values(urgent=True, urgent_frame="有人受伤"))
            await uow.commit()
        await resolve_and_rate(console, lift.id)
        console.clock.advance(timedelta(hours=3))  # the stairs ticket's acceptance is late
        await console.sign_in(WORKER)
        page = await (await console.client.get("/console/dashboard")).text()
        assert 'data-source="/console/dashboard?part=1"' in page
        for card in (1, 2):  # today, this week
            assert figure(page, card, "received") == "2"
            assert figure(page, card, "accepted") == "1"
            assert figure(page, card, "resolved") == "1"
            assert figure(page, card, "on_time") == "100%"
            assert figure(page, card, "satisfaction").startswith("100%（1件评价）")
        assert 'id="overdue-total">1<' in page
        assert "近24小时紧急诉求" in page and stairs.number in page and "有人受伤" in page
        assert re.search(r"<td>明德花园第一网格</td><td>1</td><td>1</td>", page)
        assert "颂运水庭" not in page
        body = await (await console.client.get("/console/dashboard", params={"part": "1"})).text()
        assert "<html" not in body and 'id="flow-1"' in body


async def test_the_charts_read_the_same_figures_as_the_bars(db_url: str) -> None:
    async with console_for(db_url) as console:
        await console.file(LIFT)
        console.clock.advance(timedelta(days=1))
        await console.file(STAIRS, "resident1")
        await console.file(LAMP, "resident2")  # another grid: not the worker's figures
        await console.sign_in(WORKER)
        page = await (await console.client.get("/console/dashboard")).text()
        assert '<script src="/console/static/vendor/chart.js/chart.umd.js" defer>' in page
        assert 'id="trend-chart"' in page and 'id="category-chart"' in page
        found = re.search(r'<script type="application/json" id="chart-data">([^<]*)</script>',
                          page)
        assert found is not None
        charts = json.loads(found.group(1))
        trend = charts["trend"]
        assert len(trend["labels"]) == 14 and trend["values"][-2:] == [1, 1]
        assert sum(trend["values"]) == 2
        bars = re.findall(r'<tr><th>(\d\d-\d\d)</th><td><progress max="\d+" value="(\d+)">',
                          page)  # the fallback bars say the same
        assert [(day, int(count)) for day, count in bars] == list(
            zip(trend["labels"], trend["values"], strict=True))
        categories = charts["categories"]
        assert sum(categories["values"]) == 2 and len(categories["labels"]) >= 1
        asset = await console.client.get("/console/static/vendor/chart.js/chart.umd.js")
        assert asset.status == 200 and "Chart.js v4" in await asset.text()

