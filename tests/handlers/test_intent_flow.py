"""What residents type besides complaints is understood, and nothing they type is dropped
(through the core, both backends)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from bot.demo.session import DemoSession
from handlers.intent import Intent, read
from handlers.types import Kind
from models.orm import RatingRow, TicketEventRow
from tests.handlers.test_resident_flow import LAMP, texts_to, tickets

LIFT = "明德花园13号楼的电梯又坏了，老人下不了楼"
BINS = "楼下的垃圾桶也满了好几天了，臭得不行"


def labels(chat: DemoSession, persona: str | None = None) -> list[str]:
    return [label for label, _ in chat.last_to(persona)[-1].buttons]


def test_reading_short_messages() -> None:
    assert read("確認").intent == Intent.CONFIRM and read("好的。").intent == Intent.CONFIRM
    assert read("提交").intent == Intent.CONFIRM and read("对").intent == Intent.CONFIRM
    assert read("我反映的電梯的事怎麼樣了") == read("我反映的电梯的事怎么样了")
    assert read("我反映的电梯的事怎么样了").words == "电梯"
    assert read("tbh-20261204-0007怎么样了").number == "TBH-20261204-0007"
    assert (read("不滿意").intent, read("不满意").score) == (Intent.RATE, "unsatisfied")
    assert read("很满意").score == "satisfied" and read("谢谢！").intent == Intent.THANKS
    for complaint in (LAMP, LIFT, "楼道灯坏了什么时候能修", "电梯坏了三天了怎么没人管"):
        assert read(complaint).intent == Intent.NONE, complaint


def test_labelled_complaints_read_as_complaints() -> None:
    """The routing test sets (complaints written without sight of these rules): none reads as a
    confirmation, rating or thanks; at most 1% as a progress question."""
    folder = Path(__file__).parent.parent / "nlp" / "data"
    complaints = [
        json.loads(line)["text"]
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    readings = [read(text).intent for text in complaints]
    assert len(complaints) > 1000
    assert not {Intent.CONFIRM, Intent.RATE, Intent.THANKS} & set(readings)
    assert readings.count(Intent.PROGRESS) <= len(complaints) // 100


async def test_a_question_about_another_matter_is_filed_as_a_complaint(
    chat: DemoSession,
) -> None:
    await chat.say("颂运水庭我家是低保户，今年复审的材料交上去了一直没消息，想问问进展")
    assert any("请核对" in t or "具体地点" in t for t in texts_to(chat))
    await chat.say("/cancel")
    await file(chat, LIFT)
    await chat.say("我报的那个事处理了吗")  # nothing substantive left: the one open case
    assert "电梯" in texts_to(chat)[-1]


async def test_typed_confirm_files_the_open_summary(chat: DemoSession) -> None:
    await chat.say(LIFT)
    await chat.say("确认")
    assert "已提交" in texts_to(chat)[-1]
    [ticket] = await tickets(chat)
    assert ticket.original_text == LIFT and ticket.grid_code == "MDHY-03"


async def test_traditional_confirm_word(chat: DemoSession) -> None:
    await chat.say("明德花園13棟的電梯又壞了，老人下不了樓")
    await chat.say("確認")
    assert "已提交" in texts_to(chat)[-1]
    assert len(await tickets(chat)) == 1


async def test_new_text_while_summary_open_asks_and_supplements(chat: DemoSession) -> None:
    await chat.say(LIFT)
    await chat.say("已经停了三天了")
    question = texts_to(chat)[-1]
    assert "这是新的问题，还是补充刚才的内容" in question and "已经停了三天了" in question
    assert labels(chat) == ["新的问题", "补充刚才的内容"]
    assert await tickets(chat) == []
    await chat.press("补充刚才的内容")
    summary = next(t for t in texts_to(chat)[-2:] if "请核对" in t)
    assert LIFT in summary and "已经停了三天了" in summary and "13号楼" in summary
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.original_text == f"{LIFT}\n已经停了三天了" and ticket.grid_code == "MDHY-03"


async def test_a_new_problem_keeps_the_first_draft_for_later(chat: DemoSession) -> None:
    await chat.say(LIFT)
    await chat.say(LAMP)
    await chat.press("新的问题")
    assert any("先帮您留着" in t for t in texts_to(chat))
    await chat.press("确认提交")  # the lamp
    held = texts_to(chat)
    assert any("没提交的诉求" in t for t in held) and LIFT in held[-2]
    await chat.say("好的")  # the lift, confirmed in words
    rows = await tickets(chat)
    assert sorted(t.original_text for t in rows) == sorted([LAMP, LIFT])


async def test_cancelling_the_new_problem_brings_the_first_back(chat: DemoSession) -> None:
    await chat.say(LIFT)
    await chat.say(BINS)
    await chat.press("新的问题")
    await chat.say("/cancel")
    assert any(LIFT in t and "请核对" in t for t in texts_to(chat)[-3:])
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.original_text == LIFT


async def test_a_captioned_photo_while_summary_open_is_asked_about(chat: DemoSession) -> None:
    await chat.say(LIFT)
    await chat.send(Kind.PHOTO, photo="tg:p-bins", text=BINS, media_group_id="album1")
    await chat.send(Kind.PHOTO, photo="tg:p-bins2", media_group_id="album1")
    assert "这是新的问题" in texts_to(chat)[-1] and BINS in texts_to(chat)[-1]
    await chat.press("新的问题")
    await chat.say("跳过")
    summary = next(t for t in texts_to(chat)[-2:] if "请核对" in t)
    assert BINS in summary and "照片：2张" in summary
    await chat.press("确认提交")
    await chat.press("确认提交")  # the lift, back for confirmation
    rows = {t.original_text: t.attachments for t in await tickets(chat)}
    assert rows == {BINS: ["tg:p-bins", "tg:p-bins2"], LIFT: []}


async def test_address_answer_adds_to_the_description(chat: DemoSession) -> None:
    await chat.say("小区门口的垃圾桶满了好几天没人清理")
    assert "具体地点" in texts_to(chat)[-1]
    await chat.say("颂运水庭7号楼，都招苍蝇了")
    summary = next(t for t in texts_to(chat) if "请核对" in t)
    assert "招苍蝇" in summary and "颂运水庭第二网格" in summary
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert "都招苍蝇了" in ticket.original_text and ticket.grid_code == "SYST-02"


async def test_words_at_the_address_question_are_kept_when_no_address(
    chat: DemoSession,
) -> None:
    await chat.say("小区门口的垃圾桶满了好几天没人清理")
    await chat.say("不清楚是哪个门，反正天天都有人扔")
    assert "已补充到问题描述里" in texts_to(chat)[-1]
    await chat.say("跳过")
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.original_text.endswith("\n不清楚是哪个门，反正天天都有人扔")


async def test_a_bare_address_answer_leaves_the_description(chat: DemoSession) -> None:
    await chat.say("小区门口的垃圾桶满了好几天没人清理")
    await chat.say("颂运水庭7号楼")
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.original_text == "小区门口的垃圾桶满了好几天没人清理"


async def file(chat: DemoSession, text: str) -> str:
    await chat.say(text)
    await chat.press("确认提交")
    return (await tickets(chat))[-1].number


async def test_progress_questions_answer_with_the_case(chat: DemoSession) -> None:
    lift = await file(chat, LIFT)
    await chat.say("进度")
    assert lift in texts_to(chat)[-1] and "提交" in texts_to(chat)[-1]
    lamp = await file(chat, LAMP)
    await chat.say("我反映的電梯的事怎麼樣了")
    answer = texts_to(chat)[-1]
    assert lift in answer and lamp not in answer
    await chat.say(f"{lamp}怎么样了")
    assert lamp in texts_to(chat)[-1]
    await chat.say("进度")
    assert "想查哪一件" in texts_to(chat)[-1] and len(labels(chat)) == 2
    await chat.press(labels(chat)[1])
    assert lift in texts_to(chat)[-1]
    assert len(await tickets(chat)) == 2  # no question became a complaint


async def test_status_without_number_and_my_tickets_buttons(chat: DemoSession) -> None:
    await chat.say("/status")
    assert "/status 后面写上工单编号" in texts_to(chat)[-1]
    lift = await file(chat, LIFT)
    await chat.say("/status")
    assert lift in texts_to(chat)[-1] and "提交" in texts_to(chat)[-1]
    await file(chat, LAMP)
    await chat.say("我的诉求")
    assert len(labels(chat)) == 2
    await chat.press(labels(chat)[1])
    assert lift in texts_to(chat)[-1]


async def resolve(chat: DemoSession, worker: str, note: str = "已修好") -> None:
    chat.switch(worker)
    await chat.press("接单")
    await chat.press("办结")
    await chat.say(note)
    chat.switch("resident")


async def test_typed_rating_closes_the_waiting_case(chat: DemoSession) -> None:
    await file(chat, LIFT)
    await chat.say("满意")
    assert "没有等待评价" in texts_to(chat)[-1]
    await resolve(chat, "MDHY-03-W1")
    await chat.say("很滿意")
    [ticket] = await tickets(chat)
    assert ticket.status == "closed"
    assert any("已关闭" in t for t in texts_to(chat))


async def test_thanks_asks_for_the_rating(chat: DemoSession) -> None:
    await file(chat, LIFT)
    await resolve(chat, "MDHY-03-W1")
    await chat.say("谢谢")
    assert "请为办理结果评价" in texts_to(chat)[-1]
    await chat.press("基本满意")
    [ticket] = await tickets(chat)
    assert ticket.status == "closed"


async def test_several_waiting_cases_ask_which_to_rate(chat: DemoSession) -> None:
    await file(chat, LIFT)
    await file(chat, LAMP)
    await resolve(chat, "MDHY-03-W1")
    await resolve(chat, "MDHY-01-W1")
    await chat.say("满意")
    assert "请选择要评价哪一件" in texts_to(chat)[-1] and len(labels(chat)) == 2
    await chat.press(labels(chat)[0])
    assert sorted(t.status for t in await tickets(chat)) == ["closed", "resolved"]


async def test_unsatisfied_asks_the_reason_and_carries_it_up(chat: DemoSession) -> None:
    await file(chat, LIFT)
    await resolve(chat, "MDHY-03-W1", "已联系维保单位重启")
    await chat.press("不满意")
    assert "哪里不满意" in texts_to(chat)[-1]
    assert labels(chat) == ["问题没解决", "太慢", "态度不好", "其他"]
    [ticket] = await tickets(chat)
    assert ticket.status == "resolved"  # nothing moves before the reason
    await chat.press("问题没解决")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.level, ticket.assignee_code) == ("assigned", 1, "MDHY-03-B")
    card = texts_to(chat, "MDHY-03-B")[-1]
    assert "问题没解决" in card and "已联系维保单位重启" in card and "很抱歉" not in card
    told = texts_to(chat, "MDHY-03-W1")[-1]
    assert "不满意" in told and "问题没解决" in told and "网格党支部" in told
    assert "待受理" not in told
    async with chat.app.services.uow_factory() as uow:
        [row] = await uow.session.scalars(select(RatingRow))
        assert (row.score, row.comment) == ("unsatisfied", "问题没解决")


async def test_unsatisfied_typed_with_free_text_reason(chat: DemoSession) -> None:
    await file(chat, LIFT)
    await resolve(chat, "MDHY-03-W1")
    await chat.say("不满意")
    await chat.press("其他")
    await chat.say("修完第二天又坏了")
    [ticket] = await tickets(chat)
    assert ticket.status == "assigned" and ticket.level == 1
    assert "修完第二天又坏了" in texts_to(chat, "MDHY-03-B")[-1]
    async with chat.app.services.uow_factory() as uow:
        reopen = await uow.session.scalar(
            select(TicketEventRow).where(TicketEventRow.action == "reopened")
        )
        assert reopen is not None and reopen.note == "修完第二天又坏了"


async def test_the_demo_script_plays_without_a_failed_expectation(chat: DemoSession) -> None:
    from bot.demo.script import BUILTIN, run_script

    assert await run_script(chat, BUILTIN.splitlines()) == 0
