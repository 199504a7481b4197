"""`griddesk demo`: the whole product offline in the terminal."""

from __future__ import annotations

import asyncio
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

DEMO_DB = "griddesk-demo.db"


def fresh_demo_database(keep: bool) -> str:
    """The demo's SQLite file in the working directory, emptied unless `keep`."""
    path = Path.cwd() / DEMO_DB
    if not keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite+aiosqlite:///{path}"


def read_script(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


async def _run_demo(script: str | None, database: str | None, keep: bool) -> int:
    from bot.app import build_app
    from bot.demo.script import BUILTIN, interactive, run_script
    from bot.demo.session import DemoSession, write
    from bot.settings import Settings
    from models.clock import FixedClock

    if database is None:
        database = fresh_demo_database(keep)
    settings = Settings.model_validate({"GRIDDESK_DATABASE_URL": database})
    app = await build_app(settings, clock=FixedClock(datetime.now(UTC)))
    try:
        session = DemoSession(app, echo=write)
        if script is None:
            await interactive(session)
            return 0
        text = BUILTIN if script == "builtin" else read_script(script)
        return await run_script(session, text.splitlines())
    finally:
        await app.close()


@click.command("demo")
@click.option("--script", "script", default=None, metavar="FILE|builtin",
              help="Play a script (or the built-in one) and exit non-zero on a missing reply.")
@click.option("--database", default=None, metavar="URL",
              help=f"Database URL (default: a fresh SQLite file ./{DEMO_DB}).")
@click.option("--keep", is_flag=True, help="Keep the demo database of the previous run.")
def demo(script: str | None, database: str | None, keep: bool) -> None:
    """Run the bot's conversations in the terminal: no token, no network."""
    logging.basicConfig(level=logging.WARNING)
    failures = asyncio.run(_run_demo(script, database, keep))
    sys.exit(1 if failures else 0)
