"""Hostile input: markup in everything echoed, oversized and invisible text, bad coordinates,
huge photos, albums, edits, groups and channels, unknown updates — each answered clearly or
ignored silently, never an exception."""

from __future__ import annotations

import html
import math
import re
from typing import Any

import pytest
from sqlalchemy import func, select

from handlers import texts
from handlers.context import Services
from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.orm import ProcessedUpdateRow
from tests.hardening.flows import LAMP, NUMBER, RESIDENT, WORKER, counts, file_ticket
from tests.hardening.support import Driver

MARKUP = [
    "<b>粗体</b>", "<script>alert(1)</script>", "A & B", "&lt;已转义&gt;", "</b>", "<",
    "<a href=\"http://evil\">点我</a>", "*粗* _斜_ `代码` [链接](http://x) ~删~ ||剧透||",
    "<tg-spoiler>x", "&#x3c;b&#x3e;", "<b", "\\<b>",
]
_TAGS = re.compile(r"<[^>]+>")


def visible(text: str) -> str:
    """What Telegram shows for an HTML message."""
    return html.unescape(_TAGS.sub("", text))


@pytest.mark.parametrize("markup", MARKUP)
async def test_markup_is_shown_as_typed_everywhere(bot: Driver, markup: str) -> None:
    """Every message is checked by the driver to be safe HTML; here the markup is also shown
    back verbatim (escaped once, not dropped, not escaped twice)."""
    text = f"{LAMP}{markup}"
    number = await file_ticket(bot, text=text)
    summary = next(t for t in bot.texts_to(RESIDENT) if "请核对" in t)
    assert markup in visible(summary)
    assert markup in visible(bot.last_to(WORKER))
    await bot.text(RESIDENT, f"/status {number}")
    await bot.text(RESIDENT, f"/status {markup}")
    assert markup.split()[0][:32] in visible(bot.last_to(RESIDENT))
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "上报")
    await bot.text(WORKER, f"原因{markup}")
    assert f"原因{markup}" in visible(bot.last_to("MDHY-01-B"))
    assert any(f"原因{markup}" in visible(t) for t in bot.texts_to(WORKER) if "新进展" in t)
    await bot.press("MDHY-01-B", "接单")
    await bot.press("MDHY-01-B", "办结")
    await bot.text("MDHY-01-B", f"结果{markup}")
    assert f"结果{markup}" in visible(bot.last_to(RESIDENT))
    await bot.text(RESIDENT, f"/status {number}")
    assert f"原因{markup}" in visible(bot.last_to(RESIDENT))


@pytest.mark.parametrize("markup", ["<b>", "A & B <i>", "</a>"])
async def test_reject_reason_caption_and_name_are_escaped(bot: Driver, markup: str) -> None:
    await bot.push(bot.message(RESIDENT, photo=[{"file_id": "p", "file_unique_id": "pu",
                                                 "width": 90, "height": 90}],
                               caption=f"小区门口垃圾没人清理{markup}"))
    await bot.text(RESIDENT, "明德花园")
    update = bot.message(RESIDENT, contact={"phone_number": "13912345678", "first_name": "x",
                                            "user_id": RESIDENT})
    update["message"]["from"]["first_name"] = f"张{markup}"
    await bot.push(update)
    await bot.press(RESIDENT, "确认提交")
    card = bot.last_to("MDHY-S")
    assert f"小区门口垃圾没人清理{markup}" in visible(card)
    assert f"张{markup}" in visible(card)
    await bot.press("MDHY-S", "驳回")
    await bot.text("MDHY-S", f"不属于社区职责{markup}")
    assert f"不属于社区职责{markup}" in visible(bot.last_to(RESIDENT))


def hostile_config(config: GridDeskConfig) -> GridDeskConfig:
    """The demo district with markup characters in every configured name."""
    data = config.model_dump()
    data["district"]["name"] = "太白湖<新区>&"
    community = data["district"]["streets"][0]["communities"][0]
    community["name"] = "明德<花园>&社区"
    for grid in community["grids"]:
        grid["name"] = grid["name"] + "<&>"
        grid["workers"][0]["name"] += "<&>"
    for category in data["taxonomy"]["categories"]:
        category["name"] = category["name"] + "&"
        category["departments"] = [f"{d}<&>" for d in category["departments"]]
    return GridDeskConfig.model_validate(data)


async def test_configured_names_are_escaped(services: Services,
                                            demo_config: GridDeskConfig) -> None:
    config = hostile_config(demo_config)
    async with services.uow_factory() as uow:
        await sync_config(uow, config)
        await uow.commit()
    services.config = config
    bot = Driver(services)
    await bot.text(RESIDENT, "/start")
    await bot.text(RESIDENT, "小区门口的垃圾桶满了好几天没人清理")
    await bot.location(RESIDENT, 0.0, 0.0)  # outside the district: its name is echoed
    assert "太白湖<新区>&" in visible(bot.last_to(RESIDENT))
    await bot.text(RESIDENT, "/cancel")
    await file_ticket(bot)
    await bot.press(WORKER, "吹哨")
    department = bot.sent[-1].buttons[0][0]
    await bot.press(WORKER, department)
    assert department in visible(bot.last_to(WORKER))
    await bot.press(WORKER, "转派")
    await bot.press(WORKER, "更正类别")
    await bot.press(WORKER, bot.sent[-1].buttons[0][0])  # a category: card to the worker again
    await bot.press(WORKER, "转派")
    grid = bot.sent[-1].buttons[0][0]
    await bot.press(WORKER, grid)
    assert grid in visible(bot.last_to(WORKER))
    await bot.text(RESIDENT, "/mytickets")
    assert "&" in visible(bot.last_to(RESIDENT))
    assert any("太白湖<新区>&" in visible(t) for t in bot.texts_to(RESIDENT))
