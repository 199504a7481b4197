"""models.outbox: leased claims, order within a chat, settling rows (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from handlers.messages import NOTE
from models.outbox import DEAD, PENDING, SENT, OutboxDelivery
from models.uow import UnitOfWorkFactory
from tests.delivery.conftest import note, outbox, queue, text

LEASE = timedelta(seconds=30)


async def claim(
    uows: UnitOfWorkFactory, worker: str, limit: int = 100, per_chat: int = 5
) -> list[str]:
    async with uows() as uow:
        rows = await OutboxDelivery(uow.session, uow.clock).claim(worker, limit, LEASE, per_chat)
        await uow.commit()
    return [row.key for row in rows]


async def test_claim_leases_due_rows_oldest_first_with_a_cap_per_chat(
    uows: UnitOfWorkFactory,
) -> None:
    await queue(uows, [(f"a{i}", 1, text(f"a{i}")) for i in range(4)])
    await queue(uows, [(f"b{i}", 2, text(f"b{i}")) for i in range(2)])
    assert await claim(uows, "w1", per_chat=3) == ["a0", "a1", "a2", "b0", "b1"]
    rows = await outbox(uows)
    assert rows["a0"].claimed_by == "w1" and rows["a0"].claimed_until is not None
    assert rows["a3"].claimed_by is None
    assert await claim(uows, "w1") == ["a3"]  # the same worker may take more of its chats
    assert await claim(uows, "w1") == []


async def test_a_chat_leased_to_another_worker_is_left_alone(uows: UnitOfWorkFactory) -> None:
    await queue(uows, [(f"a{i}", 1, text(f"a{i}")) for i in range(3)])
    assert await claim(uows, "w1", per_chat=1) == ["a0"]
    await queue(uows, [("b0", 2, text("b0"))])
    assert await claim(uows, "w2") == ["b0"]  # chat 1 belongs to w1 while its lease runs


async def test_expired_leases_are_taken_over(uows: UnitOfWorkFactory) -> None:
    await queue(uows, [("a0", 1, text("a0"))])
    async with uows() as uow:
        rows = await OutboxDelivery(uow.session, uow.clock).claim("w1", 10, timedelta(0), 5)
        await uow.commit()
    assert [r.key for r in rows] == ["a0"]
    assert await claim(uows, "w2") == ["a0"]


async def test_a_retry_waiting_blocks_later_rows_of_its_chat_only(uows: UnitOfWorkFactory) -> None:
    await queue(uows, [("a0", 1, text("a0")), ("a1", 1, text("a1")), ("b0", 2, text("b0"))])
    rows = await outbox(uows)
    assert await claim(uows, "w1", per_chat=1) == ["a0", "b0"]
    async with uows() as uow:
        store = OutboxDelivery(uow.session, uow.clock)
        assert await store.reschedule("w1", rows["a0"].id, "500 oops", timedelta(hours=1),
                                      timedelta(0))  # fmt: skip
        assert await store.mark_sent([rows["b0"].id]) == 1
        await uow.commit()
    assert await claim(uows, "w2") == []  # a1 must not overtake a0
    after = await outbox(uows)
    assert (after["a0"].status, after["a0"].attempts, after["a0"].last_error) == (
        PENDING, 1, "500 oops"
    )  # fmt: skip
    assert after["a0"].claimed_by is None and after["b0"].status == SENT
    assert after["b0"].sent_at is not None and after["b0"].attempts == 1


async def test_future_rows_do_not_block_their_chat(uows: UnitOfWorkFactory) -> None:
    async with uows() as uow:
        later = uow.clock.now() + timedelta(days=1)
        await uow.outbox.add(
            key="tomorrow", chat_id=1, kind=NOTE, snapshot=note("t"), available_at=later
        )
        await uow.outbox.add(key="now", chat_id=1, kind=NOTE, snapshot=note("n"))
        await uow.commit()
    assert await claim(uows, "w1") == ["now"]


async def test_renew_release_dead_and_move(uows: UnitOfWorkFactory) -> None:
    await queue(uows, [("a0", -100, text("a0")), ("a1", -100, text("a1"))])
    rows = await outbox(uows)
    ids = [rows["a0"].id, rows["a1"].id]
    await claim(uows, "w1")
    async with uows() as uow:
        store = OutboxDelivery(uow.session, uow.clock)
        assert await store.renew("w1", ids, LEASE) == set(ids)
        assert await store.renew("w2", ids, LEASE) == set()
        dead = await store.mark_dead(ids[0], "403 Forbidden: bot was blocked by the user")
        assert dead is not None and dead.status == DEAD and dead.key == "a0"
        assert await store.mark_dead(ids[0], "again") is None
        assert await store.move_chat(-100, -1009) == 1
        assert await store.release("w1", ids) == 1  # the dead row is no longer held
        assert await store.count() == 1
        await uow.commit()
    after = await outbox(uows)
    assert after["a0"].last_error == "403 Forbidden: bot was blocked by the user"
    assert (after["a1"].chat_id, after["a1"].claimed_by) == (-1009, None)
