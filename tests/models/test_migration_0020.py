"""Migration 0020: the level index carries the status on PostgreSQL, and the downgrade
rebuilds it without."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from models.db import create_engine
from models.migrations import downgrade_database, upgrade_database

INDEX = "ix_tickets_level_created"


async def _definition(url: str) -> str:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            return str((await connection.execute(text(
                "SELECT indexdef FROM pg_indexes WHERE indexname = :name"),
                {"name": INDEX})).scalar_one())
    finally:
        await engine.dispose()


@pytest.mark.pg
async def test_the_level_index_includes_the_status(pg_server_url: Callable[[], str]) -> None:
    url = await asyncio.to_thread(pg_server_url)
    await upgrade_database(url, "0020")
    assert (await _definition(url)).endswith("(level, created_at) INCLUDE (status)")
    await downgrade_database(url, "0019")
    assert (await _definition(url)).endswith("(level, created_at)")
