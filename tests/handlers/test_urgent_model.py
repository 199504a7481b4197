"""A question the urgency model asked, in the chat: the same question, and a confirmed ticket
records the model's words as its frame (both backends)."""

from __future__ import annotations

from bot.demo.session import DemoSession
from handlers import urgent
from tests.handlers.test_resident_flow import buttons_of, texts_to, tickets

# No frame's words: only the model finds this likely urgent.
UNNAMED = "明德花园3号楼，楼上邻居家的孩子一个人在阳台上哭，窗户开着，大人不在家"


async def test_the_model_asks_and_yes_records_its_words(chat: DemoSession) -> None:
    await chat.say(UNNAMED)
    assert texts_to(chat)[-1] == urgent.ASK_URGENT
    assert buttons_of(chat) == [urgent.BTN_YES, urgent.BTN_NO]
    await chat.press(urgent.BTN_YES)
    assert "110" in texts_to(chat)[-1]
    [ticket] = await tickets(chat)
    assert ticket.urgent and (ticket.urgent_frame or "").startswith("模型提示：")
    words = ticket.urgent_frame.removeprefix("模型提示：").split("、")
    assert words and all(word in UNNAMED for word in words)
