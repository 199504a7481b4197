"""Abuse control: configurable rate limits with polite replies, a ban list every handler honours
(button presses included), and duplicate detection."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot.app import build_app
from bot.cli import main
from bot.settings import Settings
from handlers import texts
from handlers.context import Limits, Services
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.db import create_engine, session_factory
from models.orm import BanRow, SecurityEventRow
from models.uow import UnitOfWorkFactory
from nlp.router import Router
from tests.hardening.flows import LAMP, OTHER, RESIDENT, WORKER, counts, file_ticket, ticket_state
from tests.hardening.support import Driver


def settings_for(db_url: str, **extra: object) -> Settings:
    return Settings.model_validate({"GRIDDESK_DATABASE_URL": db_url, **extra})


async def test_limits_come_from_the_settings(db_url: str) -> None:
    settings = settings_for(
        db_url,
        GRIDDESK_TICKETS_PER_HOUR="2",
        GRIDDESK_BURST_MESSAGES="7",
        GRIDDESK_BURST_WINDOW="30",
        GRIDDESK_MAX_TEXT="500",
    )
    app = await build_app(settings)
    try:
        limits = app.services.limits
        assert (
            limits.tickets_per_hour,
            limits.burst_messages,
            limits.burst_window_s,
            limits.max_text,
        ) == (2, 7, 30, 500)
    finally:
        await app.close()


@pytest.mark.parametrize("limits", [Limits(burst_messages=5, burst_window_s=60)])
async def test_message_burst_is_limited_whatever_the_messages(
    bot: Driver, clock: FixedClock
) -> None:
    """New complaints, /start and button presses all count; each of them resets the
    conversation, which must not reset the counter."""
    await bot.text(RESIDENT, "/start")
    await bot.text(RESIDENT, LAMP)
    await bot.text(RESIDENT, "明德花园2号楼电梯坏了，老人下不了楼")
    await bot.press(RESIDENT, "取消")
    await bot.text(RESIDENT, "/start")
    before = len(bot.texts_to(RESIDENT))
    await bot.text(RESIDENT, "明德花园3号楼门口的垃圾没人清理")
    assert bot.texts_to(RESIDENT)[before:] == [texts.BURST_LIMITED]
    for _ in range(10):  # the rest of the window: silence, one security event in all
        outcome = await bot.text(RESIDENT, "明德花园3号楼门口的垃圾没人清理")
        assert outcome.replies == []
    outcome = await bot.push(bot.callback(RESIDENT, bot.button_data(RESIDENT, "确认提交")))
    assert outcome.answer is not None and outcome.replies == []
    assert await bot.tickets() == []
    async with bot.services.uow_factory() as uow:
        kinds = list(await uow.session.scalars(select(SecurityEventRow.kind)))
    assert kinds.count("rate_limited") == 1
    await bot.text(OTHER, LAMP)  # somebody else is not affected
    assert "请核对" in bot.texts_to(OTHER)[0]
    clock.advance(timedelta(seconds=61))
    await bot.text(RESIDENT, LAMP)
    assert "请核对" in bot.texts_to(RESIDENT)[-2]


@pytest.mark.parametrize("limits", [Limits(tickets_per_hour=2)])
async def test_ticket_limit_is_configurable_and_polite(bot: Driver, clock: FixedClock) -> None:
    await file_ticket(bot, text="明德花园1号楼楼道灯坏了")
    await file_ticket(bot, text="明德花园2号楼电梯坏了")
    await bot.text(RESIDENT, "明德花园3号楼门口的垃圾没人清理")
    await bot.press(RESIDENT, "确认提交")
    assert bot.last_to(RESIDENT) == texts.RATE_LIMITED
    assert len(await bot.tickets()) == 2
    clock.advance(timedelta(minutes=61))
    await file_ticket(bot, text="明德花园3号楼门口的垃圾没人清理")
    assert len(await bot.tickets()) == 3


async def ban(bot: Driver, user_id: int) -> None:
    async with bot.services.uow_factory() as uow:
        uow.session.add(
            BanRow(channel="telegram", user_id=user_id, reason="spam", at=bot.services.clock.now())
        )
        await uow.commit()


async def test_a_banned_resident_is_refused_by_every_handler(bot: Driver) -> None:
    await file_ticket(bot)
    await bot.press(WORKER, "接单")
    await bot.press(WORKER, "办结")
    await bot.text(WORKER, "已修好")
    await bot.text(RESIDENT, "明德花园2号楼电梯坏了，老人下不了楼")  # a summary to confirm
    await ban(bot, RESIDENT)
    before_state, before = await ticket_state(bot), await counts(bot)
    updates = [
        bot.message(RESIDENT, text="明德花园3号楼门口的垃圾没人清理"),
        bot.message(
            RESIDENT, text="/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]
        ),
        bot.message(RESIDENT, text="/mytickets"),
        bot.message(RESIDENT, text="/forget"),
        bot.message(RESIDENT, text="我要反映"),
        bot.message(RESIDENT, location={"latitude": 35.372, "longitude": 116.603}),
        bot.message(
            RESIDENT,
            contact={"phone_number": "13900000000", "first_name": "x", "user_id": RESIDENT},
        ),
        bot.message(
            RESIDENT,
            photo=[{"file_id": "p1", "file_unique_id": "u1", "width": 9, "height": 9}],
            caption="明德花园4号楼漏水",
        ),
        bot.message(
            RESIDENT,
            sticker={
                "file_id": "s",
                "file_unique_id": "s",
                "type": "regular",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
            },
        ),
        bot.callback(RESIDENT, bot.button_data(RESIDENT, "确认提交")),
        bot.callback(RESIDENT, bot.button_data(RESIDENT, "不满意")),
    ]
    edited = bot.message(RESIDENT, text="改一下")
    updates.append(
        {
            "update_id": edited["update_id"],
            "edited_message": {**edited["message"], "edit_date": 1_780_000_001},
        }
    )
    for update in updates:
        outcome = await bot.push(update)
        shown: list[str | None] = [r.text for r in outcome.replies]
        assert shown in ([texts.BANNED], []), (update, shown)
        if "callback_query" in update:
            assert outcome.answer is not None
    after = await counts(bot)
    assert await ticket_state(bot) == before_state
    assert (after["tickets"], after["events"], after["outbox"]) == (
        before["tickets"],
        before["events"],
        before["outbox"],
    )
    [ticket] = await bot.tickets()
    assert ticket.reporter_user_id == RESIDENT  # /forget was refused too


async def test_a_banned_staff_member_cannot_press_card_buttons(bot: Driver) -> None:
    await file_ticket(bot)
    await ban(bot, bot.uid(WORKER))
    before = await ticket_state(bot)
    for label in ("接单", "转派", "吹哨", "上报"):
        await bot.press(WORKER, label)
    assert await ticket_state(bot) == before
    assert set(bot.texts_to(WORKER)[1:]) == {texts.BANNED}


def test_cli_ban_and_unban_are_honoured(
    db_url: str, demo_config: GridDeskConfig, router: Router, clock: FixedClock
) -> None:
    """`griddesk ban` writes the list the running core reads; `unban` lifts it."""
    env = {"GRIDDESK_DATABASE_URL": db_url}
    runner = CliRunner()
    result = runner.invoke(main, ["ban", str(RESIDENT), "--reason", "spam"], env=env)
    assert result.exit_code == 0 and "banned" in result.output

    async def attempt() -> str:
        engine = create_engine(db_url)
        try:
            uow_factory = UnitOfWorkFactory(session_factory(engine), clock)
            async with uow_factory() as uow:
                await sync_config(uow, demo_config)
                await uow.commit()
            bot = Driver(
                Services(config=demo_config, router=router, clock=clock, uow_factory=uow_factory)
            )
            await bot.text(RESIDENT, LAMP)
            return bot.last_to(RESIDENT)
        finally:
            await engine.dispose()

    assert asyncio.run(attempt()) == texts.BANNED
    result = runner.invoke(main, ["unban", str(RESIDENT)], env=env)
    assert result.exit_code == 0 and "unbanned" in result.output
    assert "留下电话" in asyncio.run(attempt())


# --- duplicates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "again",
    [
        LAMP,
        f"  {LAMP}！！",
        "明德花園5號樓樓道裡的燈壞了一個星期了，晚上上下樓黑漆漆的",
        f"{LAMP} 😡😡",
        LAMP.replace("，", "\u200b，"),
    ],
)
async def test_the_same_complaint_again_points_to_the_ticket(bot: Driver, again: str) -> None:
    number = await file_ticket(bot)
    await bot.text(RESIDENT, again)
    reply = bot.last_to(RESIDENT)
    assert number in reply and ("无需重复" in reply or "無需重複" in reply)
    assert len(await bot.tickets()) == 1


async def test_duplicates_by_photo_caption_and_urgent_text(bot: Driver) -> None:
    number = await file_ticket(bot)
    await bot.photo(RESIDENT, caption=LAMP)
    assert number in bot.last_to(RESIDENT)
    fire = "明德花园3号楼楼道里着火了，冒了好多烟！"
    await bot.text(RESIDENT, fire)
    await bot.text(RESIDENT, fire)
    assert "无需重复" in bot.last_to(RESIDENT)
    assert len(await bot.tickets()) == 2


async def test_not_duplicates(bot: Driver, clock: FixedClock) -> None:
    """Another resident, a closed ticket, or a day later: a new ticket each time."""
    await file_ticket(bot)
    await file_ticket(bot, who=OTHER)
    clock.advance(timedelta(days=1, minutes=1))
    await file_ticket(bot)
    assert len(await bot.tickets()) == 3


async def test_two_drafts_of_the_same_complaint_file_once(bot: Driver) -> None:
    """A draft confirmed after the same complaint was filed from another draft (a stale
    conversation state, e.g. a shared cache that missed a write) is pointed to the ticket."""
    await bot.text(RESIDENT, LAMP)
    first = bot.button_data(RESIDENT, "确认提交")
    async with bot.services.uow_factory() as uow:  # keep the draft as it is now
        saved = await uow.conversations.get(RESIDENT)
        assert saved is not None
        state, data = saved.state, dict(saved.data)
    await bot.push(bot.callback(RESIDENT, first))
    [ticket] = await bot.tickets()
    async with bot.services.uow_factory() as uow:  # the stale state comes back
        await uow.conversations.set(RESIDENT, state, data)
        await uow.commit()
    await bot.push(bot.callback(RESIDENT, first))
    assert ticket.number in bot.last_to(RESIDENT)
    assert len(await bot.tickets()) == 1
