"""The service-layer fixtures: the ticket service over the in-memory unit of work."""

from __future__ import annotations

from typing import cast

import pytest

from handlers.tickets import TicketService
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.uow import UnitOfWork
from tests.service.fakes import FakeUnitOfWork


@pytest.fixture
def uow(demo_config: GridDeskConfig, clock: FixedClock) -> FakeUnitOfWork:
    return FakeUnitOfWork(demo_config, clock)


@pytest.fixture
def service(uow: FakeUnitOfWork, clock: FixedClock, demo_config: GridDeskConfig) -> TicketService:
    return TicketService(cast(UnitOfWork, uow), clock, demo_config)
