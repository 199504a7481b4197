"""The hot path's database building blocks: the update's first statement (dedupe, staff, ban,
state and the chat lock), late ticket numbers, the idle-connection ping."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

import models.db
from handlers.buttons import find_token, make_button, token_of
from models import lifecycle as lc
from models.db import create_engine, session_factory
from models.numbering import assign_ticket_number, format_number, provisional_number
from models.orm import BanRow, CallbackTokenRow, TicketCounterRow, TicketRow
from models.repos.updates import ReporterWindows
from models.uow import UnitOfWorkFactory
from tests.models.factories import new_ticket

DAY = date(2026, 11, 21)
RESIDENT, WORKER = 5550001, 710101  # 710101: MDHY-01-W1 in the demo district


@pytest.mark.usefixtures("backend")
async def test_update_start_reports_duplicates_staff_bans_and_state(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        start = await uow.updates.start(1, RESIDENT, RESIDENT, conversation=True)
        assert (start.duplicate, start.person_code, start.banned) == (False, None, False)
        assert start.conversation == (None, {})
        await uow.conversations.set(RESIDENT, "draft", {"text": "路灯坏了"})
        uow.session.add(BanRow(channel="telegram", user_id=RESIDENT, at=uow.now()))
        await uow.commit()
    async with uow_factory() as uow:
        again = await uow.updates.start(1, RESIDENT, RESIDENT, conversation=True)
        assert again.duplicate
        later = await uow.updates.start(2, RESIDENT, RESIDENT, conversation=True)
        assert not later.duplicate and later.banned
        assert later.conversation == ("draft", {"text": "路灯坏了"})
        staff = await uow.updates.start(3, WORKER, WORKER, conversation=False)
        assert staff.person_code == "MDHY-01-W1" and staff.conversation is None


@pytest.mark.parametrize("backend", [pytest.param("pg", marks=pytest.mark.pg)])
async def test_update_start_reads_a_presss_token_and_its_use_is_stored(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        button = make_button(uow, uow.now(), RESIDENT, "确认提交", "draft_confirm", nonce="ab")
        await uow.commit()
    token = token_of(button.data)
    assert token is not None
    async with uow_factory() as uow:
        start = await uow.updates.start(20, RESIDENT, RESIDENT, conversation=True, token=token)
        assert start.token is not None and start.token[0] == token
        row = start.token[1]
        assert row is not None and (row.chat_id, row.action, row.args) == (
            RESIDENT, "draft_confirm", {"nonce": "ab"})
        assert row.used_at is None
        assert await find_token(uow, button.data, RESIDENT, start.token) is row
        assert await find_token(uow, button.data, WORKER, start.token) is None  # other chat
        row.used_at = uow.now()
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.session.get(CallbackTokenRow, token)
        assert stored is not None and stored.used_at is not None
        unknown = await uow.updates.start(21, RESIDENT, RESIDENT, conversation=True,
                                          token="x" * 16)
        assert unknown.token == ("x" * 16, None)


@pytest.mark.parametrize("backend", [pytest.param("pg", marks=pytest.mark.pg)])
async def test_update_start_reads_the_residents_recent_tickets(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        now = uow.now()
        made = [  # (number, status, hours ago)
            ("TBH-20261121-0001", "assigned", 30), ("TBH-20261121-0002", "assigned", 5),
            ("TBH-20261121-0003", "closed", 2), ("TBH-20261121-0004", "triage", 0.5),
            ("TBH-20261121-0005", "accepted", 0.2),
        ]
        for number, status, hours in made:
            uow.session.add(new_ticket(number, status=status, original_text=f"路灯{number}",
                                       created_at=now - timedelta(hours=hours), updated_at=now))
        uow.session.add(new_ticket("TBH-20261121-0006", reporter_user_id=WORKER,  # not theirs
                                   status="assigned", created_at=now, updated_at=now))
        await uow.commit()
    async with uow_factory() as uow:
        now = uow.now()
        windows = ReporterWindows(now - timedelta(hours=24), now - timedelta(hours=1))
        start = await uow.updates.start(30, RESIDENT, RESIDENT, conversation=True,
                                        reporter=windows)
        assert start.reporter is not None
        recent = start.reporter.recent_open
        assert [ticket.number for ticket in recent] == [
            "TBH-20261121-0005", "TBH-20261121-0004", "TBH-20261121-0002"]  # open, within a day
        assert recent[0].original_text == "路灯TBH-20261121-0005"
        assert abs((now - recent[0].created_at) - timedelta(hours=0.2)) < timedelta(seconds=1)
        assert start.reporter.filed_recently == 2  # any status, within the hour
        plain = await uow.updates.start(31, RESIDENT, RESIDENT, conversation=True)
        assert plain.reporter is None


@pytest.mark.parametrize("backend", [pytest.param("pg", marks=pytest.mark.pg)])
async def test_a_second_update_of_the_chat_waits_and_sees_the_first_ones_state(
    uow_factory: UnitOfWorkFactory,
) -> None:
    """Two processes handling the same chat: the second reads the state the first committed,
    never the one both started from (no lost step)."""
    first = uow_factory()
    await first.__aenter__()
    try:
        start = await first.updates.start(10, RESIDENT, RESIDENT, conversation=True)
        assert start.conversation == (None, {})

        async def second() -> tuple[str | None, dict[str, object]] | None:
            async with uow_factory() as uow:
                return (
                    await uow.updates.start(11, RESIDENT, RESIDENT, conversation=True)
                ).conversation

        waiting = asyncio.create_task(second())
        await asyncio.sleep(0.5)
        assert not waiting.done()  # held by the first transaction's row lock
        await first.conversations.set(RESIDENT, "draft", {"awaiting": "confirm"})
        await first.commit()
    finally:
        await first.__aexit__(None, None, None)
    assert await waiting == ("draft", {"awaiting": "confirm"})


async def _file(uow_factory: UnitOfWorkFactory) -> str:
    async with uow_factory() as uow:
        ticket = new_ticket(provisional_number())
        uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
        await uow.session.flush()
        number = await assign_ticket_number(uow.session, ticket, "TBH", DAY)
        assert ticket.number == number
        await uow.commit()
        return number


@pytest.mark.parametrize("backend", [pytest.param("pg", marks=pytest.mark.pg)])
async def test_late_numbers_are_distinct_and_gap_free_under_concurrency(
    uow_factory: UnitOfWorkFactory,
) -> None:
    numbers = await asyncio.gather(*(_file(uow_factory) for _ in range(40)))
    expected = [format_number("TBH", DAY, n) for n in range(1, 41)]
    assert sorted(numbers) == expected
    async with uow_factory() as uow:
        stored = sorted((await uow.session.scalars(select(TicketRow.number))).all())
    assert stored == expected  # nothing provisional was committed


@pytest.mark.usefixtures("backend")
async def test_late_numbers_are_formatted_like_format_number(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        uow.session.add(TicketCounterRow(prefix="TBH", day=DAY, last=9998))
        await uow.commit()
    assert await _file(uow_factory) == "TBH-20261121-9999"
    assert await _file(uow_factory) == "TBH-20261121-10000"


@pytest.mark.usefixtures("backend")
async def test_a_rolled_back_filing_leaves_neither_row_nor_number(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        ticket = new_ticket(provisional_number())
        uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
        await uow.session.flush()
        assert await assign_ticket_number(uow.session, ticket, "TBH", DAY) == ("TBH-20261121-0001")
    assert await _file(uow_factory) == "TBH-20261121-0001"


@pytest.mark.usefixtures("backend")
async def test_an_unflushed_ticket_is_numbered_before_its_insert(
    uow_factory: UnitOfWorkFactory,
) -> None:
    """Batched inserts (`griddesk simulate`): the number is taken, the row written later."""
    async with uow_factory() as uow:
        with uow.session.no_autoflush:
            ticket = new_ticket(provisional_number())
            uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
            number = await assign_ticket_number(uow.session, ticket, "TBH", DAY)
        await uow.commit()
    assert number == "TBH-20261121-0001"
    async with uow_factory() as uow:
        assert (await uow.session.scalars(select(TicketRow.number))).all() == [number]


async def _backend_pid(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def _kill(pg_url: str, pid: int) -> None:
    admin = create_engine(pg_url)
    try:
        async with admin.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            await connection.commit()
    finally:
        await admin.dispose()


@pytest.mark.pg
async def test_an_idle_broken_connection_is_replaced_before_use(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models.db, "IDLE_PING_S", 0.0)  # every checkout counts as idle
    engine = create_engine(pg_url, pool_size=1, max_overflow=0)
    try:
        pid = await _backend_pid(engine)
        await _kill(pg_url, pid)
        assert await _backend_pid(engine) != pid  # pinged, found dead, reconnected
    finally:
        await engine.dispose()


@pytest.mark.pg
async def test_a_busy_broken_connection_fails_one_use_then_the_pool_recovers(pg_url: str) -> None:
    """The price of not pinging busy connections: one failed unit of work (the core answers
    系统繁忙), after which every pooled connection has been replaced."""
    engine = create_engine(pg_url, pool_size=1, max_overflow=0)
    sessions = session_factory(engine)
    try:
        pid = await _backend_pid(engine)
        await _kill(pg_url, pid)
        with pytest.raises(DBAPIError):
            async with sessions() as session:
                await session.execute(text("SELECT 1"))
        assert await _backend_pid(engine) != pid
    finally:
        with contextlib.suppress(Exception):
            await engine.dispose()
