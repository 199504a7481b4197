"""Fixtures of the hardening suite: the core with configurable limits, driven by Bot API JSON."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bench.botapi_double import BotApiDouble
from handlers.context import Limits, Services
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.uow import UnitOfWorkFactory
from nlp.router import Router
from tests.hardening.support import Driver


@pytest.fixture(scope="session")
def router(demo_config: GridDeskConfig) -> Router:
    return Router.from_config(demo_config)


@pytest.fixture
def limits() -> Limits:
    return Limits()


@pytest.fixture
def services(
    demo_config: GridDeskConfig,
    router: Router,
    clock: FixedClock,
    uow_factory: UnitOfWorkFactory,
    limits: Limits,
) -> Services:
    return Services(
        config=demo_config, router=router, clock=clock, uow_factory=uow_factory, limits=limits
    )


@pytest.fixture(params=["aiogram", "ptb"])
def framework(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def bot(services: Services) -> Driver:
    """The core behind aiogram's parsing (the property test covers PTB's as well)."""
    return Driver(services)


@pytest.fixture
async def api() -> AsyncIterator[BotApiDouble]:
    """The local Bot API double (HTTP), for the real framework stacks."""
    async with BotApiDouble() as double:
        yield double
