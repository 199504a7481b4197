"""/forget is complete: nothing kept can re-identify the resident or link them to a ticket."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select

from handlers import texts
from handlers.context import Ctx
from handlers.forget import blur_filings, known_names
from handlers.messages import DETAIL
from handlers.render import render_row
from handlers.types import Incoming, Kind, Sender
from models.clock import FixedClock
from models.orm import (
    CallbackTokenRow,
    ConversationRow,
    OutboxRow,
    TicketEventRow,
    TicketRow,
)
from models.outbox import CARD_KINDS
from nlp.personal import ID_MASK, NAME_MASK, PHONE_MASK
from tests.hardening.flows import NUMBER, PHONE, RESIDENT
from tests.hardening.support import Driver

ID_NUMBER = "37080219900101123X"
TYPED = f"路边的垃圾好几天没人收了，我叫张三，电话 138-1234-5678，身份证{ID_NUMBER}"
NOTE = "已电话联系居民张三 138 1234 5678，垃圾已清运"
SECRETS = ["138-1234-5678", "138 1234 5678", "13812345678", ID_NUMBER, "张三", PHONE]


async def file_with_location(bot: Driver) -> str:
    await bot.text(RESIDENT, TYPED)
    await bot.location(RESIDENT, 35.3720, 116.6030)
    await bot.contact(RESIDENT, PHONE, user_id=RESIDENT, first_name="张")
    await bot.press(RESIDENT, "确认提交")
    match = NUMBER.search(bot.last_to(RESIDENT))
    assert match, bot.texts_to(RESIDENT)
    return match.group()


async def test_forget_leaves_nothing_that_identifies(bot: Driver, clock: FixedClock) -> None:
    number = await file_with_location(bot)
    clock.advance(timedelta(minutes=20))
    worker = "MDHY-02-W1"
    assert PHONE in bot.last_to(worker) and "张三" in bot.last_to(worker)
    await bot.press(worker, "接单")
    await bot.press(worker, "办结")
    await bot.text(worker, NOTE)
    [before] = await bot.tickets()
    assert before.latitude == 35.3720 and before.grid_code == "MDHY-02"

    await bot.text(RESIDENT, "/forget")
    await bot.press(RESIDENT, "确认删除")
    assert "已删除" in bot.last_to(RESIDENT)

    [ticket] = await bot.tickets()
    assert ticket.anonymised and ticket.number == number
    assert (ticket.reporter_user_id, ticket.reporter_chat_id) == (None, None)
    assert (ticket.reporter_name, ticket.reporter_phone) == (None, None)
    assert (ticket.latitude, ticket.longitude) == (None, None)
    assert (ticket.grid_code, ticket.community_code) == ("MDHY-02", "MDHY")  # the grid's grain
    assert ticket.original_text == (
        f"路边的垃圾好几天没人收了，我叫{NAME_MASK}，电话 {PHONE_MASK}，身份证{ID_MASK}"
    )
    assert all(s not in (ticket.normalized_text or "") for s in SECRETS)
    assert ticket.result_note == f"已电话联系居民{NAME_MASK} {PHONE_MASK}，垃圾已清运"
    async with bot.services.uow_factory() as uow:
        notes = [e.note or "" for e in await uow.session.scalars(select(TicketEventRow))]
        assert any(PHONE_MASK in note for note in notes)
        assert [s for s in SECRETS if s in " ".join(notes)] == []
        rows = list(await uow.session.scalars(select(OutboxRow)))
        assert rows and all(row.chat_id != RESIDENT for row in rows)
        stored = " ".join(str(row.snapshot) for row in rows)
        shown = " ".join(str(render_row(row).get("text")) for row in rows)
        assert [s for s in SECRETS if s in stored + shown] == []
        assert "联系人" not in shown and "路边的垃圾" in shown  # cards kept, scrubbed
        tokens = await uow.session.scalars(
            select(CallbackTokenRow).where(CallbackTokenRow.chat_id == RESIDENT)
        )
        assert list(tokens) == []
        conversation = await uow.session.get(ConversationRow, RESIDENT)
        assert conversation is not None
        data = dict(conversation.data)
    created = before.created_at.timestamp()
    filed = data.get("_filed", [])
    assert filed and all(abs(at - created) > 1 for at in filed)  # no join to created_at
    assert [s for s in SECRETS if s in str(data)] == []


def test_filing_times_keep_the_quota_but_not_the_times(clock: FixedClock) -> None:
    incoming = Incoming(
        update_id=1,
        kind=Kind.COMMAND,
        chat_id=RESIDENT,
        sender=Sender(RESIDENT, "居民"),
        text="",
        command="forget",
    )
    ctx = Ctx(SimpleNamespace(clock=clock), None, incoming)  # type: ignore[arg-type]
    now = clock.now().timestamp()
    ctx.meta = {"_filed": [now - 7200, now - 1800, now - 60], "_burst": [now - 5, 7]}
    blur_filings(ctx)
    assert ctx.meta == {"_filed": [now, now], "_burst": [now, 7]}
    ctx.meta = {"_filed": [now - timedelta(hours=2).total_seconds()]}
    blur_filings(ctx)
    assert ctx.meta == {}


async def test_staff_cards_of_forgotten_tickets_still_work(bot: Driver) -> None:
    await file_with_location(bot)
    await bot.text(RESIDENT, "/forget")
    await bot.press(RESIDENT, "确认删除")
    await bot.press("MDHY-02-W1", "接单")
    [ticket] = await bot.tickets()
    assert ticket.status == "accepted"
    assert "已受理" not in " ".join(bot.texts_to(RESIDENT)[-1:])  # nothing more to the resident


def test_the_names_a_resident_gave_are_known() -> None:
    tickets = [
        TicketRow(original_text="我叫张三，楼道灯坏了", reporter_name="居民"),
        TicketRow(original_text="电梯坏了", reporter_name="王建国"),
    ]
    assert known_names(tickets) == ["张三", "王建国"]  # not the display name 居民


async def test_stored_cards_are_rendered_again_without_the_deleted_fields(bot: Driver) -> None:
    """/forget deletes the contact from the ticket; the stored cards (a photo card with its
    caption here) show the ticket as it is now, keep their buttons, and no rendered text is
    searched for a contact line."""
    await bot.text(RESIDENT, TYPED)
    await bot.location(RESIDENT, 35.3720, 116.6030)
    await bot.photo(RESIDENT)
    await bot.contact(RESIDENT, PHONE, user_id=RESIDENT, first_name="张")
    await bot.press(RESIDENT, "确认提交")
    assert NUMBER.search(bot.last_to(RESIDENT)), bot.texts_to(RESIDENT)
    worker = "MDHY-02-W1"
    assert PHONE in bot.last_to(worker)

    async def cards() -> dict[str, dict[str, Any]]:
        async with bot.services.uow_factory() as uow:
            rows = await uow.session.scalars(select(OutboxRow).order_by(OutboxRow.id))
            return {row.key: render_row(row) for row in rows if row.kind in CARD_KINDS}

    before = await cards()
    await bot.text(RESIDENT, "/forget")
    await bot.press(RESIDENT, "确认删除")
    after = await cards()
    assert after and set(after) == set(before)
    for key, payload in after.items():
        text = payload["text"]
        assert "联系人" in before[key]["text"] and "联系人" not in text
        assert [s for s in SECRETS if s in text] == [] and "路边的垃圾" in text
        assert payload.get("reply_markup") == before[key].get("reply_markup")
        assert payload["photos"] == before[key]["photos"] and len(payload["photos"]) == 1
        assert len(text) <= 1024  # still fits the photo's caption


MISSING = "明德花园3号楼，我爸有老年痴呆，早上出去遛弯到现在还没回来"
DETAIL_WORDS = "他穿灰色夹克，有消息请打我电话 139 1234 5678"


async def test_pending_messages_lose_their_personal_fields(
    bot: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A detail of an urgent case still waits in the outbox for the chain when the resident
    asks to be forgotten: its personal argument is deleted from the stored snapshot (no text
    is searched), and it goes out without it."""
    await bot.text(RESIDENT, MISSING)
    assert NUMBER.search(bot.last_to(RESIDENT)), bot.texts_to(RESIDENT)

    async def held() -> None:
        return None

    monkeypatch.setattr(bot, "drain", held)  # nothing is delivered until undone
    await bot.text(RESIDENT, DETAIL_WORDS)

    async def details() -> list[tuple[int, str, dict[str, Any], str]]:
        """Id, status, snapshot and rendered text of the detail rows."""
        async with bot.services.uow_factory() as uow:
            rows = await uow.session.scalars(
                select(OutboxRow).where(OutboxRow.kind == DETAIL).order_by(OutboxRow.id)
            )
            return [(r.id, r.status, r.snapshot, render_row(r)["text"]) for r in rows]

    waiting = await details()
    assert len(waiting) >= 5 and {status for _, status, _, _ in waiting} == {"pending"}
    assert all(DETAIL_WORDS in text for _, _, _, text in waiting)
    await bot.text(RESIDENT, "/forget")
    await bot.press(RESIDENT, "确认删除")
    forgotten = await details()
    assert [row[:2] for row in forgotten] == [row[:2] for row in waiting]  # still pending
    for _, _, snapshot, text in forgotten:
        assert snapshot["say"]["args"]["text"] == texts.FORGOTTEN and texts.FORGOTTEN in text
        assert "灰色夹克" not in str(snapshot) and "139 1234 5678" not in str(snapshot)
    monkeypatch.undo()
    await bot.drain()
    chain = {bot.uid(code) for code in ("MDHY-01-W1", "MDHY-01-B", "MDHY-S")}
    delivered = [m for m in bot.sent if m.row is not None and m.row.kind == DETAIL]
    assert chain <= {m.chat_id for m in delivered}
    assert all(texts.FORGOTTEN in m.text and "灰色夹克" not in m.text for m in delivered)
