"""Async engines and session factories for PostgreSQL (asyncpg) and SQLite (aiosqlite)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine

SQLITE_BUSY_TIMEOUT_MS = 15_000
IDLE_PING_S = 10.0
"""A pooled PostgreSQL connection idle for longer is pinged before use (see `_ping_if_idle`)."""


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    """WAL, enforced foreign keys, a busy timeout; transactions are begun by us, not pysqlite."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    """BEGIN IMMEDIATE: writers queue on the busy timeout instead of failing on lock upgrade."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _stamp(_dbapi_connection: Any, record: Any, *_args: Any) -> None:
    record.info["idle_since"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Pessimistic disconnect handling for connections that sat idle in the pool.

    SQLAlchemy's `pool_pre_ping` pings at every checkout, which asyncpg does with three round
    trips (BEGIN, an empty query, ROLLBACK): a fifth of an update's database time. A busy
    connection proved itself a moment ago; only one idle for `IDLE_PING_S` is pinged. A
    connection broken while busy fails its update (the core answers 系统繁忙) and SQLAlchemy then
    replaces every pooled connection older than the failure."""
    if time.monotonic() - record.info.get("idle_since", 0.0) < IDLE_PING_S:
        return
    try:
        dbapi_connection.ping()
    except Exception as error:  # any failure: let the pool connect afresh
        raise exc.DisconnectionError() from error


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine for `url` with the per-backend settings GridDesk relies on.

    SQL parameters never appear in error messages or logs: they hold what residents wrote."""
    kwargs.setdefault("hide_parameters", True)
    if is_sqlite(url):
        engine = _create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
        event.listen(engine.sync_engine, "begin", _sqlite_on_begin)
        return engine
    options: dict[str, Any] = {"pool_recycle": 1800}
    if "poolclass" not in kwargs:
        options.update(pool_size=10, max_overflow=20)
    options.update(kwargs)
    engine = _create_async_engine(url, **options)
    if not options.get("pool_pre_ping"):
        event.listen(engine.sync_engine, "connect", _stamp)
        event.listen(engine.sync_engine, "checkin", _stamp)
        event.listen(engine.sync_engine, "checkout", _ping_if_idle)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded attributes after commit (handlers read rows after committing)."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)
