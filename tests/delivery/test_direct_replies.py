"""The answer to the person who wrote is recorded in the update's transaction: a direct reply
Telegram refuses once (429, 500) reaches the resident later, once; a process that dies between
the commit and the send has its replies sent by a live sender."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from bench.botapi_double import BotApiDouble, retry_after, server_error
from bench.botapi_double.faults import Fault
from bot.settings import Settings
from bot.telegram.runner import run_webhook
from bot.telegram.transport import deliver
from handlers.replies import ReplyJournal
from handlers.types import Outcome, Reply
from models.orm import OutboxOwnerRow, OutboxRow
from models.outbox import PENDING, SENT
from models.owners import DIRECT
from models.uow import UnitOfWorkFactory
from tests.delivery.conftest import make_sender, outbox
from tests.delivery.test_pg_senders import wait_until
from tests.e2e.conftest import bot_settings, polling_bot
from tests.e2e.test_front_door import LAMP, NUMBER, RESIDENT
from tests.e2e.test_webhook import SECRET, free_port

FILED = "已提交"


@pytest.fixture(params=["aiogram", "ptb"])
def framework(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def journal(uows: UnitOfWorkFactory) -> AsyncIterator[ReplyJournal]:
    journal = ReplyJournal(uows)
    await journal.start()
    yield journal
    await journal.close()


async def record(uows: UnitOfWorkFactory, journal: ReplyJournal, *replies: Reply) -> list[Reply]:
    async with uows() as uow:
        recorded = await journal.record(uow, 1, list(replies))
        await uow.commit()
    return recorded


async def reply_rows(uows: UnitOfWorkFactory) -> list[OutboxRow]:
    return [row for row in (await outbox(uows)).values() if row.key.startswith("reply:")]


@contextlib.asynccontextmanager
async def running_bot(mode: str, settings: Settings, api: BotApiDouble) -> AsyncIterator[None]:
    """`griddesk run` (polling) or `griddesk webhook` in-process until the context exits."""
    if mode == "polling":
        async with polling_bot(settings, api):
            yield
        return
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg/hook"
    task = asyncio.create_task(run_webhook(settings, "127.0.0.1", port, "/tg/hook", url))
    try:
        await api.wait_for_call("setWebhook", timeout=30)
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@pytest.mark.pg
@pytest.mark.parametrize(
    ("mode", "fault"),
    [("polling", retry_after(1)), ("polling", server_error(500)), ("webhook", server_error(502))],
    ids=["polling-429", "polling-500", "webhook-502"],
)
async def test_a_refused_reply_reaches_the_resident_later_once(
    api: BotApiDouble, pg_url: str, framework: str, mode: str, fault: Fault
) -> None:
    resident = api.user(RESIDENT, "张阿姨")
    settings = bot_settings(api, pg_url, framework, TELEGRAM_WEBHOOK_SECRET=SECRET)
    async with running_bot(mode, settings, api):
        await resident.send_text(LAMP)
        summary = await api.wait_for(resident, "请核对")

        async def settled() -> bool:  # every reply to the text is out: the fault hits the next
            return {r.status for r in await _rows_on(pg_url)} == {SENT}

        await wait_until(settled, 10)
        api.inject("sendMessage", fault, count=1, chat_id=RESIDENT)
        await resident.press(summary, "确认提交")
        filed = await api.wait_for(resident, FILED, timeout=30)
        number = NUMBER.search(filed.plain_text).group()  # type: ignore[union-attr]
        refused = [e for e in api.exchanges if e.status == fault.status]
        assert len(refused) == 1 and refused[0].params.get("chat_id") == RESIDENT
        assert filed.plain_text.count(number) >= 1
    received = [m for m in api.messages_to(RESIDENT) if FILED in m.plain_text]
    assert len(received) == 1  # late, and exactly once
    engine_rows = await _rows_on(pg_url)
    [row] = [r for r in engine_rows if r.ticket_number == number]  # it quoted the number
    assert row.status == SENT and row.attempts == 2
    assert row.snapshot == {}  # delivered: what it said is not kept
    assert {r.status for r in engine_rows} == {SENT}  # every direct reply settled


async def _rows_on(url: str) -> list[OutboxRow]:
    from models.db import create_engine

    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(
                select(OutboxRow).where(OutboxRow.key.like("reply:%")).order_by(OutboxRow.id)
            )
            return list(result)  # type: ignore[arg-type]
    finally:
        await engine.dispose()


async def test_sent_replies_are_settled_and_failed_ones_handed_to_the_sender(
    uows: UnitOfWorkFactory, api: BotApiDouble, journal: ReplyJournal
) -> None:
    ok, refused, edit = await record(
        uows,
        journal,
        Reply(9401, "您的诉求 #ok"),
        Reply(9402, "您的诉求 #late"),
        Reply(9401, "改过的卡片", edit_message_id=5),
    )
    assert ok.journal_id is not None and refused.journal_id is not None
    assert edit.journal_id is None  # edits are not retried
    rows = {r.chat_id: r for r in await reply_rows(uows)}
    assert {r.status for r in rows.values()} == {DIRECT}
    assert rows[9401].claimed_by == journal.owner_id
    journal.sent(ok)
    journal.failed(refused, "TelegramRetryAfter", retry_after=0.5)
    await journal.flush()
    rows = {r.chat_id: r for r in await reply_rows(uows)}
    assert (rows[9401].status, rows[9401].attempts, rows[9401].snapshot) == (SENT, 1, {})
    late = rows[9402]
    assert (late.status, late.attempts, late.claimed_by) == (PENDING, 1, None)
    assert late.snapshot == {"text": "您的诉求 #late"}  # what it says, no Bot API payload
    assert late.available_at > late.created_at  # not before Telegram's retry_after
    async with make_sender(uows, api) as sender:
        await sender.drain()
    assert [m.plain_text for m in api.messages_to(9402)] == ["您的诉求 #late"]
    assert api.messages_to(9401) == []  # sent by the adapter (not by this double), not again
    sent_late = {r.chat_id: r for r in await reply_rows(uows)}[9402]
    assert (sent_late.status, sent_late.snapshot) == (SENT, {})  # delivered: nothing kept


class Refusing:
    """A transport whose every message fails the way a framework raises a flood error."""

    class Flood(Exception):
        retry_after = 0

    async def send_message(self, chat_id: int, text: str, reply_markup: object) -> None:
        raise self.Flood("Too Many Requests")

    async def send_photos(self, chat_id: int, file_ids: list[str]) -> None:
        raise self.Flood("Too Many Requests")


async def test_deliver_hands_a_failed_reply_to_the_outbox(
    uows: UnitOfWorkFactory, api: BotApiDouble, journal: ReplyJournal
) -> None:
    replies = await record(uows, journal, Reply(9501, "编号 TBH-20261121-0009 已提交"))
    await deliver(Refusing(), Outcome(replies), journal)  # type: ignore[arg-type]
    await journal.flush()
    (row,) = await reply_rows(uows)
    assert row.status == PENDING and "Flood" in (row.last_error or "")
    async with make_sender(uows, api) as sender:
        await sender.drain()
    assert [m.plain_text for m in api.messages_to(9501)] == ["编号 TBH-20261121-0009 已提交"]


async def test_replies_of_a_process_that_died_before_sending_are_sent_by_a_live_sender(
    uows: UnitOfWorkFactory, api: BotApiDouble
) -> None:
    """The commit happened, the process died before the send: no reply is lost. On PostgreSQL
    the dead owner is seen by its vanished backend (at once), on SQLite by its heartbeat."""
    doomed = ReplyJournal(uows)
    await doomed.owner.register()
    await record(uows, doomed, Reply(9601, "编号 TBH-20261121-0010 已提交"))
    await doomed.owner.abandon()  # what SIGKILL does: the connection drops, nothing else
    if not doomed.owner.postgres:
        await _age_heartbeat(uows, doomed.owner_id)
    async with make_sender(uows, api) as sender:

        async def handed_over() -> bool:
            await sender._reap()
            return [row.status for row in await reply_rows(uows)] == [PENDING]

        await wait_until(handed_over, 10)  # the backend ends a moment after the socket closes
        await sender.drain()
    assert [m.plain_text for m in api.messages_to(9601)] == ["编号 TBH-20261121-0010 已提交"]
    (row,) = await reply_rows(uows)
    assert row.status == SENT
    async with uows() as uow:
        owners = set((await uow.session.execute(select(OutboxOwnerRow.id))).scalars())
    assert doomed.owner_id not in owners


async def test_a_live_journal_keeps_its_replies(
    uows: UnitOfWorkFactory, api: BotApiDouble, journal: ReplyJournal
) -> None:
    await record(uows, journal, Reply(9701, "正在发送"))
    async with make_sender(uows, api) as sender:
        await sender._reap()
        assert await sender._claim() == 0
    (row,) = await reply_rows(uows)
    assert row.status == DIRECT and api.calls == []


async def _age_heartbeat(uows: UnitOfWorkFactory, owner_id: str) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from models.owners import wall_now

    async with uows() as uow:
        await uow.session.execute(
            update(OutboxOwnerRow)
            .where(OutboxOwnerRow.id == owner_id)
            .values(heartbeat_at=wall_now() - timedelta(minutes=5))
        )
        await uow.commit()
