"""Binding staff accounts, bans, rate limits, /forget, and the CLI without a token."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

from click.testing import CliRunner

from bot.cli import main
from bot.demo.session import DemoSession
from handlers.links import token_hash
from models.orm import BanRow, InviteRow, PersonRow
from tests.handlers.test_resident_flow import LAMP, texts_to, tickets


async def test_invite_link_binds_an_account_once(chat: DemoSession) -> None:
    now = chat.app.services.clock.now()
    async with chat.app.services.uow_factory() as uow:
        uow.session.add(InviteRow(token_hash=token_hash("tok123"), person_code="MDHY-02-W1",
                                  created_at=now, expires_at=now + timedelta(days=7)))
        await uow.commit()
    chat.switch("resident55")
    await chat.say("/start bind_tok123")
    assert "绑定成功" in texts_to(chat)[-1] and "李浩然" in texts_to(chat)[-1]
    async with chat.app.services.uow_factory() as uow:
        person = await uow.session.get(PersonRow, "MDHY-02-W1")
        assert person is not None and person.account().user_id == chat.user_id()
    chat.switch("resident56")
    await chat.say("/start bind_tok123")  # replayed link
    assert "无效" in texts_to(chat)[-1]


async def test_banned_user_is_refused_everywhere(chat: DemoSession) -> None:
    async with chat.app.services.uow_factory() as uow:
        uow.session.add(BanRow(channel="telegram", user_id=chat.user_id(), reason="spam",
                               at=chat.app.services.clock.now()))
        await uow.commit()
    await chat.say(LAMP)
    assert "限制" in texts_to(chat)[-1]
    assert await tickets(chat) == []


async def test_ticket_rate_limit_is_polite(chat: DemoSession) -> None:
    for index in range(6):
        await chat.say(f"明德花园{index + 1}号楼楼道灯坏了，第{index}次反映")
        await chat.press("确认提交")
    assert "太频繁" in texts_to(chat)[-1]
    assert len(await tickets(chat)) == 5


async def test_same_complaint_twice_points_to_the_existing_ticket(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    await chat.say(LAMP)
    assert ticket.number in texts_to(chat)[-1] and "无需重复" in texts_to(chat)[-1]
    assert len(await tickets(chat)) == 1


async def test_forget_erases_personal_data_but_keeps_the_ticket(chat: DemoSession) -> None:
    await chat.say(LAMP)
    await chat.press("确认提交")
    await chat.say("/forget")
    assert "确定要删除" in texts_to(chat)[-1]
    assert len([t for t in await tickets(chat) if t.anonymised]) == 0  # nothing before the press
    await chat.press("确认删除")
    assert "已删除" in texts_to(chat)[-1]
    [ticket] = await tickets(chat)
    assert ticket.reporter_user_id is None and ticket.reporter_chat_id is None
    assert ticket.anonymised and ticket.original_text == LAMP


def test_run_without_token_explains_how_to_get_one(tmp_path: object) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["TELEGRAM_BOT_TOKEN"] = ""
    result = subprocess.run([sys.executable, "-m", "bot", "run"], capture_output=True,
                            text=True, env=env, cwd=str(tmp_path), timeout=60)
    assert result.returncode == 2
    assert "@BotFather" in result.stderr and "griddesk demo" in result.stderr


def test_config_check_cli_reports_ok() -> None:
    result = CliRunner().invoke(main, ["config", "check"])
    assert result.exit_code == 0 and "10 grids" in result.output


def test_invite_cli_prints_a_working_deep_link(tmp_path: object, monkeypatch: object) -> None:
    import pytest as _pytest

    assert isinstance(monkeypatch, _pytest.MonkeyPatch)
    monkeypatch.setenv("GRIDDESK_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/invite.db")
    result = CliRunner().invoke(main, ["invite", "MDHY-01-W1", "--bot-username", "@gd_bot"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("https://t.me/gd_bot?start=bind_")
    unknown = CliRunner().invoke(main, ["invite", "NOBODY"])
    assert unknown.exit_code == 1
