"""Grid workers and officials act on cards: escalate, sign-off, whistle, transfer, restart."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import App
from bot.demo.session import DemoSession
from handlers.context import Services
from handlers.core import Core
from models.db import create_engine, session_factory
from models.orm import TicketEventRow, TicketRow
from models.uow import UnitOfWorkFactory
from tests.handlers.test_resident_flow import LAMP, texts_to, tickets


async def filed_and_accepted(chat: DemoSession) -> TicketRow:
    await chat.say(LAMP)
    await chat.press("确认提交")
    chat.switch("MDHY-01-W1")
    await chat.press("接单")
    [ticket] = await tickets(chat)
    return ticket


async def test_escalate_with_reason_reaches_branch_and_first_receiver_keeps_hearing(
        chat: DemoSession) -> None:
    await filed_and_accepted(chat)
    await chat.press("上报")
    await chat.say("需要物业配合更换线路")
    [ticket] = await tickets(chat)
    assert (ticket.level, ticket.assignee_code, ticket.first_receiver_code) == (
        1, "MDHY-01-B", "MDHY-01-W1")
    assert "需要物业配合" in texts_to(chat, "MDHY-01-B")[-1]
    assert any("已上报至网格党支部" in t for t in texts_to(chat, "resident"))
    chat.switch("MDHY-01-B")
    await chat.press("接单")
    assert any("新进展" in t for t in texts_to(chat, "MDHY-01-W1"))


async def test_lower_level_cannot_sign_off_an_escalated_ticket(chat: DemoSession) -> None:
    await filed_and_accepted(chat)
    await chat.press("上报")
    await chat.say("处理不了")
    card = chat.last_to("MDHY-01-W1")[0]  # the worker's card, edited in place: read-only now
    assert card.buttons == [] and "上报至网格党支部：处理不了" in card.text
    [ticket] = await tickets(chat)
    assert ticket.status == "assigned" and ticket.level == 1


async def test_whistle_records_the_department(chat: DemoSession) -> None:
    await filed_and_accepted(chat)
    await chat.press("吹哨")
    await chat.press("物业服务企业")
    assert "已吹哨" in texts_to(chat)[-1]
    async with chat.app.services.uow_factory() as uow:
        event = await uow.session.scalar(
            select(TicketEventRow).where(TicketEventRow.action == "whistle"))
        assert event is not None
        assert (event.note, event.actor) == ("物业服务企业", "MDHY-01-W1")


async def test_transfer_moves_the_ticket_to_another_grid(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    chat.switch("MDHY-01-W1")
    await chat.press("转派")
    await chat.press("明德花园第三网格")
    [ticket] = await tickets(chat)
    assert (ticket.grid_code, ticket.assignee_code) == ("MDHY-03", "MDHY-03-W1")
    assert ticket.number in texts_to(chat, "MDHY-03-W1")[-1]


async def test_tasks_lists_open_tickets(chat: DemoSession) -> None:
    ticket = await filed_and_accepted(chat)
    await chat.say("/tasks")
    assert ticket.number in texts_to(chat)[-1]


async def test_a_restart_in_mid_conversation_loses_nothing(
        chat: DemoSession, services: Services, db_url: str) -> None:
    await chat.say("小区门口的垃圾桶满了好几天没人清理")
    assert "具体地点" in texts_to(chat)[-1]
    engine = create_engine(db_url)  # a new process: new engine, new core, same database
    try:
        fresh = Services(config=services.config, router=services.router, clock=services.clock,
                         uow_factory=UnitOfWorkFactory(session_factory(engine), services.clock))
        app = App(settings=None, engine=engine, services=fresh, core=Core(fresh))  # type: ignore[arg-type]
        restarted = DemoSession(app, echo=lambda _t: None, resident_base=chat.resident_base)
        await restarted.say("济东新村12号楼")
        await restarted.press("确认提交")
        [ticket] = await tickets(restarted)
        assert ticket.grid_code == "JDXC-02"
    finally:
        await engine.dispose()
