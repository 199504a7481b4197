"""The conversation state stored per chat: typed drafts, drafts stored before they were typed,
and states this version does not know (both backends)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.demo.session import DemoSession
from handlers import texts
from handlers.conversation import Draft, Step
from tests.handlers.test_resident_flow import LAMP, NUMBER, texts_to, tickets

# A draft waiting for 确认提交 as the dict the conversation row held before drafts were typed.
OLD_DRAFT = {
    "awaiting": "confirm", "nonce": "0a1b2c3d", "photos": [], "text": LAMP, "normalized": LAMP,
    "script": "hans", "category": "property_service", "community": "MDHY", "grid": "MDHY-01",
    "building": 5, "urgent": False, "emergency": [], "confidence": 0.95, "needs_review": False,
    "keywords": ["灯"], "urgent_ask": False, "urgent_frame": None, "urgent_answer": None,
    "held": [], "_script": "hans",
}


async def _store(chat: DemoSession, state: str, data: dict[str, Any]) -> None:
    async with chat.app.services.uow_factory() as uow:
        await uow.conversations.set(chat.user_id(), state, data)
        await uow.commit()


async def _stored(chat: DemoSession) -> tuple[str, dict[str, Any]]:
    async with chat.app.services.uow_factory() as uow:
        row = await uow.conversations.get(chat.user_id())
        assert row is not None
        return row.state, dict(row.data)


async def test_a_draft_stored_before_drafts_were_typed_is_confirmed_and_filed(
        chat: DemoSession) -> None:
    await _store(chat, "draft", OLD_DRAFT)
    await chat.say("确认")
    filed = NUMBER.search(texts_to(chat)[-1])
    [ticket] = await tickets(chat)
    assert filed is not None and filed.group() == ticket.number
    assert (ticket.original_text, ticket.grid_code, ticket.building) == (LAMP, "MDHY-01", 5)
    assert ticket.keywords == ["灯"] and ticket.category_code == "property_service"


async def test_the_draft_is_stored_typed_and_read_back_at_its_step(chat: DemoSession) -> None:
    await chat.say(LAMP)
    state, data = await _stored(chat)
    draft = Draft.model_validate(data)
    assert state == "draft" and draft.step == Step.CONFIRM and draft.text == LAMP
    assert (draft.grid, draft.building) == ("MDHY-01", 5)
    await chat.press("修改")
    state, data = await _stored(chat)
    assert Draft.model_validate(data).step == Step.EDIT
    await chat.say("明德花园5号楼的楼道灯坏了，一直没人修")
    assert "请核对" in "".join(texts_to(chat))
    assert Draft.model_validate((await _stored(chat))[1]).step == Step.CONFIRM


@pytest.mark.parametrize(
    ("state", "data"),
    [
        ("a_state_of_another_version", {"x": 1}),
        ("draft", {"awaiting": "somewhere_else", "text": "灯坏了"}),  # an unknown step
        ("draft", {"photos": "not a list"}),
        ("staff_note", {"ticket": "not a number"}),
        ("rating_reason", {"ticket": "not a number", "round": 0}),
    ],
)
async def test_an_unknown_or_unreadable_state_is_dropped_politely(
        chat: DemoSession, state: str, data: dict[str, Any]) -> None:
    await _store(chat, state, data)
    await chat.say(LAMP)
    said = texts_to(chat)
    assert said[0] == texts.CONVERSATION_LOST
    assert any("请核对" in text for text in said[1:])  # the message itself is then handled
    state_now, data_now = await _stored(chat)
    assert state_now == "draft" and Draft.model_validate(data_now).text == LAMP
