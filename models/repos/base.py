"""Shared plumbing of the repositories."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from models.clock import Clock


def dialect_name(session: AsyncSession) -> str:
    bind = session.get_bind()
    return bind.dialect.name


def upsert(session: AsyncSession, entity: Any) -> Any:
    """`INSERT` construct of the session's dialect, supporting `on_conflict_do_*`."""
    if dialect_name(session) == "postgresql":
        return postgresql.insert(entity)
    return sqlite.insert(entity)


class Repository:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock
