"""Residents see resident-facing phrases only; a ticket passed between grids too often goes to
its community; a re-routed card's note is escaped exactly once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from handlers import texts
from handlers.context import Limits
from handlers.undeliverable import UndeliverableRouter
from models.orm import OutboxRow, TicketEventRow
from tests.hardening.flows import LAMP, RESIDENT, WORKER, file_ticket
from tests.hardening.support import Driver

REASON = "网格员<能力不足>&协调不动，需要支部出面"
RESULT = "已更换灯泡，测试正常"


async def test_residents_never_see_internal_reasons(bot: Driver) -> None:
    number = await file_ticket(bot)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "上报")
    await bot.text(WORKER, REASON)
    await bot.press("MDHY-01-B", "接单")
    await bot.press("MDHY-01-B", "办结")
    await bot.text("MDHY-01-B", RESULT)
    await bot.text(RESIDENT, f"/status {number}")
    status = bot.last_to(RESIDENT)
    assert "上报（网格党支部）" in status and f"办结：{RESULT}" in status
    everything = "\n".join(bot.texts_to(RESIDENT))
    assert "能力不足" not in everything and "协调不动" not in everything
    assert "已上报至网格党支部" in everything  # the resident's own phrase for the step
    await bot.text("MDHY-01-B", f"/status {number}")  # staff of the chain see the reason
    assert "网格员&lt;能力不足&gt;&amp;协调不动" in bot.last_to("MDHY-01-B")


async def transfer(bot: Driver, who: str, grid: str) -> None:
    await bot.press(who, "转派")
    await bot.press(who, grid)


async def test_a_ticket_bounced_between_grids_goes_to_the_community(bot: Driver) -> None:
    number = await file_ticket(bot)
    await transfer(bot, WORKER, "明德花园第二网格")
    await transfer(bot, "MDHY-02-W1", "明德花园第一网格")
    [ticket] = await bot.tickets()
    assert (ticket.status, ticket.assignee_code) == ("assigned", WORKER)
    await transfer(bot, WORKER, "明德花园第三网格")  # the third: the community decides
    [ticket] = await bot.tickets()
    assert (ticket.status, ticket.assignee_code, ticket.grid_code) == ("triage", None, "MDHY-01")
    assert bot.last_to(WORKER) == texts.REFERRED_OK.format(number=number, count=2)
    assert bot.texts_to("MDHY-03-W1") == []
    card = bot.last_to("MDHY-S")
    assert number in card and texts.CARD_BADGE_TRIAGE in card
    assert "已在网格间转派2次（这次申请转至明德花园第三网格）" in card
    assert "先由社区确认负责网格" in bot.last_to(RESIDENT)
    await bot.press("MDHY-S", "明德花园第三网格")  # the community's decision
    [ticket] = await bot.tickets()
    assert (ticket.status, ticket.grid_code, ticket.assignee_code) == (
        "assigned",
        "MDHY-03",
        "MDHY-03-W1",
    )
    await transfer(bot, "MDHY-03-W1", "明德花园第一网格")  # still too often: back to them
    [ticket] = await bot.tickets()
    assert ticket.status == "triage"


@pytest.mark.parametrize("limits", [Limits(max_transfers=0)])
async def test_the_limit_is_a_setting(bot: Driver) -> None:
    await file_ticket(bot)
    await transfer(bot, WORKER, "明德花园第二网格")
    [ticket] = await bot.tickets()
    assert ticket.status == "triage" and bot.texts_to("MDHY-02-W1") == []
    async with bot.services.uow_factory() as uow:
        actions = list(await uow.session.scalars(select(TicketEventRow.action)))
    assert actions == ["created", "referred"]


async def test_a_rerouted_cards_note_is_escaped_once(bot: Driver) -> None:
    await file_ticket(bot)
    async with bot.services.uow_factory() as uow:
        row = await uow.session.scalar(
            select(OutboxRow).where(OutboxRow.chat_id == bot.uid(WORKER))
        )
        assert row is not None
        row.last_error = "Bad Request: <b>chat</b> not found & blocked"
        await UndeliverableRouter(bot.services.clock, bot.services.config)(uow, row)
        await uow.commit()
    await bot.drain()
    card = bot.last_to("MDHY-01-B")
    assert LAMP in card and "无法把" in card
    assert "&lt;b&gt;chat&lt;/b&gt; not found &amp; blocked" in card
    assert "&amp;lt;" not in card and "&amp;amp;" not in card
