"""Alembic migrations: every revision up and down (stairway), schema equal to the ORM."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.pool import NullPool

from bot.cli import main
from models import escalation as rules
from models.db import create_engine
from models.migrations import (
    current_revision,
    downgrade_database,
    head,
    revisions,
    upgrade_database,
)
from models.orm import CURRENT_DUE, EXPRESSION_INDEXES, OPEN_TICKET, Base

REVISIONS = revisions()


async def _tables(url: str) -> set[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
            return set(names) - {"alembic_version"}
    finally:
        await engine.dispose()


def _comparable(item: Any, name: str | None, kind: str, reflected: bool, other: Any) -> bool:
    # alembic cannot read back an index on expressions or in descending order: those are
    # compared by name below instead
    return not (kind == "index" and name in EXPRESSION_INDEXES)


async def _index_names(url: str) -> set[str]:
    # read from the catalogue: SQLAlchemy does not reflect SQLite's expression indexes
    engine = create_engine(url, poolclass=NullPool)
    catalogue = ("SELECT name FROM sqlite_master WHERE type = 'index'"
                 if engine.dialect.name == "sqlite" else "SELECT indexname FROM pg_indexes")
    try:
        async with engine.connect() as connection:
            return set((await connection.execute(text(catalogue))).scalars())
    finally:
        await engine.dispose()


async def _diff(url: str) -> list[Any]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(
                        sync, opts={"compare_type": True, "include_object": _comparable}),
                    Base.metadata,
                )
            )
    finally:
        await engine.dispose()


def test_revisions_form_one_line() -> None:
    assert REVISIONS and REVISIONS[-1] == head()


@pytest.mark.pg
@pytest.mark.parametrize("revision", REVISIONS)
async def test_stairway_on_postgresql(revision: str, pg_server_url: Callable[[], str]) -> None:
    """Up to `revision`, down one step, up again: each downgrade undoes its upgrade."""
    url = await asyncio.to_thread(pg_server_url)
    index = REVISIONS.index(revision)
    previous = REVISIONS[index - 1] if index else "base"
    await upgrade_database(url, previous)
    before = await _tables(url)
    await upgrade_database(url, revision)
    assert await current_revision(url) == revision
    await downgrade_database(url, previous)
    assert await current_revision(url) == (None if previous == "base" else previous)
    assert await _tables(url) == before
    await upgrade_database(url, revision)
    assert await current_revision(url) == revision


@pytest.mark.pg
async def test_full_upgrade_and_downgrade_on_postgresql(pg_server_url: Callable[[], str]) -> None:
    url = await asyncio.to_thread(pg_server_url)
    await upgrade_database(url)
    assert await _tables(url) == set(Base.metadata.tables)
    await downgrade_database(url, "base")
    assert await _tables(url) == set()
    assert await current_revision(url) is None


async def test_full_upgrade_and_downgrade_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'stairs.db'}"
    for revision in REVISIONS:
        await upgrade_database(url, revision)
        assert await current_revision(url) == revision
    assert await _tables(url) == set(Base.metadata.tables)
    for _ in REVISIONS:
        await downgrade_database(url, "-1")
    assert await _tables(url) == set() and await current_revision(url) is None


async def test_a_fresh_sqlite_upgrade_warns_nothing(tmp_path: Path) -> None:
    # the offline demo's first run upgrades a new SQLite file: a user should see no warning
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        await upgrade_database(url, head())
    assert [str(w.message) for w in seen] == []


@pytest.mark.usefixtures("backend")
async def test_migrated_schema_matches_the_orm(db_url: str) -> None:
    assert await _diff(db_url) == []
    assert await _index_names(db_url) >= EXPRESSION_INDEXES


def test_the_deadline_index_is_the_deadline_order() -> None:
    # the planner reads the deadline order from its index only while both are the same text
    for dialect in (postgresql.dialect(), sqlite.dialect()):
        due = rules.current_due().compile(dialect=dialect,
                                          compile_kwargs={"literal_binds": True})
        assert str(due).replace("tickets.", "") == CURRENT_DUE


def test_the_open_tickets_index_predicate_is_the_open_ticket_rule() -> None:
    # a partial index serves a query only while its predicate is implied by the query's text
    for dialect in (postgresql.dialect(), sqlite.dialect()):
        rule = rules.open_ticket().compile(dialect=dialect, compile_kwargs={"literal_binds": True})
        assert str(rule).replace("tickets.", "") == OPEN_TICKET


def test_cli_db_upgrade_from_another_directory(tmp_path: Path, monkeypatch: Any) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["db", "upgrade", "--url", url])
    assert result.exit_code == 0, result.output
    assert f"revision {head()}" in result.output
    assert runner.invoke(main, ["db", "current", "--url", url]).output.strip() == head()
    down = runner.invoke(main, ["db", "downgrade", "base", "--url", url])
    assert down.exit_code == 0 and "revision base" in down.output
    assert asyncio.run(_tables(url)) == set()


def test_cli_db_upgrade_uses_the_environment(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GRIDDESK_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'env.db'}")
    result = CliRunner().invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").exists()
