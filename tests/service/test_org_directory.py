"""One answer to "who is in this ticket's chain": the organisation rows in the database. A
person deactivated there (removed by `griddesk config load`) is skipped by the cards and
refused by the button check alike, whatever the loaded configuration still says."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from handlers import texts
from handlers.card_actions import work_actions
from handlers.context import Ctx
from handlers.org import OrgDirectory
from handlers.render import render_row
from handlers.staff import authorised_ticket
from handlers.tickets import TicketService
from handlers.types import Incoming, Kind, Sender
from models.config.schema import Level
from models.orm import TicketRow
from models.uow import UnitOfWork
from tests.escalation.helpers import make_ticket
from tests.service.fakes import FakeUnitOfWork
from tests.service.test_ticket_service import buttons, filed, messages

WORKER, BRANCH = "MDHY-01-W1", "MDHY-01-B"
URGENT_CHAIN = [WORKER, BRANCH, "MDHY-S", "XZ-C", "TBH-TF"]


def press_by(uow: FakeUnitOfWork, service: TicketService, code: str) -> Ctx:
    """A button press on a card, by the person `code`, handled in `uow`."""
    person = uow.org.people_rows[code]
    account = person.account()
    user_id = account.user_id if account is not None and account.user_id else 1
    incoming = Incoming(update_id=1, kind=Kind.CALLBACK, chat_id=person.chat_id,
                        sender=Sender(user_id, person.name), callback_id="press")
    services = SimpleNamespace(clock=service.clock, config=service.config)
    ctx = Ctx(cast(Any, services), cast(UnitOfWork, uow), incoming)
    ctx.person = person
    return ctx


def deactivate(uow: FakeUnitOfWork, code: str) -> None:
    """What `griddesk config load` does to a person no longer in the configuration."""
    uow.org.people_rows[code].active = False


async def urgent(service: TicketService, uow: FakeUnitOfWork) -> TicketRow:
    ticket = await make_ticket(cast(UnitOfWork, uow), service.config,
                               at=service.clock.now(), urgent=True)
    await service.notify.whole_chain(ticket, "e1")
    return ticket


async def test_an_urgent_card_reaches_every_active_level_of_the_chain(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    await urgent(service, uow)
    assert sorted(await messages(uow, "e1")) == sorted(URGENT_CHAIN)


async def test_a_person_deactivated_in_the_database_gets_no_card(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    deactivate(uow, BRANCH)
    ticket = await urgent(service, uow)
    assert sorted(await messages(uow, "e1")) == sorted(set(URGENT_CHAIN) - {BRANCH})
    configured = [grid.branch.head.code for _, _, grid in service.config.district.grids()]
    assert BRANCH in configured  # the loaded configuration still names them
    assert await OrgDirectory(cast(UnitOfWork, uow)).level_of(ticket, BRANCH) is None


async def test_the_button_check_refuses_a_person_deactivated_in_the_database(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await filed(service)
    allowed = press_by(uow, service, WORKER)
    assert await authorised_ticket(allowed, {"ticket": ticket.id}) is ticket
    deactivate(uow, WORKER)
    refused = press_by(uow, service, WORKER)
    assert await authorised_ticket(refused, {"ticket": ticket.id}) is None
    assert refused.outcome.answer is not None and refused.outcome.answer.alert
    assert [kind for _, kind, _ in uow.updates.security] == ["forbidden_press"]
    assert work_actions(ticket, None, WORKER) == []


async def test_a_deactivated_holders_card_loses_its_buttons_at_the_next_change(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await filed(service)
    [card] = await uow.outbox.to_staff(ticket.number)
    assert texts.BTN_ACCEPT in buttons(card)
    deactivate(uow, WORKER)
    await service.route_to(ticket, BRANCH, category_code="property_service")
    [card] = await uow.outbox.to_staff(ticket.number)
    assert buttons(card) == [] and "此卡片不再更新" in render_row(card)["text"]


async def test_a_triage_ticket_is_held_by_its_queue_but_its_grid_sees_urgent_cards(
    service: TicketService, uow: FakeUnitOfWork
) -> None:
    ticket = await make_ticket(cast(UnitOfWork, uow), service.config,
                               at=service.clock.now(), triage=True, urgent=True)
    org = OrgDirectory(cast(UnitOfWork, uow))
    assert await org.holder(ticket) == "MDHY-S"
    assert await org.held_level(ticket) == Level.COMMUNITY
    assert [member.code for member in await org.members(ticket)] == URGENT_CHAIN
    above = await org.above(ticket, ticket.level)
    assert above is not None and above[1].code == "MDHY-S"  # not the recognised grid's branch
