"""Fixtures of the monthly report tests: the hand-built October 2026 on both backends."""

from __future__ import annotations

import pytest

from models.config.schema import GridDeskConfig
from models.orm import TicketRow
from models.reports.month import Month
from models.uow import UnitOfWorkFactory
from tests.reports.fixture_month import build

OCTOBER = Month(2026, 10)


@pytest.fixture
async def month_tickets(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> dict[str, TicketRow]:
    async with uow_factory() as uow:
        return await build(uow, demo_config)
