"""A long Bot API outage played on a time scale: transient errors back off by the row's stored
attempts, kill nothing and re-route nothing; everything arrives once after recovery."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import update

from bench.botapi_double import BotApiDouble, connection_reset, delay, server_error
from bot.telegram.sender_api import BotApi
from bot.workers.sender import Sender, SenderConfig
from handlers.messages import NOTE
from models.clock import ScaledClock
from models.orm import OutboxRow
from models.outbox import PENDING, SENT, OutboxDelivery
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.delivery.conftest import FAST, make_sender, note, outbox
from tests.delivery.test_pg_senders import wait_until
from tests.delivery.test_sender import KEY

SCALE = 120.0  # ten minutes of domain time in five wall seconds
OUTAGE = timedelta(minutes=10)


async def test_ten_minutes_of_5xx_kill_nothing_and_reroute_nothing(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    clock = ScaledClock(SCALE)
    scaled = UnitOfWorkFactory(uows.sessions, clock)
    chats = [12_000 + c for c in range(10)]
    async with scaled() as uow:  # cards to workers: the hook would re-route these
        for chat in chats:
            for i in range(3):
                await uow.outbox.add(
                    key=f"{chat}:{i}",
                    chat_id=chat,
                    kind=NOTE, snapshot=note(f"{chat}:{i}"),
                    person_code="MDHY-01-W1",
                    ticket_number="TBH-20261121-0001",
                )
        await uow.commit()
    rerouted: list[str] = []

    async def hook(uow: UnitOfWork, row: OutboxRow) -> None:
        rerouted.append(row.key)

    api.inject("sendMessage", server_error(502), count=None)
    api.inject("sendMessage", connection_reset, count=None, chat_id=chats[0])
    # Short backoffs in wall time (the outage is played fast) handed back to the outbox beyond
    # 0.1 s, so rows are re-claimed again and again, the case that used to reset the backoff.
    config = replace(FAST, backoff_base=0.05, backoff_cap=0.4, hold_limit=0.1)
    sender = make_sender(scaled, api, config=config, on_undeliverable=hook, clock=clock)
    ended = clock.now() + OUTAGE
    task = asyncio.create_task(sender.run())
    try:
        await asyncio.sleep(clock.wall_seconds(ended - clock.now()))  # the outage lasts
        # On a starved CPU ten minutes may hold fewer tries: the outage lasts until some row has
        # been tried more often than the old limit (12), which is what this test is about.
        await wait_until(_tried_more_than(scaled, 12), 60)
        rows = await outbox(scaled)  # still in the outage
        during = len(api.exchanges)
        api.clear_faults()
        assert {row.status for row in rows.values()} == {PENDING}  # nothing dead
        assert max(row.attempts for row in rows.values()) > 12  # the old limit
        await wait_until(_all_sent(scaled), 30)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await sender.api.close()
    keys = Counter(m.group(1) for c in chats for r in api.messages_to(c)
                   if (m := KEY.search(r.body)))  # fmt: skip
    assert rerouted == []
    assert keys == Counter({f"{c}:{i}": 1 for c in chats for i in range(3)})
    rows = await outbox(scaled)
    heads = [rows[f"{c}:0"].attempts for c in chats]
    print(
        f"\n10 min of 5xx at x{SCALE:g}: {during} calls refused, head rows tried "
        f"{min(heads)}-{max(heads)} times, 0 dead, 0 re-routed, 30 delivered once"
    )


def _tried_more_than(uows: UnitOfWorkFactory, tries: int) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return max(row.attempts for row in (await outbox(uows)).values()) > tries

    return check


def _all_sent(uows: UnitOfWorkFactory) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        async with uows() as uow:
            return await OutboxDelivery(uow.session, uow.clock).count(SENT) == 30

    return check


async def test_a_reclaimed_row_backs_off_by_its_stored_attempts(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    """Ten attempts already stored: the next failure waits about the cap, not one second."""
    await _queue_one(uows, "late", 9801)
    async with uows() as uow:
        await uow.session.execute(update(OutboxRow).values(attempts=10))
        await uow.commit()
    api.inject("sendMessage", server_error(500), count=1)
    config = replace(FAST, backoff_base=1.0, backoff_cap=300.0, hold_limit=15.0)
    sender = make_sender(uows, api, config=config)
    assert await sender._claim() == 1
    sender._dispatch(9801, 0.0)
    await asyncio.gather(*sender._inflight)
    await sender._flush()
    row = (await outbox(uows))["late"]
    wait = (row.available_at - row.created_at).total_seconds()
    assert row.attempts == 11 and row.claimed_by is None  # handed back: a long wait
    assert 150 <= wait <= 301  # 2**10 s capped at 300 s, jittered by half at most
    await sender.api.close()


async def _queue_one(uows: UnitOfWorkFactory, key: str, chat_id: int) -> None:
    async with uows() as uow:
        await uow.outbox.add(key=key, chat_id=chat_id, kind=NOTE, snapshot=note(key))
        await uow.commit()


@pytest.mark.slow
async def test_a_35_second_answer_is_waited_for_not_sent_twice(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    """The default request timeout outlasts a Bot API that answers after 35 s (the old 30 s
    timeout retried such a message while the first copy was being delivered)."""
    # It still claims every half second while the answer is awaited (70 claims that must not
    # take the leased row again), not every 50 ms, which cost 7 s of CPU over the wait.
    config = replace(SenderConfig(), limits=FAST.limits, poll_interval=0.5)
    assert config.request_timeout < config.lease  # the lease outlives the call
    await _queue_one(uows, "slow", 9901)
    api.inject("sendMessage", delay(35), count=1)
    sender = Sender(uows, BotApi(api.token, api.base_url, timeout=config.request_timeout),
                    config=config)  # fmt: skip
    async with sender:
        stats = await sender.drain()
    assert stats.sent == 1 and stats.transient_errors == 0
    assert [m.plain_text for m in api.messages_to(9901)] == ["TBH-20261121-0001 已受理 #slow"]
    assert (await outbox(uows))["slow"].attempts == 1
