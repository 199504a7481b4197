"""Every resident and worker flow through the real framework stack, per framework, on PostgreSQL."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bench.botapi_double import BotApiDouble
from models.db import create_engine
from models.orm import SecurityEventRow, TicketRow

NUMBER = re.compile(r"TBH-\d{8}-\d{4}")
LAMP = "明德花园5号楼楼道里的灯坏了一个星期了，晚上上下楼黑漆漆的"
RESIDENT = 5550001
WORKER = 710101  # MDHY-01-W1, 王晓东


async def db_tickets(url: str) -> list[TicketRow]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(select(TicketRow).order_by(TicketRow.id))
            return list(rows)  # type: ignore[arg-type]
    finally:
        await engine.dispose()


async def count(url: str, model: type) -> int:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return int((await connection.scalar(select(func.count()).select_from(model))) or 0)
    finally:
        await engine.dispose()


async def test_file_accept_resolve_rate(api: BotApiDouble, start_bot, pg_url: str) -> None:
    resident, worker = api.user(RESIDENT, "张阿姨"), api.user(WORKER, "王晓东")
    async with start_bot():
        commands = await api.wait_for_call("setMyCommands")
        assert "我的诉求" in str(commands.params)
        await resident.send_command("/start")
        greeting = await api.wait_for(resident, "网格")
        assert greeting.buttons() == ["我要反映", "我的诉求", "使用帮助"]
        await resident.send_text(LAMP)
        summary = await api.wait_for(resident, "请核对")
        assert summary.buttons() == ["确认提交", "修改", "取消"]
        await resident.press(summary, "确认提交")
        filed = await api.wait_for(resident, "已提交")
        number = NUMBER.search(filed.plain_text).group()  # type: ignore[union-attr]
        card = await api.wait_for(worker, number, timeout=10)
        assert card.buttons() == ["接单", "上报", "吹哨", "转派"]  # what is possible now
        press = await worker.press(card, "接单")
        assert "已接单" in (await api.wait_for_answer(press)).get("text", "")
        await api.wait_for(resident, "已受理", timeout=10)
        edit = await api.wait_for_call(  # the card is edited in place
            "editMessageText", lambda params: params.get("message_id") == card.message_id,
            timeout=10)
        assert "王晓东 接单" in edit.params["text"]
        assert card.buttons() == ["办结", "上报", "吹哨", "转派"]
        await worker.press(card, "办结")
        await api.wait_for(worker, "办理结果")
        await worker.send_text("已更换灯泡，测试正常")
        rating = await api.wait_for(resident, "请对办理结果进行评价", timeout=10)
        assert rating.buttons() == ["满意", "基本满意", "不满意"]
        await resident.press(rating, "满意")
        await api.wait_for(resident, "已关闭", timeout=10)
    [ticket] = await db_tickets(pg_url)
    assert (ticket.number, ticket.status, ticket.first_receiver_code) == (
        number, "closed", "MDHY-01-W1")


async def test_address_location_contact_and_photo(api: BotApiDouble, start_bot,
                                                  pg_url: str) -> None:
    resident = api.user(RESIDENT, "李大爷")
    async with start_bot():
        await resident.send_photo(caption="楼下垃圾桶满了好几天没人清运，臭气熏天")
        ask = await api.wait_for(resident, "具体地点")
        assert any(b.get("request_location") for b in ask.keyboard_buttons())
        await resident.send_location(35.3720, 116.6030)
        await api.wait_for(resident, "明德花园第二网格")
        offer = await api.wait_for(resident, "留下电话")
        assert any(b.get("request_contact") for b in offer.keyboard_buttons())
        await resident.send_contact("13900000000")
        await api.wait_for(resident, "已记录")
        summary = api.bot_message(offer.message_id - 1, resident)
        await resident.press(summary, "确认提交")
        await api.wait_for(resident, "已提交")
        card = await api.wait_for(710102, "13900000000", timeout=10)
        assert card.method in ("sendMessage", "sendPhoto", "sendMediaGroup")
    [ticket] = await db_tickets(pg_url)
    assert ticket.grid_code == "MDHY-02" and ticket.reporter_phone == "13900000000"
    assert [ref[:3] for ref in ticket.attachments] == ["tg:"]


async def test_forged_press_and_unsupported_messages(api: BotApiDouble, start_bot,
                                                     pg_url: str) -> None:
    resident = api.user(RESIDENT, "王")
    async with start_bot():
        forged = await resident.press_data(1, "t:AAAAAAAAAAAAAAAA")
        answer = await api.wait_for_answer(forged)
        assert answer.get("show_alert") and "失效" in answer.get("text", "")
        await resident.send_sticker()
        await api.wait_for(resident, "表情贴纸")
        await resident.send_voice()
        await api.wait_for(resident, "语音")
        await resident.send_text("漏" * 2500)
        await api.wait_for(resident, "太长")
    assert await db_tickets(pg_url) == []
    assert await count(pg_url, SecurityEventRow) == 1


async def test_same_update_twice_makes_one_ticket(api: BotApiDouble, start_bot,
                                                  pg_url: str) -> None:
    resident = api.user(RESIDENT, "赵")
    async with start_bot():
        await resident.send_text(LAMP)
        summary = await api.wait_for(resident, "请核对")
        update = await resident.press(summary, "确认提交")
        await api.wait_for(resident, "已提交")
        api.push_update(dict(update))  # Telegram redelivers the same update_id
        await resident.send_command("/mytickets")
        await api.wait_for(resident, "您的诉求")
    assert len(await db_tickets(pg_url)) == 1


async def test_restart_in_mid_conversation(api: BotApiDouble, start_bot, pg_url: str) -> None:
    resident = api.user(RESIDENT, "钱")
    async with start_bot():
        await resident.send_text("小区门口的垃圾桶满了好几天没人清理")
        await api.wait_for(resident, "具体地点")
    async with start_bot():  # a new process: nothing of the draft was in memory
        await resident.send_text("济东新村12号楼")
        summary = await api.wait_for(resident, "请核对")
        assert "济东新村第二网格" in summary.plain_text
        await resident.press(summary, "确认提交")
        await api.wait_for(resident, "已提交")
    [ticket] = await db_tickets(pg_url)
    assert ticket.grid_code == "JDXC-02"


async def test_traditional_resident_and_urgent_case(api: BotApiDouble, start_bot,
                                                    pg_url: str) -> None:
    resident = api.user(RESIDENT, "陳")
    async with start_bot():
        await resident.send_text("明德花園3棟樓道裡著火了，冒了好多煙！")
        reply = await api.wait_for(resident, "119")
        assert "緊急" in reply.plain_text
        for chat in (710101, 830101, 820101, 910001, -1009000000001):
            await api.wait_for(chat, "紧急", timeout=10)
    [ticket] = await db_tickets(pg_url)
    assert ticket.urgent and ticket.script == "hant"


async def test_report_command_by_role(api: BotApiDouble, start_bot, pg_url: str) -> None:
    secretary, worker, resident = api.user(820101, "周文斌"), api.user(710101, "王晓东"), \
        api.user(RESIDENT, "居民")
    async with start_bot():
        await resident.send_command("/report")
        await api.wait_for(resident, "工作人员")
        await secretary.send_command("/report")
        summary = await api.wait_for(secretary, "明德花园社区", timeout=30)
        assert "月" in summary.plain_text
        await api.wait_for_call("sendPhoto", lambda p: str(p.get("chat_id")) == "820101",
                                timeout=30)
        await resident.send_text(LAMP)
        await resident.press(await api.wait_for(resident, "请核对"), "确认提交")
        await api.wait_for(resident, "已提交")
        this_month = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")
        await worker.send_command("/report", this_month)
        ledger = await api.wait_for(worker, "台账", timeout=30)
        assert "这个月搜集了1条" in ledger.plain_text
        await api.wait_for_call("sendDocument", lambda p: str(p.get("chat_id")) == "710101",
                                timeout=30)
        await worker.send_command("/report", "MDHY")  # above the worker's own scope
        await api.wait_for(worker, "MDHY-01", timeout=10)
