"""Shared steps of the visit tests: a worker's visit with a filing, the follow link, rows."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from tests.hardening.support import Driver

WORKER = "MDHY-01-W1"
FOLLOW = re.compile(r"/start (follow_[\w-]+)")


async def rows(bot: Driver, model: Any) -> list[Any]:
    async with bot.services.uow_factory() as uow:
        found = list(await uow.session.scalars(select(model).order_by(model.id)))
        uow.session.expunge_all()
        return found


async def describe_on_visit(bot: Driver, building: int, household: str, complaint: str) -> None:
    """走访登记 at a building (33 households each in MDHY-01) and a household, then
    代居民反映 with the resident's words: the summary is open."""
    await bot.text(WORKER, "走访登记")
    await bot.press(WORKER, f"{building}号楼（33户）")
    await bot.text(WORKER, household)
    await bot.press(WORKER, "代居民反映")
    await bot.text(WORKER, complaint)


def follow_payload(bot: Driver) -> str:
    """The newest follow link the worker was given."""
    links = FOLLOW.findall("\n".join(bot.texts_to(WORKER)))
    assert links, bot.texts_to(WORKER)
    return str(links[-1])


async def accept_and_resolve(bot: Driver, result: str) -> None:
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "办结")
    await bot.text(WORKER, result)
