"""`griddesk` with a hold point, for the kill tests: `python -m tests.lifecycle.hold run …`.

GRIDDESK_TEST_HOLD="<point>:<user id>[:<seconds>]" holds the first button press of that user
- `received`: before the core sees it (fetched or POSTed, not handled),
- `uncommitted`: inside its transaction, just before COMMIT,
- `committed`: just after COMMIT (before the reply and the acknowledgement to Telegram),
writes `HELD <point> <update id>` to stderr and waits `seconds` (forever without). The patches
live here, in the test suite; the production code has no hook.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import sys

from bot.cli import main
from handlers.core import Core
from handlers.types import Incoming, Kind, Outcome
from models.uow import UnitOfWork

_HELD: contextvars.ContextVar[int | None] = contextvars.ContextVar("held", default=None)


def _parse(spec: str) -> tuple[str, int, float | None]:
    point, user, *rest = spec.split(":")
    return point, int(user), float(rest[0]) if rest else None


POINT, USER, SECONDS = _parse(os.environ.get("GRIDDESK_TEST_HOLD", "none:0"))
_taken = False


async def _hold(update_id: int) -> None:
    print(f"HELD {POINT} {update_id}", file=sys.stderr, flush=True)
    if SECONDS is None:
        await asyncio.Event().wait()
    await asyncio.sleep(SECONDS or 0)


def _is_target(incoming: Incoming) -> bool:
    global _taken
    if _taken or incoming.kind != Kind.CALLBACK or incoming.sender is None:
        return False
    _taken = incoming.sender.user_id == USER
    return _taken


_handle, _commit = Core.handle, UnitOfWork.commit


async def handle(self: Core, incoming: Incoming) -> Outcome:
    if _is_target(incoming):
        if POINT == "received":
            await _hold(incoming.update_id)
        else:
            _HELD.set(incoming.update_id)
    return await _handle(self, incoming)


async def commit(self: UnitOfWork) -> None:
    held = _HELD.get()
    if held is not None and POINT == "uncommitted":
        await _hold(held)
    await _commit(self)
    if held is not None and POINT == "committed":
        _HELD.set(None)
        await _hold(held)


Core.handle = handle  # type: ignore[method-assign]
UnitOfWork.commit = commit  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.argv[0] = "griddesk"
    main()
