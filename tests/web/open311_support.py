"""A running web application over a fresh GridDesk for the Open311 tests, and its clients."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from bot.app import App, build_app
from bot.settings import Settings
from bot.web.app import create_web_app
from handlers.open311 import KeySpec, create_key
from handlers.tickets import TicketService
from models.orm import TicketRow
from tests.web.console import demo_router

INSIDE = ("35.372", "116.601")  # 明德花园第一网格 (config/demo/district.yaml)
OUTSIDE = ("39.904", "116.407")  # far from the district
BASE = "/open311/v2"


@dataclass
class Site:
    app: App
    client: TestClient[Any, Any]

    async def key(self, name: str, **options: Any) -> str:
        async with self.app.services.uow_factory() as uow:
            key = await create_key(uow, KeySpec(name, **options))
            await uow.commit()
        return key

    async def post(self, fields: dict[str, str], fmt: str = "json",
                   headers: dict[str, str] | None = None) -> tuple[int, Any]:
        response = await self.client.post(f"{BASE}/requests.{fmt}", data=fields,
                                          headers=headers)
        body = await (response.json() if fmt == "json" else response.text())
        return response.status, body

    async def get(self, path: str, fmt: str = "json", **params: str) -> tuple[int, Any]:
        response = await self.client.get(f"{BASE}/{path}.{fmt}", params=params)
        body = await (response.json() if fmt == "json" else response.text())
        return response.status, body

    async def ticket(self, number: str) -> TicketRow:
        async with self.app.services.uow_factory() as uow:
            ticket = await uow.tickets.by_number(number)
            await uow.commit()  # nothing written: the row stays loaded after the block
        assert ticket is not None
        return ticket

    async def recipients(self, number: str) -> list[str | None]:
        """Whom the ticket's outbox rows go to, in the order written."""
        async with self.app.services.uow_factory() as uow:
            return [row.person_code for row in await uow.outbox.rows(number)]

    async def act(self, number: str, action: str, *args: Any) -> None:
        """A staff action through the ticket service, as the bot's worker buttons do."""
        services = self.app.services
        async with services.uow_factory() as uow:
            ticket = await uow.tickets.by_number(number, for_update=True)
            assert ticket is not None
            service = TicketService(uow, services.clock, services.config)
            await getattr(service, action)(ticket, *args)
            await uow.commit()


@contextlib.asynccontextmanager
async def open_site(db_url: str, **settings: Any) -> AsyncIterator[Site]:
    values = {"GRIDDESK_DATABASE_URL": db_url, **settings}
    app = await build_app(Settings.model_validate(values), router=demo_router())
    try:
        async with TestClient(TestServer(create_web_app(app))) as client:
            yield Site(app, client)
    finally:
        await app.close()
