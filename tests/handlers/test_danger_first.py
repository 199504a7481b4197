"""Danger told while a draft waits for something (its confirmation, its address) is acted on at
once: it is not asked about as 新的问题还是补充, and the waiting draft is kept (both backends)."""

from __future__ import annotations

from bot.demo.session import DemoSession
from tests.handlers.test_resident_flow import texts_to, tickets

LIFT = "明德花园13号楼的电梯又坏了，老人下不了楼"
FIRE = "楼道里突然起火了，烟很大，我家老人困在楼上下不来"
FALLEN_ELSEWHERE = "颂运水庭3栋楼下有个老人倒在地上叫不醒"
UNSURE = "我妈刚才在楼道里摔了一跤"
QUESTION = "现在是否有人被困、受伤、走失，或正在发生危险？"
NEW_OR_ADD = "这是新的问题，还是补充刚才的内容"


async def test_danger_while_the_summary_waits_is_filed_at_once_at_its_place(
    chat: DemoSession,
) -> None:
    await chat.say(LIFT)
    await chat.say(FIRE)
    said = texts_to(chat)
    assert not any(NEW_OR_ADD in text for text in said)
    [fire] = await tickets(chat)
    assert fire.urgent and fire.original_text == FIRE
    assert fire.grid_code == "MDHY-03"  # it names no place: the waiting draft's
    assert any("119" in text and fire.number in text for text in said)
    held = next(i for i, text in enumerate(said) if "您还有一件没提交的诉求" in text)
    assert held > next(i for i, text in enumerate(said) if fire.number in text)
    assert any(LIFT in text and "请核对" in text for text in said[held:])  # the lift waits
    await chat.press("确认提交")
    lift = (await tickets(chat))[-1]
    assert lift.original_text == LIFT and not lift.urgent


async def test_danger_that_names_its_place_is_filed_there(chat: DemoSession) -> None:
    await chat.say(LIFT)
    await chat.say(FALLEN_ELSEWHERE)
    [fallen] = await tickets(chat)
    assert fallen.urgent and fallen.community_code == "SYST" and fallen.grid_code == "SYST-01"


async def test_possible_danger_while_the_summary_waits_asks_the_urgency_question(
    chat: DemoSession,
) -> None:
    await chat.say(LIFT)
    await chat.say(UNSURE)
    assert QUESTION in texts_to(chat)[-1]
    assert await tickets(chat) == []
    await chat.press("不紧急")
    summary = [text for text in texts_to(chat) if "请核对" in text][-1]
    assert UNSURE in summary and "13号楼" in summary
    await chat.press("确认提交")
    await chat.press("确认提交")  # the lift, back for confirmation
    assert sorted(t.original_text for t in await tickets(chat)) == sorted([LIFT, UNSURE])
    assert not any(t.urgent for t in await tickets(chat))


async def test_danger_given_as_the_address_answer_files_the_draft_at_once(
    chat: DemoSession,
) -> None:
    await chat.say("电梯又坏了，按钮按了没反应")
    assert "具体地点" in texts_to(chat)[-1]
    await chat.say("现在轿厢里关着人，在明德花园5号楼，喊了半天没人应")
    [ticket] = await tickets(chat)
    assert ticket.urgent and ticket.grid_code == "MDHY-01"
    assert "电梯又坏了" in ticket.original_text and "轿厢里关着人" in ticket.original_text


async def test_a_calm_second_text_is_still_asked_about(chat: DemoSession) -> None:
    await chat.say(LIFT)
    await chat.say("上个月楼道里着过一次火，后来修好了")
    assert NEW_OR_ADD in texts_to(chat)[-1]
    assert await tickets(chat) == []


UNSURE_AT = "明德花园3号楼，我妈刚才在楼道里摔了一跤"


async def test_yes_typed_at_the_urgency_question_files_urgent(chat: DemoSession) -> None:
    await chat.say(UNSURE_AT)
    assert QUESTION in texts_to(chat)[-1]
    await chat.say("是的！")
    [ticket] = await tickets(chat)
    assert ticket.urgent and ticket.original_text == UNSURE_AT and ticket.grid_code == "MDHY-01"


async def test_no_typed_at_the_urgency_question_goes_on_as_usual(chat: DemoSession) -> None:
    await chat.say(UNSURE_AT)
    await chat.say("不緊急")  # Traditional: the replies follow
    said = texts_to(chat)
    assert any("按一般訴求辦理" in text for text in said) and any("請核對" in t for t in said)
    await chat.press("確認提交")
    [ticket] = await tickets(chat)
    assert not ticket.urgent and ticket.original_text == UNSURE_AT


async def test_other_words_at_the_urgency_question_join_the_description(
    chat: DemoSession,
) -> None:
    await chat.say(UNSURE_AT)
    await chat.say("她现在躺在地上起不来，叫她也不太应")
    [ticket] = await tickets(chat)  # judged again: now certain, filed at once
    assert ticket.urgent and UNSURE_AT in ticket.original_text
    assert "起不来" in ticket.original_text
