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
    "<b>粗体</b>",
    "<script>alert(1)</script>",
    "A & B",
    "&lt;已转义&gt;",
    "</b>",
    "<",
    '<a href="http://evil">点我</a>',
    "*粗* _斜_ `代码` [链接](http://x) ~删~ ||剧透||",
    "<tg-spoiler>x",
    "&#x3c;b&#x3e;",
    "<b",
    "\\<b>",
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
    assert f"结果{markup}" in visible(bot.last_to(RESIDENT))
    await bot.text("MDHY-01-B", f"/status {number}")  # the reason is for the chain's staff
    assert f"原因{markup}" in visible(bot.last_to("MDHY-01-B"))


@pytest.mark.parametrize("markup", ["<b>", "A & B <i>", "</a>"])
async def test_reject_reason_caption_and_name_are_escaped(bot: Driver, markup: str) -> None:
    await bot.push(
        bot.message(
            RESIDENT,
            photo=[{"file_id": "p", "file_unique_id": "pu", "width": 90, "height": 90}],
            caption=f"小区门口垃圾没人清理{markup}",
        )
    )
    await bot.text(RESIDENT, "明德花园")
    update = bot.message(
        RESIDENT, contact={"phone_number": "13912345678", "first_name": "x", "user_id": RESIDENT}
    )
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


async def test_configured_names_are_escaped(
    services: Services, demo_config: GridDeskConfig
) -> None:
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


async def test_escalation_reason_is_escaped_once(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "上报")
    await bot.text(WORKER, "A<B & C")
    card = bot.last_to("MDHY-01-B")
    assert "A&lt;B &amp; C" in card and "&amp;lt;" not in card


# --- size ------------------------------------------------------------------------------


async def test_oversized_texts_are_refused_politely(bot: Driver) -> None:
    limit = bot.services.limits.max_text
    for size in (limit + 1, 100_000):
        await bot.text(RESIDENT, "漏" * size)
        assert bot.last_to(RESIDENT) == texts.TOO_LONG.format(length=size, limit=limit)
    await bot.photo(RESIDENT, caption="漏" * (limit + 1))
    assert "太长" in bot.last_to(RESIDENT)
    await bot.text(RESIDENT, "/status " + "X" * 10_000)
    assert len(bot.last_to(RESIDENT)) < 100
    await bot.text(RESIDENT, "/start bind_" + "x" * 10_000)
    assert bot.last_to(RESIDENT) == texts.BIND_INVALID
    assert await bot.tickets() == []


def shown_length(text: str) -> int:
    """Telegram's 4096 limit counts characters after entity parsing."""
    return len(visible(text))


async def test_longest_inputs_still_fit_in_one_telegram_message(bot: Driver) -> None:
    """The longest complaint, escalation reasons and notes: every message stays sendable."""
    limit = bot.services.limits.max_text
    body = "明德花园5号楼楼道灯坏了" + "<&>" * ((limit - 12) // 3)
    assert len(body) <= limit
    number = await file_ticket(bot, text=body)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "上报")
    await bot.text(WORKER, "因" * limit)
    await bot.press("MDHY-01-B", "上报")
    await bot.text("MDHY-01-B", "由" * limit)
    await bot.press("MDHY-S", "接单")
    await bot.press("MDHY-S", "办结")
    await bot.text("MDHY-S", "果" * limit)
    await bot.press(RESIDENT, "不满意")
    await bot.text(RESIDENT, "不" * limit)
    await bot.text(RESIDENT, f"/status {number}")
    for code in ("MDHY-S", "MDHY-01-B", "XZ-C"):
        await bot.text(code, f"/status {number}")
        await bot.text(code, "/tasks")
    for message in bot.sent:
        assert shown_length(message.text) <= 4096, (message.chat_id, message.text[:80])


async def test_a_long_task_list_fits_in_one_message(bot: Driver) -> None:
    for index in range(60):
        await file_ticket(
            bot,
            who=6_000_000 + index,
            text=f"明德花园{index % 6 + 1}号楼楼道灯坏了，第{index}次" + "黑" * 30,
        )
    await bot.text("MDHY-01-W1", "/tasks")
    assert shown_length(bot.last_to("MDHY-01-W1")) <= 4096
    assert NUMBER.search(bot.last_to("MDHY-01-W1"))


# --- invisible characters --------------------------------------------------------------


async def test_control_and_zero_width_characters_are_dropped(bot: Driver) -> None:
    dirty = "明德花园\u200b5号楼\x00楼道\u202e里的灯\ufeff坏了\u2066一个星期了\x07\ud800"
    number = await file_ticket(bot, text=dirty)
    async with bot.services.uow_factory() as uow:
        ticket = await uow.tickets.by_number(number)
        assert ticket is not None
        assert ticket.original_text == "明德花园5号楼楼道里的灯坏了一个星期了"
    for invisible in ("\u200b\u200b", "\x00", " \u2060 ", "\u202e"):
        await bot.text(RESIDENT, invisible)
        assert bot.last_to(RESIDENT) == texts.EMPTY_TEXT


async def test_a_name_with_control_characters_reaches_the_card_clean(bot: Driver) -> None:
    await bot.text(RESIDENT, LAMP)
    update = bot.message(
        RESIDENT,
        contact={"phone_number": "+86 139-1234-5678\x00", "first_name": "x", "user_id": RESIDENT},
    )
    update["message"]["from"]["first_name"] = "张\x00\u202e三"
    await bot.push(update)
    await bot.press(RESIDENT, "确认提交")
    assert "联系人：张三 +8613912345678" in bot.last_to(WORKER)


@pytest.mark.parametrize(
    "contact",
    [
        {"phone_number": "13900000000", "first_name": "邻居"},  # a phone-book card, no user id
        {"phone_number": "13900000000", "first_name": "邻居", "user_id": 42},
        {"phone_number": "<b>123</b>", "first_name": "x", "user_id": RESIDENT},
    ],
)
async def test_somebody_elses_or_a_bogus_contact_is_refused(
    bot: Driver, contact: dict[str, Any]
) -> None:
    await bot.text(RESIDENT, LAMP)
    await bot.push(bot.message(RESIDENT, contact=contact))
    assert bot.last_to(RESIDENT) == texts.CONTACT_NOT_OWN
    await bot.press(RESIDENT, "确认提交")
    [ticket] = await bot.tickets()
    assert ticket.reporter_phone is None and "联系人" not in bot.last_to(WORKER)


# --- coordinates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (math.nan, 116.6),
        (35.37, math.nan),
        (math.inf, 0.0),
        (999.0, 999.0),
        (-91.0, 0.0),
        (0.0, 181.0),
        (-1e308, 1e308),
    ],
)
async def test_invalid_coordinates_are_refused(bot: Driver, lat: float, lon: float) -> None:
    await bot.text(RESIDENT, "小区门口的垃圾桶满了好几天没人清理")
    await bot.location(RESIDENT, lat, lon)
    assert bot.last_to(RESIDENT) == texts.LOCATION_INVALID
    await bot.location(RESIDENT, 0.0, 0.0)  # valid, but not in the district
    assert "服务范围" in bot.last_to(RESIDENT)
    await bot.location(RESIDENT, 35.3720, 116.6030)
    assert "请核对" in "".join(bot.texts_to(RESIDENT)[-2:])


# --- photos ----------------------------------------------------------------------------


async def test_a_huge_photo_is_refused_and_a_big_album_answered_once(bot: Driver) -> None:
    await bot.photo(RESIDENT, caption=LAMP, file_size=bot.services.limits.max_photo_bytes + 1)
    assert "太大" in bot.last_to(RESIDENT)
    before = len(bot.texts_to(RESIDENT))
    await bot.photo(RESIDENT, caption=LAMP, media_group_id="album1")
    for _ in range(11):
        await bot.photo(RESIDENT, media_group_id="album1")
    replies = bot.texts_to(RESIDENT)[before:]
    assert sum("请核对" in t for t in replies) == 1 and len(replies) == 2  # + the contact offer
    await bot.press(RESIDENT, "确认提交")
    [ticket] = await bot.tickets()
    assert len(ticket.attachments) == bot.services.limits.max_photos


async def test_a_photo_with_a_new_caption_after_a_summary_is_asked_about(bot: Driver) -> None:
    await bot.text(RESIDENT, LAMP)
    await bot.photo(RESIDENT, caption="明德花园2号楼电梯坏了，老人下不了楼", file_id="AgACnew")
    assert "这是新的问题" in bot.last_to(RESIDENT)
    await bot.press(RESIDENT, "新的问题")
    await bot.press(RESIDENT, "确认提交")
    [ticket] = await bot.tickets()
    assert ticket.attachments == ["tg:AgACnew"] and "电梯" in ticket.original_text


# --- edits, groups, channels, unknown updates ------------------------------------------


async def test_edited_messages_change_nothing(bot: Driver) -> None:
    number = await file_ticket(bot)
    update = bot.message(RESIDENT, text="明德花园6号楼也漏水了")
    edited = {
        "update_id": update["update_id"],
        "edited_message": {**update["message"], "edit_date": 1_780_000_100},
    }
    before = await counts(bot)
    outcome = await bot.push(edited)
    assert [r.text for r in outcome.replies] == [texts.EDITED_IGNORED]
    assert await counts(bot) == before
    assert [t.number for t in await bot.tickets()] == [number]


GROUP = {"id": -1001234567890, "type": "supergroup", "title": "网格工作群"}
CHANNEL = {"id": -1009876543210, "type": "channel", "title": "通知"}


async def processed(bot: Driver) -> int:
    async with bot.services.uow_factory() as uow:
        return int(
            await uow.session.scalar(select(func.count()).select_from(ProcessedUpdateRow)) or 0
        )


async def test_groups_and_channels(bot: Driver) -> None:
    """In a group the bot only points commands to the private chat and answers presses; it
    never files, replies to chatter or touches the database."""
    before, seen = await counts(bot), await processed(bot)
    chatter = await bot.push(bot.message(RESIDENT, chat=GROUP, text=LAMP))
    assert chatter.replies == [] and chatter.answer is None
    command = await bot.push(
        bot.message(
            RESIDENT,
            chat=GROUP,
            text="/start@GridDeskBot",
            entities=[{"type": "bot_command", "offset": 0, "length": 18}],
        )
    )
    assert [r.text for r in command.replies] == [texts.GROUP_ONLY_PRIVATE]
    assert command.replies[0].chat_id == GROUP["id"]
    press = await bot.push(bot.callback(RESIDENT, "t:AAAAAAAAAAAAAAAA", chat_id=GROUP["id"]))
    assert press.answer is not None and press.answer.text == texts.GROUP_BUTTON
    photo = await bot.push(
        bot.message(
            RESIDENT,
            chat=GROUP,
            caption=LAMP,
            photo=[{"file_id": "g", "file_unique_id": "gu", "width": 9, "height": 9}],
        )
    )
    assert photo.replies == []
    post = {
        "update_id": 1,
        "channel_post": {"message_id": 1, "date": 1, "chat": CHANNEL, "text": "/start"},
    }
    assert (await bot.push(post)).replies == []
    anonymous_admin = bot.message(RESIDENT, chat=GROUP, text="/start")
    anonymous_admin["message"]["sender_chat"] = GROUP
    del anonymous_admin["message"]["from"]
    assert (await bot.push(anonymous_admin)).replies == []
    added = {
        "update_id": 2,
        "my_chat_member": {
            "chat": GROUP,
            "from": bot.user(RESIDENT),
            "date": 1,
            "old_chat_member": {"status": "left", "user": bot.user(RESIDENT)},
            "new_chat_member": {"status": "member", "user": bot.user(RESIDENT)},
        },
    }
    assert (await bot.push(added)).replies == []
    assert await counts(bot) == before and await processed(bot) == seen


@pytest.mark.parametrize(
    "update",
    [
        {"update_id": 7, "brand_new_update_type": {"anything": [1, 2, 3]}},
        {"update_id": 8},
        {
            "update_id": 9,
            "message_reaction": {
                "chat": {"id": RESIDENT, "type": "private"},
                "message_id": 1,
                "date": 1,
                "old_reaction": [],
                "new_reaction": [],
            },
        },
        {
            "update_id": 10,
            "poll": {
                "id": "p",
                "question": "?",
                "options": [],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
            },
        },
        {
            "update_id": 11,
            "callback_query": {
                "id": "q",
                "chat_instance": "c",
                "data": "t:x",
                "from": {"id": RESIDENT, "is_bot": False, "first_name": "x"},
                "inline_message_id": "im",
            },
        },
    ],
)
async def test_unknown_and_odd_updates(bot: Driver, update: dict[str, Any]) -> None:
    outcome = await bot.push(update)
    assert outcome.replies == []
    assert outcome.answer is None or outcome.answer.text == texts.STALE_BUTTON


UNSUPPORTED: list[dict[str, Any]] = [
    {
        "sticker": {
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
    },
    {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}},
    {"audio": {"file_id": "a", "file_unique_id": "a", "duration": 3}},
    {"video": {"file_id": "v", "file_unique_id": "v", "width": 1, "height": 1, "duration": 1}},
    {"video_note": {"file_id": "v", "file_unique_id": "v", "length": 1, "duration": 1}},
    {"document": {"file_id": "d", "file_unique_id": "d", "file_name": "<b>.pdf"}},
    {"animation": {"file_id": "a", "file_unique_id": "a", "width": 1, "height": 1, "duration": 1}},
    {"dice": {"emoji": "🎲", "value": 3}},
    {"story": {"chat": {"id": 1, "type": "private"}, "id": 1}},
    {"giveaway": {"chats": [], "winners_selection_date": 1, "winner_count": 1}},
]


@pytest.mark.parametrize("content", UNSUPPORTED, ids=lambda c: next(iter(c)))
async def test_unsupported_messages_get_a_clear_answer_or_none(
    bot: Driver, content: dict[str, Any]
) -> None:
    outcome = await bot.push(bot.message(RESIDENT, **content))
    assert [r.text for r in outcome.replies] in (
        [],
        [
            texts.UNSUPPORTED.format(
                what=texts.UNSUPPORTED_KINDS.get(next(iter(content)), "这类消息")
            )
        ],
    )
    assert await bot.tickets() == []
