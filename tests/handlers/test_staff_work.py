"""Staff work is not lossy (both backends): result photos, typed results, hand-in after an
automatic escalation, cards edited in place, staff help."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from sqlalchemy import select

from bot.demo.session import DemoSession
from handlers.messages import RATING
from handlers.render import render_row
from handlers.types import Kind
from models.orm import OutboxRow, TicketRow
from tests.handlers.test_resident_flow import LAMP, texts_to, tickets
from tests.handlers.test_service_levels import clock_of
from tests.handlers.test_staff_flow import filed_and_accepted

WORKER = "MDHY-01-W1"


async def photo(chat: DemoSession, file_id: str, caption: str | None = None) -> None:
    await chat.send(Kind.PHOTO, photo=f"tg:{file_id}", photo_size=1000, text=caption)


async def reporter_rows(chat: DemoSession) -> list[OutboxRow]:
    async with chat.app.services.uow_factory() as uow:
        rows = await uow.session.scalars(
            select(OutboxRow).where(OutboxRow.key.like("%:reporter")).order_by(OutboxRow.id)
        )
        found = list(rows)
        uow.session.expunge_all()
        return found


def card_of(chat: DemoSession, persona: str) -> tuple[str, list[str]]:
    """The persona's first message (their card of the only ticket), as it looks now."""
    message = chat.last_to(persona)[0]
    return message.text, [label for label, _ in message.buttons]


async def test_result_photos_reach_the_resident(chat: DemoSession) -> None:
    await filed_and_accepted(chat)
    await chat.press("办结")
    await photo(chat, "result-photo-1")
    assert "照片已收到（共1张）" in texts_to(chat)[-1]
    await chat.say("已更换灯泡，晚上测试正常")
    [ticket] = await tickets(chat)
    assert ticket.status == "resolved"
    resolved = [row for row in await reporter_rows(chat) if "已办结" in render_row(row)["text"]]
    assert [render_row(row).get("photos") for row in resolved] == [["tg:result-photo-1"]]
    assert [row.kind for row in resolved] == [RATING]
    assert any(
        label == "满意"
        for _, label in [(0, b) for m in chat.last_to("resident") for b, _ in m.buttons]
    )


async def test_a_result_typed_before_pressing_resolve_is_not_a_complaint(chat: DemoSession) -> None:
    ticket = await filed_and_accepted(chat)
    await chat.say("已联系物业更换了楼道灯")
    assert len(await tickets(chat)) == 1  # no new complaint
    assert f"作为 {ticket.number} 的办理结果" in [b for b, _ in chat.last_to()[-1].buttons]
    await chat.press(f"作为 {ticket.number} 的办理结果")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.result_note) == ("resolved", "已联系物业更换了楼道灯")


async def test_a_typed_result_is_used_when_resolve_is_pressed_after_it(chat: DemoSession) -> None:
    await filed_and_accepted(chat)
    await photo(chat, "before-after")
    await chat.say("灯已修好")
    await chat.press("办结")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.result_note) == ("resolved", "灯已修好")
    resolved = [row for row in await reporter_rows(chat) if "已办结" in render_row(row)["text"]]
    assert render_row(resolved[0]).get("photos") == ["tg:before-after"]


async def test_staff_text_without_a_case_is_not_filed(chat: DemoSession) -> None:
    chat.switch(WORKER)
    await chat.say("明德花园5号楼楼道灯坏了")
    assert await tickets(chat) == []
    assert "没有提交" in texts_to(chat)[-1]
    await chat.press("作为新问题反映")
    assert "请核对" in "".join(texts_to(chat)[-2:])


async def test_a_worker_hands_in_the_result_after_an_automatic_escalation(
    chat: DemoSession,
) -> None:
    ticket = await filed_and_accepted(chat)
    clock_of(chat).advance(timedelta(days=3, minutes=1))  # past the filing's 3-day deadline
    await chat.sweep()
    [ticket] = await tickets(chat)
    assert (ticket.level, ticket.assignee_code) == (1, "MDHY-01-B")
    text, buttons = card_of(chat, WORKER)
    assert buttons == ["提交办理结果"] and "上报至网格党支部" in text
    await chat.press("提交办理结果")
    await chat.say("上周已换好灯泡")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.result_note) == ("resolved", "上周已换好灯泡")
    assert any("原经办人已提交" in t for t in texts_to(chat, "MDHY-01-B"))
    assert any("请对办理结果进行评价" in t for t in texts_to(chat, "resident"))
    assert card_of(chat, "MDHY-01-B")[1] == []  # nothing left to do on the branch's card


async def test_a_manual_escalation_leaves_no_hand_in(chat: DemoSession) -> None:
    await filed_and_accepted(chat)
    await chat.press("上报")
    await chat.say("需要支部协调")
    assert card_of(chat, WORKER)[1] == []


async def test_the_card_is_a_workspace(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    assert card_of(chat, WORKER)[1] == ["接单", "上报", "吹哨", "转派"]
    chat.switch(WORKER)
    await chat.press("接单")
    text, buttons = card_of(chat, WORKER)
    assert buttons == ["办结", "上报", "吹哨", "转派"]
    assert "王晓东 接单" in text
    await chat.press("办结")
    await chat.say("已修好")
    text, buttons = card_of(chat, WORKER)
    assert buttons == [] and "王晓东 办结：已修好" in text
    async with chat.app.services.uow_factory() as uow:
        card = await uow.session.scalar(
            select(OutboxRow).where(OutboxRow.person_code == WORKER).order_by(OutboxRow.id)
        )
        assert card is not None and card.message_id is not None
        [ticket] = list(await uow.session.scalars(select(TicketRow)))
        assert ticket.status == "resolved"


async def test_staff_help_is_staff_help_with_the_staff_keyboard(chat: DemoSession) -> None:
    chat.switch(WORKER)
    outcome_before = len(chat.inbox)
    await chat.say("使用帮助")
    [reply] = chat.inbox[outcome_before:]
    assert "工作人员使用帮助" in reply.text
    await chat.say("/help")
    assert "工作人员使用帮助" in texts_to(chat)[-1]


async def test_a_whistle_reaches_the_department_and_its_report_is_recorded(
    chat: DemoSession,
) -> None:
    ticket = await filed_and_accepted(chat)
    await chat.press("吹哨")
    await chat.press("物业服务企业")
    assert "已通知联络人物业服务中心值班" in texts_to(chat, WORKER)[-1]
    [summons] = texts_to(chat, "DEPT-WY")
    assert ticket.number in summons and "前报到处理" in summons
    assert "11-21 11:00" in summons  # 报到时限 1h from 10:00
    assert "13800000101" not in summons and "联系人" not in summons
    assert any("已请物业服务企业协同办理" in t for t in texts_to(chat, "resident"))
    assert "吹哨：物业服务企业" in card_of(chat, WORKER)[0]
    chat.switch("DEPT-WY")
    await chat.press("已报到")
    assert "已记录报到" in texts_to(chat, "DEPT-WY")[-1]
    assert f"物业服务企业 已报到：{ticket.number}" in texts_to(chat, WORKER)[-1]
    chat.switch("resident")
    await chat.say(f"/status {ticket.number}")
    assert "部门报到" in texts_to(chat)[-1] and "吹哨报到" in texts_to(chat)[-1]
    chat.switch("DEPT-WY")
    with contextlib.suppress(LookupError):  # the button may be gone; a press changes nothing
        await chat.press("已报到")
    async with chat.app.services.uow_factory() as uow:
        reported = [
            e for e in await uow.events.for_ticket(ticket.id) if e.action == "whistle_reported"
        ]
        assert [(e.actor, e.note) for e in reported] == [("DEPT-WY", "物业服务企业")]


async def test_a_report_after_a_transfer_away_reaches_the_new_holder_not_the_old_summoner(
    chat: DemoSession,
) -> None:
    ticket = await filed_and_accepted(chat)
    await chat.press("吹哨")
    await chat.press("物业服务企业")
    await chat.press("转派")
    await chat.press("颂运水庭第二网格")
    chat.switch("DEPT-WY")
    await chat.press("已报到")
    note = f"物业服务企业 已报到：{ticket.number}"
    assert any(note in text for text in texts_to(chat, "SYST-02-W1"))
    assert not any(note in text for text in texts_to(chat, WORKER))


async def test_a_department_without_liaison_is_named_to_the_summoner(chat: DemoSession) -> None:
    await filed_and_accepted(chat)
    await chat.press("吹哨")
    await chat.press("社区居委会")
    assert "未配置联络人" in texts_to(chat, WORKER)[-1]
