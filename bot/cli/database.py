"""The one way a CLI command opens the database: units of work for the command's run on an
engine that is disposed afterwards (the schema upgraded first when asked)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from models.clock import Clock
from models.db import create_engine, session_factory
from models.migrations import upgrade_database
from models.uow import UnitOfWorkFactory


@asynccontextmanager
async def opened(url: str, clock: Clock, migrate: bool = False) -> AsyncIterator[UnitOfWorkFactory]:
    """Units of work on `url` for one command."""
    if migrate:
        await upgrade_database(url)
    engine = create_engine(url)
    try:
        yield UnitOfWorkFactory(session_factory(engine), clock)
    finally:
        await engine.dispose()
