"""PostgreSQL goes away under a running bot: residents are told the system is busy, nothing is
acknowledged that was not committed, and the bot recovers by itself when the database returns.

The server is a private one the test starts (initdb and pg_ctl as the `postgres` user, a
temporary directory, a free port) and stops for real: never the shared server, no mocking."""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bench.botapi_double import BotApiDouble, SimUser
from models.db import create_engine
from models.orm import TicketRow
from tests.conftest import _admin, pg_required
from tests.e2e.conftest import bot_settings, polling_bot
from tests.hardening.flows import LAMP, PHONE
from tests.hardening.private_pg import PrivatePostgres, unavailable_reason
from tests.hardening.support import hang_guard

pytestmark = pytest.mark.pg

FILED = re.compile(r"已提交，工单编号 (TBH-\d{8}-\d{4})")
BUSY = "系统繁忙"
WORKER = 710101


@pytest.fixture(scope="module")
def private_pg() -> Iterator[PrivatePostgres]:
    reason = unavailable_reason()
    if reason is not None:
        if pg_required():
            pytest.fail(
                f"GRIDDESK_REQUIRE_PG=1 but a private PostgreSQL cannot run: {reason}",
                pytrace=False,
            )
        pytest.skip(f"no private PostgreSQL for the outage test: {reason}")
    server = PrivatePostgres()
    server.start()
    try:
        yield server
    finally:
        server.destroy()


@pytest.fixture
def outage_url(private_pg: PrivatePostgres) -> str:
    """A fresh database on the private server (started, whatever the last test left)."""
    if not private_pg.running():
        private_pg.start()
    name = f"outage_{secrets.token_hex(4)}"
    asyncio.run(_admin(private_pg.url, f'CREATE DATABASE "{name}"'))
    return make_url(private_pg.url).set(database=name).render_as_string(hide_password=False)


async def stored(url: str) -> dict[str, int]:
    """Ticket number → reporter, as committed."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(select(TicketRow.number, TicketRow.reporter_user_id))
            return {number: reporter or 0 for number, reporter in rows}
    finally:
        await engine.dispose()


def acknowledged(api: BotApiDouble, user: SimUser) -> list[str]:
    """Every ticket number the bot ever told this resident was filed."""
    return [
        m.group(1) for message in api.messages_to(user) if (m := FILED.search(message.plain_text))
    ]


async def test_outage_busy_replies_and_recovery(
    api: BotApiDouble,
    framework: str,
    private_pg: PrivatePostgres,
    outage_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    first, second = api.user(5550201, "甲"), api.user(5550202, "乙")
    worker = api.user(WORKER, "王晓东")
    async with hang_guard(120), polling_bot(bot_settings(api, outage_url, framework), api) as bot:
        await first.send_text(LAMP)
        summary = await api.wait_for(first, "请核对", timeout=10)
        await first.send_contact(PHONE)
        await api.wait_for(first, "已记录", timeout=10)

        await asyncio.to_thread(private_pg.stop, "fast")
        press = await first.press(summary, "确认提交")
        await api.wait_for(first, BUSY, timeout=20)
        answer = await api.wait_for_answer(press, timeout=5)
        assert BUSY in answer.get("text", "")
        await second.send_text("明德花园2号楼电梯坏了，老人下不了楼")
        await api.wait_for(second, BUSY, timeout=20)
        await first.send_command("/mytickets")
        await api.wait_for(first, BUSY, timeout=20)
        await asyncio.sleep(1.5)  # the sender and the sweeper keep failing meanwhile
        assert not bot.done(), "the bot died with the database"
        assert acknowledged(api, first) == []

        await asyncio.to_thread(private_pg.start)
        await first.press(summary, "确认提交")  # the draft was committed before the outage
        filed = await api.wait_for(first, "已提交", timeout=20)
        number = FILED.search(filed.plain_text).group(1)  # type: ignore[union-attr]
        await api.wait_for(worker, number, timeout=20)  # the sender recovered too
        await second.send_text("明德花园2号楼电梯坏了，老人下不了楼")
        await second.press(await api.wait_for(second, "请核对", timeout=20), "确认提交")
        await api.wait_for(second, "已提交", timeout=20)
        assert not bot.done()
    tickets = await stored(outage_url)
    assert sorted(tickets.values()) == [first.id, second.id]
    assert set(acknowledged(api, first) + acknowledged(api, second)) == set(tickets)
    logged = [r.getMessage() + (r.exc_text or "") for r in caplog.records]
    assert any("database unavailable for update" in line for line in logged)
    assert not [line for line in logged if PHONE in line or "楼道里的灯" in line or "电梯" in line]


async def test_outage_in_the_middle_of_filing_acknowledges_only_commits(
    api: BotApiDouble, framework: str, private_pg: PrivatePostgres, outage_url: str
) -> None:
    """Eight residents confirm at once and the server dies under them: each hears either its
    number (then the ticket is stored) or 系统繁忙 (then confirming again files it once)."""
    residents = [api.user(5550300 + i, f"居民{i}") for i in range(8)]
    async with hang_guard(120), polling_bot(bot_settings(api, outage_url, framework), api) as bot:
        summaries = []
        for index, resident in enumerate(residents):
            await resident.send_text(f"明德花园{index % 6 + 1}号楼楼道灯坏了，第{index}户反映")
            summaries.append(await api.wait_for(resident, "请核对", timeout=10))
        for resident, summary in zip(residents, summaries, strict=True):
            await resident.press(summary, "确认提交")
        for _ in range(2000):  # pull the plug as soon as the first one is through
            if any(acknowledged(api, resident) for resident in residents):
                break
            await asyncio.sleep(0.005)
        await asyncio.to_thread(private_pg.stop, "immediate")
        outcome = {}
        for resident in residents:
            message = await api.wait_for(
                resident, lambda m: "已提交" in m.plain_text or BUSY in m.plain_text, timeout=30
            )
            outcome[resident.id] = "filed" if "已提交" in message.plain_text else "busy"
        assert not bot.done()
        await asyncio.to_thread(private_pg.start)
        committed = await stored(outage_url)
        for resident in residents:  # nothing acknowledged that is not stored
            for number in acknowledged(api, resident):
                assert committed.get(number) == resident.id
        for resident, summary in zip(residents, summaries, strict=True):
            if outcome[resident.id] == "busy":
                press = await resident.press(summary, "确认提交")
                await api.wait_for_answer(press, timeout=20)
        await asyncio.sleep(0.5)
    tickets = await stored(outage_url)
    assert sorted(tickets.values()) == sorted(r.id for r in residents)  # one each, none lost
    for resident in residents:
        for number in acknowledged(api, resident):
            assert tickets[number] == resident.id
