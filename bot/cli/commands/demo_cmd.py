"""`griddesk demo`: the whole product offline in the terminal."""

from __future__ import annotations

import asyncio
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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


CONSOLE_PEOPLE = ("TBH-TF", "MDHY-S", "MDHY-01-W1")  # task force, secretary, grid worker


async def _console(app: Any, port: int) -> None:
    """Serve the console on the demo database and print sign-in links (Ctrl-C stops)."""
    from bot.demo.session import write
    from bot.web.app import serve_app
    from handlers.console import issue_login, login_link

    base = f"http://127.0.0.1:{port}"
    links = []
    async with app.services.uow_factory() as uow:
        for code in CONSOLE_PEOPLE:
            links.append((code, login_link(base, await issue_login(uow, code) or "")))
        await uow.commit()

    def started() -> None:
        write(f"\n网页工作台已启动：{base}/console/ （Ctrl-C 结束）。")
        write("一次性登录链接（10分钟内有效，只能使用一次）：")
        for code, link in links:
            write(f"  {code}: {link}")

    await serve_app(app, "127.0.0.1", port, started)


async def _run_demo(script: str | None, database: str | None, keep: bool,
                    console_port: int | None = None) -> int:
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
        if script is None and console_port is None:
            await interactive(session)
            return 0
        text = BUILTIN if script in (None, "builtin") else read_script(script)
        failures = await run_script(session, text.splitlines())
        if console_port is not None:
            await _console(app, console_port)
        return failures
    finally:
        await app.close()


@click.command("demo")
@click.option("--script", "script", default=None, metavar="FILE|builtin",
              help="Play a script (or the built-in one) and exit non-zero on a missing reply.")
@click.option("--database", default=None, metavar="URL",
              help=f"Database URL (default: a fresh SQLite file ./{DEMO_DB}).")
@click.option("--keep", is_flag=True, help="Keep the demo database of the previous run.")
@click.option("--console", "console", is_flag=True,
              help="After the script (the built-in one by default), serve the web console on "
                   "the demo database and print sign-in links.")
@click.option("--port", default=8081, show_default=True, type=int, help="The console's port.")
def demo(script: str | None, database: str | None, keep: bool, console: bool,
         port: int) -> None:
    """Run the bot's conversations in the terminal: no token, no network."""
    logging.basicConfig(level=logging.WARNING)
    failures = asyncio.run(_run_demo(script, database, keep, port if console else None))
    sys.exit(1 if failures else 0)
