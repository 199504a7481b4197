"""After a commit that numbered tickets, the core swaps provisional numbers for the real ones in
what it returns and keeps; SQLite takes numbers inside the transaction, as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from handlers.conversation import Draft, Reporter
from handlers.core import data_with_numbers, with_numbers
from handlers.tickets import TicketService
from handlers.types import Button, CallbackAnswer, Keyboard, LocalFile, Outcome, Reply
from models.clock import FixedClock
from models.config.schema import GridDeskConfig
from models.numbering import provisional_number, settle_numbers
from models.uow import UnitOfWorkFactory

DAY = date(2026, 11, 21)
PROVISIONAL = provisional_number("TBH", DAY)
REAL = "TBH-20261121-0042"
OTHER = provisional_number("TBH", DAY)  # another filing's placeholder: not in the mapping


def test_replies_keyboards_and_the_answer_get_the_real_number() -> None:
    keyboard = Keyboard.inline([Button(f"查看 {PROVISIONAL}", data="t:abc")])
    outcome = Outcome(
        [Reply(1, f"已提交，工单编号 <b>{PROVISIONAL}</b>。", keyboard), Reply(2, OTHER)],
        CallbackAnswer("cb", f"{PROVISIONAL} 已提交"),
        [LocalFile(1, Path("chart.png"), "photo")],
    )
    swapped = with_numbers(outcome, {PROVISIONAL: REAL})
    assert [reply.text for reply in swapped.replies] == [f"已提交，工单编号 <b>{REAL}</b>。", OTHER]
    first = swapped.replies[0].keyboard
    assert first is not None and first.rows[0][0] == Button(f"查看 {REAL}", data="t:abc")
    assert swapped.answer == CallbackAnswer("cb", f"{REAL} 已提交")
    assert swapped.files == outcome.files
    assert outcome.replies[0].text.endswith(f"<b>{PROVISIONAL}</b>。")  # the original is kept


def test_conversation_data_gets_the_real_number() -> None:
    data = {"last": PROVISIONAL, "notes": [f"编号 {PROVISIONAL}", "其他"], "_script": "hans"}
    assert data_with_numbers(data, {PROVISIONAL: REAL}) == {
        "last": REAL,
        "notes": [f"编号 {REAL}", "其他"],
        "_script": "hans",
    }


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_sqlite_numbers_the_filing_inside_its_transaction(
    uow_factory: UnitOfWorkFactory, clock: FixedClock, demo_config: GridDeskConfig
) -> None:
    draft = Draft.model_validate({
        "text": "明德花园5号楼楼道灯坏了",
        "normalized": "明德花园5号楼楼道灯坏了",
        "category": "property_service",
        "community": "MDHY",
        "grid": "MDHY-01",
        "building": 5,
    })
    async with uow_factory() as uow:
        service = TicketService(uow, clock, demo_config)
        ticket = await service.file(draft, Reporter(1, 1))
        assert ticket.number == "TBH-20261121-0001"  # before commit: nothing left for later
        await uow.commit()
        assert await settle_numbers(uow.session) == {}
