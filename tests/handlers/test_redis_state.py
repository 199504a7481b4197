"""Conversation state in Redis (REDIS_URL) survives a restart like the database state does."""

from __future__ import annotations

import os
import secrets

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.demo.session import DemoSession
from handlers.context import Services
from handlers.core import Core
from handlers.state import RedisConversations
from tests.handlers.test_resident_flow import tickets

REDIS_URL = os.environ.get("GRIDDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


async def redis_store() -> RedisConversations:
    store = RedisConversations(REDIS_URL, prefix=f"griddesk-test:{secrets.token_hex(4)}:")
    try:
        await store.redis.ping()
    except OSError as exc:
        await store.close()
        if os.environ.get("GRIDDESK_REQUIRE_PG") == "1":
            raise
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {exc}")
    return store


def session_with(services: Services, engine: AsyncEngine, store: RedisConversations,
                 resident_base: int | None = None) -> DemoSession:
    redis_services = Services(config=services.config, router=services.router,
                              clock=services.clock, uow_factory=services.uow_factory,
                              conversations=store)
    app = App(settings=None, engine=engine, services=redis_services,  # type: ignore[arg-type]
              core=Core(redis_services))
    session = DemoSession(app, echo=lambda _t: None)
    if resident_base is not None:
        session.resident_base = resident_base
    return session


async def test_draft_in_redis_survives_a_new_process(services: Services,
                                                      engine: AsyncEngine) -> None:
    store = await redis_store()
    try:
        first = session_with(services, engine, store)
        await first.say("小区门口的垃圾桶满了好几天没人清理")
        assert "具体地点" in first.last_to()[-1].text
        async with services.uow_factory() as uow:  # nothing of the draft is in the database
            assert await uow.conversations.get(first.user_id()) is None
        second = session_with(services, engine, store, resident_base=first.resident_base)
        await second.say("济东新村12号楼")
        await second.press("确认提交")
        [ticket] = await tickets(second)
        assert ticket.grid_code == "JDXC-02"
    finally:
        keys = [key async for key in store.redis.scan_iter(f"{store.prefix}*")]
        if keys:
            await store.redis.delete(*keys)
        await store.close()
