"""Ticket numbers: district-local day, gap-free daily sequence, unique under concurrency."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from models import lifecycle as lc
from models.numbering import format_number, local_day, next_ticket_number
from models.orm import TicketRow
from models.uow import UnitOfWorkFactory
from tests.models.factories import new_ticket

DAY = date(2026, 11, 21)


def test_format_pads_to_four_digits_and_grows_beyond() -> None:
    assert format_number("TBH", DAY, 7) == "TBH-20261121-0007"
    assert format_number("TBH", DAY, 12345) == "TBH-20261121-12345"


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        (datetime(2026, 11, 20, 15, 59, tzinfo=UTC), date(2026, 11, 20)),
        (datetime(2026, 11, 20, 16, 0, tzinfo=UTC), date(2026, 11, 21)),  # 00:00 in Shanghai
        (datetime(2026, 11, 21, 15, 59, tzinfo=UTC), date(2026, 11, 21)),
    ],
)
def test_local_day_uses_the_district_time_zone(utc: datetime, expected: date) -> None:
    assert local_day(utc, "Asia/Shanghai") == expected
    assert local_day(utc, "UTC") == utc.date()


def test_local_day_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_day(datetime(2026, 11, 21, 1, 0), "Asia/Shanghai")


@pytest.mark.usefixtures("backend")
async def test_daily_sequence_restarts_each_day_and_per_prefix(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        numbers = [await next_ticket_number(uow.session, "TBH", DAY) for _ in range(3)]
        numbers.append(await next_ticket_number(uow.session, "TBH", date(2026, 11, 22)))
        numbers.append(await next_ticket_number(uow.session, "XYZ", DAY))
        await uow.commit()
    assert numbers == [
        "TBH-20261121-0001", "TBH-20261121-0002", "TBH-20261121-0003",
        "TBH-20261122-0001", "XYZ-20261121-0001",
    ]  # fmt: skip


@pytest.mark.usefixtures("backend")
async def test_a_rolled_back_ticket_gives_its_number_back(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        assert await next_ticket_number(uow.session, "TBH", DAY) == "TBH-20261121-0001"
        await uow.rollback()
    async with uow_factory() as uow:
        assert await next_ticket_number(uow.session, "TBH", DAY) == "TBH-20261121-0001"


async def _create_tickets(uow_factory: UnitOfWorkFactory, count: int) -> list[str]:
    numbers = []
    for _ in range(count):
        async with uow_factory() as uow:
            number = await next_ticket_number(uow.session, "TBH", DAY)
            ticket = new_ticket(number)
            uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
            await uow.commit()
            numbers.append(number)
    return numbers


@pytest.mark.parametrize("backend", [pytest.param("pg", marks=pytest.mark.pg)])
async def test_200_tickets_from_50_concurrent_tasks_get_distinct_gap_free_numbers(
    uow_factory: UnitOfWorkFactory,
) -> None:
    batches = await asyncio.gather(*(_create_tickets(uow_factory, 4) for _ in range(50)))
    numbers = [number for batch in batches for number in batch]
    expected = [format_number("TBH", DAY, n) for n in range(1, 201)]
    assert sorted(numbers) == expected
    async with uow_factory() as uow:
        stored = (await uow.session.scalars(select(TicketRow.number))).all()
        assert sorted(stored) == expected
        assert await uow.session.scalar(select(func.count(func.distinct(TicketRow.number)))) == 200


@pytest.mark.usefixtures("backend")
async def test_concurrent_duplicate_updates_are_recognised_once(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async def deliver() -> bool:
        async with uow_factory() as uow:
            duplicate = await uow.updates.seen(424242)
            await uow.commit()
            return duplicate

    results = await asyncio.gather(*(deliver() for _ in range(10)))
    assert sorted(results) == [False] + [True] * 9
