"""The outbox sender: delivers notification rows with raw Bot API calls, paced to Telegram's limits.

- Claims due rows of the Telegram channel in batches with a lease
  (`models.outbox.OutboxDelivery.claim`), keeps them in per-chat queues and dispatches one
  message at a time when the pacer allows (~29/s overall, one per 1.05 s per chat, 20 per
  minute per group). Leases are renewed while rows are held.
  A row keeps what is to be said (handlers/messages.py); the sender's renderer
  (`handlers.render.render_claimed`, given to the constructor) turns it into the Bot API
  payload when it is claimed.
  Every sender registers as an owner (`models.owners`) and reaps owners that are gone every
  `reap_interval`: a crashed sender's rows, and direct replies its process never sent, are
  taken over within seconds, not after a lease.
- 429: that chat waits exactly `retry_after` seconds, then the same message goes again.
  5xx / network errors / timeouts: exponential backoff with jitter by the row's stored attempts
  (kept in memory when short, handed back to the outbox when long), so a re-claimed row keeps
  backing off; such a row is dead only once it is older than `max_age` (24 h), and that never
  re-routes anything.
  Permanent errors (blocked, chat not found, user deactivated, other 400s): the row is dead,
  `last_error` is kept and `on_undeliverable(uow, row)` runs in the same transaction (the core
  routes the notice to the next level there).
- At least once: a row is marked sent after its last call succeeded; a crash in between sends
  it once more. Messages carry their ticket number, so a repeat is harmless.

Only the idle polling interval follows GRIDDESK_TIME_SCALE; Telegram's limits, backoffs and
leases are wall-clock seconds (a lease is stored in domain time, scaled accordingly); `max_age`
is domain time, compared with the row's `created_at`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import secrets
import socket
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bot.telegram.ratelimit import Limits, Pacer
from bot.telegram.sender_api import (
    DEFAULT_API_BASE,
    ApiResult,
    BotApi,
    Outcome,
    Step,
    build_steps,
    message_id_of,
)
from handlers.render import render_claimed
from models.clock import Clock
from models.orm import OutboxRow
from models.outbox import Claimed
from models.owners import OwnerRegistration, reap
from models.uow import UnitOfWork, UnitOfWorkFactory

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger("griddesk.sender")

UndeliverableHook = Callable[[UnitOfWork, OutboxRow], Awaitable[None]]
Renderer = Callable[[Claimed], dict[str, Any]]  # a row → its Bot API payload


@dataclass(frozen=True)
class SenderConfig:
    limits: Limits = field(default_factory=Limits)
    batch: int = 200  # rows per claim
    low_water: int = 100  # claim again when fewer rows than this are held
    per_chat: int = 5  # rows of one chat per claim
    lease: float = 60.0  # wall seconds a claim lasts without renewal
    poll_interval: float = 1.0  # wall seconds between idle polls, divided by the time scale
    min_poll_interval: float = 0.05
    max_age: float = 86_400.0  # domain seconds: transient failures never make a younger row dead
    backoff_base: float = 1.0
    backoff_cap: float = 300.0
    hold_limit: float = 15.0  # retries due sooner than this stay in memory
    request_timeout: float = 50.0  # a slow answer is waited for (a timeout may mean a duplicate)
    # sent (or being sent) but not yet recorded as sent: the most a kill can make send twice
    unrecorded_limit: int = 5
    heartbeat: float = 5.0  # wall seconds between owner heartbeats
    owner_timeout: float = 30.0  # a heartbeat older than this means the owner is gone
    reap_interval: float = 2.0  # wall seconds between looks for owners that are gone


@dataclass
class SenderStats:
    sent: int = 0  # notifications fully delivered
    requests: int = 0
    too_many_requests: int = 0  # 429 answers received
    transient_errors: int = 0
    dead: int = 0
    first_request_at: float | None = None  # time.monotonic()
    last_sent_at: float | None = None


@dataclass
class _Job:
    row: Claimed
    steps: list[Step]
    lease_until: float
    step: int = 0
    failures: int = 0  # transient failures since the claim (the row stores all its attempts)
    message_id: int | None = None  # of the last step: the message a card edit would change


@dataclass
class _Ops:
    """Database writes waiting for the writer task."""

    sent: list[int] = field(default_factory=list)
    retries: list[tuple[int, str, float, bool]] = field(
        default_factory=list
    )  # id, error, delay, keep
    releases: list[int] = field(default_factory=list)
    moves: list[tuple[int, int]] = field(default_factory=list)
    dead: list[tuple[int, str, bool]] = field(default_factory=list)  # id, error, re-route
    message_ids: dict[int, int] = field(default_factory=dict)  # outbox id -> delivered message

    def __bool__(self) -> bool:
        return any((self.sent, self.retries, self.releases, self.moves, self.dead))


def default_worker_id() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{secrets.token_hex(3)}"


class Sender:
    """`async with Sender(uow_factory, BotApi(token, base)) as sender: await sender.run()`."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        api: BotApi,
        *,
        config: SenderConfig | None = None,
        on_undeliverable: UndeliverableHook | None = None,
        clock: Clock | None = None,
        time_scale: float | None = None,
        worker_id: str | None = None,
        render: Renderer = render_claimed,
    ) -> None:
        self.uow_factory, self.api = uow_factory, api
        self.render = render
        self.config = config or SenderConfig()
        self.on_undeliverable = on_undeliverable
        self.clock = clock or uow_factory.clock
        self.scale = float(time_scale or getattr(self.clock, "scale", 1.0) or 1.0)
        self.worker_id = worker_id or default_worker_id()
        self.pacer = Pacer(self.config.limits)
        self.stats = SenderStats()
        self._chats: dict[int, deque[_Job]] = {}
        self._busy: set[int] = set()
        self._inflight: set[asyncio.Task[None]] = set()
        self._ops = _Ops()
        self._writing = False
        self._recording = 0  # rows of the write in progress marked as sent
        self._ops_ready = asyncio.Event()
        self._written = asyncio.Event()  # set whenever a write of delivery results ends
        self._kick = asyncio.Event()
        self._next_claim = 0.0
        self._stopping = False
        self._rng = random.Random()
        self.owner = OwnerRegistration(uow_factory, self.worker_id)

    async def __aenter__(self) -> Sender:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.api.close()

    # --- public -------------------------------------------------------------------------

    def wake(self) -> None:
        """New rows were committed: claim now instead of at the next poll."""
        self._next_claim = 0.0
        self._kick.set()

    @property
    def held(self) -> int:
        return sum(len(queue) for queue in self._chats.values())

    async def run(self) -> None:
        """Deliver until cancelled; on the way out, finish in-flight calls and hand back claims."""
        await self._serve(until_idle=False)

    async def drain(self) -> SenderStats:
        """Deliver until nothing is pending in the outbox any more (tests, benchmarks)."""
        await self._serve(until_idle=True)
        return self.stats

    # --- main loop ----------------------------------------------------------------------

    async def _serve(self, until_idle: bool) -> None:
        self._stopping = False
        helpers = [
            asyncio.create_task(self._writer(), name="sender-writer"),
            asyncio.create_task(self._renewer(), name="sender-renewer"),
            asyncio.create_task(self._keeper(), name="sender-keeper"),
        ]
        try:
            await self._loop(until_idle)
        finally:
            self._stopping = True
            await self._shutdown(helpers)

    async def _loop(self, until_idle: bool) -> None:
        poll = max(self.config.min_poll_interval, self.config.poll_interval / self.scale)
        housekeeping = time.monotonic() + 60.0
        while True:
            now = time.monotonic()
            if self.held < self.config.low_water and now >= self._next_claim:
                got = await self._claim()
                self._next_claim = now if got >= self.config.batch else now + poll
                if got == 0 and until_idle and await self._finished():
                    return
                continue
            if self._unrecorded() >= self.config.unrecorded_limit:
                await self._sleep(poll)  # the writer and each finished call kick the loop
                continue
            chat_id = self._pick(now)
            if chat_id is not None:
                self._dispatch(chat_id, now)
                continue
            if now >= housekeeping:
                self.pacer.forget_idle(now)
                housekeeping = now + 60.0
            wake_at = self._earliest_ready()
            if self.held < self.config.low_water:
                wake_at = min(wake_at, self._next_claim)
            await self._sleep(wake_at - now)

    async def _sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        self._kick.clear()
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for returns when a cancellation
        # meets the kick, and the cancelled sender would go on looping.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(min(seconds, 5.0)):
                await self._kick.wait()

    def _unrecorded(self) -> int:
        """Notifications in flight or delivered whose delivery is not committed yet."""
        return len(self._inflight) + len(self._ops.sent) + self._recording

    async def _finished(self) -> bool:
        """Idle and the outbox has nothing pending (used by drain)."""
        if self.held or self._inflight or self._ops or self._writing:
            return False
        async with self.uow_factory() as uow:
            return await uow.delivery.count() == 0

    def _lease_margin(self) -> float:
        return self.config.lease / 4

    def _pick(self, now: float) -> int | None:
        """The ready chat whose next notification is the oldest."""
        if self.pacer.global_ready_at > now:
            return None
        best: tuple[int, int] | None = None
        margin = self._lease_margin()
        for chat_id, queue in self._chats.items():
            if not queue or chat_id in self._busy or self.pacer.chat_ready_at(chat_id) > now:
                continue
            head = queue[0]
            if head.lease_until - now < margin:
                continue  # lease about to run out: wait for the renewer
            if best is None or head.row.id < best[0]:
                best = (head.row.id, chat_id)
        return None if best is None else best[1]

    def _earliest_ready(self) -> float:
        ready = float("inf")
        for chat_id, queue in self._chats.items():
            if queue and chat_id not in self._busy:
                ready = min(ready, self.pacer.ready_at(chat_id))
        return ready

    def _dispatch(self, chat_id: int, now: float) -> None:
        job = self._chats[chat_id][0]
        self._busy.add(chat_id)
        self.pacer.record(chat_id, now)
        if self.stats.first_request_at is None:
            self.stats.first_request_at = now
        task = asyncio.create_task(self._send_step(chat_id, job))
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)

    # --- one call -----------------------------------------------------------------------

    async def _send_step(self, chat_id: int, job: _Job) -> None:
        method, params = job.steps[job.step]
        try:
            result = await self.api.call(method, params)
            self.stats.requests += 1
            self._settle(chat_id, job, result, time.monotonic())
        except Exception:  # a bug must not kill the loop: retry the row later
            log.exception("sender: unexpected error delivering outbox row %s", job.row.id)
            self._release_chat(chat_id, job, "internal error", self.config.backoff_cap)
        finally:
            self._busy.discard(chat_id)
            self._kick.set()

    def _settle(self, chat_id: int, job: _Job, result: ApiResult, now: float) -> None:
        if result.outcome is Outcome.OK:
            job.step += 1
            job.message_id = message_id_of(result.result) or job.message_id
            if job.step >= len(job.steps):
                self._pop(chat_id, job)
                self._ops.sent.append(job.row.id)
                if job.message_id is not None:
                    self._ops.message_ids[job.row.id] = job.message_id
                self.stats.sent += 1
                self.stats.last_sent_at = now
                self._ops_ready.set()
        elif result.outcome is Outcome.RETRY_AFTER:
            self.stats.too_many_requests += 1
            if self._expired(job.row):
                self._give_up(chat_id, job, f"gave up: {result.error}", reroute=False)
                return
            log.warning("sender: 429 for chat %s, waiting %ss", chat_id, result.retry_after)
            self.pacer.pause(chat_id, now + result.retry_after)
            self._retry_later(job, result.error, result.retry_after, keep=True)
        elif result.outcome is Outcome.TRANSIENT:
            self.stats.transient_errors += 1
            job.failures += 1
            attempts = job.row.attempts + job.failures
            if self._expired(job.row):
                error = f"gave up after {attempts} attempts: {result.error}"
                self._give_up(chat_id, job, error, reroute=False)
                return
            delay = self._backoff(attempts)
            if delay <= self.config.hold_limit:
                self.pacer.pause(chat_id, now + delay)
                self._retry_later(job, result.error, delay, keep=True)
            else:
                self._release_chat(chat_id, job, result.error, delay)
        elif result.outcome is Outcome.MIGRATE and result.migrate_to is not None:
            self._ops.moves.append((chat_id, result.migrate_to))
            self._release_chat(chat_id, job, result.error, 0.0)
        else:
            self._give_up(chat_id, job, result.error)

    def _backoff(self, attempts: int) -> float:
        """Wall seconds before the next try of a row that failed `attempts` times in all."""
        exponent = min(max(attempts, 1) - 1, 32)
        ceiling = min(self.config.backoff_cap, self.config.backoff_base * 2**exponent)
        return ceiling * self._rng.uniform(0.5, 1.0)

    def _expired(self, row: Claimed) -> bool:
        """Older than `max_age`: transient failures may give up on it now."""
        if row.created_at is None:
            return False
        return self.clock.now() - row.created_at >= timedelta(seconds=self.config.max_age)

    def _pop(self, chat_id: int, job: _Job) -> None:
        queue = self._chats.get(chat_id)
        if queue and queue[0] is job:
            queue.popleft()
        elif queue and job in queue:
            queue.remove(job)
        if queue is not None and not queue:
            del self._chats[chat_id]

    def _give_up(self, chat_id: int, job: _Job, error: str, reroute: bool = True) -> None:
        """Dead; `reroute` (permanent errors only) runs the undeliverable hook."""
        log.warning(
            "sender: outbox row %s to chat %s is undeliverable: %s", job.row.id, chat_id, error
        )
        self._pop(chat_id, job)
        self._ops.dead.append((job.row.id, error, reroute))
        self.stats.dead += 1
        self._ops_ready.set()

    def _retry_later(self, job: _Job, error: str, delay: float, keep: bool) -> None:
        self._ops.retries.append((job.row.id, error, delay, keep))
        job.lease_until = max(job.lease_until, time.monotonic() + delay + self.config.lease / 2)
        self._ops_ready.set()

    def _release_chat(self, chat_id: int, job: _Job, error: str, delay: float) -> None:
        """Hand the failing row (due after `delay`) and the rest of its chat back to the outbox."""
        queue = self._chats.pop(chat_id, deque())
        self._ops.retries.append((job.row.id, error, delay, False))
        self._ops.releases.extend(j.row.id for j in queue if j is not job)
        self._ops_ready.set()

    # --- database -----------------------------------------------------------------------

    def _domain(self, wall_seconds: float) -> timedelta:
        return timedelta(seconds=wall_seconds * self.scale)

    async def _claim(self) -> int:
        started = time.monotonic()
        try:
            async with self.uow_factory() as uow:
                rows = await uow.delivery.claim(
                    self.worker_id,
                    limit=self.config.batch,
                    lease=self._domain(self.config.lease),
                    per_chat=self.config.per_chat,
                )
                await uow.commit()
        except Exception:
            log.exception("sender: claiming outbox rows failed")
            await asyncio.sleep(1.0)
            return 0
        for row in rows:
            steps = self._steps(row)
            if not steps:
                self._ops.dead.append((row.id, "empty notification: no text and no photos", True))
                self._ops_ready.set()
                continue
            queue = self._chats.setdefault(row.chat_id, deque())
            queue.append(_Job(row, steps, lease_until=started + self.config.lease))
            if len(queue) > 1 and queue[-2].row.id > row.id:
                self._chats[row.chat_id] = deque(sorted(queue, key=lambda j: j.row.id))
        return len(rows)

    def _steps(self, row: Claimed) -> list[Step]:
        """Render the row for Telegram now; a row that cannot be rendered has no steps."""
        try:
            return build_steps(row.chat_id, self.render(row))
        except Exception:
            log.exception("sender: outbox row %s (%s) cannot be rendered", row.id, row.kind)
            return []

    async def _writer_idle(self) -> None:
        while self._writing:
            self._written.clear()
            await self._written.wait()

    async def _writer(self) -> None:
        while True:
            await self._ops_ready.wait()
            self._ops_ready.clear()
            await self._flush()

    async def _flush(self) -> None:
        ops, self._ops = self._ops, _Ops()
        if not ops:
            return
        self._writing = True
        self._recording = len(ops.sent)
        try:
            await self._write(ops)
        except Exception:
            log.exception("sender: writing delivery results failed; retrying")
            merged = self._ops
            self._ops = replace(
                ops,
                sent=ops.sent + merged.sent,
                retries=ops.retries + merged.retries,
                releases=ops.releases + merged.releases,
                moves=ops.moves + merged.moves,
                dead=ops.dead + merged.dead,
                message_ids={**ops.message_ids, **merged.message_ids},
            )
            await asyncio.sleep(1.0)
            self._ops_ready.set()
        finally:
            self._writing = False
            self._recording = 0
            self._written.set()
            self._kick.set()

    async def _write(self, ops: _Ops) -> None:
        if ops.sent or ops.retries or ops.releases or ops.moves:
            async with self.uow_factory() as uow:
                store = uow.delivery
                # Failures first: a row that failed and then went out in the same batch keeps
                # the failed attempt in its count (a sent row is no longer rescheduled).
                for outbox_id, error, delay, keep in ops.retries:
                    keep_lease = self._domain(self.config.lease) if keep else timedelta(0)
                    await store.reschedule(
                        self.worker_id, outbox_id, error, self._domain(delay), keep_lease
                    )
                await store.mark_sent(ops.sent, ops.message_ids)
                await store.release(self.worker_id, ops.releases)
                for old, new in ops.moves:
                    await store.move_chat(old, new)
                await uow.commit()
            ops.sent, ops.retries, ops.releases, ops.moves = [], [], [], []
            ops.message_ids = {}
        while ops.dead:
            await self._bury(*ops.dead[0])
            ops.dead.pop(0)

    async def _bury(self, outbox_id: int, error: str, reroute: bool = True) -> None:
        """Mark dead and run the hook in one transaction; if the hook fails, retry the row later."""
        try:
            async with self.uow_factory() as uow:
                row = await uow.delivery.mark_dead(outbox_id, error)
                if row is not None and reroute and self.on_undeliverable is not None:
                    await self.on_undeliverable(uow, row)
                await uow.commit()
        except Exception:
            log.exception("sender: on_undeliverable failed for outbox row %s", outbox_id)
            async with self.uow_factory() as uow:
                await uow.delivery.reschedule(
                    self.worker_id,
                    outbox_id,
                    f"{error} (undeliverable hook failed, retrying)",
                    self._domain(self.config.backoff_cap),
                    timedelta(0),
                )
                await uow.commit()

    async def _renewer(self) -> None:
        while True:
            await asyncio.sleep(self.config.lease / 3)
            ids = [job.row.id for queue in self._chats.values() for job in queue]
            if not ids:
                continue
            started = time.monotonic()
            try:
                async with self.uow_factory() as uow:
                    store = uow.delivery
                    renewed = await store.renew(
                        self.worker_id, ids, self._domain(self.config.lease)
                    )
                    await uow.commit()
            except Exception:
                log.exception("sender: renewing leases failed")
                continue
            self._apply_renewal(renewed, started)

    async def _keeper(self) -> None:
        """Keep this sender registered as a live owner; take over the rows of owners gone."""
        next_beat = 0.0
        while True:
            now = time.monotonic()
            try:
                if now >= next_beat:
                    await self.owner.beat()
                    next_beat = now + self.config.heartbeat
                await self._reap()
            except Exception:
                log.exception("sender: owner heartbeat or reaping failed")
            await asyncio.sleep(self.config.reap_interval)

    async def _reap(self) -> None:
        async with self.uow_factory() as uow:
            stale_after = timedelta(seconds=self.config.owner_timeout)
            gone, changed = await reap(uow, stale_after)
            await uow.commit()
        if gone or changed:
            log.warning(
                "sender: took over %s outbox rows (owners gone: %s)",
                changed,
                ", ".join(gone) or "none",
            )
            self.wake()

    def _apply_renewal(self, renewed: set[int], started: float) -> None:
        for chat_id in list(self._chats):
            queue = self._chats[chat_id]
            for job in list(queue):
                if job.row.id in renewed:
                    job.lease_until = max(job.lease_until, started + self.config.lease)
                elif chat_id not in self._busy or job is not queue[0]:
                    log.warning("sender: lost the lease of outbox row %s", job.row.id)
                    queue.remove(job)
            if not queue:
                del self._chats[chat_id]
        self._kick.set()

    async def _shutdown(self, helpers: list[asyncio.Task[None]]) -> None:
        if self._inflight:
            await asyncio.wait(set(self._inflight), timeout=self.config.request_timeout)
        with contextlib.suppress(TimeoutError):  # a write under way would be lost if cancelled
            await asyncio.wait_for(self._writer_idle(), self.config.request_timeout)
        for task in helpers:
            task.cancel()
        await asyncio.gather(*helpers, return_exceptions=True)
        with contextlib.suppress(Exception):
            await self._flush()
        held = [job.row.id for queue in self._chats.values() for job in queue]
        self._chats.clear()
        try:
            async with self.uow_factory() as uow:
                store = uow.delivery
                await store.release(self.worker_id, held)
                await uow.commit()
        except Exception:
            log.exception("sender: releasing claims on shutdown failed (their leases will expire)")
        with contextlib.suppress(Exception):
            await self.owner.unregister()


async def run_sender(
    uow_factory: UnitOfWorkFactory,
    clock: Clock | None = None,
    settings: Settings | None = None,
    on_undeliverable: UndeliverableHook | None = None,
    config: SenderConfig | None = None,
) -> None:
    """Background job of `griddesk run` / `griddesk worker`: deliver the outbox until cancelled."""
    from bot.settings import Settings

    settings = settings or Settings()
    token = settings.telegram_bot_token
    if token is None:
        log.warning("no TELEGRAM_BOT_TOKEN: the outbox sender does not run")
        return
    if config is None:
        config = SenderConfig(
            limits=Limits(global_rate=settings.sender_rate),
            max_age=settings.outbox_max_age_hours * 3600,
        )
    api = BotApi(
        token.get_secret_value(),
        settings.telegram_api_base or DEFAULT_API_BASE,
        timeout=config.request_timeout,
    )
    sender = Sender(
        uow_factory,
        api,
        config=config,
        on_undeliverable=on_undeliverable,
        clock=clock,
        time_scale=settings.time_scale,
    )
    async with sender:
        await sender.run()
