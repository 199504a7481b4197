"""SIGKILL at every point of an update's life, on both frameworks, polling and webhook: after a
restart every acknowledged update's effect exists exactly once, and every resident is answered
exactly once."""

from __future__ import annotations

import signal

from bench.botapi_double import BotApiDouble
from tests.e2e.test_front_door import db_tickets
from tests.lifecycle.processes import Launcher, press_confirm

# One resident per point of the update's life (their 确认提交 press is the update held).
RECEIVED, UNCOMMITTED, COMMITTED, ACKNOWLEDGED, AFTER = 5560001, 5560002, 5560003, 5560004, 5560005


def filed_replies(api: BotApiDouble, user_id: int) -> int:
    return sum("已提交" in m.plain_text for m in api.messages_to(user_id))


async def test_sigkill_at_each_point_loses_and_doubles_nothing(
    api: BotApiDouble, launcher: Launcher, pg_url: str
) -> None:
    residents = {
        uid: api.user(uid, "居民")
        for uid in (RECEIVED, UNCOMMITTED, COMMITTED, ACKNOWLEDGED, AFTER)
    }
    presses = {}
    # Each process holds one resident's press at a point and is killed there; the next one
    # receives that press again (unless it was acknowledged) while holding the next resident's.
    bot = await launcher.start(hold=f"received:{RECEIVED}")
    for resident, point, next_point in (
        (RECEIVED, "received", f"uncommitted:{UNCOMMITTED}"),
        (UNCOMMITTED, "uncommitted", f"committed:{COMMITTED}"),
        (COMMITTED, "committed", None),
    ):
        presses[resident] = await press_confirm(api, residents[resident])
        await bot.wait_for_line(f"HELD {point} {presses[resident]['update_id']}")
        assert not launcher.acknowledged(presses[resident]["update_id"])
        bot.kill()
        bot = await launcher.start(hold=next_point)
        # Killed after COMMIT, the reply is still delivered: it is an outbox row of the
        # update's transaction, which a live sender takes over from the dead process.
        await api.wait_for(residents[resident], "已提交", timeout=60)
        await launcher.wait_acknowledged(presses[resident]["update_id"], timeout=60)

    presses[ACKNOWLEDGED] = await press_confirm(api, residents[ACKNOWLEDGED])
    await api.wait_for(residents[ACKNOWLEDGED], "已提交", timeout=30)
    await launcher.wait_acknowledged(presses[ACKNOWLEDGED]["update_id"])
    bot.kill()

    bot = await launcher.start()
    await press_confirm(api, residents[AFTER])  # the bot has caught up once this is handled
    await api.wait_for(residents[AFTER], "已提交", timeout=30)
    assert await bot.stop(signal.SIGINT) == 0

    tickets = await db_tickets(pg_url)
    assert sorted(t.reporter_user_id or 0 for t in tickets) == sorted(residents)
    for uid in residents:
        assert filed_replies(api, uid) == 1, uid
    assert "Task exception was never retrieved" not in bot.log.read_text(errors="replace")
