"""aiogram and python-telegram-bot give identical replies, keyboards and rows for one script."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from bench.botapi_double import BotApiDouble
from models.db import create_engine
from models.orm import TicketEventRow, TicketRow
from tests.conftest import clear_tables
from tests.e2e.conftest import bot_settings, polling_bot
from tests.e2e.test_front_door import LAMP

RESIDENT, WORKER = 5550002, 710101
# Both runs read the wall clock, minutes apart: due times are compared as placeholders.
_TIMES = re.compile(r"(\d{2}-\d{2}|\d{1,2}月\d{1,2}日) \d{2}:\d{2}")


def _markup(markup: dict[str, Any] | None) -> Any:
    """A keyboard without its opaque callback tokens (they are random by design)."""
    if not markup:
        return None
    rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
    return [[{k: v for k, v in b.items() if k != "callback_data"} for b in row] for row in rows]


async def play(api: BotApiDouble, url: str, framework: str) -> tuple[list[Any], list[Any]]:
    resident, worker = api.user(RESIDENT, "孙"), api.user(WORKER, "王晓东")
    async with polling_bot(bot_settings(api, url, framework), api):
        await resident.send_command("/start")
        await api.wait_for(resident, "网格")
        await resident.send_text(LAMP)
        summary = await api.wait_for(resident, "请核对")
        await api.wait_for(resident, "留下电话")
        await resident.press(summary, "确认提交")
        await api.wait_for(resident, "已提交")
        card = await api.wait_for(worker, "新诉求", timeout=10)
        await worker.press(card, "接单")
        await api.wait_for(resident, "已受理", timeout=10)
        await worker.press(card, "上报")
        await api.wait_for(worker, "原因")
        await worker.send_text("需要支部协调物业")
        await api.wait_for(830101, "需要支部协调物业", timeout=10)
        await api.wait_for(resident, "已上报", timeout=10)
        await api.wait_for(worker, "新进展", timeout=10)  # the first receiver hears too
        # The worker's card is edited to its escalated state by the sender, maybe still in flight.
        await api.wait_for_call("editMessageText", lambda p: str(p.get("chat_id")) == str(WORKER)
                                and "上报至网格党支部" in str(p.get("text")), timeout=10)
    transcript = [
        (m.chat_id, m.method, _TIMES.sub("<t>", m.plain_text), _markup(m.reply_markup))
        for chat in (RESIDENT, WORKER, 830101) for m in api.messages_to(chat)
        if not m.plain_text.startswith("民情日报告")  # the morning report depends on the hour
    ]
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            tickets = [
                (r.number, r.status, r.level, r.category_code, r.grid_code, r.building,
                 r.assignee_code, r.first_receiver_code, r.original_text, r.keywords)
                for r in await connection.execute(select(TicketRow))
            ]
            events = [(r.action, r.actor, r.from_status, r.to_status, r.from_level,
                       r.to_level, r.note)
                      for r in await connection.execute(
                          select(TicketEventRow).order_by(TicketEventRow.id))]
    finally:
        await engine.dispose()
    return transcript, tickets + events


async def test_same_script_same_result_on_both_frameworks(pg_url: str) -> None:
    async with BotApiDouble() as api:
        aiogram_run = await play(api, pg_url, "aiogram")
    await clear_tables(pg_url)
    async with BotApiDouble() as api:
        ptb_run = await play(api, pg_url, "ptb")
    assert aiogram_run[0] == ptb_run[0]
    assert aiogram_run[1] == ptb_run[1]
    assert len(aiogram_run[0]) >= 8 and len(aiogram_run[1]) >= 4
