"""Accounts bound by invite live apart from the configuration: syncing it keeps them."""

from __future__ import annotations

import pytest

from models.config.schema import GridDeskConfig
from models.config.sync import sync_config
from models.orm import PersonRow
from models.uow import UnitOfWorkFactory
from tests.models.factories import account_holder

pytestmark = pytest.mark.usefixtures("backend")

OFFICIAL, WORKER_ACCOUNT = 7300001, 710101  # a new account; the demo grid worker's account


async def test_a_binding_survives_every_sync_and_replaces_the_group_chat(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    async with uow_factory() as uow:
        person = await uow.org.person("TBH-TF")
        assert person is not None and person.chat_id == -1009000000001
        await uow.org.bind_account(person, OFFICIAL, uow.clock.now())
        await uow.commit()
    for _ in range(2):
        async with uow_factory() as uow:
            report = await sync_config(uow, demo_config)
            await uow.commit()
        assert "TBH-TF" not in " ".join(report.changes)
    async with uow_factory() as uow:
        person = await uow.session.get(PersonRow, "TBH-TF")
        assert person is not None
        account = person.account()
        assert account is not None and (account.user_id, account.chat_id) == (OFFICIAL, None)
        assert person.chat_id == OFFICIAL


async def test_an_account_bound_to_another_person_is_taken_from_the_configured_one(
    uow_factory: UnitOfWorkFactory, demo_config: GridDeskConfig
) -> None:
    async with uow_factory() as uow:
        person = await uow.org.person("TBH-TF")
        assert person is not None
        worker = await uow.org.person("MDHY-01-W1")
        assert worker is not None
        await uow.org.bind_account(person, WORKER_ACCOUNT, uow.clock.now())
        await uow.commit()
    async with uow_factory() as uow:
        await sync_config(uow, demo_config)
        await uow.commit()
    async with uow_factory() as uow:
        worker = await uow.session.get(PersonRow, "MDHY-01-W1")
        official = await uow.session.get(PersonRow, "TBH-TF")
        assert worker is not None and official is not None
        assert (worker.account(), official.chat_id) == (None, WORKER_ACCOUNT)


async def test_binding_a_user_keeps_the_group_chat_its_old_person_had(
    uow_factory: UnitOfWorkFactory,
) -> None:
    group = -1009000000777
    async with uow_factory() as uow:
        worker = await uow.org.person("MDHY-01-W1")
        official = await uow.org.person("TBH-TF")
        assert worker is not None and official is not None
        account = worker.account()
        assert account is not None
        account.chat_id = group  # a worker who also stands for a group (configured so)
        await uow.session.flush()
        await uow.org.bind_account(official, WORKER_ACCOUNT, uow.clock.now())
        await uow.commit()
    async with uow_factory() as uow:
        worker = await uow.session.get(PersonRow, "MDHY-01-W1")
        assert worker is not None and worker.account() is not None
        assert (worker.account().user_id, worker.chat_id) == (None, group)  # type: ignore[union-attr]
        assert (await account_holder(uow, WORKER_ACCOUNT)).code == "TBH-TF"  # type: ignore[union-attr]
