"""Long polling that confirms an update to Telegram only once it has been handled.

Telegram's `getUpdates(offset=N)` confirms every update below N. The frameworks' own loops ask
for the next batch (and so confirm the last one) while the updates are still being handled: a
process that stops then loses them. Here the offset never passes the oldest update in flight,
so an update is confirmed only after its transaction committed (or the core decided it needs
none); one that is re-fetched while still in flight, or already done, is skipped. A crash before
the confirmation makes Telegram deliver the update again, and `processed_updates` makes it count
once. Both adapters use this loop with their own `getUpdates` call and dispatcher.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.telegram.sender_api import DEFAULT_API_BASE
from bot.telegram.shutdown import StopReport
from bot.telegram.updates import ALLOWED_UPDATES

log = logging.getLogger("griddesk.polling")

POLL_TIMEOUT_S = 10
RECHECK_S = 0.5  # while an update is in flight, new ones are looked for this often at least
MIN_INTERVAL_S = 0.05  # and at most every 50 ms (not once per finished update)
MAX_BACKOFF_S = 30.0


Update = dict[str, Any]
Fetch = Callable[[int | None, int, int], Awaitable[Sequence[Update]]]  # offset, timeout, limit
Handle = Callable[[Update], Awaitable[None]]  # the framework parses and dispatches one update


class RawUpdates:
    """`getUpdates` as plain JSON: updates fetched again while in flight cost no framework
    parsing; only the new ones are handed to the framework."""

    def __init__(self, token: str, api_base: str = "") -> None:
        self._url = f"{api_base or DEFAULT_API_BASE}/bot{token}/getUpdates"
        self._session: aiohttp.ClientSession | None = None

    async def __call__(self, offset: int | None, wait_s: int, limit: int) -> Sequence[Update]:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        params: dict[str, Any] = {
            "timeout": wait_s,
            "limit": limit,
            "allowed_updates": ALLOWED_UPDATES,
        }
        if offset is not None:
            params["offset"] = offset
        timeout = aiohttp.ClientTimeout(total=wait_s + 10)
        async with self._session.post(self._url, json=params, timeout=timeout) as response:
            body = await response.json(content_type=None)
        if not isinstance(body, dict) or body.get("ok") is not True:
            raise GetUpdatesError(response.status)
        return [u for u in body.get("result") or [] if isinstance(u, dict) and "update_id" in u]

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


def _consume(task: asyncio.Future[Any]) -> None:
    """Mark a finished call's outcome as seen (asyncio logs unseen errors at exit)."""
    if not task.cancelled():
        task.exception()


class GetUpdatesError(Exception):
    """The Bot API refused getUpdates (409: a webhook is set or another poller runs)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


@dataclass
class Poller:
    """The polling loop: `run()` until `stop` is set, then drain within `grace` seconds."""

    fetch: Fetch
    handle: Handle
    stop: asyncio.Event
    grace: float
    in_flight: dict[int, asyncio.Task[None]] = field(default_factory=dict)
    done_ahead: set[int] = field(default_factory=set)  # finished, above the oldest in flight
    highest: int | None = None

    @property
    def offset(self) -> int | None:
        """The offset that confirms exactly the updates handled so far."""
        if self.in_flight:
            return min(self.in_flight)
        return None if self.highest is None else self.highest + 1

    async def run(self) -> StopReport:
        try:
            return await self._loop()
        except asyncio.CancelledError:  # stopped from outside without a drain: nothing confirmed
            for task in self.in_flight.values():
                task.cancel()
            raise

    async def _loop(self) -> StopReport:
        failures = 0
        while not self.stop.is_set():
            batch = await self._fetch_or_stop(failures)
            if batch is None:
                if self.stop.is_set():
                    break
                failures += 1
                continue
            failures = 0
            if not self._start(batch) and self.in_flight:
                await self._until_one_finishes()
        return await self._drain()

    async def _fetch_or_stop(self, failures: int) -> Sequence[Any] | None:
        """One getUpdates call, abandoned when `stop` is set; None after an error or a stop."""
        if failures:
            await self._sleep(min(MAX_BACKOFF_S, 2.0 ** (failures - 1)))
            if self.stop.is_set():
                return None
        timeout = 0 if self.in_flight else POLL_TIMEOUT_S
        call = asyncio.ensure_future(self.fetch(self.offset, timeout, 100))
        call.add_done_callback(_consume)  # abandoned at a stop or a cancel: its error is no news
        stopped = asyncio.ensure_future(self.stop.wait())
        try:
            await asyncio.wait({call, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if not call.done():
            call.cancel()
            with contextlib.suppress(BaseException):
                await call
            return None
        try:
            return call.result()
        except Exception as exc:
            status = f" {exc.status}" if isinstance(exc, GetUpdatesError) else ""
            log.warning("getUpdates failed (%s%s); retrying", type(exc).__name__, status)
            return None

    def _start(self, batch: Sequence[Any]) -> bool:
        """Start a task for each update not seen yet; True if there was one."""
        started = False
        for update in batch:
            update_id = int(update["update_id"])
            offset = self.offset
            if (
                update_id in self.in_flight
                or update_id in self.done_ahead
                or (offset is not None and update_id < offset)
            ):
                continue  # in flight, done, or already confirmed (a repeated delivery)
            self.highest = update_id if self.highest is None else max(self.highest, update_id)
            task = asyncio.create_task(self._guarded(update, update_id), name=f"update-{update_id}")
            self.in_flight[update_id] = task
            task.add_done_callback(functools.partial(self._finished, update_id))
            started = True
        return started

    async def _guarded(self, update: Update, update_id: int) -> None:
        try:
            await self.handle(update)
        except Exception as exc:  # the adapters' handlers do not raise; this is a last resort
            log.error("update %s failed in the framework: %s", update_id, type(exc).__name__)

    def _finished(self, update_id: int, _task: object = None) -> None:
        self.in_flight.pop(update_id, None)
        oldest = min(self.in_flight) if self.in_flight else None
        if oldest is None:
            self.done_ahead.clear()
            return
        if update_id > oldest:
            self.done_ahead.add(update_id)
        self.done_ahead = {uid for uid in self.done_ahead if uid > oldest}

    async def _until_one_finishes(self) -> None:
        """Everything fetched is in flight or done: Telegram would answer again at once with the
        same updates, so wait for a handler to finish (or `RECHECK_S`, for updates that arrive
        meanwhile), and ask at most every `MIN_INTERVAL_S`."""
        started = time.monotonic()
        stopped = asyncio.ensure_future(self.stop.wait())
        try:
            await asyncio.wait(
                {stopped, *self.in_flight.values()},
                timeout=RECHECK_S,
                return_when=asyncio.FIRST_COMPLETED,
            )
        finally:
            stopped.cancel()
        await self._sleep(MIN_INTERVAL_S - (time.monotonic() - started))

    async def _sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        with contextlib.suppress(TimeoutError):  # not wait_for: it can swallow a cancel
            async with asyncio.timeout(seconds):
                await self.stop.wait()

    async def _drain(self) -> StopReport:
        """Finish the updates in flight within `grace`; cancel the rest (not confirmed, so
        Telegram delivers them again); confirm what was handled."""
        report = StopReport()
        waiting = list(self.in_flight.values())
        if waiting:
            done, pending = await asyncio.wait(waiting, timeout=self.grace)
            report.finished, report.abandoned = len(done), len(pending)
            offset_before_cancel = self.offset
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            report.offset = offset_before_cancel
        else:
            report.offset = self.offset
        if report.offset is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.fetch(report.offset, 0, 1), timeout=5)
        return report
