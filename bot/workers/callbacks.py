"""The Open311 callback worker: POSTs the status changes queued in `open311_callbacks` (written in
the transaction of the change, `handlers.notifications`) to each client's URL, signed with an
HMAC of the client's key, and backs off failures (1 s, 2 s, 4 s … at most 5 minutes) until the
delivery is older than GRIDDESK_CALLBACK_MAX_AGE_HOURS, when it is given up (`dead`)."""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiohttp

from handlers.open311 import sign
from models.clock import Clock, SystemClock
from models.orm import ApiKeyRow, Open311CallbackRow
from models.uow import UnitOfWorkFactory

log = logging.getLogger("griddesk.callbacks")
LEASE = timedelta(seconds=60)  # longer than one round of deliveries
BATCH = 20
MAX_BACKOFF_S = 300
MAX_IDLE_S = 15.0  # an idle worker looks less and less often, up to this (callbacks are rare)
SIGNATURE_HEADER = "X-GridDesk-Signature"
DELIVERY_HEADER = "X-GridDesk-Delivery"


@dataclass(frozen=True)
class Outcome:
    callback_id: int
    sent: bool
    error: str | None
    retry_at: datetime | None


def body_of(row: Open311CallbackRow) -> bytes:
    return json.dumps(row.payload, ensure_ascii=False, sort_keys=True).encode()


class CallbackWorker:
    """Claims due deliveries, POSTs them, records each outcome."""

    def __init__(self, uow_factory: UnitOfWorkFactory, http: aiohttp.ClientSession,
                 clock: Clock | None = None, max_age: timedelta = timedelta(hours=24)) -> None:
        self.uow_factory = uow_factory
        self.http = http
        self.clock = clock or SystemClock()
        self.max_age = max_age

    async def deliver_due(self) -> int:
        """One round: the due deliveries sent or rescheduled; returns how many were tried."""
        async with self.uow_factory() as uow:
            rows = await uow.open311.claim_callbacks(BATCH, LEASE)
            keys = await uow.open311.keys_by_id(sorted({row.api_key_id for row in rows}))
            await uow.commit()
        if not rows:
            return 0
        outcomes = await asyncio.gather(*(self._post(row, keys.get(row.api_key_id))
                                          for row in rows))
        async with self.uow_factory() as uow:
            for outcome in outcomes:
                await uow.open311.settle_callback(outcome.callback_id, sent=outcome.sent,
                                                  error=outcome.error, retry_at=outcome.retry_at)
            await uow.commit()
        return len(rows)

    async def _post(self, row: Open311CallbackRow, key: ApiKeyRow | None) -> Outcome:
        if key is None or key.revoked_at is not None:
            return Outcome(row.id, False, "the key was revoked", None)
        body = body_of(row)
        headers = {"Content-Type": "application/json; charset=utf-8",
                   SIGNATURE_HEADER: sign(key.key_hash, body), DELIVERY_HEADER: row.key}
        try:
            async with self.http.post(row.url, data=body, headers=headers) as response:
                if 200 <= response.status < 300:
                    return Outcome(row.id, True, None, None)
                error = f"HTTP {response.status}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        return Outcome(row.id, False, error, self._retry_at(row))

    def _retry_at(self, row: Open311CallbackRow) -> datetime | None:
        """When to try again (by the stored attempts), or None: too old, give up."""
        now = self.clock.now()
        if now - row.created_at > self.max_age:
            return None
        return now + timedelta(seconds=min(MAX_BACKOFF_S, 2 ** row.attempts))


async def run_callbacks(uow_factory: UnitOfWorkFactory, clock: Clock | None = None,
                        max_age: timedelta = timedelta(hours=24), idle: float = 1.0) -> None:
    """Background job beside the sender: deliver callbacks until cancelled."""
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        worker = CallbackWorker(uow_factory, http, clock, max_age)
        failures = quiet = 0
        while True:
            try:
                tried = await worker.deliver_due()
                failures = 0
            except Exception:
                failures += 1
                tried = 0
                log.exception("callback round failed (%d in a row)", failures)
            quiet = 0 if tried else quiet + 1
            await asyncio.sleep(_pause(tried, failures, quiet, idle))


def _pause(tried: int, failures: int, quiet: int, idle: float) -> float:
    """How long to wait before the next round: none after work, doubling after failures, and
    growing slowly while nothing is due (so an idle worker costs the database little)."""
    if tried:
        return 0.0
    if failures:
        return min(MAX_BACKOFF_S, idle * 2 ** failures)
    return min(MAX_IDLE_S, idle * (1 + quiet // 4))
