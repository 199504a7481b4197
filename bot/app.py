"""Assemble a running GridDesk: database, configuration, routing engine, core, clock."""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.reports import FileRenderer
from bot.settings import Settings
from handlers.context import Limits, Services
from handlers.core import Core
from handlers.replies import ReplyJournal
from handlers.state import ConversationStore, DatabaseConversations, RedisConversations
from models.clock import Clock, ScaledClock, SystemClock
from models.config.loader import load_config
from models.config.sync import sync_config
from models.db import create_engine, session_factory
from models.migrations import upgrade_database
from models.uow import UnitOfWorkFactory
from nlp.router import Router

log = logging.getLogger("griddesk")


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    services: Services
    core: Core

    async def close(self) -> None:
        if self.services.replies is not None:
            try:
                await self.services.replies.close()
            except Exception:
                log.exception("handing unsent replies to the outbox failed")
        await self.engine.dispose()


def freeze_startup_objects() -> None:
    """Call once the process is set up: what exists now (jieba's dictionary, the frameworks'
    pydantic schemas, the configuration) lives as long as the process, so it is moved out of the
    garbage collector's sight; otherwise every full collection walks ~300,000 objects and
    stalls all updates for ~200 ms (docs/performance.md). Only the first call freezes (a test
    process starts many bots; later ones must stay collectable)."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect()
    gc.freeze()


_frozen = False


def conversation_store(settings: Settings) -> ConversationStore:
    """Redis when REDIS_URL is set (several processes), otherwise the database."""
    if settings.redis_url is not None:
        return RedisConversations(settings.redis_url.get_secret_value())
    return DatabaseConversations()


def make_clock(settings: Settings) -> Clock:
    return ScaledClock(settings.time_scale) if settings.time_scale != 1 else SystemClock()


def rules_path(config_dir: Path) -> Path | None:
    path = config_dir / "rules.yaml"
    return path if path.exists() else None


async def build_app(settings: Settings, clock: Clock | None = None,
                    migrate: bool = True, router: Router | None = None) -> App:
    """Migrate the schema, load and sync the configuration, build the routing engine and core.

    `router`: an engine already built from the same configuration, for a process that builds
    many apps (the tests: building one costs about 0.3 s of CPU)."""
    url = settings.database_url_value()
    config = load_config(settings.config_dir)
    if migrate:
        await upgrade_database(url)
    engine = create_engine(url)
    clock = clock or make_clock(settings)
    uow_factory = UnitOfWorkFactory(session_factory(engine), clock)
    async with uow_factory() as uow:
        report = await sync_config(uow, config)
        await uow.commit()
    log.info("configuration %s loaded: %s", settings.config_dir, report)
    router = router or Router.from_config(config, rules_path=rules_path(settings.config_dir),
                                          review_threshold=settings.review_threshold)
    limits = Limits(max_text=settings.max_text, tickets_per_hour=settings.tickets_per_hour,
                    burst_messages=settings.burst_messages,
                    burst_window_s=settings.burst_window_s,
                    max_transfers=settings.max_transfers)
    replies = ReplyJournal(uow_factory)
    await replies.start()
    services = Services(config=config, router=router, clock=clock, uow_factory=uow_factory,
                        limits=limits, conversations=conversation_store(settings),
                        replies=replies, reports=FileRenderer(),
                        bot_username=settings.bot_username,
                        console_url=settings.console_url)
    return App(settings=settings, engine=engine, services=services, core=Core(services))
