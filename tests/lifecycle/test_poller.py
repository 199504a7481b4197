"""The polling loop against a fake getUpdates with Telegram's offset semantics: the offset never
passes an update in flight, re-fetched updates are not handled twice, a stop drains within the
bound and confirms exactly what was handled."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from bot.telegram.polling import Poller, Update


def fake_update(update_id: int) -> Update:
    return {"update_id": update_id}


class FakeTelegram:
    """Pending updates; getUpdates(offset) confirms every update below `offset`."""

    def __init__(self, ids: list[int]) -> None:
        self.pending = [fake_update(i) for i in ids]
        self.offsets: list[int | None] = []
        self.arrived = asyncio.Event()

    async def fetch(self, offset: int | None, wait_s: int, limit: int) -> Sequence[Update]:
        self.offsets.append(offset)
        if offset is not None:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        if not self.pending and wait_s:
            self.arrived.clear()
            await self.arrived.wait()
        return list(self.pending[:limit])

    def add(self, update_id: int) -> None:
        self.pending.append(fake_update(update_id))
        self.arrived.set()


async def until(condition: Callable[[], bool]) -> None:
    """Let the loop run until `condition` holds (a hang fails instead of blocking)."""
    for _ in range(10_000):
        if condition():
            return
        await asyncio.sleep(0.001)
    raise AssertionError("the condition never held")


async def test_offset_waits_for_the_oldest_update_in_flight() -> None:
    telegram = FakeTelegram([1, 2, 3])
    release, handled = asyncio.Event(), []

    async def handle(update: Update) -> None:
        if update["update_id"] == 1:
            await release.wait()
        handled.append(update["update_id"])

    stop = asyncio.Event()
    poller = Poller(telegram.fetch, handle, stop, grace=5)
    running = asyncio.create_task(poller.run())
    await until(lambda: sorted(handled) == [2, 3])
    for _ in range(20):
        await asyncio.sleep(0)
    assert all(offset is None or offset <= 1 for offset in telegram.offsets)
    assert len(telegram.offsets) < 10  # waits for a handler instead of asking again and again
    telegram.add(5)  # a newcomer does not wait for the slow update
    await until(lambda: 5 in handled)
    assert 1 not in handled and all(o is None or o <= 1 for o in telegram.offsets)
    release.set()
    await until(lambda: 6 in telegram.offsets)
    telegram.add(6)
    await until(lambda: 6 in handled)
    stop.set()
    report = await running
    assert sorted(handled) == [1, 2, 3, 5, 6] and len(handled) == 5
    assert (report.finished, report.abandoned, report.offset) == (0, 0, 7)
    assert telegram.offsets[-1] == 7


async def test_stop_cancels_past_the_bound_and_leaves_the_update_unconfirmed() -> None:
    telegram = FakeTelegram([7, 8])
    handled: list[int] = []

    async def handle(update: Update) -> None:
        if update["update_id"] == 7:
            await asyncio.Event().wait()  # never finishes
        handled.append(update["update_id"])

    stop = asyncio.Event()
    poller = Poller(telegram.fetch, handle, stop, grace=0.01)
    running = asyncio.create_task(poller.run())
    await until(lambda: handled == [8])
    stop.set()
    report = await running
    assert (report.finished, report.abandoned, report.offset) == (0, 1, 7)
    assert telegram.offsets[-1] == 7  # 7 stays with Telegram, 8 is done but not yet confirmed
    assert [u["update_id"] for u in telegram.pending] == [7, 8]
