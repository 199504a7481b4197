"""The queue's short search words and the 不满意 filter, read from the ticket's own columns."""

from __future__ import annotations

from sqlalchemy import select

from handlers.tickets import TicketService
from models import lifecycle
from models.orm import TicketRow
from tests.web.console import TASK_FORCE, WORKER, Console, console_for
from tests.web.test_console_queue import shown

LEAK = "明德花园5号楼卫生间渗漏水严重，楼下天花板都湿了"
SOAKED = "明德花园3号楼楼上漏水泡了我家，他们不肯赔偿"  # jieba reads 漏 + 水泡 here
LAMP = "颂运水庭7号楼门口的路灯坏了，晚上很黑"


async def stored(console: Console, ticket_id: int) -> TicketRow:
    async with console.app.services.uow_factory() as uow:
        ticket = (await uow.session.scalars(
            select(TicketRow).where(TicketRow.id == ticket_id))).one()
        uow.session.expunge_all()
    return ticket


async def resolve_and_rate(console: Console, ticket_id: int, score: str) -> None:
    """The holder accepts and resolves the ticket, then the resident rates it."""
    services = console.app.services
    async with services.uow_factory() as uow:
        service = TicketService(uow, services.clock, services.config)
        ticket = await service.get(ticket_id, for_update=True)
        assert ticket is not None and ticket.assignee_code is not None
        await service.accept(ticket, ticket.assignee_code)
        await service.resolve(ticket, ticket.assignee_code, "已处理")
        await service.rate(ticket, score, "还在漏")
        await uow.commit()


async def test_a_two_character_word_finds_every_text_that_contains_it(db_url: str) -> None:
    async with console_for(db_url) as console:
        leak = await console.file(LEAK)
        soaked = await console.file(SOAKED, "resident2")
        lamp = await console.file(LAMP, "resident1")
        words = (await stored(console, leak.id)).search_words or []
        assert {"渗漏", "漏水", "水严", "天花"} <= set(words) and "，楼" in words
        await console.sign_in(TASK_FORCE)
        assert await shown(console, q="漏水") == [soaked.number, leak.number]
        assert await shown(console, q="水泡") == [soaked.number]
        assert await shown(console, q="天花") == [leak.number]
        assert await shown(console, q="路灯") == [lamp.number]
        assert await shown(console, q="漏水 路灯") == []
        assert await shown(console, q="灯漏") == []
        assert await shown(console, q="渗漏水") == [leak.number]  # three characters: trigrams
        assert await shown(console, q="水") == [lamp.number, soaked.number, leak.number]
        page = await (await console.client.get("/console/", params={"q": "漏水"})).text()
        assert 'id="total">2</strong>' in page


async def test_the_unsatisfied_mark_follows_the_rating_through_the_reopening(
        db_url: str) -> None:
    async with console_for(db_url) as console:
        leak = await console.file(LEAK)
        lamp = await console.file(LAMP, "resident1")
        await resolve_and_rate(console, leak.id, lifecycle.Rating.UNSATISFIED)
        await resolve_and_rate(console, lamp.id, lifecycle.Rating.SATISFIED)
        reopened = await stored(console, leak.id)
        assert reopened.unsatisfied and reopened.status == lifecycle.Status.ASSIGNED
        assert reopened.level == 1 and reopened.reopen_count == 1
        assert not (await stored(console, lamp.id)).unsatisfied
        await console.sign_in(TASK_FORCE)
        assert await shown(console, unsatisfied="1") == [leak.number]
        assert await shown(console, unsatisfied="1", status="assigned") == [leak.number]
        assert await shown(console, unsatisfied="1", status="closed") == []
        await resolve_and_rate(console, leak.id, lifecycle.Rating.SATISFIED)  # after the reopening
        closed = await stored(console, leak.id)
        assert closed.unsatisfied and closed.status == lifecycle.Status.CLOSED
        assert await shown(console, unsatisfied="1", status="closed") == [leak.number]
        await console.sign_in(WORKER)  # the grid worker of 明德花园: the mark in a narrower scope
        assert await shown(console, unsatisfied="1") == [leak.number]
