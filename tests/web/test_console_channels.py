"""The channel a ticket came through: filtered in the queue, named on the ticket page and on
its timeline."""

from __future__ import annotations

from sqlalchemy import update

from models.orm import TicketRow
from tests.web.console import LIFT, TASK_FORCE, WORKER, Console, console_for
from tests.web.test_console_queue import LAMP, shown

DRAIN = "明德花园3号楼下水道堵了，污水漫到路上"


async def _set_source(console: Console, number: str, source: str,
                      filed_by: str | None = None) -> None:
    async with console.app.services.uow_factory() as uow:
        await uow.session.execute(update(TicketRow).where(TicketRow.number == number)
                                  .values(source=source, filed_by=filed_by))
        await uow.commit()


async def test_the_queue_filters_by_channel(db_url: str) -> None:
    async with console_for(db_url) as console:
        chat = await console.file(LIFT)
        hotline = await console.file(LAMP, "resident1")
        visit = await console.file(DRAIN, "resident2")
        await _set_source(console, hotline.number, "open311:hotline")
        await _set_source(console, visit.number, "visit", WORKER)
        await console.sign_in(TASK_FORCE)
        assert await shown(console, source="telegram") == [chat.number]
        assert await shown(console, source="visit") == [visit.number]
        assert await shown(console, source="open311") == [hotline.number]
        assert await shown(console, source="open311:hotline") == [hotline.number]
        assert await shown(console, source="open311:other") == []
        assert await shown(console, source="open311:") == [visit.number, hotline.number,
                                                           chat.number]  # ignored
        page = await (await console.client.get("/console/", params={"source": "visit"})).text()
        assert "<td data-label=\"渠道\">网格员走访代报</td>" in page
        page = await (await console.client.get(
            "/console/", params={"source": "open311:hotline"})).text()
        assert '<option value="open311:hotline" selected>Open311接入（hotline）</option>' in page


async def test_the_ticket_page_names_the_channel_and_the_worker_who_filed(db_url: str) -> None:
    async with console_for(db_url) as console:
        hotline = await console.file(LAMP, "resident1")
        visit = await console.file(DRAIN, "resident2")
        await _set_source(console, hotline.number, "open311:hotline")
        await _set_source(console, visit.number, "visit", WORKER)
        await console.sign_in(TASK_FORCE)
        page = await (await console.client.get(f"/console/t/{hotline.number}")).text()
        assert '<a href="/console/?source=open311%3Ahotline">Open311接入（hotline）</a>' in page
        assert "· 居民 · Open311接入（hotline）" in page
        page = await (await console.client.get(f"/console/t/{visit.number}")).text()
        assert ">网格员走访代报</a>" in page
        assert "· 王晓东（代居民反映） · 网格员走访代报" in page
