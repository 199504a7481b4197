"""Fixtures of the delivery tests: a wall-clock unit-of-work factory, the Bot API double, a fast
sender configuration and helpers to queue and read outbox rows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.botapi_double import BotApiDouble
from bot.telegram.ratelimit import Limits
from bot.telegram.sender_api import BotApi
from bot.workers.sender import Sender, SenderConfig, UndeliverableHook
from handlers.messages import message, say
from models.clock import Clock, SystemClock
from models.db import session_factory
from models.orm import OutboxRow
from models.outbox import LEGACY
from models.uow import UnitOfWorkFactory

# No pacing to speak of (the double does not enforce limits in these tests), short backoffs.
FAST_LIMITS = Limits(global_rate=2000, private_interval=0.0, group_interval=0.0,
                     group_per_minute=10_000)  # fmt: skip
FAST = SenderConfig(limits=FAST_LIMITS, backoff_base=0.05, backoff_cap=0.2, lease=10.0,
                    poll_interval=0.05)  # fmt: skip


@pytest.fixture
def uows(engine: AsyncEngine) -> UnitOfWorkFactory:
    """Units of work on the test database with the real (wall) clock."""
    return UnitOfWorkFactory(session_factory(engine), SystemClock())


@pytest.fixture
async def api() -> AsyncIterator[BotApiDouble]:
    async with BotApiDouble() as double:
        yield double


def make_sender(
    uows: UnitOfWorkFactory,
    api: BotApiDouble,
    config: SenderConfig = FAST,
    on_undeliverable: UndeliverableHook | None = None,
    clock: Clock | None = None,
    worker_id: str | None = None,
) -> Sender:
    return Sender(
        uows,
        BotApi(api.token, api.base_url, timeout=10),
        config=config,
        on_undeliverable=on_undeliverable,
        clock=clock,
        worker_id=worker_id,
    )


async def queue(uows: UnitOfWorkFactory, rows: Iterable[tuple[str, int, dict[str, Any]]]) -> None:
    """Write (key, chat_id, payload) rows to the outbox in one transaction, as the core does.
    The transport is what these tests are about: each row carries its Bot API payload as the
    `legacy` kind does, which the renderer hands over unchanged."""
    async with uows() as uow:
        for key, chat_id, payload in rows:
            await uow.outbox.add(key=key, chat_id=chat_id, kind=LEGACY,
                                 snapshot={"payload": payload})
        await uow.commit()


async def outbox(uows: UnitOfWorkFactory) -> dict[str, OutboxRow]:
    async with uows() as uow:
        rows = (await uow.session.execute(select(OutboxRow).order_by(OutboxRow.id))).scalars()
        found = {row.key: row for row in rows}
        uow.session.expunge_all()  # detached snapshots, safe from the closing rollback
        return found


def text(key: str) -> dict[str, Any]:
    return {"text": f"<b>TBH-20261121-0001</b> 已受理 #{key}", "parse_mode": "HTML"}


def note(key: str) -> dict[str, Any]:
    """The snapshot of a semantic note that renders as `text(key)` does."""
    return message(say("texts.PLAIN", text=text(key)["text"]))
