"""Forged, replayed and stale button presses: refused politely, nothing changes, and every
refusal is a security event — for every kind of button the bot issues."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

import pytest

from handlers import texts
from handlers.types import Outcome
from tests.hardening.flows import (
    LAMP,
    OTHER,
    RESIDENT,
    WORKER,
    counts,
    events,
    file_ticket,
    security_events,
    ticket_state,
)
from tests.hardening.support import Driver

TRIAGE_TEXT = "小区门口的垃圾桶满了好几天没人清理，臭得不行"
SECRETARY = "MDHY-S"


async def skip_address_ticket(bot: Driver) -> str:
    await bot.text(RESIDENT, "明德花园小区门口的垃圾桶满了好几天没人清理，臭得不行")
    if "具体地点" in bot.last_to(RESIDENT):
        await bot.text(RESIDENT, "跳过")
    await bot.press(RESIDENT, "确认提交")
    [ticket] = await bot.tickets()
    assert ticket.status == "triage", ticket.status
    return ticket.number


async def refused(bot: Driver, press: Callable[[], Awaitable[Outcome]], kind: str) -> Outcome:
    """Run `press`; assert it changed no ticket, event or notification and was logged."""
    before_state, before = await ticket_state(bot), await counts(bot)
    outcome = await press()
    after = await counts(bot)
    assert await ticket_state(bot) == before_state
    assert (after["tickets"], after["events"], after["outbox"]) == (
        before["tickets"],
        before["events"],
        before["outbox"],
    )
    assert after["security"] == before["security"] + 1
    assert (await security_events(bot))[-1].kind == kind
    assert outcome.answer is not None and outcome.answer.text, "the press was not answered"
    assert outcome.answer.text in (texts.STALE_BUTTON, texts.NOT_ALLOWED) or (
        "不能进行这个操作" in outcome.answer.text
    )
    return outcome


# --- forged data and someone else's button, for every action kind ------------------------


async def card_buttons(bot: Driver) -> dict[str, str]:
    """Label → callback data of every button kind GridDesk issues, across the chats."""
    found: dict[str, str] = {}
    await bot.text(RESIDENT, LAMP)
    for label in ("修改", "取消"):
        found[f"draft {label}"] = bot.button_data(RESIDENT, label)
    found["draft 确认提交"] = bot.button_data(RESIDENT, "确认提交")
    await bot.press(RESIDENT, "确认提交")
    for label in ("接单", "上报", "吹哨", "转派"):
        found[label] = bot.button_data(WORKER, label)
    await bot.press(WORKER, "吹哨")
    found["whistle_to"] = bot.button_data(WORKER, "物业服务企业")
    await bot.press(WORKER, "转派")
    found["transfer_to"] = bot.button_data(WORKER, "明德花园第三网格")
    found["pick_category"] = bot.button_data(WORKER, "更正类别")
    await bot.press(WORKER, "更正类别")
    found["set_category"] = bot.button_data(WORKER, "环境卫生")
    await bot.press(WORKER, "接单")
    found["办结"] = bot.button_data(WORKER, "办结")  # offered once the case is accepted
    await bot.press(WORKER, "办结")
    await bot.text(WORKER, "已修好")
    for label in ("满意", "基本满意", "不满意"):
        found[f"rate {label}"] = bot.button_data(RESIDENT, label)
    await skip_address_ticket_second(bot)
    for label in ("明德花园第一网格", "驳回"):
        found[f"triage {label}"] = bot.button_data(SECRETARY, label)
    return found


async def skip_address_ticket_second(bot: Driver) -> None:
    await bot.text(OTHER, "小区门口的垃圾桶满了好几天没人清理，臭得不行")
    await bot.text(OTHER, "明德花园")
    await bot.press(OTHER, "确认提交")


async def test_someone_elses_button_is_refused_for_every_kind(bot: Driver) -> None:
    found = await card_buttons(bot)
    assert len(found) == 17
    for label, data in found.items():
        for intruder in (OTHER + 1, "MDHY-02-W1", "XZ-C"):
            outcome = await refused(
                bot, partial(bot.push, bot.callback(intruder, data)), "forged_callback"
            )
            assert outcome.answer is not None and outcome.answer.alert, label
            assert outcome.replies == [], label


@pytest.mark.parametrize(
    "data",
    [
        "t:AAAAAAAAAAAAAAAA",
        "accept:1",
        "t:",
        "",
        "t:" + "x" * 62,
        "t:' OR 1=1 --",
        "t:\u200b\u0000<b>",
        '{"action": "accept", "ticket": 1}',
    ],
)
async def test_forged_callback_data_is_refused(bot: Driver, data: str) -> None:
    await file_ticket(bot)
    outcome = await refused(bot, lambda: bot.push(bot.callback(WORKER, data)), "forged_callback")
    assert outcome.answer is not None and outcome.answer.alert


# --- replays and stale presses, action by action -----------------------------------------


async def test_replayed_confirm_edit_and_cancel_of_a_filed_draft(bot: Driver) -> None:
    await file_ticket(bot)
    for label in ("确认提交", "修改", "取消"):
        await refused(bot, partial(bot.press, RESIDENT, label), "stale_press")
    assert len(await bot.tickets()) == 1


async def test_summary_of_an_older_draft_is_stale(bot: Driver) -> None:
    await bot.text(RESIDENT, LAMP)
    await bot.text(RESIDENT, "明德花园2号楼电梯坏了，老人下不了楼")
    await bot.press(RESIDENT, "新的问题")  # the lamp waits, held, until the lift is done
    await refused(bot, lambda: bot.press(RESIDENT, "确认提交", nth_newest=1), "stale_press")
    assert await bot.tickets() == []


async def test_replayed_accept_and_resolve(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "接单")
    await refused(bot, lambda: bot.press(WORKER, "接单"), "stale_press")
    await bot.press(WORKER, "办结")
    await bot.text(WORKER, "已更换灯泡")
    await refused(bot, lambda: bot.press(WORKER, "办结"), "stale_press")
    await refused(bot, lambda: bot.press(WORKER, "接单"), "stale_press")


async def test_escalated_card_is_read_only_for_the_lower_level(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "上报")
    await bot.text(WORKER, "需要物业配合")
    for label in ("上报", "接单", "转派", "吹哨"):  # the card as first sent (edits may lag)
        outcome = await refused(bot, partial(bot.press, WORKER, label), "forbidden_press")
        assert outcome.answer is not None and outcome.answer.text == texts.NOT_ALLOWED


async def test_replayed_rating_and_the_other_rating_buttons(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "办结")
    await bot.text(WORKER, "已更换灯泡")
    await bot.press(RESIDENT, "满意")
    for label in ("满意", "不满意", "基本满意"):
        await refused(bot, partial(bot.press, RESIDENT, label), "stale_press")
    [ticket] = await bot.tickets()
    assert ticket.status == "closed"


async def test_rating_buttons_of_an_earlier_resolution_are_stale(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "办结")
    await bot.text(WORKER, "已更换灯泡")
    await bot.press(RESIDENT, "不满意")
    await bot.press(RESIDENT, "问题没解决")  # reopened one level up
    branch = "MDHY-01-B"
    await bot.press(branch, "接单")
    await bot.press(branch, "办结")
    await bot.text(branch, "重新布线，已修好")
    # 满意 of the first rating message: that resolution was already judged
    await refused(bot, lambda: bot.press(RESIDENT, "满意", nth_newest=1), "stale_press")
    [ticket] = await bot.tickets()
    assert ticket.status == "resolved"
    await bot.press(RESIDENT, "满意")
    assert (await bot.tickets())[0].status == "closed"


async def test_replayed_whistle_records_one_summons(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "吹哨")
    await bot.press(WORKER, "物业服务企业")
    await refused(bot, lambda: bot.press(WORKER, "物业服务企业"), "stale_press")
    assert [e.action for e in await events(bot)].count("whistle") == 1


async def test_whistle_on_a_closed_ticket_is_refused(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "办结")
    await bot.text(WORKER, "已更换灯泡")
    await bot.press(RESIDENT, "满意")
    await refused(bot, lambda: bot.press(WORKER, "吹哨"), "stale_press")


async def test_replayed_transfer_choice(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "转派")
    await bot.press(WORKER, "明德花园第三网格")
    await refused(bot, lambda: bot.press(WORKER, "明德花园第三网格"), "stale_press")
    await refused(bot, lambda: bot.press(WORKER, "明德花园第二网格"), "forbidden_press")
    [ticket] = await bot.tickets()
    assert ticket.grid_code == "MDHY-03"


async def test_replayed_transfer_by_a_level_that_stays_in_the_chain(bot: Driver) -> None:
    """An urgent card reaches every level; the community secretary's transfer choice is
    single-use (a replay would restart the new grid's deadlines)."""
    await bot.text(RESIDENT, "明德花园3号楼楼道里着火了，冒了好多烟！")
    await bot.press(SECRETARY, "转派")
    await bot.press(SECRETARY, "明德花园第三网格")
    await refused(bot, lambda: bot.press(SECRETARY, "明德花园第三网格"), "stale_press")
    assert [e.action for e in await events(bot)].count("transferred") == 1


async def test_triage_card_is_stale_once_a_grid_is_chosen(bot: Driver) -> None:
    await skip_address_ticket(bot)
    await bot.press(SECRETARY, "明德花园第一网格")
    for label in ("明德花园第一网格", "明德花园第二网格"):
        await refused(bot, partial(bot.press, SECRETARY, label), "stale_press")
    [ticket] = await bot.tickets()
    assert (ticket.grid_code, ticket.status) == ("MDHY-01", "assigned")


async def test_replayed_category_choice(bot: Driver) -> None:
    await skip_address_ticket(bot)
    await bot.press(SECRETARY, "更正类别")
    await bot.press(SECRETARY, "噪音扰民")
    await refused(bot, lambda: bot.press(SECRETARY, "噪音扰民"), "stale_press")
    assert [e.action for e in await events(bot)].count("recategorised") == 1


async def test_replayed_reject(bot: Driver) -> None:
    await skip_address_ticket(bot)
    await bot.press(SECRETARY, "驳回")
    await bot.text(SECRETARY, "不属于社区职责")
    await refused(bot, lambda: bot.press(SECRETARY, "驳回"), "stale_press")
    [ticket] = await bot.tickets()
    assert ticket.status == "rejected"


async def test_note_for_a_ticket_taken_away_meanwhile_is_refused(bot: Driver) -> None:
    """办结 asks for a note; if the ticket moved on before the note arrives, nothing happens."""
    await file_ticket(bot)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "办结")
    await bot.press(WORKER, "上报")  # the worker changes their mind: escalate instead
    await bot.text(WORKER, "需要物业配合")
    assert (await bot.tickets())[0].level == 1
    await refused(bot, lambda: bot.press(WORKER, "办结"), "forbidden_press")


async def test_status_is_shown_only_to_the_reporter_and_the_chain(bot: Driver) -> None:
    number = await file_ticket(bot)
    for outsider in (OTHER, "MDHY-02-W1", "SYST-S"):
        await bot.text(outsider, f"/status {number}")
        assert "没有找到" in bot.last_to(outsider), outsider
    for insider in (RESIDENT, WORKER, "MDHY-01-B", "MDHY-S", "XZ-C"):
        await bot.text(insider, f"/status {number}")
        assert number in bot.last_to(insider) and "没有找到" not in bot.last_to(insider)
    await bot.text(OTHER, "/tasks")
    assert bot.last_to(OTHER) == texts.NO_TASKS
