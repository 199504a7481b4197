"""Visit notes and a resident's consented contact are personal data: /forget and the retention
job cover them like a complaint's (docs/privacy.md)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from models.clock import FixedClock
from models.orm import TicketRow, VisitRow
from models.retention import RetentionPolicy, prune
from tests.hardening.support import Driver
from tests.visits.flows import WORKER, accept_and_resolve, describe_on_visit, follow_payload, rows

RESIDENT = 5550401


async def _file_on_visit(bot: Driver) -> str:
    """A visit to 2-1-102 with a note, a filing with the resident's consented contact; the
    follow link's payload."""
    await describe_on_visit(bot, 2, "1-102 刘奶奶独居，腿脚不便", "楼道里堆满杂物，老人出门不方便")
    await bot.press(WORKER, "居民同意留下姓名电话")
    await bot.text(WORKER, "刘奶奶 13912345678")
    await bot.press(WORKER, "确认提交")
    return follow_payload(bot)


async def _one(bot: Driver, model: Any) -> Any:
    [row] = await rows(bot, model)
    return row


async def test_forget_covers_the_visit_and_the_consented_contact(bot: Driver) -> None:
    payload = await _file_on_visit(bot)
    await bot.text(RESIDENT, f"/start {payload}")
    await bot.text(RESIDENT, "/forget")
    await bot.press(RESIDENT, "确认删除")
    ticket = await _one(bot, TicketRow)
    assert isinstance(ticket, TicketRow)
    assert (ticket.reporter_user_id, ticket.reporter_name, ticket.reporter_phone) == (
        None, None, None)
    assert ticket.anonymised and ticket.follow_token is None
    visit = await _one(bot, VisitRow)
    assert isinstance(visit, VisitRow)
    assert (visit.unit, visit.room, visit.note) == (None, None, None)
    assert (visit.building, visit.outcome, visit.ticket_ids) == (2, "filed", [ticket.id])


async def test_retention_clears_old_notes_and_finished_follow_links(
        bot: Driver, clock: FixedClock) -> None:
    await _file_on_visit(bot)
    await accept_and_resolve(bot, "已清理楼道杂物。")
    await bot.press(WORKER, "满意")  # the rating given by phone closes the case
    clock.advance(timedelta(days=31))
    result = await prune(bot.services.uow_factory, clock, RetentionPolicy())
    assert (result.deleted["ticket_contacts"], result.deleted["visit_notes"]) == (1, 0)
    ticket = await _one(bot, TicketRow)
    assert isinstance(ticket, TicketRow)
    assert (ticket.reporter_phone, ticket.follow_token) == (None, None)
    visit = await _one(bot, VisitRow)
    assert isinstance(visit, VisitRow) and visit.note == "刘奶奶独居，腿脚不便"
    clock.advance(timedelta(days=150))
    result = await prune(bot.services.uow_factory, clock, RetentionPolicy())
    assert result.deleted["visit_notes"] == 1
    visit = await _one(bot, VisitRow)
    assert isinstance(visit, VisitRow)
    assert (visit.note, visit.room) == (None, "102")  # the household stays for coverage
