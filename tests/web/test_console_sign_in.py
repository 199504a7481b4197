"""Sign-in through the bot: one-time links, the session cookie, sign-out, bans, CSRF."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from bot.cli import main
from handlers.links import token_hash
from models.db import create_engine
from models.orm import BanRow, ConsoleLoginRow, ConsoleSessionRow, SecurityEventRow
from models.retention import RetentionPolicy, prune
from tests.web.console import SECRETARY, WORKER, console_for


async def test_console_command_gives_staff_a_one_time_link_and_residents_nothing(
    db_url: str,
) -> None:
    async with console_for(db_url) as console:
        console.chat.switch(WORKER)
        await console.chat.say("/console")
        reply = console.chat.last_to(WORKER)[-1].text
        assert "10分钟内有效" in reply and "/console/login?token=" in reply
        token = reply.rsplit("token=", 1)[1].strip()
        client = console.client
        assert (await client.get("/console/")).status == 401
        first = await client.post("/console/login", data={"token": token},
                                  allow_redirects=False)
        assert first.status == 303 and first.headers["Location"] == "/console/"
        cookie = first.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Max-Age=" in cookie
        queue = await client.get("/console/")
        assert queue.status == 200 and "王晓东" in await queue.text()
        client.session.cookie_jar.clear()
        again = await client.post("/console/login", data={"token": token})
        assert again.status == 403  # one use
        console.chat.switch("resident")
        await console.chat.say("/console")
        assert "只对网格员和各级工作人员开放" in console.chat.last_to("resident")[-1].text


async def test_a_link_expires_after_ten_minutes_and_a_guess_is_refused(db_url: str) -> None:
    async with console_for(db_url) as console:
        token = await console.link_token(SECRETARY)
        console.clock.advance(timedelta(minutes=10, seconds=1))
        late = await console.client.post("/console/login", data={"token": token})
        assert late.status == 403
        guess = await console.client.post("/console/login", data={"token": "x" * 43})
        assert guess.status == 403
        async with console.app.services.uow_factory() as uow:
            refused = await uow.session.scalar(select(func.count()).select_from(
                SecurityEventRow).where(SecurityEventRow.kind == "bad_console_login"))
        assert refused == 2


async def test_sign_out_ends_the_session_on_the_server_and_a_forged_cookie_is_refused(
    db_url: str,
) -> None:
    async with console_for(db_url) as console:
        await console.sign_in(SECRETARY)
        client = console.client
        [cookie] = [c for c in client.session.cookie_jar if c.key == "griddesk_console"]
        stolen = cookie.value
        out = await client.post("/console/logout", data={"csrf": await console.csrf()},
                                allow_redirects=False)
        assert out.status == 303
        async with console.app.services.uow_factory() as uow:
            assert await uow.session.scalar(
                select(func.count()).select_from(ConsoleSessionRow)) == 0
        client.session.cookie_jar.update_cookies({"griddesk_console": stolen})
        assert (await client.get("/console/")).status == 401  # replaying the old cookie
        client.session.cookie_jar.update_cookies({"griddesk_console": stolen[:-2] + "xx"})
        assert (await client.get("/console/")).status == 401


async def test_a_session_expires(db_url: str) -> None:
    async with console_for(db_url) as console:
        await console.sign_in(SECRETARY)
        assert (await console.client.get("/console/")).status == 200
        console.clock.advance(timedelta(hours=12, seconds=1))
        assert (await console.client.get("/console/")).status == 401


async def test_the_bots_ban_list_applies_to_sign_in_and_to_open_sessions(db_url: str) -> None:
    async with console_for(db_url) as console:
        await console.sign_in(WORKER)
        token = await console.link_token(WORKER)
        user_id = console.chat.user_id(WORKER)
        async with console.app.services.uow_factory() as uow:
            uow.session.add(BanRow(channel="telegram", user_id=user_id, reason="test",
                                   at=console.clock.now()))
            await uow.commit()
        assert (await console.client.get("/console/")).status == 401
        refused = await console.client.post("/console/login", data={"token": token})
        assert refused.status == 403


async def test_a_post_without_the_sessions_csrf_token_is_refused(db_url: str) -> None:
    async with console_for(db_url) as console:
        await console.sign_in(SECRETARY)
        for form in ({}, {"csrf": "0" * 64}):
            response = await console.client.post("/console/logout", data=form)
            assert response.status == 403
        assert (await console.client.get("/console/")).status == 200  # still signed in


async def test_every_answer_carries_the_security_headers(db_url: str) -> None:
    async with console_for(db_url) as console:
        for path in ("/console/", "/console/login?token=abc", "/console/static/console.css"):
            response = await console.client.get(path)
            csp = response.headers["Content-Security-Policy"]
            assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
            assert response.headers["Referrer-Policy"] == "no-referrer"


def test_console_link_prints_a_link_for_a_person_and_refuses_an_unknown_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'link.db'}"
    monkeypatch.setenv("GRIDDESK_DATABASE_URL", url)
    runner = CliRunner()
    result = runner.invoke(main, ["console-link", SECRETARY, "--base-url", "https://c.example/"])
    assert result.exit_code == 0, result.output
    link = result.output.strip().splitlines()[-1]
    assert link.startswith("https://c.example/console/login?token=")
    token = link.rsplit("=", 1)[1]

    async def stored() -> list[tuple[str, str]]:
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                rows = await connection.execute(
                    select(ConsoleLoginRow.token_hash, ConsoleLoginRow.person_code))
                return [(row[0], row[1]) for row in rows]
        finally:
            await engine.dispose()

    assert asyncio.run(stored()) == [(token_hash(token), SECRETARY)]  # only the hash is kept
    unknown = runner.invoke(main, ["console-link", "NOBODY"])
    assert unknown.exit_code == 1


async def test_retention_prunes_expired_links_and_sessions(db_url: str) -> None:
    async with console_for(db_url) as console:
        await console.sign_in(SECRETARY)  # a used link and a live session
        await console.link_token(WORKER)  # an unused link
        services = console.app.services
        policy = RetentionPolicy()
        assert (await prune(services.uow_factory, services.clock, policy)).deleted[
            "console_sessions"] == 0
        console.clock.advance(timedelta(hours=12) + policy.console_sign_in + timedelta(seconds=1))
        result = await prune(services.uow_factory, services.clock, policy)
        assert (result.deleted["console_logins"], result.deleted["console_sessions"]) == (2, 1)
