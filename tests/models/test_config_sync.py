"""Loading the configuration into the database: idempotent, row-precise, all or nothing."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.pool import NullPool

from bot.cli import main
from models.config.loader import BUNDLED_DEMO
from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.db import create_engine, session_factory
from models.orm import AppointmentRow, GridRow, PersonRow
from models.uow import UnitOfWorkFactory
from tests.models.factories import account_holder, in_status

pytestmark = pytest.mark.usefixtures("backend")


def edited(config: GridDeskConfig, edit: Any) -> GridDeskConfig:
    data = config.model_dump(mode="json")
    edit(data)
    return GridDeskConfig.model_validate(data)


def _first_grid(data: dict[str, Any]) -> dict[str, Any]:
    grid: dict[str, Any] = data["district"]["streets"][0]["communities"][0]["grids"][0]
    return grid


async def test_reloading_the_same_config_changes_nothing(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    async with uow_factory() as uow:
        report = await sync_config(uow, demo_config)
        await uow.commit()
    assert (report.created, report.updated, report.deactivated) == (0, 0, 0)
    assert report.unchanged > 0 and not report.changed and report.changes == []


async def test_first_load_creates_every_row(
    engine: Any, clock: Any, demo_config: GridDeskConfig
) -> None:
    factory = UnitOfWorkFactory(session_factory(engine), clock)
    async with factory() as uow:
        report = await sync_config(uow.session, demo_config)
        await uow.commit()
        people = await uow.session.scalar(select(func.count()).select_from(PersonRow))
        grids = await uow.session.scalar(select(func.count()).select_from(GridRow))
    assert (report.updated, report.unchanged, report.deactivated) == (0, 0, 0)
    assert grids == 10 and people is not None and people > 10
    assert report.created == len(report.changes)


async def test_editing_one_worker_updates_that_row_only(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    def rename(data: dict[str, Any]) -> None:
        _first_grid(data)["workers"][0]["name"] = "王晓明"
        _first_grid(data)["workers"][0]["phone"] = "13900000000"

    async with uow_factory() as uow:
        report = await sync_config(uow, edited(demo_config, rename))
        await uow.commit()
    assert (report.created, report.updated, report.deactivated) == (0, 1, 0)
    assert report.changes == ["updated people MDHY-01-W1: name, phone"]
    async with uow_factory() as uow:
        person = await uow.org.person("MDHY-01-W1")
        assert person is not None and (person.name, person.phone) == ("王晓明", "13900000000")


async def test_a_replaced_worker_is_deactivated_and_the_telegram_id_follows(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    old = _first_grid(demo_config.model_dump(mode="json"))["workers"][0]

    def replace(data: dict[str, Any]) -> None:
        new = {**old, "code": "MDHY-01-W9", "name": "李新"}
        _first_grid(data)["workers"] = [new]

    async with uow_factory() as uow:
        report = await sync_config(uow, edited(demo_config, replace))
        await uow.commit()
    # new person + appointment; old person deactivated + appointment removed
    assert (report.created, report.updated, report.deactivated) == (2, 0, 2)
    async with uow_factory() as uow:
        gone = await uow.org.person(old["code"])
        assert gone is not None and not gone.active and gone.account() is None
        moved = await account_holder(uow, old["telegram_user_id"])
        assert moved is not None and moved.code == "MDHY-01-W9"
        chain = await uow.org.chain("MDHY-01", None, None)
        assert chain[0][1].code == "MDHY-01-W9"
        roles = await uow.session.scalars(
            select(AppointmentRow).where(AppointmentRow.person_code == old["code"])
        )
        assert roles.all() == []
    async with uow_factory() as uow:  # and back again: the old worker is reactivated
        report = await sync_config(uow, demo_config)
        await uow.commit()
    assert (report.created, report.updated, report.deactivated) == (1, 1, 2)
    async with uow_factory() as uow:
        back = await account_holder(uow, old["telegram_user_id"])
        assert back is not None and back.code == old["code"] and back.active


def _broken_copy(tmp_path: Path) -> Path:
    target = tmp_path / "broken"
    shutil.copytree(BUNDLED_DEMO, target)
    path = target / "district.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    grids = data["district"]["streets"][0]["communities"][0]["grids"]
    grids[1]["code"] = grids[0]["code"]  # duplicate grid code
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


async def _people(url: str) -> int:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            return int(await connection.scalar(select(func.count()).select_from(PersonRow)) or 0)
    finally:
        await engine.dispose()


def test_cli_load_is_idempotent_and_prints_the_report(db_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["config", "load", str(BUNDLED_DEMO), "--url", db_url])
    assert first.exit_code == 0, first.output
    assert "district TBH 太白湖新区, 10 grids" in first.output
    assert "updated 0, unchanged 0, deactivated 0" in first.output
    second = runner.invoke(main, ["config", "load", str(BUNDLED_DEMO), "--url", db_url, "-v"])
    assert second.exit_code == 0, second.output
    assert "rows: created 0, updated 0, unchanged" in second.output
    assert asyncio.run(_people(db_url)) > 10


def test_cli_load_rejects_a_broken_copy_and_writes_nothing(db_url: str, tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path)
    runner = CliRunner()
    check = runner.invoke(main, ["config", "check", str(broken)])
    assert check.exit_code == 1
    result = runner.invoke(main, ["config", "load", str(broken), "--url", db_url])
    assert result.exit_code == 1
    assert "duplicate code 'MDHY-01'" in result.output
    assert "nothing was written" in result.output
    assert asyncio.run(_people(db_url)) == 0


async def test_a_community_moved_to_another_street_takes_its_tickets_along(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    """The street scope reads `tickets.street_code` alone, so a reorganised community's
    tickets must carry the new street; the other communities' tickets stay where they are."""
    data = demo_config.model_dump(mode="json")
    old_street, new_street = (s["code"] for s in data["district"]["streets"][:2])
    moved = data["district"]["streets"][0]["communities"][0]["code"]
    stays = data["district"]["streets"][0]["communities"][1]["code"]

    def reorganise(data: dict[str, Any]) -> None:
        community = data["district"]["streets"][0]["communities"].pop(0)
        data["district"]["streets"][1]["communities"].append(community)

    async with uow_factory() as uow:
        for number, community in (("TBH-20261121-0001", moved), ("TBH-20261121-0002", stays)):
            ticket = in_status("accepted", number=number)
            ticket.community_code, ticket.grid_code = community, None
            ticket.street_code = old_street
            uow.tickets.add(ticket)
        await uow.commit()
    async with uow_factory() as uow:
        await sync_config(uow, edited(demo_config, reorganise))
        await uow.commit()
    async with uow_factory() as uow:
        first = await uow.tickets.by_number("TBH-20261121-0001")
        second = await uow.tickets.by_number("TBH-20261121-0002")
        assert first is not None and first.street_code == new_street
        assert second is not None and second.street_code == old_street
