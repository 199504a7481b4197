"""The sender against the Bot API double: delivery, order, faults, dead rows and the hook."""

from __future__ import annotations

import asyncio
import re
from collections import Counter

import pytest
from sqlalchemy import select

from bench.botapi_double import (
    BotApiDouble,
    blocked,
    chat_not_found,
    connection_reset,
    error,
    retry_after,
    server_error,
    user_deactivated,
)
from bot.workers.sender import SenderConfig, _Ops
from handlers.messages import NOTE
from models.clock import ScaledClock
from models.orm import OutboxRow
from models.outbox import DEAD, PENDING, SENT
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.delivery.conftest import FAST, make_sender, note, outbox, queue, text

KEY = re.compile(r"#(\S+)$")


def delivered(api: BotApiDouble, chat_id: int) -> list[str]:
    """Keys of the notifications that reached the chat, in order."""
    return [m.group(1) for r in api.messages_to(chat_id) if (m := KEY.search(r.body))]


async def test_every_row_is_delivered_once_in_order_per_chat(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    chats = [1001, 1002, -1003]
    await queue(uows, [(f"{c}:{i}", c, text(f"{c}:{i}")) for i in range(8) for c in chats])
    async with make_sender(uows, api) as sender:
        stats = await sender.drain()
    assert stats.sent == 24 and stats.too_many_requests == 0 and stats.dead == 0
    for chat in chats:
        assert delivered(api, chat) == [f"{chat}:{i}" for i in range(8)]
    rows = await outbox(uows)
    assert {r.status for r in rows.values()} == {SENT}
    assert all(r.claimed_by is None and r.sent_at is not None for r in rows.values())
    sent = api.messages_to(1001)[0]
    assert sent.parse_mode == "HTML" and sent.plain_text.startswith("TBH-20261121-0001 已受理")


async def test_photos_and_keyboards_use_the_right_methods(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    resident = api.user(2001)
    photos = [(await resident.send_photo())["message"]["photo"][-1]["file_id"] for _ in range(3)]
    refs = [f"tg:{file_id}" for file_id in photos]  # attachments as the domain keeps them
    markup = {"inline_keyboard": [[{"text": "接单", "callback_data": "tok123"}]]}
    await queue(uows, [
        ("one", 3001, {"text": "工单卡片 #one", "photos": refs[:1], "reply_markup": markup}),
        ("three", 3001, {"text": "工单卡片 #three", "photos": refs, "reply_markup": markup}),
    ])  # fmt: skip
    async with make_sender(uows, api) as sender:
        await sender.drain()
    sent = api.messages_to(3001)
    assert [m.method for m in sent] == ["sendPhoto"] + ["sendMediaGroup"] * 3 + ["sendMessage"]
    assert sent[0].caption == "工单卡片 #one" and sent[0].reply_markup == markup
    assert sent[-1].text == "工单卡片 #three" and sent[-1].reply_markup == markup
    assert [m.photo for m in sent[1:4]] == photos


async def test_429_retry_after_is_honoured_exactly(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    api.inject("sendMessage", retry_after(2), chat_id=4001)
    await queue(uows, [("a", 4001, text("a")), ("b", 4001, text("b")), ("c", 4002, text("c"))])
    async with make_sender(uows, api) as sender:
        stats = await sender.drain()
    assert stats.too_many_requests == 1
    assert delivered(api, 4001) == ["a", "b"] and delivered(api, 4002) == ["c"]
    to_chat = [e for e in api.exchanges if e.params.get("chat_id") == 4001]
    assert [e.status for e in to_chat] == [429, 200, 200]
    assert to_chat[1].at - to_chat[0].at >= 2.0  # not a moment before retry_after
    rows = await outbox(uows)
    assert rows["a"].attempts == 2 and "retry after 2" in (rows["a"].last_error or "")


async def test_server_errors_and_resets_are_retried_with_backoff(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    api.inject("sendMessage", server_error(500), count=2, chat_id=5001)
    api.inject("sendMessage", connection_reset, count=1, chat_id=5002)
    api.inject("sendMessage", server_error(502), count=1, chat_id=5003)
    await queue(uows, [(f"k{c}", c, text(f"k{c}")) for c in (5001, 5002, 5003)])
    async with make_sender(uows, api) as sender:
        stats = await sender.drain()
    assert stats.sent == 3 and stats.transient_errors == 4 and stats.dead == 0
    assert [delivered(api, c) for c in (5001, 5002, 5003)] == [["k5001"], ["k5002"], ["k5003"]]
    rows = await outbox(uows)
    assert (rows["k5001"].attempts, rows["k5002"].attempts) == (3, 2)
    assert "500" in (rows["k5001"].last_error or "")
    assert "Connection" in (rows["k5002"].last_error or "") or "reset" in (
        rows["k5002"].last_error or ""
    )


async def test_a_failure_and_the_send_after_it_in_one_write_both_count(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    """A retry from memory can succeed before the writer records the failure: one batch
    then holds both, and the row's attempts must count both (a slow database, a busy CPU)."""
    await queue(uows, [("both", 5101, text("both"))])
    sender = make_sender(uows, api)
    assert await sender._claim() == 1
    row_id = (await outbox(uows))["both"].id
    await sender._write(_Ops(sent=[row_id], retries=[(row_id, "502 Bad Gateway", 0.01, True)]))
    row = (await outbox(uows))["both"]
    assert (row.status, row.attempts) == (SENT, 2)
    assert "502" in (row.last_error or "")
    await sender.api.close()


async def test_permanent_errors_are_dead_and_the_hook_reroutes_in_the_same_transaction(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    api.inject("sendMessage", blocked, count=None, chat_id=6001)
    api.inject("sendMessage", chat_not_found, count=None, chat_id=6002)
    api.inject("sendMessage", user_deactivated, count=None, chat_id=6004)
    await queue(
        uows,
        [("w1", 6001, text("w1")), ("w2", 6002, text("w2")), ("ok", 6003, text("ok")),
         ("w4", 6004, text("w4"))],
    )  # fmt: skip
    seen: list[tuple[str, str, str | None]] = []

    async def next_level(uow: UnitOfWork, row: OutboxRow) -> None:
        seen.append((row.key, row.status, row.last_error))
        await uow.outbox.add(
            key=f"{row.key}:up", chat_id=6100, kind=NOTE, snapshot=note(f"{row.key}:up")
        )

    async with make_sender(uows, api, on_undeliverable=next_level) as sender:
        stats = await sender.drain()
    assert stats.dead == 3 and stats.sent == 4
    assert sorted(seen) == [
        ("w1", DEAD, "403 Forbidden: bot was blocked by the user"),
        ("w2", DEAD, "400 Bad Request: chat not found"),
        ("w4", DEAD, "403 Forbidden: user is deactivated"),
    ]
    assert sorted(delivered(api, 6100)) == ["w1:up", "w2:up", "w4:up"]
    rows = await outbox(uows)
    assert (rows["w1"].status, rows["w1"].attempts) == (DEAD, 1)
    assert sum(e.params.get("chat_id") == 6001 for e in api.exchanges) == 1  # no retrying


async def test_a_failing_hook_leaves_the_row_pending_for_a_later_retry(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    api.inject("sendMessage", blocked, chat_id=6201)
    await queue(uows, [("w", 6201, text("w"))])

    async def broken(uow: UnitOfWork, row: OutboxRow) -> None:
        await uow.outbox.add(key="half-done", chat_id=1, kind=NOTE, snapshot=note("x"))
        raise RuntimeError("escalation target unknown")

    sender = make_sender(uows, api, on_undeliverable=broken)
    assert await sender._claim() == 1
    await sender._bury((await outbox(uows))["w"].id, "403 Forbidden: bot was blocked by the user")
    rows = await outbox(uows)
    assert rows["w"].status == PENDING and "hook failed" in (rows["w"].last_error or "")
    assert "half-done" not in rows  # rolled back together with the dead mark
    await sender.api.close()


async def test_transient_failures_make_a_row_dead_only_past_its_age_and_never_reroute(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    api.inject("sendMessage", server_error(503), count=None, chat_id=7001)
    await queue(uows, [("x", 7001, text("x"))])
    hooked: list[str] = []

    async def hook(uow: UnitOfWork, row: OutboxRow) -> None:
        hooked.append(row.key)

    # Two wall seconds of age: room for several tries even on a starved CPU.
    config = SenderConfig(**{**FAST.__dict__, "max_age": 2.0})
    async with make_sender(uows, api, config=config, on_undeliverable=hook) as sender:
        stats = await sender.drain()
    assert stats.dead == 1 and hooked == []  # a transient outage is not undeliverable
    row = (await outbox(uows))["x"]
    assert row.status == DEAD and "gave up after" in (row.last_error or "")
    assert row.sent_at is None and row.created_at is not None
    tries = sum(e.params.get("chat_id") == 7001 for e in api.exchanges)
    assert row.attempts == tries >= 2


async def test_a_migrated_group_gets_its_rows_under_the_new_id(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    migrated = error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                     {"migrate_to_chat_id": -1008001})  # fmt: skip
    api.inject("sendMessage", migrated, count=None, chat_id=-8001)
    await queue(uows, [("g1", -8001, text("g1")), ("g2", -8001, text("g2"))])
    async with make_sender(uows, api) as sender:
        await sender.drain()
    assert delivered(api, -1008001) == ["g1", "g2"]
    rows = await outbox(uows)
    assert {r.chat_id for r in rows.values()} == {-1008001}


async def test_an_empty_notification_is_dead_without_a_call(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    await queue(uows, [("empty", 9001, {"text": ""})])
    async with make_sender(uows, api) as sender:
        await sender.drain()
    assert (await outbox(uows))["empty"].status == DEAD and api.calls == []


async def test_limits_enforced_by_the_double_are_never_exceeded(
    uows: UnitOfWorkFactory,
) -> None:
    """Three messages to one private chat and a burst to many: paced, no 429."""
    await queue(uows, [(f"p{i}", 9101, text(f"p{i}")) for i in range(3)])
    await queue(uows, [(f"m{i}", 9200 + i, text(f"m{i}")) for i in range(40)])
    async with BotApiDouble(enforce_limits=True) as api:
        async with make_sender(uows, api, config=SenderConfig()) as sender:
            stats = await sender.drain()
        assert stats.sent == 43 and stats.too_many_requests == 0 and api.too_many_requests == 0
        assert delivered(api, 9101) == ["p0", "p1", "p2"]


async def test_scaled_time_leases_in_domain_time(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    clock = ScaledClock(3600)
    scaled = UnitOfWorkFactory(uows.sessions, clock)
    async with scaled() as uow:
        await uow.outbox.add(key="s", chat_id=9301, kind=NOTE, snapshot=note("s"))
        await uow.commit()
    sender = make_sender(scaled, api)
    assert sender.scale == 3600
    assert await sender._claim() == 1
    async with scaled() as uow:
        row = (await uow.session.execute(select(OutboxRow))).scalar_one()
        lease = (row.claimed_until - clock.now()).total_seconds()  # type: ignore[operator]
    assert 0.9 * FAST.lease * 3600 < lease <= FAST.lease * 3600
    await sender.drain()
    assert delivered(api, 9301) == ["s"]
    await sender.api.close()
    assert Counter(e.method for e in api.exchanges) == {"sendMessage": 1}


async def test_a_stop_that_meets_a_wake_up_still_stops_the_sender(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    """Cancelled in the instant it is woken (a new row and the process stopping together), the
    idle wait ends in CancelledError. `asyncio.wait_for` on Python 3.11 returned instead: the
    sender went on looping and `griddesk run` waited for it at shutdown without end."""
    sender = make_sender(uows, api)
    for _ in range(3):
        sleeping = asyncio.create_task(sender._sleep(5.0))
        await asyncio.sleep(0)  # it waits for the kick
        sender.wake()
        sleeping.cancel()
        with pytest.raises(asyncio.CancelledError):
            await sleeping
    await sender.api.close()
