"""Cards edited in place: the sender keeps each delivered card's message id and an edit row
becomes editMessageText / editMessageCaption of that message (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from bench.botapi_double import BotApiDouble
from bot.telegram.sender_api import build_steps
from models.outbox import CAPTION_LIMIT, CARD, CARD_EDIT, LEGACY, PENDING, SENT
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


def _view(text: str) -> dict[str, Any]:
    """A card's view (handlers/messages.py) showing `text` as the resident's words."""
    return {"badge": "🆕 ", "number": "TBH-20261121-0001", "category": "路灯", "place": "明德花园",
            "text": text, "accept_due": "11-21 09:00", "resolve_due": "11-22 09:00",
            "keywords": ["路灯"], "contact": {"name": "张", "phone": "13800000000"}}


async def _add(uows: UnitOfWorkFactory, key: str, kind: str, snapshot: dict[str, Any]) -> None:
    async with uows() as uow:
        await uow.outbox.add(key=key, chat_id=3001, kind=kind, snapshot=snapshot,
                             person_code="W", ticket_number="TBH-20261121-0001")
        await uow.commit()


async def test_semantic_cards_are_rendered_when_sent_and_edited_in_place(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    """A card row keeps its view and buttons; the sender renders it, and an edit row of a
    card sent with one photo becomes editMessageCaption, cut to fit the caption."""
    resident = api.user(2001)
    photo = (await resident.send_photo())["message"]["photo"][-1]["file_id"]
    buttons = [[{"text": "接单", "data": "t:tok123"}]]
    await _add(uows, "card", CARD, {"card": {"to": "W", "kind": "work"}, "view": _view("路灯不亮"),
                                    "buttons": buttons, "photos": [photo]})
    await queue(uows, [("old", 3001, {"text": "旧卡片", "reply_markup": MARKUP})])  # legacy
    async with make_sender(uows, api) as sender:
        await sender.drain()
    [pictured, old] = api.messages_to(3001)
    assert "路灯不亮" in pictured.caption and "联系人：张 13800000000" in pictured.caption
    assert pictured.reply_markup == {
        "inline_keyboard": [[{"text": "接单", "callback_data": "t:tok123"}]]}
    long_words = "路灯不亮，" + "整条路都是黑的。\n" * 150
    await _add(uows, "card:edit", CARD_EDIT, {"edit_of": "card", "view": _view(long_words)})
    await _add(uows, "old:edit", CARD_EDIT, {"edit_of": "old", "view": _view("旧卡片已接单")})
    async with make_sender(uows, api) as sender:
        stats = await sender.drain()
    assert stats.sent == 2 and stats.dead == 0
    assert api.messages_to(3001) == [pictured, old]  # both edited, nothing new
    assert len(pictured.caption) <= CAPTION_LIMIT and pictured.caption.endswith("…")
    assert pictured.caption.startswith("🆕") and pictured.reply_markup is None
    assert "旧卡片已接单" in old.text and old.reply_markup is None
    rows = await outbox(uows)
    assert {row.status for row in rows.values()} == {SENT}
    assert all("text" not in row.snapshot for row in rows.values() if row.kind != LEGACY)
