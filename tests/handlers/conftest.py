"""Drive the transport-agnostic core as residents and staff, on both database backends."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.demo.session import DemoSession
from handlers.context import Services
from handlers.core import Core
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.uow import UnitOfWorkFactory
from nlp.router import Router


@pytest.fixture(scope="session")
def router(demo_config: GridDeskConfig) -> Router:
    return Router.from_config(demo_config)


@pytest.fixture
def services(demo_config: GridDeskConfig, router: Router, clock: FixedClock,
             uow_factory: UnitOfWorkFactory) -> Services:
    return Services(config=demo_config, router=router, clock=clock, uow_factory=uow_factory)


@pytest.fixture
def chat(services: Services, engine: AsyncEngine) -> DemoSession:
    """A conversation driver; `chat.switch(code)` acts as someone else. Prints nothing."""
    app = App(settings=None, engine=engine, services=services, core=Core(services))  # type: ignore[arg-type]
    return DemoSession(app, echo=lambda _text: None)
