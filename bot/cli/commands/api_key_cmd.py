"""`griddesk api-key create|list|revoke`: the keys Open311 clients file and read with
(docs/open311.md). A key is printed once, when it is created; only its SHA-256 is stored."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

import click

from bot.cli.options import database_option

if TYPE_CHECKING:
    from models.uow import UnitOfWork

T = TypeVar("T")


async def _in_unit_of_work(url: str | None, work: Callable[[UnitOfWork], Awaitable[T]]) -> T:
    """Run `work` in one committed unit of work on the (migrated) database."""
    from bot.app import make_clock
    from bot.cli.database import opened
    from bot.settings import Settings

    settings = Settings()
    url = url or settings.database_url_value()
    async with opened(url, make_clock(settings), migrate=True) as uows, uows() as uow:
        result = await work(uow)
        await uow.commit()
        return result


@click.group("api-key")
def api_key_group() -> None:
    """Keys of Open311 clients (hotlines, apps): create, list, revoke."""


@api_key_group.command("create")
@click.argument("name")
@click.option("--can-file", is_flag=True, help="May file requests (POST requests).")
@click.option("--can-read", is_flag=True,
              help="May read requests when GRIDDESK_OPEN311_READ_NEEDS_KEY is set.")
@click.option("--per-minute", type=click.IntRange(1, 10_000), default=60, show_default=True,
              help="Filings a minute before the key is answered 429.")
@click.option("--callback-url", default=None, help="Receives the key's requests' status changes.")
@database_option
def create(name: str, can_file: bool, can_read: bool, per_minute: int,
           callback_url: str | None, url: str | None) -> None:
    """Create a key for client NAME; the key is the last line printed, shown this once."""
    from handlers.open311 import KeySpec, create_key

    if not (1 <= len(name) <= 32) or not name.replace("-", "").replace("_", "").isalnum():
        raise click.BadParameter("1-32 letters, digits, - or _", param_hint="NAME")
    spec = KeySpec(name, can_file, can_read, per_minute, callback_url)
    try:
        key = asyncio.run(_in_unit_of_work(url, lambda uow: create_key(uow, spec)))
    except ValueError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    rights = ", ".join(r for r, on in (("file", can_file), ("read", can_read)) if on) or "none"
    click.echo(f"key for {name} (may: {rights}; {per_minute} filings a minute); "
               "store it now, it is not shown again:")
    click.echo(key)


@api_key_group.command("list")
@database_option
def list_keys(url: str | None) -> None:
    """Every key: name, first characters, permissions, rate, callback, revoked."""

    async def rows(uow: UnitOfWork) -> list[str]:
        lines = []
        for key in await uow.open311.keys():
            rights = "".join(f for f, on in (("F", key.can_file), ("R", key.can_read)) if on)
            state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
            lines.append(f"{key.name}\t{key.prefix}…\t{rights or '-'}\t{key.per_minute}/min\t"
                         f"{key.callback_url or '-'}\t{state}")
        return lines

    lines = asyncio.run(_in_unit_of_work(url, rows))
    click.echo("\n".join(["name\tkey\tmay\trate\tcallback\tstate", *lines]))


@api_key_group.command("revoke")
@click.argument("name")
@database_option
def revoke(name: str, url: str | None) -> None:
    """Revoke NAME's key: its requests and callbacks stop at once."""
    from handlers.open311 import revoke_key

    if not asyncio.run(_in_unit_of_work(url, lambda uow: revoke_key(uow, name))):
        click.echo(f"no active key named {name!r}", err=True)
        sys.exit(1)
    click.echo(f"{name}'s key revoked")
