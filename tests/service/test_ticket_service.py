"""The ticket service's transitions against the in-memory unit of work: the ticket's state, its
events and the messages each transition writes, without a database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from handlers import texts
from handlers.tickets import TicketService
from models import lifecycle
from models.clock import FixedClock
from models.config.schema import GridDeskConfig, Level
from models.escalation import Breach, Escalation, Overdue, Stage, TopLevelOverdue
from models.orm import OutboxRow, TicketRow
from tests.escalation.helpers import make_ticket
from tests.service.fakes import FakeUnitOfWork

HOUR = timedelta(hours=1)
REPORTER = "reporter"


async def filed(service: TicketService, **kwargs: object) -> TicketRow:
    """A ticket filed now at the grid MDHY-01, its 🆕 card queued for the worker."""
    uow = service.uow
    ticket = await make_ticket(uow, service.config, at=service.clock.now(), **kwargs)  # type: ignore[arg-type]
    if ticket.assignee_code:
        await service.notify.card(ticket, ticket.assignee_code, texts.CARD_BADGE_NEW, "e1")
    return ticket


async def resolved(service: TicketService) -> TicketRow:
    """A ticket the grid worker accepted and resolved."""
    ticket = await filed(service)
    await service.accept(ticket, "MDHY-01-W1")
    await service.resolve(ticket, "MDHY-01-W1", "已处理")
    return ticket


async def messages(uow: FakeUnitOfWork, tag: str) -> dict[str, str]:
    """What the event `tag` sent: recipient (person code, or "reporter") → text."""
    rows: list[OutboxRow] = await uow.outbox.rows()
    return {
        row.person_code or REPORTER: row.payload["text"]
        for row in rows
        if row.key.split(":")[1] == tag and "edit" not in row.key
    }


async def last_tag(uow: FakeUnitOfWork, ticket: TicketRow, action: str) -> str:
    events = [e for e in await uow.events.for_ticket(ticket.id) if e.action == action]
    return f"e{events[-1].id}"


def buttons(row: OutboxRow) -> list[str]:
    markup = row.payload.get("reply_markup") or {}
    return [b["text"] for line in markup.get("inline_keyboard", []) for b in line]


async def test_accept_tells_the_resident_and_takes_the_button_off_the_card(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await filed(service)
    [card] = await uow.outbox.to_staff(ticket.number)
    assert texts.BTN_ACCEPT in buttons(card)
    await service.accept(ticket, "MDHY-01-W1")
    assert (ticket.status, ticket.first_receiver_code) == ("accepted", "MDHY-01-W1")
    sent = await messages(uow, await last_tag(uow, ticket, "accepted"))
    assert list(sent) == [REPORTER] and "已受理" in sent[REPORTER]
    assert texts.BTN_ACCEPT not in buttons(card)  # the pending card was rewritten in place
    assert texts.BTN_RESOLVE in buttons(card)


async def test_resolve_asks_the_resident_to_rate(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await filed(service)
    await service.accept(ticket, "MDHY-01-W1")
    await service.resolve(ticket, "MDHY-01-W1", "已修好", photos=["photo-1"])
    assert (ticket.status, ticket.result_note) == ("resolved", "已修好")
    [event] = [e for e in await uow.events.for_ticket(ticket.id) if e.action == "resolved"]
    assert event.data["photos"] == ["photo-1"]
    rows = [row for row in await uow.outbox.rows(ticket.number) if row.key.endswith(
        f"e{event.id}:{REPORTER}")]
    assert [buttons(row) for row in rows] == [list(texts.RATING_LABELS.values())]
    assert "已修好" in rows[0].payload["text"]


async def test_reject_gives_the_resident_the_reason(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await filed(service)
    await service.reject(ticket, "MDHY-01-W1", "不属于本网格职责")
    assert ticket.status == "rejected"
    sent = await messages(uow, await last_tag(uow, ticket, "rejected"))
    assert "不属于本网格职责" in sent[REPORTER]


async def test_escalate_by_hand_moves_one_level_with_the_levels_own_window(
    service: TicketService, uow: FakeUnitOfWork, clock: FixedClock
) -> None:
    ticket = await filed(service)
    filed_resolve_due = ticket.resolve_due_at
    clock.advance(HOUR)
    assert await service.escalate(ticket, "MDHY-01-W1", "需要支部协调") == Level.GRID_BRANCH
    assert (ticket.level, ticket.assignee_code) == (Level.GRID_BRANCH, "MDHY-01-B")
    assert ticket.accept_due_at == clock.now() + 2 * HOUR
    assert ticket.resolve_due_at == filed_resolve_due
    [event] = [e for e in await uow.events.for_ticket(ticket.id) if e.action == "escalated"]
    assert (event.actor, event.note, "breach" in event.data) == ("MDHY-01-W1", "需要支部协调",
                                                               False)
    sent = await messages(uow, f"e{event.id}")
    assert set(sent) == {"MDHY-01-B", REPORTER}
    assert "需要支部协调" in sent["MDHY-01-B"]


async def test_nobody_above_the_district_refuses_a_hand_escalation(
    service: TicketService,
) -> None:
    ticket = await filed(service, grid=None, community=None)  # the district's triage queue
    with pytest.raises(lifecycle.TicketError):
        await service.escalate(ticket, "TBH-TF", "无处可报")


async def test_an_inactive_person_is_skipped_by_hand_and_on_a_breach_alike(
    service: TicketService, uow: FakeUnitOfWork, clock: FixedClock
) -> None:
    uow.org.people_rows["MDHY-01-B"].active = False
    by_hand, on_breach = await filed(service), await filed(service)
    await service.escalate(by_hand, "MDHY-01-W1", "支部无人")
    clock.advance(3 * HOUR)
    due = on_breach.accept_due_at
    assert due is not None
    outcome = await service.escalate_overdue(Overdue(on_breach, Breach.ACCEPT, due, True))
    assert isinstance(outcome, Escalation)
    assert (outcome.from_level, outcome.to_level, outcome.assignee_code) == (
        Level.GRID_WORKER, Level.COMMUNITY, "MDHY-S")
    assert {(t.level, t.assignee_code) for t in (by_hand, on_breach)} == {
        (Level.COMMUNITY, "MDHY-S")}


async def test_a_breach_escalates_with_its_deadline_recorded(
    service: TicketService, uow: FakeUnitOfWork, clock: FixedClock
) -> None:
    ticket = await filed(service)
    clock.advance(3 * HOUR)
    due = ticket.accept_due_at
    assert due is not None
    outcome = await service.escalate_overdue(Overdue(ticket, Breach.ACCEPT, due, True))
    assert isinstance(outcome, Escalation) and outcome.breach == Breach.ACCEPT
    [event] = [e for e in await uow.events.for_ticket(ticket.id) if e.action == "escalated"]
    assert (event.actor, event.note) == ("system", "超过受理时限未受理")
    assert event.data["breach"] == "accept" and event.data["due"] == due.isoformat()
    sent = await messages(uow, f"e{event.id}")
    assert set(sent) == {"MDHY-01-B", REPORTER}


async def test_a_breach_at_the_top_reminds_the_district_once_a_day(
    service: TicketService, uow: FakeUnitOfWork, clock: FixedClock
) -> None:
    ticket = await filed(service)
    for _ in range(4):
        await service.escalate(ticket, ticket.assignee_code or "", "逐级上报")
    assert (ticket.level, ticket.assignee_code) == (Level.DISTRICT, "TBH-TF")
    clock.advance(3 * HOUR)
    due = ticket.accept_due_at
    assert due is not None
    outcome = await service.escalate_overdue(Overdue(ticket, Breach.ACCEPT, due, True))
    assert isinstance(outcome, TopLevelOverdue)
    assert ticket.reminded_at == clock.now()
    sent = await messages(uow, f"e{outcome.event_id}")
    assert list(sent) == ["TBH-TF"] and ticket.number in sent["TBH-TF"]
    assert await service.escalate_overdue(Overdue(ticket, Breach.ACCEPT, due, False)) is None


async def test_a_reminder_goes_to_the_holder(
    service: TicketService, uow: FakeUnitOfWork, clock: FixedClock
) -> None:
    ticket = await filed(service)
    due = ticket.accept_due_at
    assert due is not None
    clock.advance(90 * timedelta(minutes=1))
    reminder = await service.remind(Stage(ticket, Breach.ACCEPT, due))
    assert (reminder.recipient_code, ticket.reminded_at) == ("MDHY-01-W1", clock.now())
    sent = await messages(uow, f"e{reminder.event_id}")
    assert list(sent) == ["MDHY-01-W1"] and "受理" in sent["MDHY-01-W1"]


async def test_transfer_cards_the_new_grid_and_closes_the_old_card(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await filed(service)
    await service.route_to(ticket, "MDHY-01-W1", grid_code="MDHY-02")
    assert (ticket.grid_code, ticket.status, ticket.level) == ("MDHY-02", "assigned", 0)
    new_worker = ticket.assignee_code
    assert new_worker is not None and new_worker.startswith("MDHY-02-W")
    sent = await messages(uow, await last_tag(uow, ticket, "transferred"))
    assert set(sent) == {new_worker, REPORTER}
    assert sent[new_worker].startswith(texts.CARD_BADGE_TRANSFERRED.strip())
    old = [row for row in await uow.outbox.to_staff(ticket.number)
           if row.person_code == "MDHY-01-W1"]
    assert old and "此卡片不再更新" in old[0].payload["text"] and not buttons(old[0])


async def test_recategorise_moves_the_resolve_deadline_and_cards_nobody_new(
    service: TicketService, uow: FakeUnitOfWork, demo_config: GridDeskConfig
) -> None:
    ticket = await filed(service)
    before = ticket.resolve_due_at
    await service.route_to(ticket, "MDHY-01-W1", category_code="property_service")
    assert ticket.category_code == "property_service"
    assert ticket.resolve_due_at != before
    [event] = [e for e in await uow.events.for_ticket(ticket.id) if e.action == "recategorised"]
    assert event.data["category_code"] == ["water_leak", "property_service"]
    assert await messages(uow, f"e{event.id}") == {}
    [card] = await uow.outbox.to_staff(ticket.number)
    category = demo_config.taxonomy.get("property_service").name
    assert category in card.payload["text"]  # the card was rewritten with the new category


async def test_whistle_cards_the_departments_liaison_and_tells_the_resident(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await filed(service)
    await service.accept(ticket, "MDHY-01-W1")
    unit = await service.whistle(ticket, "MDHY-01-W1", "区住建局")
    assert unit.liaison is not None and unit.liaison.code == "DEPT-ZJJ"
    tag = await last_tag(uow, ticket, "whistle")
    rows = [row for row in await uow.outbox.rows(ticket.number) if row.key.split(":")[1] == tag]
    liaison = next(row for row in rows if row.key.endswith(":DEPT-ZJJ"))
    assert liaison.chat_id == 950001 and buttons(liaison) == [texts.BTN_REPORTED]
    reporter = next(row for row in rows if row.key.endswith(REPORTER))
    assert "区住建局" in reporter.payload["text"]


async def test_unsatisfied_reopens_one_level_up_with_the_reason(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await resolved(service)
    await service.rate(ticket, lifecycle.Rating.UNSATISFIED, reason="还在漏水")
    assert (ticket.status, ticket.level, ticket.assignee_code) == (
        "assigned", Level.GRID_BRANCH, "MDHY-01-B")
    assert [r.score for r in uow.tickets.ratings] == [lifecycle.Rating.UNSATISFIED]
    sent = await messages(uow, await last_tag(uow, ticket, "reopened"))
    assert set(sent) == {"MDHY-01-B", "MDHY-01-W1", REPORTER}
    assert "还在漏水" in sent["MDHY-01-B"] and "还在漏水" in sent["MDHY-01-W1"]


async def test_satisfied_closes_and_tells_the_resident(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await resolved(service)
    await service.rate(ticket, lifecycle.Rating.SATISFIED)
    assert ticket.status == "closed"
    sent = await messages(uow, await last_tag(uow, ticket, "closed"))
    assert list(sent) == [REPORTER]


async def test_a_transfer_note_reaches_whoever_holds_the_case(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await filed(service)
    await service.route_to(ticket, "MDHY-01-W1", grid_code="MDHY-02")
    await service.transfer_reason(ticket, "MDHY-01-W1", "该楼栋属于第二网格")
    sent = await messages(uow, await last_tag(uow, ticket, "transfer_note"))
    assert list(sent) == [ticket.assignee_code]
    assert "该楼栋属于第二网格" in sent[ticket.assignee_code or ""]


async def test_a_filing_records_the_channel_it_came_through(service: TicketService) -> None:
    from handlers.conversation import Draft, Reporter

    draft = Draft(text="路灯不亮了", category="street_light", community="MDHY", grid="MDHY-01",
                  normalized="路灯不亮了", confidence=0.9)
    chat = await service.file(draft, Reporter(user_id=7, chat_id=7))
    hotline = await service.file(draft.model_copy(), Reporter(user_id=8, chat_id=None,
                                                              source="open311:hotline"))
    assert (chat.source, hotline.source) == ("telegram", "open311:hotline")


async def test_a_ticket_without_a_reporter_account_tells_no_resident(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    """Filed by another system (no account on any channel): staff get their card, nobody gets
    a resident's message, and no Telegram user counts as its reporter."""
    from handlers.conversation import Draft, Reporter

    draft = Draft(text="路灯不亮了", category="street_light", community="MDHY", grid="MDHY-01",
                  normalized="路灯不亮了", confidence=0.9)
    ticket = await service.file(draft, Reporter(None, None, source="open311:hotline",
                                                channel=None))
    assert (ticket.reporter_channel, ticket.reporter_user_id) == (None, None)
    await service.accept(ticket, "MDHY-01-W1")
    await service.resolve(ticket, "MDHY-01-W1", "已修好")
    rows = await uow.outbox.rows(ticket.number)
    assert rows and {row.person_code for row in rows} == {"MDHY-01-W1"}
    assert not ticket.reported_by(None) and ticket.reporter_chat() is None
    chat = await service.file(draft.model_copy(), Reporter(user_id=7, chat_id=7))
    assert (chat.reporter_channel, chat.reported_by(7), chat.reporter_chat()) == (
        "telegram", True, 7)
    assert not chat.reported_by(7, channel="open311:hotline")
