"""`griddesk bench deliver`: the outbox sender against a Bot API double that enforces the limits."""

from __future__ import annotations

import asyncio
import secrets
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

import click

TARGET_RATIO = 1.10


@dataclass
class BenchResult:
    messages: int
    chats: int
    groups: int
    delivered: int
    duplicates: int
    drain: float  # first claim to the last message accepted by the double
    settled: float  # until the outbox had nothing pending
    minimum: float
    sender_429: int
    double_429: int

    @property
    def ratio(self) -> float:
        return self.drain / self.minimum if self.minimum else float("inf")

    @property
    def target_met(self) -> bool:
        return self.sender_429 == 0 and self.double_429 == 0 and self.ratio <= TARGET_RATIO


def chat_ids(chats: int, groups: int) -> list[int]:
    private = [500_000_001 + i for i in range(chats - groups)]
    return private + [-1_001_000_000_001 - i for i in range(groups)]


async def scratch_database(server_url: str | None) -> tuple[str, Any]:
    """A fresh database URL and an async cleanup callable."""
    from models.migrations import upgrade_database

    if server_url is None:
        folder = tempfile.TemporaryDirectory(prefix="griddesk-bench-")
        url = f"sqlite+aiosqlite:///{folder.name}/bench.db"
        await upgrade_database(url)

        async def cleanup_sqlite() -> None:
            folder.cleanup()

        return url, cleanup_sqlite
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.ext.asyncio import create_async_engine

    name = f"griddesk_bench_{secrets.token_hex(4)}"
    admin = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    await upgrade_database(url)

    async def cleanup_pg() -> None:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()

    return url, cleanup_pg


async def run_bench(messages: int, chats: int, groups: int, server_url: str | None) -> BenchResult:
    from bench.botapi_double import BotApiDouble
    from bot.telegram.ratelimit import Limits
    from bot.telegram.sender_api import BotApi
    from bot.workers.sender import Sender
    from handlers.messages import NOTE, message, say
    from models.clock import SystemClock
    from models.db import create_engine, session_factory
    from models.uow import UnitOfWorkFactory

    ids = chat_ids(chats, groups)
    per_chat = Counter(ids[i % len(ids)] for i in range(messages))
    url, cleanup = await scratch_database(server_url)
    engine = create_engine(url)
    try:
        uow_factory = UnitOfWorkFactory(session_factory(engine), SystemClock())
        async with uow_factory() as uow:
            for i in range(messages):
                text = f"【压测】第 {i + 1} 条通知 <b>TBH-20261121-{i % 10000:04d}</b> #{i}"
                snapshot = message(say("texts.PLAIN", text=text))
                await uow.outbox.add(f"bench:{i}", ids[i % len(ids)], NOTE, snapshot)
            await uow.commit()
        async with BotApiDouble(enforce_limits=True) as api:
            sender = Sender(uow_factory, BotApi(api.token, api.base_url))
            started = time.monotonic()
            async with sender:
                stats = await sender.drain()
            settled = time.monotonic() - started
            accepted = [e for e in api.exchanges if e.ok and e.method == "sendMessage"]
            keys = Counter(
                m.text.rsplit("#", 1)[1] for c in per_chat for m in api.messages_to(c) if m.text
            )
            last = max((e.at for e in accepted), default=started)
            return BenchResult(
                messages=messages,
                chats=len(ids),
                groups=groups,
                delivered=len(keys),
                duplicates=sum(n - 1 for n in keys.values()),
                drain=last - started,
                settled=settled,
                minimum=Limits().minimum_drain(dict(per_chat)),
                sender_429=stats.too_many_requests,
                double_429=api.too_many_requests,
            )
    finally:
        await engine.dispose()
        await cleanup()


def report(result: BenchResult) -> str:
    r = result
    rate = r.delivered / r.drain if r.drain > 0 else 0.0
    return "\n".join(
        [
            f"griddesk bench deliver: {r.messages} notifications to {r.chats} chats "
            f"({r.chats - r.groups} private, {r.groups} groups); the double enforces 30/s, "
            "1/s per private chat, 20/min per group",
            f"  delivered            {r.delivered}/{r.messages}, repeated {r.duplicates}",
            f"  time to drain        {r.drain:.1f} s (to the last accepted message); "
            f"outbox settled after {r.settled:.1f} s",
            f"  limit-bound minimum  {r.minimum:.1f} s  -> {r.ratio:.3f}x "
            f"(target <= {TARGET_RATIO:.2f}x)",
            f"  achieved rate        {rate:.1f} messages/s",
            f"  429 received         {r.sender_429} (the double answered {r.double_429})",
            f"  target               {'met' if r.target_met else 'MISSED'}",
        ]
    )


@click.command("deliver")
@click.option("--messages", default=2000, show_default=True, type=click.IntRange(1))
@click.option("--chats", default=200, show_default=True, type=click.IntRange(1))
@click.option("--groups", default=10, show_default=True, type=click.IntRange(0),
              help="How many of the chats are groups (20 messages/minute each).")  # fmt: skip
@click.option("--database-url", default=None, metavar="URL",
              help="PostgreSQL server to create (and drop) a scratch database on; "
                   "default: a temporary SQLite file.")  # fmt: skip
@click.option("--check", is_flag=True, help="Exit 1 when the target is missed.")
def deliver(messages: int, chats: int, groups: int, database_url: str | None, check: bool) -> None:
    """Send --messages outbox notifications round-robin to --chats chats through the local Bot
    API double with Telegram's limits enforced, and print the achieved rate, the 429s received
    and the time to drain against the limit-bound minimum (target: no 429, within 10%).

    The double is bench/botapi_double, imported from the repository checkout: run this from a
    GridDesk source tree (it is not part of the installed package). Takes about a minute.
    """
    if groups > chats:
        raise click.BadParameter("cannot exceed --chats", param_hint="--groups")
    result = asyncio.run(run_bench(messages, chats, groups, database_url))
    click.echo(report(result))
    if result.delivered < messages or (check and not result.target_met):
        sys.exit(1)
