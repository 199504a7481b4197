"""Drive the console over HTTP as a signed-in person; file tickets through the bot's core."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import cache

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.app import App, build_app
from bot.demo.session import DemoSession
from bot.settings import Settings
from bot.web.app import create_web_app
from handlers.console import issue_login
from models.clock import FixedClock
from models.config.loader import load_config
from models.orm import TicketRow
from nlp.router import Router
from tests.conftest import DEMO_NOW

CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')
WORKER = "MDHY-01-W1"  # grid MDHY-01 of community MDHY (street XZ)
OTHER_WORKER = "SYST-02-W1"  # grid SYST-02 of community SYST
SECRETARY = "MDHY-S"
STREET = "XZ-C"
TASK_FORCE = "TBH-TF"
LIFT = "明德花园6号楼的电梯坏了，老人下不了楼"


@dataclass
class Console:
    app: App
    client: TestClient
    chat: DemoSession

    @property
    def clock(self) -> FixedClock:
        clock = self.app.services.clock
        assert isinstance(clock, FixedClock)
        return clock

    async def link_token(self, code: str) -> str:
        async with self.app.services.uow_factory() as uow:
            token = await issue_login(uow, code)
            await uow.commit()
        assert token is not None
        return token

    async def sign_in(self, code: str) -> None:
        self.client.session.cookie_jar.clear()
        token = await self.link_token(code)
        page = await self.client.get("/console/login", params={"token": token})
        assert page.status == 200
        response = await self.client.post("/console/login", data={"token": token},
                                          allow_redirects=False)
        assert response.status == 303, await response.text()

    async def csrf(self) -> str:
        page = await self.client.get("/console/")
        found = CSRF.search(await page.text())
        assert found is not None
        return found.group(1)

    async def file(self, text: str = LIFT, resident: str = "resident",
                   answers: tuple[str, ...] = ()) -> TicketRow:
        """A resident files a complaint through the bot's core (typing `answers` to its
        questions before pressing 确认提交); the new ticket."""
        self.chat.switch(resident)
        for said in (text, *answers):
            await self.chat.say(said)
        await self.chat.press("确认提交")
        async with self.app.services.uow_factory() as uow:
            ticket = (await uow.session.scalars(
                select(TicketRow).order_by(TicketRow.id.desc()).limit(1))).one()
            uow.session.expunge_all()
        return ticket


@cache
def demo_router() -> Router:
    """The demo district's routing engine, built once per process for every app of the tests
    (the bundled configuration, as `build_app` would build it)."""
    return Router.from_config(load_config())


@asynccontextmanager
async def console_for(db_url: str, **extra: str) -> AsyncIterator[Console]:
    settings = Settings.model_validate({"GRIDDESK_DATABASE_URL": db_url,
                                        "GRIDDESK_CONSOLE_SECRET": "test-secret", **extra})
    app = await build_app(settings, clock=FixedClock(DEMO_NOW), migrate=False, router=demo_router())
    try:
        async with TestClient(TestServer(create_web_app(app))) as client:
            yield Console(app, client, DemoSession(app, echo=lambda _text: None))
    finally:
        await app.close()
