"""Service levels through the core (both backends): working time, the filing's deadline kept
across levels, the daily report's overdue count, reminders, quiet hours, the expected date."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.demo.session import DemoSession
from models.clock import FixedClock
from models.config.schema import QuietHours
from models.orm import OutboxRow
from models.reports.daily import daily_report, render_report
from tests.handlers.test_resident_flow import texts_to, tickets

SH = ZoneInfo("Asia/Shanghai")
LAMP_POST = "明德花园3号楼门口的路灯坏了好几天，晚上一片漆黑"
LEAK = "明德花园2号楼楼上漏水，天花板一直滴水"
GAS = "明德花园2号楼楼道里有很浓的煤气味"


def clock_of(chat: DemoSession) -> FixedClock:
    clock = chat.app.services.clock
    assert isinstance(clock, FixedClock)
    return clock


async def at(chat: DemoSession, when: datetime) -> None:
    """Move the clock to `when`, run the sweeper and deliver what is due."""
    clock_of(chat).set(when)
    await chat.sweep()


def quiet_nights(chat: DemoSession) -> None:
    """The district holds residents' messages 21:30–07:30 (the demo ships with it off)."""
    services = chat.app.services
    district = services.config.district.model_copy(
        update={"quiet_hours": QuietHours(start=time(21, 30), end=time(7, 30))}
    )
    services.config = services.config.model_copy(update={"district": district})


async def file(chat: DemoSession, text: str) -> None:
    chat.switch("resident")
    await chat.say(text)
    await chat.press("确认提交")


async def test_a_street_lamp_filed_friday_night_waits_for_monday_working_hours(
    chat: DemoSession,
) -> None:
    clock_of(chat).set(datetime(2026, 11, 20, 22, 30, tzinfo=SH))  # Friday
    await file(chat, LAMP_POST)
    filed = texts_to(chat)[-1]
    assert "2个工作小时内受理" in filed and "3个工作日内办结" in filed
    assert "预计 11月25日 17:30 前办结" in filed  # Mon, Tue, Wed: three working days
    [ticket] = await tickets(chat)
    assert ticket.category_code == "street_light"
    assert ticket.accept_due_at == datetime(2026, 11, 23, 11, 0, tzinfo=SH)
    await at(chat, datetime(2026, 11, 21, 6, 31, tzinfo=SH))
    await at(chat, datetime(2026, 11, 23, 10, 59, tzinfo=SH))
    [ticket] = await tickets(chat)
    assert (ticket.level, ticket.assignee_code) == (0, "MDHY-01-W1")
    assert not any("已上报" in text for text in texts_to(chat, "resident"))
    await at(chat, datetime(2026, 11, 23, 11, 1, tzinfo=SH))
    [ticket] = await tickets(chat)
    assert ticket.level == 1
    assert ticket.accept_due_at == datetime(2026, 11, 23, 13, 1, tzinfo=SH)
    assert [t for t in texts_to(chat, "resident") if "已上报" in t] == [
        f"您的诉求 {ticket.number} 已上报至网格党支部，会继续跟进办理。"
    ]


async def test_the_filing_deadline_holds_across_levels_and_the_report_counts_it(
    chat: DemoSession,
) -> None:
    filed_at = datetime(2026, 11, 23, 9, 0, tzinfo=SH)  # Monday
    clock_of(chat).set(filed_at)
    await file(chat, LEAK)
    await at(chat, filed_at + timedelta(hours=2, minutes=1))  # nobody accepted: up one level
    [ticket] = await tickets(chat)
    assert ticket.level == 1 and ticket.resolve_due_at == filed_at + timedelta(days=1)
    chat.switch("MDHY-01-B")
    await chat.press("接单")
    assert "请在 11-24 09:00 前办结" in texts_to(chat, "MDHY-01-B")[-1]
    await at(chat, filed_at + timedelta(days=1, minutes=1))  # the filing's deadline passed
    [ticket] = await tickets(chat)
    assert ticket.level == 2 and ticket.resolve_due_at == filed_at + timedelta(days=1)
    assert ticket.level_due_at is not None and ticket.level_due_at > clock_of(chat).now()
    await at(chat, filed_at + timedelta(days=1, minutes=30))
    [ticket] = await tickets(chat)
    assert ticket.level == 2  # the community got its own window: no run to the top
    chat.switch("MDHY-S")
    await chat.press("接单")
    late = filed_at + timedelta(days=1, hours=22)
    async with chat.app.services.uow_factory() as uow:
        report = await daily_report(uow, "MDHY", late.date(), SH, as_of=late)
    assert report.overdue == 1
    [item] = report.overdue_items
    assert (item.number, item.kind, item.due) == (
        ticket.number,
        "resolve",
        filed_at + timedelta(days=1),
    )
    assert "超期：1 件" in render_report(report, SH)


async def test_a_transfer_does_not_restart_the_resolve_deadline(chat: DemoSession) -> None:
    filed_at = datetime(2026, 11, 23, 9, 0, tzinfo=SH)
    clock_of(chat).set(filed_at)
    await file(chat, LEAK)
    clock_of(chat).set(filed_at + timedelta(hours=5))
    chat.switch("MDHY-01-W1")
    await chat.press("转派")
    await chat.press("明德花园第二网格")
    [ticket] = await tickets(chat)
    assert ticket.grid_code == "MDHY-02"
    assert ticket.resolve_due_at == filed_at + timedelta(days=1)
    assert ticket.accept_due_at == filed_at + timedelta(hours=7)


async def test_the_reminder_names_the_deadline_it_shows(chat: DemoSession) -> None:
    filed_at = datetime(2026, 11, 23, 9, 0, tzinfo=SH)
    clock_of(chat).set(filed_at)
    await file(chat, LEAK)
    await at(chat, filed_at + timedelta(minutes=91))  # 75% of the 2h acceptance window
    reminder = texts_to(chat, "MDHY-01-W1")[-1]
    assert "受理时限 11-23 11:00" in reminder
    clock_of(chat).advance(timedelta(minutes=1))
    chat.switch("MDHY-01-W1")
    await chat.press("接单")
    await at(chat, filed_at + timedelta(hours=18, minutes=1))  # 75% of the day
    reminder = texts_to(chat, "MDHY-01-W1")[-1]
    assert "办结时限 11-24 09:00" in reminder


async def test_quiet_hours_hold_status_messages_until_morning(chat: DemoSession) -> None:
    quiet_nights(chat)
    clock_of(chat).set(datetime(2026, 11, 23, 23, 0, tzinfo=SH))
    await file(chat, LEAK)
    assert "已提交" in texts_to(chat)[-1]  # the answer to the resident is never held
    chat.switch("MDHY-01-W1")
    await chat.press("接单")
    assert not any("已受理" in t for t in texts_to(chat, "resident"))
    async with chat.app.services.uow_factory() as uow:
        row = await uow.session.scalar(select(OutboxRow).where(OutboxRow.key.like("%reporter")))
        assert row is not None and row.status == "pending"
        assert row.available_at == datetime(2026, 11, 24, 7, 30, tzinfo=SH)
    await at(chat, datetime(2026, 11, 24, 7, 30, tzinfo=SH))
    assert any("已受理" in t for t in texts_to(chat, "resident"))


async def test_urgent_cases_are_never_held(chat: DemoSession) -> None:
    quiet_nights(chat)
    clock_of(chat).set(datetime(2026, 11, 23, 23, 0, tzinfo=SH))
    chat.switch("resident")
    await chat.say(GAS)
    [ticket] = await tickets(chat)
    assert ticket.urgent
    chat.switch("MDHY-01-W1")
    await chat.press("接单")
    assert any("已受理" in t for t in texts_to(chat, "resident"))


async def test_an_answer_to_what_the_resident_just_did_is_not_held(chat: DemoSession) -> None:
    quiet_nights(chat)
    clock_of(chat).set(datetime(2026, 11, 23, 20, 0, tzinfo=SH))
    await file(chat, LEAK)
    chat.switch("MDHY-01-W1")
    await chat.press("接单")
    await chat.press("办结")
    await chat.say("已修好")
    clock_of(chat).set(datetime(2026, 11, 23, 23, 0, tzinfo=SH))
    chat.switch("resident")
    await chat.press("满意")
    assert any("已关闭" in t for t in texts_to(chat, "resident"))
