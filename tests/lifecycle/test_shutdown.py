"""SIGTERM on `griddesk run` / `griddesk webhook`, both frameworks: the update in flight
finishes (or, past GRIDDESK_SHUTDOWN_GRACE, is left unconfirmed and handled after the restart),
the process exits 0 and says in one line what it did."""

from __future__ import annotations

import signal

from bench.botapi_double import BotApiDouble
from tests.e2e.test_front_door import db_tickets
from tests.lifecycle.processes import BotProcess, Launcher, press_confirm
from tests.lifecycle.test_kill import filed_replies

FINISHED, CANCELLED = 5570001, 5570002


def stop_lines(bot: BotProcess) -> list[str]:
    return [line for line in bot.text().splitlines() if " stopped on SIG" in line]


async def test_sigterm_finishes_the_update_in_flight_within_the_bound(
    api: BotApiDouble, launcher: Launcher, pg_url: str
) -> None:
    finished, cancelled = api.user(FINISHED, "居民"), api.user(CANCELLED, "居民")

    bot = await launcher.start(hold=f"uncommitted:{FINISHED}:2")  # a slow transaction
    press = await press_confirm(api, finished)
    await bot.wait_for_line(f"HELD uncommitted {press['update_id']}")
    assert await bot.stop(signal.SIGTERM) == 0
    [line] = stop_lines(bot)
    assert "stopped on SIGTERM" in line
    assert "1 update(s) in flight finished, 0 cancelled" in line
    assert filed_replies(api, FINISHED) == 1
    assert launcher.acknowledged(press["update_id"])

    bot = await launcher.start(hold=f"uncommitted:{CANCELLED}", GRIDDESK_SHUTDOWN_GRACE="1")
    press = await press_confirm(api, cancelled)
    await bot.wait_for_line(f"HELD uncommitted {press['update_id']}")
    assert await bot.stop(signal.SIGTERM) == 0
    [line] = stop_lines(bot)
    assert "0 update(s) in flight finished, 1 cancelled" in line
    assert not launcher.acknowledged(press["update_id"])
    assert filed_replies(api, CANCELLED) == 0

    bot = await launcher.start()  # Telegram delivers the cancelled press again
    await api.wait_for(cancelled, "已提交", timeout=60)
    await launcher.wait_acknowledged(press["update_id"])
    assert await bot.stop(signal.SIGTERM) == 0
    [line] = stop_lines(bot)
    assert "0 update(s) in flight finished, 0 cancelled" in line

    tickets = await db_tickets(pg_url)
    assert sorted(t.reporter_user_id or 0 for t in tickets) == [FINISHED, CANCELLED]
    assert filed_replies(api, CANCELLED) == 1
    assert "Traceback" not in bot.log.read_text(errors="replace")
