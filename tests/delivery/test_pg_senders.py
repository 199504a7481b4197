"""Several senders on one PostgreSQL outbox: no double send; a SIGKILLed sender's work is
taken over after its lease, every notification arrives, none more than twice."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy import text as sqltext

from bench.botapi_double import BotApiDouble
from bot.telegram.ratelimit import Limits
from bot.workers.sender import SenderConfig
from models.clock import SystemClock
from models.db import create_engine, session_factory
from models.orm import OutboxRow
from models.outbox import PENDING, SENT, OutboxDelivery
from models.uow import UnitOfWorkFactory
from tests.delivery.conftest import make_sender, outbox, queue, text
from tests.delivery.test_sender import KEY

pytestmark = pytest.mark.pg
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("sender_process.py")


@pytest.fixture
async def pg_uows(pg_url: str) -> AsyncIterator[UnitOfWorkFactory]:
    engine = create_engine(pg_url)
    yield UnitOfWorkFactory(session_factory(engine), SystemClock())
    await engine.dispose()


def all_keys(api: BotApiDouble) -> Counter[str]:
    return Counter(
        m.group(1)
        for chat in {r.chat_id for records in api._bot_messages.values() for r in records}
        for r in api.messages_to(chat)
        if (m := KEY.search(r.body))
    )


async def pending(uows: UnitOfWorkFactory) -> int:
    async with uows() as uow:
        return await OutboxDelivery(uow.session, uow.clock).count()


async def wait_until(condition: Callable[[], object], seconds: float) -> None:
    """Poll an (async) condition; fail with a clear message when it never holds."""
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {seconds}s")
        await asyncio.sleep(0.02)


async def test_two_senders_share_the_outbox_without_double_sending(
    pg_uows: UnitOfWorkFactory,
) -> None:
    chats = [10_000 + c for c in range(50)]
    await queue(pg_uows, [(f"{c}:{i}", c, text(f"{c}:{i}")) for i in range(10) for c in chats])
    limits = Limits(global_rate=300, private_interval=0.0, group_interval=0.0)
    # Small claims, so that neither sender holds every chat (a chat is served by one at a time).
    # The lease is long: this test is about sharing, and a lease that ran out under a loaded
    # machine (a 10 s lease did once, with the suite and other work on two cores) hands a
    # chat over mid-send, which the SIGKILL tests below cover ("at most twice").
    config = SenderConfig(limits=limits, lease=30.0, poll_interval=0.05, batch=20, low_water=10)
    async with BotApiDouble() as api:
        first = make_sender(pg_uows, api, config=config, worker_id="first")
        second = make_sender(pg_uows, api, config=config, worker_id="second")
        async with first, second:
            stats = await asyncio.gather(first.drain(), second.drain())
        keys = all_keys(api)
        for chat in chats:  # each chat served in order
            in_order = [m.group(1) for r in api.messages_to(chat) if (m := KEY.search(r.body))]
            assert in_order == [f"{chat}:{i}" for i in range(10)]
    assert len(keys) == 500 and set(keys.values()) == {1}
    assert stats[0].sent > 0 and stats[1].sent > 0 and stats[0].sent + stats[1].sent == 500
    assert {row.status for row in (await outbox(pg_uows)).values()} == {SENT}


async def start_sender(
    url: str, api: BotApiDouble, worker: str, log: Path, lease: float = 3.0, rate: float = 200
) -> asyncio.subprocess.Process:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(SCRIPT), url, api.base_url, api.token, "--lease", str(lease),
        "--rate", str(rate), "--worker", worker,
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=log.open("ab"),
    )  # fmt: skip
    assert process.stdout is not None
    assert await asyncio.wait_for(process.stdout.readline(), 60) == b"ready\n"
    return process


@pytest.mark.slow
async def test_sigkill_in_the_middle_then_restart_delivers_everything_at_most_twice(
    pg_url: str, pg_uows: UnitOfWorkFactory, tmp_path: Path
) -> None:
    """The killed sender had sent messages it could not record yet (its database writes were
    held up by a lock): it stopped sending once `unrecorded_limit` were unrecorded, and the heir
    sends those again, once, and everything else exactly once."""
    chats = [20_000 + c for c in range(100)]
    await queue(pg_uows, [(f"{c}:{i}", c, text(f"{c}:{i}")) for i in range(10) for c in chats])
    log = tmp_path / "senders.log"
    locker = create_engine(pg_url)
    async with BotApiDouble() as api:
        first = await start_sender(pg_url, api, "doomed", log)
        try:
            await wait_until(lambda: api.sent_count() >= 150, 60)
            async with locker.connect() as connection:
                transaction = await connection.begin()
                await connection.execute(sqltext("SELECT id FROM outbox FOR UPDATE"))
                locked_at = api.sent_count()
                await wait_until(lambda: api.sent_count() > locked_at, 60)
                # unheld, the sender (200 a second) would send hundreds more in this time
                await asyncio.sleep(2.0)
                assert api.sent_count() - locked_at <= SenderConfig().unrecorded_limit
                first.send_signal(signal.SIGKILL)
                await first.wait()
                await transaction.rollback()
        finally:
            if first.returncode is None:
                first.send_signal(signal.SIGKILL)
                await first.wait()
            await locker.dispose()
        at_kill = api.sent_count()
        assert at_kill < 1000, "the sender finished before it could be killed"
        async with pg_uows() as uow:
            recorded = await OutboxDelivery(uow.session, uow.clock).count(SENT)
        assert recorded < at_kill  # sent, but the sender died before it could record them
        second = await start_sender(pg_url, api, "heir", log)
        try:
            await wait_until(_no_pending(pg_uows), 120)
        finally:
            second.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(second.wait(), 30) == 0, log.read_text()
        keys = all_keys(api)
    assert first.returncode == -signal.SIGKILL
    assert len(keys) == 1000, log.read_text()
    assert max(keys.values()) == 2  # the unrecorded ones went twice, nothing three times
    assert sum(n - 1 for n in keys.values()) == at_kill - recorded  # exactly the unrecorded
    assert at_kill - recorded <= SenderConfig().unrecorded_limit
    rows = await outbox(pg_uows)
    assert {row.status for row in rows.values()} == {SENT}
    assert {row.claimed_by for row in rows.values()} == {None}


def _no_pending(uows: UnitOfWorkFactory) -> Callable[[], object]:
    async def check() -> bool:
        return await pending(uows) == 0

    return check


@pytest.mark.slow
async def test_a_sigkilled_senders_rows_are_taken_over_by_a_live_one_long_before_its_lease(
    pg_url: str, pg_uows: UnitOfWorkFactory, tmp_path: Path
) -> None:
    """Two senders; one is killed mid-delivery. Its leases run for ten minutes, yet the other
    sender sees its backend gone and delivers everything: nothing lost, duplicates only for
    messages the killed one had sent but not recorded (at most the ones in flight)."""
    chats = [30_000 + c for c in range(60)]
    await queue(pg_uows, [(f"{c}:{i}", c, text(f"{c}:{i}")) for i in range(10) for c in chats])
    log = tmp_path / "senders.log"
    async with BotApiDouble() as api:
        doomed = await start_sender(pg_url, api, "doomed", log, lease=600, rate=100)
        live = await start_sender(pg_url, api, "live", log, lease=600, rate=100)
        try:
            await wait_until(lambda: api.sent_count() >= 200, 60)
            doomed.send_signal(signal.SIGKILL)
            await doomed.wait()
            at_kill = api.sent_count()
            killed_at = asyncio.get_running_loop().time()
            await wait_until(_none_held_by(pg_uows, "doomed"), 60)  # the lease is 600 s
            released = asyncio.get_running_loop().time() - killed_at
            await wait_until(_no_pending(pg_uows), 60)
            took = asyncio.get_running_loop().time() - killed_at
        finally:
            for process in (doomed, live):
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
                    await asyncio.wait_for(process.wait(), 30)
        keys = all_keys(api)
    assert at_kill < 600, "the senders finished before one could be killed"
    assert len(keys) == 600, log.read_text()
    duplicates = sum(n - 1 for n in keys.values())
    assert max(keys.values()) <= 2, keys.most_common(8)
    assert duplicates <= SenderConfig().unrecorded_limit, keys.most_common(8)
    rows = await outbox(pg_uows)
    assert {row.status for row in rows.values()} == {SENT}
    print(
        f"\nsender killed after {at_kill} of 600 messages: its rows released after "
        f"{released:.1f} s, all delivered {took:.1f} s after the kill (lease 600 s), "
        f"{duplicates} duplicate(s)"
    )


def _none_held_by(uows: UnitOfWorkFactory, worker: str) -> Callable[[], object]:
    async def check() -> bool:
        async with uows() as uow:
            statement = (
                select(func.count())
                .select_from(OutboxRow)
                .where(OutboxRow.claimed_by == worker, OutboxRow.status == PENDING)
            )
            return (await uow.session.execute(statement)).scalar_one() == 0

    return check
