"""PostgreSQL takes the daily ticket number at COMMIT (trigger `tickets_number_at_commit`):
consecutive numbers under concurrency, no gap after a rollback, the real number in every reply,
card and row, and nothing provisional ever committed."""

from __future__ import annotations

import asyncio
import itertools
import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from bot.demo.simulate import SimTicketService
from handlers.context import Services
from handlers.conversation import Draft, Reporter
from handlers.core import Core
from handlers.messages import NOTE, message, say
from handlers.render import render_row
from handlers.tickets import TicketService
from handlers.types import Incoming, Kind, Outcome, Sender
from models import lifecycle as lc
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.numbering import (
    PROVISIONAL_PREFIX,
    format_number,
    number_ticket,
    provisional_number,
    settle_numbers,
)
from models.orm import ConversationRow, OutboxRow, TicketCounterRow, TicketEventRow, TicketRow
from models.uow import UnitOfWorkFactory
from tests.models.factories import new_ticket

pytestmark = pytest.mark.parametrize("backend", [pytest.param("pg", marks=pytest.mark.pg)])

DAY = date(2026, 11, 21)  # DEMO_NOW's day in the district
LAMP = "明德花园5号楼楼道里的灯坏了一个星期了，晚上上下楼黑漆漆的"
FIRE = "明德花园3号楼楼道里着火了，冒了好多烟，快来人！"
NOISE = "颂运水庭小区里有人天天半夜在花园里放音乐跳舞，吵得睡不着"
NUMBER = re.compile(r"TBH-\d{8}-\d{4,}")
PROVISIONAL = re.compile(r"~[A-Z]{2,8}-\d{8}-~")
RESIDENTS = 9_100_000
WORKER_CHAT = 710101  # MDHY-01-W1, the worker of 明德花园第一网格
_update_ids = itertools.count(1)


async def _send(core: Core, user_id: int, kind: Kind, **fields: Any) -> Outcome:
    sender = Sender(user_id=user_id, first_name="居民")
    return await core.handle(
        Incoming(update_id=next(_update_ids), kind=kind, chat_id=user_id, sender=sender, **fields)
    )


def _button(outcome: Outcome, label: str) -> str:
    for reply in outcome.replies:
        for row in reply.keyboard.rows if reply.keyboard else ():
            for button in row:
                if button.text == label and button.data:
                    return button.data
    raise LookupError(f"no button {label!r} in {outcome}")


async def _file(core: Core, user_id: int, complaint: str = LAMP, skip: bool = False) -> str:
    """A resident's complete filing through the core; the number the resident was told."""
    outcome = await _send(core, user_id, Kind.TEXT, text=complaint)
    if skip:  # no address: the community's triage
        outcome = await _send(core, user_id, Kind.TEXT, text="跳过")
    if not any(NUMBER.search(reply.text) for reply in outcome.replies):  # urgent: filed at once
        outcome = await _send(
            core,
            user_id,
            Kind.CALLBACK,
            callback_id=f"cb{user_id}",
            callback_data=_button(outcome, "确认提交"),
        )
    found = [m.group() for reply in outcome.replies if (m := NUMBER.search(reply.text))]
    assert len(found) == 1, outcome
    assert not any(PROVISIONAL.search(reply.text) for reply in outcome.replies)
    return found[0]


def _draft(config: GridDeskConfig) -> Draft:
    return Draft.model_validate({
        "text": LAMP,
        "normalized": LAMP,
        "category": "property_service",
        "community": config.grid("MDHY-01")[1].code,
        "grid": "MDHY-01",
        "building": 5,
        "confidence": 0.95,
    })


def _numbers(count: int) -> list[str]:
    return [format_number("TBH", DAY, n) for n in range(1, count + 1)]


async def _stored_numbers(uow_factory: UnitOfWorkFactory) -> list[str]:
    async with uow_factory() as uow:
        return sorted((await uow.session.scalars(select(TicketRow.number))).all())


async def _provisional_leftovers(uow_factory: UnitOfWorkFactory) -> list[str]:
    """Committed rows that still hold a provisional number, as `table: text`."""
    found = []
    async with uow_factory() as uow:
        for table in (
            "tickets",
            "outbox",
            "ticket_events",
            "conversations",
            "callback_tokens",
            "security_events",
            "ticket_counters",
        ):
            rows = await uow.session.execute(text(f"SELECT t::text FROM {table} AS t"))
            found += [f"{table}: {row}" for (row,) in rows if "~" in row]
    return found


async def test_50_concurrent_filings_get_consecutive_numbers_and_real_cards(
    services: Services, uow_factory: UnitOfWorkFactory
) -> None:
    core = Core(services)
    told = await asyncio.gather(*(_file(core, RESIDENTS + n) for n in range(50)))
    assert sorted(told) == _numbers(50)
    assert await _stored_numbers(uow_factory) == _numbers(50)
    async with uow_factory() as uow:
        cards = (
            await uow.session.execute(
                select(OutboxRow).where(OutboxRow.chat_id == WORKER_CHAT)
            )
        ).scalars().all()
        filed = {
            chat: number
            for chat, number in (
                await uow.session.execute(select(TicketRow.reporter_chat_id, TicketRow.number))
            ).all()
        }
        shown = [(card.ticket_number or "", card.key, render_row(card)["text"]) for card in cards]
    assert sorted(number for number, _, _ in shown) == _numbers(50)
    for number, key, said in shown:
        assert number in said and key.startswith(f"{number}:")
    assert all(filed[RESIDENTS + n] == told[n] for n in range(50))  # each was told its own
    assert await _provisional_leftovers(uow_factory) == []


async def test_a_rolled_back_filing_leaves_no_gap_and_holds_no_lock(
    services: Services,
    uow_factory: UnitOfWorkFactory,
    clock: FixedClock,
    demo_config: GridDeskConfig,
) -> None:
    core = Core(services)
    async with uow_factory() as uow:
        ticket = await TicketService(uow, clock, demo_config).file(
            _draft(demo_config), Reporter(RESIDENTS, RESIDENTS)
        )
        assert ticket.number.startswith(PROVISIONAL_PREFIX)
        assert ticket.number.startswith("~TBH-20261121-~")
        # another filing commits while this one is open: no counter lock is held yet
        first = await asyncio.wait_for(_file(core, RESIDENTS + 1), timeout=60)
    # leaving the unit of work without commit rolled the first filing back
    second = await _file(core, RESIDENTS + 2)
    assert [first, second] == _numbers(2)
    assert await _stored_numbers(uow_factory) == _numbers(2)
    assert await _provisional_leftovers(uow_factory) == []


async def test_a_mix_of_filings_commits_only_real_gap_free_numbers(
    services: Services,
    uow_factory: UnitOfWorkFactory,
    clock: FixedClock,
    demo_config: GridDeskConfig,
) -> None:
    """Routed, urgent and triage filings through the core, a batched simulator-style filing
    (numbered before its INSERT) and a rolled-back one, some at the same time."""
    core = Core(services)
    told = list(
        await asyncio.gather(
            _file(core, RESIDENTS),
            _file(core, RESIDENTS + 1, FIRE),
            _file(core, RESIDENTS + 2, NOISE, skip=True),
            _file(core, RESIDENTS + 3),
        )
    )
    async with uow_factory() as uow:
        with uow.session.no_autoflush:  # `griddesk simulate`: rows flushed in batches
            simulated = await SimTicketService(uow, clock, demo_config).file(
                _draft(demo_config), Reporter(RESIDENTS + 4, None)
            )
        await uow.commit()
        simulated_number = simulated.number
    assert not simulated_number.startswith(PROVISIONAL_PREFIX)
    async with uow_factory() as uow:
        await TicketService(uow, clock, demo_config).file(
            _draft(demo_config), Reporter(RESIDENTS + 5, RESIDENTS + 5)
        )
        await uow.rollback()
    told.append(await _file(core, RESIDENTS + 6))
    assert sorted([*told, simulated_number]) == _numbers(6)
    assert await _stored_numbers(uow_factory) == _numbers(6)
    async with uow_factory() as uow:
        urgent = await uow.tickets.by_number(told[1])
        triage = await uow.tickets.by_number(told[2])
        assert urgent is not None and urgent.urgent
        assert triage is not None and triage.status == "triage"
        carded = set((await uow.session.scalars(select(OutboxRow.ticket_number))).all())
    assert set(told) <= carded
    assert await _provisional_leftovers(uow_factory) == []


async def test_the_trigger_rewrites_every_copy_of_the_provisional_number(
    uow_factory: UnitOfWorkFactory,
) -> None:
    provisional = provisional_number("TBH", DAY)
    async with uow_factory() as uow:
        ticket = new_ticket(provisional, reporter_chat_id=RESIDENTS)
        event = lc.create(ticket, now=uow.now(), note=f"工单 {provisional}")
        event.data = {"numbers": [provisional]}
        uow.tickets.add(ticket, event)
        await uow.session.flush()
        await uow.outbox.add(
            key=f"{provisional}:e1:W",
            chat_id=WORKER_CHAT,
            kind=NOTE,
            snapshot=message(say("texts.PLAIN", text=f"<b>{provisional}</b>")),
            ticket_number=provisional,
        )
        await uow.conversations.set(RESIDENTS, "draft", {"last": f"编号 {provisional}"})
        assert await number_ticket(uow.session, ticket, "TBH", DAY) == provisional
        await uow.commit()
        assert await settle_numbers(uow.session) == {provisional: "TBH-20261121-0001"}
        assert ticket.number == "TBH-20261121-0001"
    async with uow_factory() as uow:
        card = await uow.outbox.by_key("TBH-20261121-0001:e1:W")
        stored = await uow.session.scalar(
            select(TicketEventRow).where(TicketEventRow.ticket_id == ticket.id)
        )
        state = await uow.session.get(ConversationRow, RESIDENTS)
        uow.session.expunge_all()  # readable after the unit of work rolls back on exit
    assert card is not None and card.ticket_number == "TBH-20261121-0001"
    assert card.snapshot == message(say("texts.PLAIN", text="<b>TBH-20261121-0001</b>"))
    assert render_row(card)["text"] == "<b>TBH-20261121-0001</b>"
    assert stored is not None and stored.note == "工单 TBH-20261121-0001"
    assert stored.data == {"numbers": ["TBH-20261121-0001"]}
    assert state is not None and state.data == {"last": "编号 TBH-20261121-0001"}


async def test_numbers_past_9999_have_more_digits(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        uow.session.add(TicketCounterRow(prefix="TBH", day=DAY, last=9999))
        await uow.commit()
    async with uow_factory() as uow:
        ticket = new_ticket(provisional_number("TBH", DAY))
        uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
        await uow.session.flush()
        await number_ticket(uow.session, ticket, "TBH", DAY)
        await uow.commit()
        assert await settle_numbers(uow.session) != {}
    assert ticket.number == "TBH-20261121-10000"


async def test_a_placeholder_without_stem_cannot_be_committed(
    uow_factory: UnitOfWorkFactory,
) -> None:
    """A provisional number nobody replaced is refused at COMMIT rather than stored."""
    async with uow_factory() as uow:
        ticket = new_ticket(provisional_number())
        uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
        await uow.session.flush()
        with pytest.raises(DBAPIError, match="provisional number"):
            await uow.commit()
    assert await _stored_numbers(uow_factory) == []
