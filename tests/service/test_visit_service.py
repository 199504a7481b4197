"""The ticket service for a filing on a resident's behalf (代报), against the in-memory unit of
work: what the card says, the call-back when nobody follows the ticket, the phone rating."""

from __future__ import annotations

from handlers.conversation import Draft, Reporter
from handlers.tickets import TicketService
from models.orm import OutboxRow, TicketRow
from tests.service.fakes import FakeUnitOfWork

WORKER = "MDHY-01-W1"


async def on_behalf(service: TicketService, follower: int | None = None,
                    phone: str | None = "13912345678") -> TicketRow:
    draft = Draft(text="楼道灯坏了，老人出门看不见", category="property_service",
                  community="MDHY", grid="MDHY-01", building=5, normalized="楼道灯坏了",
                  confidence=0.9, on_behalf=True, phone=phone,
                  contact_name="刘奶奶" if phone else None)
    reporter = Reporter(follower, follower, source="visit", filed_by=WORKER, follow_token="h")
    return await service.file(draft, reporter)


def texts_to(rows: list[OutboxRow], code: str) -> list[str]:
    return [str(row.payload["text"]) for row in rows if row.person_code == code]


async def test_the_card_names_the_worker_and_the_consent(service: TicketService,
                                                          uow: FakeUnitOfWork) -> None:
    ticket = await on_behalf(service)
    assert (ticket.source, ticket.filed_by, ticket.reporter_user_id) == ("visit", WORKER, None)
    [card] = texts_to(await uow.outbox.rows(), WORKER)
    assert "联系人：刘奶奶 13912345678（经居民同意留存）" in card
    assert "来源：网格员王晓东走访代报" in card


async def test_without_consent_the_card_has_no_contact(service: TicketService,
                                                       uow: FakeUnitOfWork) -> None:
    await on_behalf(service, phone=None)
    [card] = texts_to(await uow.outbox.rows(), WORKER)
    assert "联系人" not in card and "来源：网格员王晓东走访代报" in card


async def test_nobody_following_the_worker_calls_back_and_rates_by_phone(
        service: TicketService, uow: FakeUnitOfWork) -> None:
    ticket = await on_behalf(service)
    await service.accept(ticket, WORKER)
    await service.resolve(ticket, WORKER, "已更换灯泡")
    rows = await uow.outbox.rows()
    [callback] = [row for row in rows if ":phone:" in row.key]
    assert "请电话回访居民" in callback.payload["text"] and "已更换灯泡" in callback.payload["text"]
    labels = [b["text"] for line in callback.payload["reply_markup"]["inline_keyboard"]
              for b in line]
    assert labels == ["满意", "基本满意", "不满意"]
    await service.rate(ticket, "unsatisfied", "电话回访：居民不满意", via="phone")
    [rating] = uow.tickets.ratings
    assert (rating.score, rating.via) == ("unsatisfied", "phone")
    assert (ticket.status, ticket.level) == ("assigned", 1)  # reopened one level up


async def test_a_followed_ticket_asks_the_resident_not_the_worker(
        service: TicketService, uow: FakeUnitOfWork) -> None:
    ticket = await on_behalf(service, follower=5550999)
    await service.accept(ticket, WORKER)
    await service.resolve(ticket, WORKER, "已更换灯泡")
    rows = await uow.outbox.rows()
    assert not [row for row in rows if ":phone:" in row.key]
    assert any(row.chat_id == 5550999 and "请对办理结果进行评价" in row.payload["text"]
               for row in rows)
