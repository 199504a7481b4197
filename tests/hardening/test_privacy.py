"""Privacy: the reporter's contact reaches only the assigned person and the levels above it,
never a grid the ticket was transferred away from; /forget erases it everywhere; logs carry
ticket numbers, never phone numbers or what people wrote."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bench.botapi_double import BotApiDouble
from bot.telegram.runner import CHATTY_LOGGERS, quiet_chatty_loggers
from handlers.org import OrgDirectory
from handlers.render import render_row
from models.orm import CallbackTokenRow, ConversationRow, OutboxRow, TicketRow
from models.outbox import edit_of
from models.uow import UnitOfWork
from tests.e2e.conftest import bot_settings, polling_bot
from tests.hardening.flows import LAMP, NUMBER, PHONE, RESIDENT, WORKER, file_ticket
from tests.hardening.support import Driver, Sent


def bot_user(code: str) -> int:
    return {"MDHY-01-W1": 710101}[code]


def with_phone(bot: Driver) -> list[Sent]:
    """Messages carrying the phone (an edit of a card its chat already holds reveals nothing
    new and is not counted)."""
    return [
        message
        for message in bot.sent
        if PHONE in message.text
        and not (message.row and edit_of(message.row.kind, message.row.snapshot))
    ]


async def test_contact_goes_to_the_assignee_and_up_the_chain_only(bot: Driver) -> None:
    number = await file_ticket(bot, phone=PHONE)
    assert [m.chat_id for m in with_phone(bot)] == [bot.uid(WORKER)]
    assert "联系人：居民 " + PHONE in with_phone(bot)[0].text
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "上报")
    await bot.text(WORKER, "需要物业配合")
    await bot.press("MDHY-01-B", "上报")
    await bot.text("MDHY-01-B", "需要社区协调")
    assert [m.chat_id for m in with_phone(bot)] == [
        bot.uid(WORKER),
        bot.uid("MDHY-01-B"),
        bot.uid("MDHY-S"),
    ]
    updates = [t for t in bot.texts_to(WORKER) if "新进展" in t]
    assert updates and all(PHONE not in t for t in updates)  # 首接负责制, without the contact
    await bot.text(WORKER, f"/status {number}")
    assert number in bot.last_to(WORKER) and PHONE not in bot.last_to(WORKER)


async def test_a_transferred_away_grid_hears_nothing_more(bot: Driver) -> None:
    number = await file_ticket(bot, phone=PHONE)
    await bot.press(WORKER, "接单")  # the old worker is now the first receiver
    await bot.press(WORKER, "转派")
    await bot.press(WORKER, "明德花园第三网格")
    old = len(bot.texts_to(WORKER))
    new_worker = "MDHY-03-W1"
    assert PHONE in bot.last_to(new_worker)
    await bot.press(new_worker, "接单")
    await bot.press(new_worker, "上报")
    await bot.text(new_worker, "需要物业配合")
    await bot.press("MDHY-03-B", "接单")
    await bot.press("MDHY-03-B", "办结")
    await bot.text("MDHY-03-B", "已修好")
    await bot.press(RESIDENT, "不满意")
    await bot.press(RESIDENT, "太慢")
    assert bot.texts_to(WORKER)[old:] == []
    assert all(
        m.chat_id not in (bot.uid(WORKER), bot.uid("MDHY-01-B")) for m in with_phone(bot)[1:]
    )
    await bot.text(WORKER, f"/status {number}")
    assert "没有找到" in bot.last_to(WORKER)


async def test_forget_erases_contact_ids_messages_and_buttons(bot: Driver) -> None:
    number = await file_ticket(bot, phone=PHONE)
    await bot.press(WORKER, "接单")
    await bot.text(RESIDENT, "明德花园2号楼电梯坏了，老人下不了楼")  # a draft in progress
    await bot.contact(RESIDENT, PHONE, user_id=RESIDENT)
    await bot.text(RESIDENT, "/forget")
    await bot.press(RESIDENT, "确认删除")
    assert "已删除" in bot.last_to(RESIDENT)
    async with bot.services.uow_factory() as uow:
        ticket = await uow.tickets.by_number(number)
        assert ticket is not None and ticket.anonymised and ticket.original_text == LAMP
        assert (
            ticket.reporter_user_id,
            ticket.reporter_chat_id,
            ticket.reporter_name,
            ticket.reporter_phone,
        ) == (None, None, None, None)
        rows = list(await uow.session.scalars(select(OutboxRow)))
        assert rows and all(row.chat_id != RESIDENT for row in rows)
        assert all(PHONE not in str(row.snapshot) for row in rows)
        card = next(row for row in rows if row.chat_id == bot.uid(WORKER))
        shown = render_row(card)["text"]
        assert LAMP in shown and "联系人" not in shown
        tokens = await uow.session.scalars(
            select(CallbackTokenRow).where(CallbackTokenRow.chat_id == RESIDENT)
        )
        assert list(tokens) == []
        conversation = await uow.session.get(ConversationRow, RESIDENT)
        assert conversation is None or PHONE not in str(conversation.data)
    before = len(bot.texts_to(RESIDENT))
    await bot.press(WORKER, "办结")
    await bot.text(WORKER, "已修好")
    assert bot.texts_to(RESIDENT)[before:] == []  # no more progress messages
    await bot.text(RESIDENT, "/mytickets")
    assert number not in bot.last_to(RESIDENT)


async def test_forget_keeps_the_ticket_quota(bot: Driver) -> None:
    """/forget unlinks the tickets; the hourly ticket limit must not reset with it."""
    limit = bot.services.limits.tickets_per_hour
    for index in range(limit):
        await file_ticket(bot, text=f"明德花园{index + 1}号楼楼道灯坏了，第{index}次反映")
    await bot.text(RESIDENT, "/forget")
    await bot.press(RESIDENT, "确认删除")
    await bot.text(RESIDENT, "明德花园6号楼电梯坏了，老人下不了楼")
    await bot.press(RESIDENT, "确认提交")
    assert "太频繁" in bot.last_to(RESIDENT)
    assert len(await bot.tickets()) == limit


def leaks(records: list[logging.LogRecord], secrets: list[str]) -> list[str]:
    found = []
    for record in records:
        line = record.getMessage() + (record.exc_text or "")
        found += [f"{record.name}: {line[:200]}" for s in secrets if s in line]
    return found


@pytest.fixture
def production_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Everything at DEBUG, with the library floors the bot's runner sets (restored after)."""
    saved = {name: logging.getLogger(name).level for name in CHATTY_LOGGERS}
    caplog.set_level(logging.DEBUG)
    quiet_chatty_loggers()
    yield caplog
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


async def test_logs_carry_numbers_not_phones_or_texts(
    bot: Driver, production_logging: pytest.LogCaptureFixture
) -> None:
    caplog = production_logging
    said = [
        LAMP,
        "需要物业配合一起处理",
        "已更换灯泡测试正常",
        "不属于社区职责范围",
        "<b>小区</b>门口 & 垃圾桶满了没人清理",
        "明德花园2号楼电梯坏了",
    ]
    number = await file_ticket(bot, phone=PHONE)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "上报")
    await bot.text(WORKER, said[1])
    await bot.press("MDHY-01-B", "接单")
    await bot.press("MDHY-01-B", "办结")
    await bot.text("MDHY-01-B", said[2])
    await bot.press(RESIDENT, "满意")
    await bot.text(RESIDENT, said[4])
    await bot.text(RESIDENT, "明德花园")
    await bot.press(RESIDENT, "确认提交")
    await bot.press("MDHY-S", "驳回")
    await bot.text("MDHY-S", said[3])
    await bot.push(bot.callback(RESIDENT, "t:forgedforgedforg"))  # security events are logged
    await bot.contact(RESIDENT, "+86 139 1234 5678", user_id=RESIDENT + 1)
    for _ in range(bot.services.limits.burst_messages + 2):
        await bot.text(RESIDENT, said[5])
    await bot.text(RESIDENT, "/forget")
    assert [r for r in caplog.records if r.name.startswith("griddesk")], "nothing was logged"
    assert leaks(caplog.records, [PHONE, "1234 5678", *said, "张"]) == []
    numbered = [r for r in caplog.records if NUMBER.search(r.getMessage())]
    assert all(number in r.getMessage() or NUMBER.search(r.getMessage()) for r in numbered)


async def test_every_notification_stays_in_the_tickets_chain(bot: Driver) -> None:
    """Audit of the outbox after a busy day: each row went to the reporter or someone in the
    chain of the ticket as it stands (or stood at a transfer), never elsewhere."""
    checked: list[int] = []
    delivered: dict[str, int] = {}

    async def audit(row: OutboxRow, uow: UnitOfWork) -> None:
        delivered[row.key] = row.chat_id
        if delivered.get(edit_of(row.kind, row.snapshot) or "") == row.chat_id:
            text = render_row(row).get("text", "")
            assert PHONE not in text or row.chat_id in allowed_now(row)
            checked.append(row.id)  # an edit of a card that chat holds (closed at a transfer)
            return
        ticket = await uow.session.scalar(
            select(TicketRow).where(TicketRow.number == row.ticket_number)
        )
        assert ticket is not None
        chain = [person.code for _, person in await OrgDirectory(uow).chain(ticket)]
        allowed = {bot.uid(code) for code in chain} | {ticket.reporter_chat_id}
        chains[row.ticket_number or ""] = allowed
        assert row.chat_id in allowed, (row.chat_id, render_row(row).get("text"))
        checked.append(row.id)

    chains: dict[str, set[int | None]] = {}

    def allowed_now(row: OutboxRow) -> set[int | None]:
        return chains.get(row.ticket_number or "", set())

    bot.on_outbox = audit
    await file_ticket(bot, phone=PHONE)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "转派")
    await bot.press(WORKER, "明德花园第二网格")
    await bot.press("MDHY-02-W1", "上报")
    await bot.text("MDHY-02-W1", "需要支部协调")
    await bot.text(RESIDENT, "明德花园3号楼楼道里着火了，冒了好多烟！")
    assert len(checked) >= 8


async def test_the_real_stacks_log_no_phone_text_or_token(
    framework: str, api: BotApiDouble, pg_url: str, production_logging: pytest.LogCaptureFixture
) -> None:
    """aiogram or PTB, the sender and the sweeper, at DEBUG: nothing personal, no bot token."""
    resident, worker = api.user(RESIDENT, "张阿姨"), api.user(bot_user(WORKER), "王晓东")
    async with polling_bot(bot_settings(api, pg_url, framework), api):
        await resident.send_text(LAMP)
        summary = await api.wait_for(resident, "请核对", timeout=10)
        await api.wait_for(resident, "留下电话", timeout=10)
        await resident.send_contact(PHONE)
        await api.wait_for(resident, "已记录", timeout=10)
        await resident.press(summary, "确认提交")
        await api.wait_for(resident, "已提交", timeout=10)
        card = await api.wait_for(worker, PHONE, timeout=10)
        await worker.press(card, "接单")
        await api.wait_for(resident, "已受理", timeout=10)
    records = production_logging.records
    assert len(records) > 5
    assert leaks(records, [PHONE, LAMP, "楼道里的灯", api.token, api.token.split(":")[1]]) == []
