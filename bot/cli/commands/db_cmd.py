"""`griddesk db upgrade|downgrade|current`: Alembic migrations on SQLite or PostgreSQL."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Any

import click
from sqlalchemy.engine import make_url

from bot.cli.options import database_option
from models.migrations import current_revision, downgrade_database, head, upgrade_database


def resolve_url(url: str | None) -> str:
    """`--url` when given, otherwise GRIDDESK_DATABASE_URL (or the SQLite default)."""
    if url:
        return url
    from bot.settings import Settings

    return Settings().database_url_value()


def shown(url: str) -> str:
    """The URL with any password hidden, fit for output."""
    return make_url(url).render_as_string(hide_password=True)


@click.group("db")
def db_group() -> None:
    """Create, upgrade or downgrade the database schema."""


@db_group.command("upgrade")
@click.argument("revision", required=False, default="head")
@database_option
def upgrade(revision: str, url: str | None) -> None:
    """Create or upgrade the schema to REVISION (default: head)."""
    url = resolve_url(url)
    now = _migrate("upgrade", upgrade_database, url, revision)
    click.echo(f"{shown(url)} is at revision {now} (head {head()})")


@db_group.command("downgrade")
@click.argument("revision")
@database_option
def downgrade(revision: str, url: str | None) -> None:
    """Downgrade the schema to REVISION (`base` removes every table)."""
    url = resolve_url(url)
    now = _migrate("downgrade", downgrade_database, url, revision)
    click.echo(f"{shown(url)} is at revision {now or 'base'}")


def _migrate(name: str, step: Callable[[str, str], Coroutine[Any, Any, None]], url: str,
             revision: str) -> str | None:
    """Run one migration step; the revision reached, or exit 1 with the error."""
    try:
        asyncio.run(step(url, revision))
        return asyncio.run(current_revision(url))
    except Exception as exc:
        click.echo(f"{name} of {shown(url)} failed: {exc}", err=True)
        sys.exit(1)


@db_group.command("current")
@database_option
def current(url: str | None) -> None:
    """Print the schema revision of the database."""
    url = resolve_url(url)
    click.echo(asyncio.run(current_revision(url)) or "base")


@db_group.command("revision")
@click.argument("message")
@database_option
def revision(message: str, url: str | None) -> None:
    """Autogenerate a new revision from models/orm.py (the database must be at head)."""
    from alembic import command

    from models.migrations import alembic_config

    url = resolve_url(url)
    asyncio.run(upgrade_database(url))
    command.revision(alembic_config(url), message=message, autogenerate=True)
