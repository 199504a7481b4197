"""The queue's counts: exact from the indexes, bounded for a search word or a channel."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from handlers.tickets import TicketService
from models.orm import TicketRow
from models.repos import console as queries
from tests.web.console import TASK_FORCE, Console, console_for
from tests.web.test_console_queue import shown

BOUND = 2


@pytest.fixture(autouse=True)
def small_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound of 1,000 made small enough for a handful of tickets."""
    monkeypatch.setattr(queries, "COUNT_BOUND", BOUND)


async def lifts(console: Console, count: int) -> list[TicketRow]:
    return [await console.file(f"明德花园{n}号楼的电梯坏了，第{n}次反映", f"resident{n}")
            for n in range(1, count + 1)]


async def accept(console: Console, ticket: TicketRow) -> None:
    services = console.app.services
    async with services.uow_factory() as uow:
        service = TicketService(uow, services.clock, services.config)
        held = await service.get(ticket.id, for_update=True)
        assert held is not None and held.assignee_code is not None
        await service.accept(held, held.assignee_code)
        await uow.commit()


async def page(console: Console, **params: str) -> str:
    response = await console.client.get("/console/", params=params)
    assert response.status == 200
    return await response.text()


def counts(text: str) -> tuple[str, str]:
    found = re.search(r'id="total">([^<]+)</strong> 件，其中超时 <strong class="late">([^<]+)<',
                      text)
    assert found is not None
    return found.group(1), found.group(2)


async def test_a_search_past_the_bound_shows_the_bound_and_pages_on(db_url: str) -> None:
    async with console_for(db_url) as console:
        filed = await lifts(console, 4)
        await console.sign_in(TASK_FORCE)
        text = await page(console, q="电梯")
        assert counts(text) == ("2+", "0")
        assert re.search(r">待受理</a>", text) and "待受理 " not in text  # no count by status
        assert "第 1 页" in text and "下一页" not in text  # all four on this page
        newest_first = [t.number for t in reversed(filed)]
        pages = [await shown(console, q="电梯", per_page="1", page=str(n)) for n in range(1, 6)]
        assert pages == [[number] for number in newest_first] + [[]]
        last = await page(console, q="电梯", per_page="1", page="4")
        assert "第 4 页" in last and "上一页" in last and "下一页" not in last
        third = await page(console, q="电梯", per_page="1", page="3")
        assert "per_page=1&amp;page=4" in third  # a next link past the bound


async def test_a_search_within_the_bound_is_counted_exactly(db_url: str) -> None:
    async with console_for(db_url) as console:
        filed = await lifts(console, 2)
        await accept(console, filed[0])
        await console.sign_in(TASK_FORCE)
        text = await page(console, q="电梯")
        assert counts(text) == ("2", "0")
        assert "待受理 1" in text and "办理中 1" in text and "第 1 / 1 页" in text
        assert "下一页" not in text
        assert counts(await page(console, q="电梯 第2次")) == ("1", "0")


async def test_a_status_is_counted_on_its_own_when_the_search_is_capped(db_url: str) -> None:
    async with console_for(db_url) as console:
        filed = await lifts(console, 4)
        await accept(console, filed[1])
        await console.sign_in(TASK_FORCE)
        text = await page(console, q="电梯", status="accepted")
        assert counts(text) == ("1", "0") and "第 1 / 1 页" in text
        assert await shown(console, q="电梯", status="accepted") == [filed[1].number]
        assert counts(await page(console, q="电梯", status="assigned")) == ("2+", "0")


async def test_overdue_tickets_of_a_search_are_counted_up_to_the_bound(db_url: str) -> None:
    async with console_for(db_url) as console:
        await lifts(console, 3)
        console.clock.advance(timedelta(days=3))  # past their deadlines (no sweep ran)
        await console.sign_in(TASK_FORCE)
        assert counts(await page(console, q="电梯")) == ("2+", "2+")
        assert counts(await page(console, q="电梯", overdue="1")) == ("2+", "2+")
        assert counts(await page(console, overdue="1")) == ("3", "3")  # no word: exact


async def test_filters_an_index_counts_stay_exact_past_the_bound(db_url: str) -> None:
    async with console_for(db_url) as console:
        await lifts(console, 3)
        await console.sign_in(TASK_FORCE)
        text = await page(console, per_page="2")
        assert counts(text) == ("3", "0") and "待受理 3" in text and "第 1 / 2 页" in text
        assert counts(await page(console, community="MDHY"))[0] == "3"
        assert counts(await page(console, source="telegram")) == ("2+", "0")  # a channel


async def test_the_export_is_not_cut_at_the_count_bound(db_url: str) -> None:
    async with console_for(db_url) as console:
        filed = await lifts(console, 3)
        await console.sign_in(TASK_FORCE)
        csv = await console.client.get("/console/export.csv", params={"q": "电梯"})
        lines = (await csv.read()).decode("utf-8-sig").splitlines()
        assert [line.split(",")[0] for line in lines[1:]] == [t.number for t in reversed(filed)]
