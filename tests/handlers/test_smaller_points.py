"""Urgent advice and cards, /forget's confirmation, unrated cases closing, supervisors' /tasks
(through the core, both backends)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.demo.session import DemoSession
from handlers.messages import NOTE
from handlers.render import render_row
from handlers.unrated import close_unrated
from models.orm import OutboxRow, RatingRow, TicketEventRow
from models.outbox import CARD, CARD_EDIT
from tests.handlers.test_intent_flow import LIFT, file, resolve
from tests.handlers.test_resident_flow import LAMP, texts_to, tickets

GAS = "明德花园3号楼楼道里有很大的燃气味，好像漏气了"


async def test_urgent_gas_gets_real_advice(chat: DemoSession) -> None:
    await chat.say(GAS)
    reply = texts_to(chat)[-1]
    assert "119" in reply and "燃气公司" in reply
    for advice in ("不要开关电灯", "明火", "打开门窗", "离开"):
        assert advice in reply, advice


async def test_urgent_fire_gets_no_gas_advice(chat: DemoSession) -> None:
    await chat.say("明德花园3号楼楼道里着火了，冒了好多烟，快来人！")
    assert "119" in texts_to(chat)[-1] and "燃气" not in texts_to(chat)[-1]


async def test_an_escalated_urgent_case_is_not_carded_twice(chat: DemoSession) -> None:
    await chat.say(GAS)
    [ticket] = await tickets(chat)
    await chat.advance("30m")  # nobody accepted: up to the branch, which holds the card
    [ticket] = await tickets(chat)
    assert ticket.level >= 1
    async with chat.app.services.uow_factory() as uow:
        rows = list(
            await uow.session.scalars(
                select(OutboxRow).where(OutboxRow.person_code == "MDHY-01-B")
            )
        )
        # One card (later edited in place, never sent again), then the escalation as a note.
        cards = [row for row in rows if row.kind == CARD and "reply_markup" in render_row(row)]
        assert {row.kind for row in rows} - {CARD, CARD_EDIT} == {NOTE}
    assert len(cards) == 1 and len(rows) >= 2
    assert "上报至网格党支部" in texts_to(chat, "MDHY-01-B")[-1]


async def test_forget_asks_first_and_closes_a_case_waiting_for_rating(
    chat: DemoSession,
) -> None:
    await file(chat, LIFT)
    await resolve(chat, "MDHY-03-W1")
    await chat.say("/forget")
    assert "确定要删除" in texts_to(chat)[-1] and "未评价" in texts_to(chat)[-1]
    await chat.press("不删除")
    [ticket] = await tickets(chat)
    assert ticket.status == "resolved" and not ticket.anonymised
    await chat.say("/forget")
    await chat.press("确认删除")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.anonymised) == ("closed", True)
    async with chat.app.services.uow_factory() as uow:
        close = await uow.session.scalar(
            select(TicketEventRow).where(TicketEventRow.action == "closed")
        )
        assert close is not None and close.note == "未评价"
        assert list(await uow.session.scalars(select(RatingRow))) == []


async def test_resolved_cases_nobody_rates_close_after_the_set_days(chat: DemoSession) -> None:
    await file(chat, LIFT)
    await resolve(chat, "MDHY-03-W1")
    services = chat.app.services
    closed_after: list[list[str]] = []
    for days in (0, 2, 1.1):
        services.clock.advance(timedelta(days=days))  # type: ignore[attr-defined]
        async with services.uow_factory() as uow:
            closed_after.append(
                await close_unrated(uow, services.clock, services.config, timedelta(days=3))
            )
            await uow.commit()
    [ticket] = await tickets(chat)
    assert closed_after == [[], [], [ticket.number]] and ticket.status == "closed"
    await chat.drain_outbox()
    assert "未评价" in texts_to(chat)[-1] and "自动关闭" in texts_to(chat)[-1]


async def test_a_community_secretary_sees_the_open_cases_of_her_grids(
    chat: DemoSession,
) -> None:
    await file(chat, LIFT)
    await file(chat, LAMP)
    chat.app.services.clock.advance(timedelta(hours=3))  # type: ignore[attr-defined]
    # both past their acceptance deadline (no sweep: still with their grid workers)
    chat.switch("MDHY-S")
    await chat.say("/tasks")
    listing = texts_to(chat, "MDHY-S")[-1]
    numbers = [t.number for t in await tickets(chat)]
    assert all(number in listing for number in numbers) and "已超时" in listing
    chat.switch("SYST-S")
    await chat.say("/tasks")
    assert texts_to(chat, "SYST-S")[-1] == "您目前没有待办工单。"
    for code in ("XZ-C",):  # the task force is a group chat: commands go private
        chat.switch(code)
        await chat.say("/tasks")
        assert all(number in texts_to(chat, code)[-1] for number in numbers), code
