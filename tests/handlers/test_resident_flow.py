"""Residents file, follow and rate complaints through the core (both backends)."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from bot.demo.session import DemoSession
from handlers.types import Kind
from models.orm import SecurityEventRow, TicketEventRow, TicketRow

NUMBER = re.compile(r"TBH-\d{8}-\d{4}")
LAMP = "明德花园5号楼楼道里的灯坏了一个星期了，晚上上下楼黑漆漆的"


def texts_to(chat: DemoSession, persona: str | None = None) -> list[str]:
    return [message.text for message in chat.last_to(persona)]


def buttons_of(chat: DemoSession, persona: str | None = None) -> list[str]:
    return [label for message in chat.last_to(persona)[-1:] for label, _ in message.buttons]


async def tickets(chat: DemoSession) -> list[TicketRow]:
    async with chat.app.services.uow_factory() as uow:
        rows = list(await uow.session.scalars(select(TicketRow).order_by(TicketRow.id)))
        uow.session.expunge_all()  # readable after the unit of work rolls back on exit
        return rows


async def test_start_shows_the_resident_keyboard(chat: DemoSession) -> None:
    await chat.say("/start")
    outcome_text = texts_to(chat)[-1]
    assert "网格" in outcome_text
    assert chat.inbox[-1].buttons == []  # reply keyboard, not inline


async def test_filing_shows_summary_then_stores_ticket_and_notifies_worker(
        chat: DemoSession) -> None:
    await chat.say(LAMP)
    summary = next(t for t in texts_to(chat) if "请核对" in t)
    assert "物业服务" in summary and "明德花园第一网格" in summary and "5号楼" in summary
    assert [b for m in chat.last_to() for b, _ in m.buttons] == ["确认提交", "修改", "取消"]
    await chat.press("确认提交")
    filed = texts_to(chat)[-1]
    number = NUMBER.search(filed)
    assert number and "王晓东" in filed and "2小时内受理" in filed and "3天内办结" in filed
    card = texts_to(chat, "MDHY-01-W1")[-1]
    assert number.group() in card and "楼道" in card
    assert buttons_of(chat, "MDHY-01-W1") == ["接单", "上报", "吹哨", "转派"]  # possible now
    [ticket] = await tickets(chat)
    assert (ticket.number, ticket.grid_code, ticket.status) == (number.group(), "MDHY-01",
                                                               "assigned")
    assert ticket.building == 5 and ticket.category_code == "property_service"


async def test_unknown_grid_asks_for_address_and_routes_the_answer(chat: DemoSession) -> None:
    await chat.say("小区门口的垃圾桶满了好几天没人清理，臭得不行")
    assert "具体地点" in texts_to(chat)[-1]
    await chat.say("颂运水庭7号楼")
    summary = texts_to(chat)[-2]
    assert "颂运水庭第二网格" in summary
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.grid_code == "SYST-02" and ticket.address_text == "颂运水庭7号楼"


async def test_location_resolves_the_grid(chat: DemoSession) -> None:
    await chat.say("路边的垃圾好几天没人收了")
    await chat.location(35.3720, 116.6030)
    assert any("明德花园第二网格" in t for t in texts_to(chat))
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.grid_code == "MDHY-02" and ticket.latitude == 35.3720


async def test_skip_files_to_community_triage(chat: DemoSession) -> None:
    await chat.say("颂运水庭小区里有人天天半夜在花园里放音乐跳舞，吵得睡不着")
    await chat.say("跳过")
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.status == "triage" and ticket.grid_code is None
    assert ticket.community_code == "SYST"
    triage = texts_to(chat, "SYST-S")[-1]
    assert "待分派" in triage and ticket.number in triage
    chat.switch("SYST-S")
    await chat.press("颂运水庭第一网格")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.grid_code, ticket.assignee_code) == (
        "assigned", "SYST-01", "SYST-01-W1")
    assert ticket.number in texts_to(chat, "SYST-01-W1")[-1]


async def test_urgent_is_filed_at_once_and_the_whole_chain_hears(chat: DemoSession) -> None:
    await chat.say("明德花园3号楼楼道里着火了，冒了好多烟，快来人！")
    reply = texts_to(chat)[-1]
    assert "119" in reply and NUMBER.search(reply)
    for code in ("MDHY-01-W1", "MDHY-01-B", "MDHY-S", "XZ-C", "TBH-TF"):
        assert any("紧急" in t for t in texts_to(chat, code)), code
    [ticket] = await tickets(chat)
    assert ticket.urgent


async def test_accept_resolve_and_rate_closes_the_ticket(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    chat.switch("MDHY-01-W1")
    await chat.press("接单")
    assert any("已受理" in t for t in texts_to(chat, "resident"))
    await chat.press("办结")
    await chat.say("已更换灯泡")
    rating = texts_to(chat, "resident")[-1]
    assert "已办结" in rating and "已更换灯泡" in rating
    chat.switch("resident")
    await chat.press("满意")
    [ticket] = await tickets(chat)
    assert ticket.status == "closed" and ticket.first_receiver_code == "MDHY-01-W1"


async def test_unsatisfied_rating_reopens_one_level_up(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    chat.switch("MDHY-01-W1")
    await chat.press("接单")
    await chat.press("办结")
    await chat.say("已处理")
    chat.switch("resident")
    await chat.press("不满意")
    await chat.press("太慢")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.level, ticket.assignee_code) == ("assigned", 1, "MDHY-01-B")
    assert ticket.number in texts_to(chat, "MDHY-01-B")[-1]
    assert any("重新打开" in t for t in texts_to(chat, "resident"))


async def test_forged_press_is_refused_and_logged(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.send(Kind.CALLBACK, callback_id="x", callback_data="t:forgedforgedforged")
    await chat.send(Kind.CALLBACK, callback_id="x", callback_data="accept:1")
    assert await tickets(chat) == []
    async with chat.app.services.uow_factory() as uow:
        count = await uow.session.scalar(select(func.count()).select_from(SecurityEventRow))
    assert count == 2


async def test_a_button_of_someone_else_is_refused(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    card = chat.last_to("MDHY-01-W1")[-1]
    accept_data = dict(card.buttons)["接单"]
    chat.switch("MDHY-02-W1")  # a worker of another grid replays the button data
    await chat.send(Kind.CALLBACK, callback_id="y", callback_data=accept_data)
    [ticket] = await tickets(chat)
    assert ticket.status == "assigned" and ticket.first_receiver_code is None


async def test_the_same_update_twice_makes_one_ticket(chat: DemoSession) -> None:
    from handlers.types import Incoming, Sender

    await chat.say(LAMP)
    data = dict(chat.last_to()[-2].buttons)["确认提交"]
    uid = chat.user_id()
    press = Incoming(update_id=4242, kind=Kind.CALLBACK, chat_id=uid,
                     sender=Sender(uid, "r"), callback_id="c", callback_data=data)
    first = await chat.app.core.handle(press)
    second = await chat.app.core.handle(press)
    assert first.replies and not second.replies
    assert len(await tickets(chat)) == 1


async def test_traditional_in_traditional_out(chat: DemoSession) -> None:
    await chat.say("明德花園13棟的電梯又壞了，老人下不了樓")
    summary = next(t for t in texts_to(chat) if "核對" in t)
    assert "電梯" in summary and "请" not in summary
    await chat.press("確認提交")
    assert "已提交" in texts_to(chat)[-1] and "時限" in texts_to(chat)[-1]


async def test_bad_input_gets_polite_answers(chat: DemoSession) -> None:
    await chat.send(Kind.UNSUPPORTED, unsupported="sticker")
    assert "表情贴纸" in texts_to(chat)[-1]
    await chat.say("漏" * 2001)
    assert "太长" in texts_to(chat)[-1]
    await chat.say("\u200b\u200b \x07")
    assert "没有收到文字" in texts_to(chat)[-1]
    assert await tickets(chat) == []


async def test_status_is_shown_only_to_the_reporter(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    number = NUMBER.search(texts_to(chat)[-1]).group()  # type: ignore[union-attr]
    await chat.say(f"/status {number}")
    assert "提交" in texts_to(chat)[-1] and number in texts_to(chat)[-1]
    chat.switch("resident7")
    await chat.say(f"/status {number}")
    assert "没有找到" in texts_to(chat)[-1]


async def test_every_status_change_has_an_event(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    chat.switch("MDHY-01-W1")
    await chat.press("接单")
    async with chat.app.services.uow_factory() as uow:
        actions = list(await uow.session.scalars(
            select(TicketEventRow.action).order_by(TicketEventRow.id)))
    assert actions == ["created", "accepted"]
