"""Complaints without a place, typed confirmations and a second text while a summary is open,
through the real framework stack (aiogram and PTB) on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from bench.botapi_double import BotApiDouble
from models.db import create_engine
from models.orm import TicketRow
from tests.e2e.test_front_door import NUMBER, RESIDENT, db_tickets

TASK_FORCE = -1009000000001
STREET = 910001  # XZ-C, 许庄街道
NOISE = "我家楼上天天晚上十一点以后还在剁肉，吵得睡不着"
LIFT = "明德花园13号楼的电梯又坏了，老人下不了楼"


async def test_a_skipped_place_reaches_the_district_queue(
    api: BotApiDouble, start_bot, pg_url: str
) -> None:
    resident = api.user(RESIDENT, "赵")
    async with start_bot():
        await resident.send_text(NOISE)
        await api.wait_for(resident, "具体地点")
        await resident.send_text("跳过")
        summary = await api.wait_for(resident, "请核对")
        await resident.press(summary, "确认提交")
        filed = await api.wait_for(resident, "已提交")
        number = NUMBER.search(filed.plain_text).group()  # type: ignore[union-attr]
        card = await api.wait_for(TASK_FORCE, number, timeout=10)
        assert "待分派" in card.plain_text and "南辛庄村网格" in card.buttons()
    [ticket] = await db_tickets(pg_url)
    assert (ticket.status, ticket.community_code, ticket.street_code) == ("triage", None, None)


async def test_a_location_outside_every_grid_near_a_street(
    api: BotApiDouble, start_bot, pg_url: str
) -> None:
    resident = api.user(RESIDENT, "钱")
    async with start_bot():
        await resident.send_text(NOISE)
        await api.wait_for(resident, "具体地点")
        await resident.send_location(35.376, 116.601)
        await api.wait_for(resident, "不在")
        await resident.send_text("跳过")
        summary = await api.wait_for(resident, "请核对")
        await resident.press(summary, "确认提交")
        filed = await api.wait_for(resident, "许庄街道")
        number = NUMBER.search(filed.plain_text).group()  # type: ignore[union-attr]
        card = await api.wait_for(STREET, number, timeout=10)
        assert "待分派" in card.plain_text and "上报" in card.buttons()
    [ticket] = await db_tickets(pg_url)
    assert (ticket.status, ticket.street_code) == ("triage", "XZ")


async def test_typed_confirm_in_traditional(api: BotApiDouble, start_bot, pg_url: str) -> None:
    resident = api.user(RESIDENT, "陳")
    async with start_bot():
        await resident.send_text("明德花園13棟的電梯又壞了，老人下不了樓")
        await api.wait_for(resident, "請核對")
        await resident.send_text("確認")
        filed = await api.wait_for(resident, "已提交")
        assert NUMBER.search(filed.plain_text)
    [ticket] = await db_tickets(pg_url)
    assert ticket.grid_code == "MDHY-03" and ticket.script == "hant"


async def test_second_text_asks_new_or_supplement(
    api: BotApiDouble, start_bot, pg_url: str
) -> None:
    resident = api.user(RESIDENT, "孙")
    async with start_bot():
        await resident.send_text(LIFT)
        await api.wait_for(resident, "请核对")
        await resident.send_text("已经停了三天了")
        question = await api.wait_for(resident, "这是新的问题，还是补充刚才的内容")
        assert question.buttons() == ["新的问题", "补充刚才的内容"]
        await resident.press(question, "补充刚才的内容")
        supplemented = await api.wait_for(resident, "已经停了三天了")
        assert "请核对" in supplemented.plain_text and LIFT in supplemented.plain_text
        await resident.send_text("楼下的垃圾桶也满了好几天了")
        question = await api.wait_for(resident, "这是新的问题")
        await resident.press(question, "新的问题")
        await api.wait_for(resident, "先帮您留着")
        await api.wait_for(resident, "具体地点")
        await resident.send_text("跳过")
        bins = await api.wait_for(resident, "垃圾桶")
        await resident.press(bins, "确认提交")
        await api.wait_for(resident, "已提交")
        await api.wait_for(resident, "没提交的诉求")  # the lift comes back
        await resident.send_text("好的")
        await api.wait_for(resident, "已提交")
    engine = create_engine(pg_url)
    try:
        async with engine.connect() as connection:
            texts = sorted(r.original_text for r in await connection.execute(select(TicketRow)))
    finally:
        await engine.dispose()
    assert texts == sorted([f"{LIFT}\n已经停了三天了", "楼下的垃圾桶也满了好几天了"])
