"""Urgent complaints in the chat: the question when unsure, the answers for a missing or fallen
person, and the danger frame on the cards (both backends)."""

from __future__ import annotations

from bot.demo.script import BUILTIN, run_script
from bot.demo.session import DemoSession
from handlers import urgent
from handlers.types import Kind
from tests.handlers.test_resident_flow import LAMP, NUMBER, buttons_of, texts_to, tickets

CHAIN = ("MDHY-01-W1", "MDHY-01-B", "MDHY-S", "XZ-C", "TBH-TF")
UNSURE = "明德花园3号楼，我妈刚才在楼道里摔了一跤"


async def test_unsure_danger_asks_first_and_yes_files_urgent(chat: DemoSession) -> None:
    await chat.say(UNSURE)
    assert texts_to(chat)[-1] == urgent.ASK_URGENT
    assert buttons_of(chat) == [urgent.BTN_YES, urgent.BTN_NO]
    assert await tickets(chat) == []
    await chat.press(urgent.BTN_YES)
    reply = texts_to(chat)[-1]
    assert "120" in reply and "救护车" in reply and NUMBER.search(reply)  # the fallen answer
    for code in CHAIN:
        assert any("紧急" in t for t in texts_to(chat, code)), code
    [ticket] = await tickets(chat)
    assert ticket.urgent and ticket.urgent_frame and "倒地" in ticket.urgent_frame


async def test_not_urgent_continues_the_normal_flow(chat: DemoSession) -> None:
    await chat.say(UNSURE)
    await chat.press(urgent.BTN_NO)
    labels = [label for message in chat.last_to(None) for label, _ in message.buttons]
    assert "确认提交" in labels and urgent.NOT_URGENT in texts_to(chat)
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert not ticket.urgent and ticket.urgent_frame is None
    assert not any("紧急" in t for t in texts_to(chat, "TBH-TF"))


async def test_the_question_is_answered_once(chat: DemoSession) -> None:
    await chat.say(UNSURE)
    await chat.press(urgent.BTN_NO)
    await chat.press(urgent.BTN_YES)  # a second press on the old question changes nothing
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert not ticket.urgent


async def test_missing_person_gets_its_own_answer(chat: DemoSession) -> None:
    await chat.say("明德花园3号楼，我爸有老年痴呆，早上出去遛弯到现在还没回来")
    reply = texts_to(chat)[-1]
    assert "110" in reply and "照片" in reply and "穿" in reply and "最后" in reply
    for code in CHAIN:
        assert any("紧急·有人走失" in t for t in texts_to(chat, code)), code


async def test_fallen_person_gets_its_own_answer(chat: DemoSession) -> None:
    await chat.say("明德花园3号楼，我奶奶一个人住，电话里说摔倒了爬不起来")
    reply = texts_to(chat)[-1]
    assert "120" in reply and "救护车" in reply and "病史" in reply
    [ticket] = await tickets(chat)
    assert ticket.urgent and "倒地" in (ticket.urgent_frame or "")


async def test_gas_names_the_gas_company_line(chat: DemoSession) -> None:
    await chat.say("明德花园3号楼楼道里一股臭鸡蛋味，越来越冲")
    reply = texts_to(chat)[-1]
    assert "119" in reply and "燃气公司抢修电话 96777" in reply


async def test_traditional_writer_is_asked_in_traditional(chat: DemoSession) -> None:
    await chat.say("明德花園3號樓，我媽剛才在樓道裡摔了一跤")
    assert texts_to(chat)[-1] == "現在是否有人被困、受傷、走失，或正在發生危險？"


async def test_builtin_demo_script_shows_the_question(chat: DemoSession) -> None:
    assert urgent.ASK_URGENT in BUILTIN and urgent.BTN_YES in BUILTIN
    assert await run_script(chat, BUILTIN.splitlines()) == 0


async def test_details_after_a_missing_person_reach_the_whole_chain(chat: DemoSession) -> None:
    await chat.say("明德花园3号楼，我爸有老年痴呆，早上出去遛弯到现在还没回来")
    await chat.say("他穿灰色夹克，最后在小区南门看到的")
    assert "已转给所有处理人员" in texts_to(chat)[-1]
    for code in CHAIN:
        assert any("灰色夹克" in t for t in texts_to(chat, code)), code
    await chat.send(Kind.PHOTO, photo="tg:photo-of-dad", photo_size=1000)
    [ticket] = await tickets(chat)
    assert ticket.attachments == ["tg:photo-of-dad"]
    await chat.advance("7h")
    await chat.say(LAMP)  # hours later: a new complaint again
    assert "请核对" in "".join(texts_to(chat))
