"""Shared fixtures: SQLite and PostgreSQL databases, engines, units of work, the demo config.

- `backend` is parametrised over "sqlite" and "pg"; a test that wants one backend only writes
  `@pytest.mark.parametrize("backend", ["pg"])`.
- `db_url` is a migrated database of that backend with empty tables (schema created once per
  session and backend; rows removed before each test).
- `engine`, `uow_factory` (demo configuration loaded, `clock` fixed) build on it.
- `pg_url` / `pg_server_url`: PostgreSQL only. GRIDDESK_TEST_DATABASE_URL points at the server
  (default postgresql+asyncpg://postgres@127.0.0.1:5432/test); every run creates its own
  database `griddesk_test_<pid>_<random>` and drops it at the end. Unreachable: skip with the
  reason, or fail when GRIDDESK_REQUIRE_PG=1.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.telegram.aiogram_lazy import import_aiogram_lazily

import_aiogram_lazily()  # the bot's way of importing aiogram, before any test module imports it

import pytest
from sqlalchemy import delete, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from models.clock import FixedClock
from models.config.loader import load_config
from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.db import create_engine, is_sqlite, session_factory
from models.migrations import upgrade_database
from models.orm import Base
from models.uow import UnitOfWorkFactory

DEFAULT_PG = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
BACKENDS = ["sqlite", pytest.param("pg", marks=pytest.mark.pg)]
DEMO_NOW = datetime(2026, 11, 21, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def pg_server() -> str:
    return os.environ.get("GRIDDESK_TEST_DATABASE_URL") or DEFAULT_PG


def pg_required() -> bool:
    return os.environ.get("GRIDDESK_REQUIRE_PG", "") not in ("", "0")


async def _admin(url: str, *statements: str) -> None:
    engine = create_async_engine(
        url, isolation_level="AUTOCOMMIT", poolclass=NullPool, connect_args={"timeout": 5}
    )
    try:
        async with engine.connect() as connection:
            for statement in statements:
                await connection.execute(text(statement))
    finally:
        await engine.dispose()


def pg_unavailable_reason() -> str | None:
    """None when the test server answers, else why not."""
    try:
        asyncio.run(_admin(pg_server(), "SELECT 1"))
    except Exception as exc:  # any failure means: no usable server
        shown = make_url(pg_server()).render_as_string(hide_password=True)
        return f"PostgreSQL at {shown} is unreachable: {type(exc).__name__}: {exc}"
    return None


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[Callable[[], str]]:
    """A factory of fresh, empty PostgreSQL databases, all dropped at the end of the session."""
    reason = pg_unavailable_reason()
    if reason is not None:
        if pg_required():
            pytest.fail(f"GRIDDESK_REQUIRE_PG=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    created: list[str] = []

    def new_database() -> str:
        name = f"griddesk_test_{os.getpid()}_{secrets.token_hex(4)}"
        # A COMMIT returns before its WAL reaches the disk: what every other session sees is
        # the same, only a crash of the server itself (never part of a test) could lose it.
        asyncio.run(
            _admin(
                pg_server(),
                f'CREATE DATABASE "{name}"',
                f'ALTER DATABASE "{name}" SET synchronous_commit = off',
            )
        )
        created.append(name)
        return make_url(pg_server()).set(database=name).render_as_string(hide_password=False)

    yield new_database
    for name in created:
        asyncio.run(_admin(pg_server(), f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def _pg_migrated(pg_server_url: Callable[[], str]) -> str:
    url = pg_server_url()
    asyncio.run(upgrade_database(url))
    return url


@pytest.fixture(scope="session")
def _sqlite_migrated(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("db") / "griddesk.db"
    url = f"sqlite+aiosqlite:///{path}"
    asyncio.run(upgrade_database(url))
    return url


def _pg_clear_statement() -> str:
    """One round trip that empties every table and restarts the sequences they own, like
    `TRUNCATE … RESTART IDENTITY` but several times faster on the tests' small tables (TRUNCATE
    replaces each table's files)."""
    tables = [f'"{table.name}"' for table in reversed(Base.metadata.sorted_tables)]
    deletes = "".join(f"DELETE FROM {name}; " for name in tables)
    owners = ", ".join(f"'{name}'" for name in tables)
    return (
        "DO $$ DECLARE owned regclass; BEGIN "
        + deletes
        + "FOR owned IN SELECT s.oid::regclass FROM pg_class s JOIN pg_depend d "
        "ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
        f"WHERE s.relkind = 'S' AND d.refobjid = ANY(ARRAY[{owners}]::regclass[]) "
        "LOOP EXECUTE format('ALTER SEQUENCE %s RESTART', owned); END LOOP; END $$"
    )


async def clear_tables(url: str) -> None:
    """Remove every row and restart the ids (the schema and its Alembic revision stay)."""
    engine = create_engine(url, poolclass=NullPool)
    tables = list(reversed(Base.metadata.sorted_tables))
    try:
        async with engine.begin() as connection:
            if is_sqlite(url):
                for table in tables:
                    await connection.execute(delete(table))
            else:
                await connection.execute(text(_pg_clear_statement()))
    finally:
        await engine.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def pg_url(_pg_migrated: str) -> str:
    """A migrated PostgreSQL database with empty tables."""
    asyncio.run(clear_tables(_pg_migrated))
    return _pg_migrated


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest) -> str:
    """A migrated database of `backend` with empty tables."""
    url = str(request.getfixturevalue("_pg_migrated" if backend == "pg" else "_sqlite_migrated"))
    asyncio.run(clear_tables(url))
    return url


@pytest.fixture(scope="session")
def demo_config() -> GridDeskConfig:
    return load_config()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEMO_NOW)


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(db_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def uow_factory(
    engine: AsyncEngine, demo_config: GridDeskConfig, clock: FixedClock
) -> UnitOfWorkFactory:
    """Units of work on a database holding the demo district, with the fixed `clock`."""
    factory = UnitOfWorkFactory(session_factory(engine), clock)
    async with factory() as uow:
        await sync_config(uow, demo_config)
        await uow.commit()
    return factory
