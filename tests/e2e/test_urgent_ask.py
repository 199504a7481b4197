"""The urgency question through the real framework stack, per framework, on PostgreSQL."""

from __future__ import annotations

from bench.botapi_double import BotApiDouble
from tests.e2e.test_front_door import NUMBER, RESIDENT, db_tickets

QUESTION = "现在是否有人被困、受伤、走失，或正在发生危险？"
UNSURE = "明德花园3号楼，我妈刚才在楼道里摔了一跤"
CHAIN = (710101, 830101, 820101, 910001, -1009000000001)  # grid worker … district task force


async def test_unsure_danger_is_asked_and_yes_alerts_the_chain(
    api: BotApiDouble, start_bot, pg_url: str
) -> None:
    resident = api.user(RESIDENT, "孙")
    async with start_bot():
        await resident.send_text(UNSURE)
        question = await api.wait_for(resident, QUESTION)
        assert await db_tickets(pg_url) == []
        await resident.press(question, "是，情况紧急")
        reply = await api.wait_for(resident, "120")
        assert NUMBER.search(reply.plain_text)
        for chat in CHAIN:
            await api.wait_for(chat, "紧急·有人倒地", timeout=10)
    [ticket] = await db_tickets(pg_url)
    assert ticket.urgent and ticket.urgent_frame == "有人倒地或意识不清"


async def test_not_urgent_goes_on_as_usual(api: BotApiDouble, start_bot, pg_url: str) -> None:
    resident = api.user(RESIDENT, "孙")
    async with start_bot():
        await resident.send_text(UNSURE)
        question = await api.wait_for(resident, QUESTION)
        await resident.press(question, "不紧急")
        summary = await api.wait_for(resident, "请核对")
        await resident.press(summary, "确认提交")
        await api.wait_for(resident, "已提交")
    [ticket] = await db_tickets(pg_url)
    assert not ticket.urgent and ticket.urgent_frame is None
