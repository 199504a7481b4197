"""Cards edited in place: the sender keeps each delivered card's message id and an edit row
becomes editMessageText / editMessageCaption of that message (SQLite and PostgreSQL)."""

from __future__ import annotations

from bench.botapi_double import BotApiDouble
from bot.telegram.sender_api import build_steps
from models.outbox import PENDING, SENT
from models.uow import UnitOfWorkFactory
from tests.delivery.conftest import make_sender, outbox, queue

MARKUP = {"inline_keyboard": [[{"text": "接单", "callback_data": "tok123"}]]}
AFTER = {"inline_keyboard": [[{"text": "办结", "callback_data": "tok456"}]]}


async def test_a_delivered_card_is_edited_in_place(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    resident = api.user(2001)
    photo = (await resident.send_photo())["message"]["photo"][-1]["file_id"]
    await queue(uows, [
        ("card", 3001, {"text": "工单卡片", "reply_markup": MARKUP, "card": {"to": "W"}}),
        ("photo", 3001, {"text": "带图卡片", "photos": [photo], "reply_markup": MARKUP}),
    ])  # fmt: skip
    async with make_sender(uows, api) as sender:
        await sender.drain()
    rows = await outbox(uows)
    [card, pictured] = api.messages_to(3001)
    assert (rows["card"].message_id, rows["photo"].message_id) == (
        card.message_id,
        pictured.message_id,
    )
    await queue(uows, [
        ("card:edit", 3001, {"text": "工单卡片\n进展：接单", "reply_markup": AFTER,
                             "edit_of": "card"}),
        ("photo:edit", 3001, {"text": "带图卡片\n进展：办结", "edit_of": "photo"}),
    ])  # fmt: skip
    async with make_sender(uows, api) as sender:
        stats = await sender.drain()
    assert stats.sent == 2 and stats.dead == 0
    assert api.messages_to(3001) == [card, pictured]  # nothing new: both edited
    assert card.text == "工单卡片\n进展：接单" and card.reply_markup == AFTER
    assert pictured.caption == "带图卡片\n进展：办结" and pictured.reply_markup is None
    assert {row.status for row in (await outbox(uows)).values()} == {SENT}


async def test_an_edit_waits_for_its_card_and_a_lost_card_is_not_edited(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    await queue(uows, [
        ("card", 3001, {"text": "工单卡片", "reply_markup": MARKUP}),
        ("card:edit", 3001, {"text": "工单卡片（已接单）", "edit_of": "card"}),
        ("gone:edit", 3002, {"text": "没有原卡片", "edit_of": "gone"}),
    ])  # fmt: skip
    async with make_sender(uows, api) as sender:
        stats = await sender.drain()
    [card] = api.messages_to(3001)
    assert card.text == "工单卡片（已接单）"  # sent first, then edited
    assert api.messages_to(3002) == [] and stats.dead == 0
    rows = await outbox(uows)
    assert rows["gone:edit"].status == SENT and rows["gone:edit"].attempts == 1
    assert PENDING not in {row.status for row in rows.values()}


def test_edit_payloads_become_edit_calls() -> None:
    text = build_steps(7, {"text": "新", "edit": {"message_id": 5, "caption": False}})
    caption = build_steps(7, {"text": "新", "reply_markup": AFTER,
                              "edit": {"message_id": 6, "caption": True}})  # fmt: skip
    assert text == [
        ("editMessageText", {"chat_id": 7, "message_id": 5, "parse_mode": "HTML", "text": "新"})
    ]
    assert caption == [("editMessageCaption",
                        {"chat_id": 7, "message_id": 6, "parse_mode": "HTML",
                         "reply_markup": AFTER, "caption": "新"})]  # fmt: skip
