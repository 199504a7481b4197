"""Repositories and the unit of work, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models import lifecycle as lc
from models.clock import FixedClock
from models.config.schema import Level, Role
from models.numbering import next_ticket_number
from models.orm import OutboxRow, TicketRow
from models.uow import UnitOfWorkFactory
from tests.models.factories import BRANCH, WORKER, new_ticket

pytestmark = pytest.mark.usefixtures("backend")


async def _count(uow_factory: UnitOfWorkFactory, entity: type) -> int:
    async with uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(entity)) or 0)


async def test_the_chain_lists_every_level_lowest_first(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        chain = await uow.org.chain("MDHY-01", None, None)
        assert [(level, person.code) for level, person in chain] == [
            (Level.GRID_WORKER, "MDHY-01-W1"),
            (Level.GRID_BRANCH, "MDHY-01-B"),
            (Level.COMMUNITY, "MDHY-S"),
            (Level.STREET, "XZ-C"),
            (Level.DISTRICT, "TBH-TF"),
        ]
        assert chain[-1][1].chat_id == -1009000000001  # the task force is a group chat
        unknown = await uow.org.chain("NOPE", None, None)  # an unknown grid: the district's
        assert [(level, person.code) for level, person in unknown] == [(Level.DISTRICT, "TBH-TF")]
        community = await uow.org.chain("NOPE", "MDHY", None)
        assert [level for level, _ in community] == [Level.COMMUNITY, Level.STREET, Level.DISTRICT]
        street = await uow.org.chain(None, None, "XZ")
        assert [(level, person.code) for level, person in street] == [
            (Level.STREET, "XZ-C"), (Level.DISTRICT, "TBH-TF")]


async def test_people_lookups(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        person = await uow.org.person("MDHY-01-B")
        assert person is not None and person.chat_id == 830101  # a private chat: the user's own
        assert person.account("wecom") is None
        workers = await uow.org.people_in_role(Role.GRID_WORKER, "MDHY-01")
        assert [p.code for p in workers][:1] == ["MDHY-01-W1"]
        assert all(p.code.startswith("MDHY-01-W") for p in workers)
        street = await uow.org.people_in_role(Role.STREET_COMMITTEE, "XZ")
        assert [p.code for p in street] == ["XZ-C"]
        assert await uow.org.people_in_role(Role.COMMUNITY_SECRETARY, "MDHY-01") == []
        assert await uow.org.actor_level("MDHY-S", "MDHY-01") == Level.COMMUNITY
        assert await uow.org.actor_level("MDHY-01-W1", "MDHY-01") == Level.GRID_WORKER
        assert await uow.org.actor_level("MDHY-01-W1", "MDHY-02") is None
        assert await uow.org.actor_level("TBH-TF", None, "MDHY") == Level.DISTRICT
        categories = await uow.org.categories()
        assert categories[-1].code == "other" or "other" in [c.code for c in categories]
        assert [c.position for c in categories] == sorted(c.position for c in categories)


async def test_ticket_lifecycle_persists_with_its_event_log(
    uow_factory: UnitOfWorkFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        number = await next_ticket_number(uow.session, "TBH", clock.now().date())
        ticket = new_ticket(number, keywords=["路灯"], attachments=["tg:AgAD"], latitude=35.371)
        uow.tickets.add(ticket, lc.create(ticket, now=clock.now(), assignee_code=WORKER))
        await uow.commit()
    clock.advance(timedelta(minutes=5))
    async with uow_factory() as uow:
        locked = await uow.tickets.by_number(number.lower(), for_update=True)
        assert locked is not None
        uow.events.add(lc.accept(locked, now=clock.now(), actor=WORKER))
        uow.events.add(
            lc.escalate(locked, now=clock.now(), actor=WORKER, assignee_code=BRANCH,
                        accept_due=clock.now() + timedelta(hours=1), resolve_due=None)
        )  # fmt: skip
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.tickets.by_number(number)
        assert stored is not None
        ticket = stored
        assert (ticket.status, ticket.level, ticket.max_level) == ("assigned", 1, 1)
        assert ticket.first_receiver_code == WORKER and ticket.assignee_code == BRANCH
        assert ticket.keywords == ["路灯"] and ticket.attachments == ["tg:AgAD"]
        assert ticket.accepted_at == clock.now() and ticket.created_at.tzinfo is not None
        events = await uow.events.for_ticket(ticket.id)
        assert [
            (e.action, e.from_status, e.to_status, e.from_level, e.to_level) for e in events
        ] == [
            ("created", None, "assigned", None, 0),
            ("accepted", "assigned", "accepted", 0, 0),
            ("escalated", "accepted", "assigned", 0, 1),
        ]
        assert [t.number for t in await uow.tickets.assigned_to(BRANCH)] == [number]
        assert [t.number for t in await uow.tickets.for_reporter(5550001)] == [number]
        assert await uow.tickets.overdue(clock.now(), limit=10) == []
        overdue = await uow.tickets.overdue(clock.now() + timedelta(hours=2), limit=10)
        assert [(item.ticket.number, item.breach) for item in overdue] == [(number, "accept")]


async def test_ratings(uow_factory: UnitOfWorkFactory, clock: FixedClock) -> None:
    async with uow_factory() as uow:
        ticket = new_ticket("TBH-20261121-0009", grid_code=None)
        uow.tickets.add(ticket, lc.create(ticket, now=clock.now()))
        await uow.commit()
        await uow.tickets.add_rating(ticket, "satisfied", "谢谢")
        await uow.commit()
        assert [r.score for r in await uow.tickets.ratings(ticket.id)] == ["satisfied"]


async def test_uow_rolls_back_without_commit_and_on_error(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        ticket = new_ticket("TBH-20261121-0001")
        uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
        await uow.flush()
    with pytest.raises(RuntimeError):
        async with uow_factory() as uow:
            ticket = new_ticket("TBH-20261121-0002")
            uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
            await uow.flush()
            raise RuntimeError("boom")
    async with uow_factory() as uow:
        ticket = new_ticket("TBH-20261121-0003")
        uow.tickets.add(ticket, lc.create(ticket, now=uow.now()))
        await uow.flush()
        await uow.rollback()
        await uow.commit()
    assert await _count(uow_factory, TicketRow) == 0


async def test_outbox_add_is_idempotent_on_key(
    uow_factory: UnitOfWorkFactory, clock: FixedClock
) -> None:
    async with uow_factory() as uow:
        accepted = {"say": {"say": "texts.REPORTER_CLOSED", "args": {"number": "T-1"}}}
        assert await uow.outbox.add("t1:accepted:reporter", 5550001, "status", accepted,
                                    ticket_number="T-1", ticket_id=7)
        assert not await uow.outbox.add("t1:accepted:reporter", 5550001, "status", {})
        later = clock.now() + timedelta(minutes=1)
        assert await uow.outbox.add("t1:x", 42, "note", {}, "MDHY-01-W1", "T-1", later)
        await uow.commit()
    async with uow_factory() as uow:
        row = await uow.outbox.by_key("t1:accepted:reporter")
        assert row is not None and row.snapshot == accepted and row.status == "pending"
        assert (row.kind, row.channel, row.ticket_id) == ("status", "telegram", 7)
        assert row.available_at == clock.now()
        claimed = await uow.outbox.claim("sender-1")
        assert [r.key for r in claimed] == ["t1:accepted:reporter"]
        await uow.outbox.mark_sent(claimed[0].id)
        await uow.commit()
    clock.advance(timedelta(minutes=2))
    async with uow_factory() as uow:
        assert [r.key for r in await uow.outbox.claim("sender-1")] == ["t1:x"]
        assert (await uow.outbox.by_key("t1:accepted:reporter")).status == "sent"  # type: ignore[union-attr]
    assert await _count(uow_factory, OutboxRow) == 2


async def test_updates_seen_reports_duplicates(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        assert await uow.updates.seen(1001) is False
        assert await uow.updates.seen(1001) is True
        assert await uow.updates.seen(1002) is False
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.updates.seen(1001) is True
        assert await uow.updates.prune(uow.now() + timedelta(seconds=1)) == 2
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.updates.seen(1001) is False


async def test_conversation_state_is_durable(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        assert await uow.conversations.get(7) is None
        await uow.conversations.set(7, "draft", {"text": "路灯坏了"})
        await uow.commit()
    async with uow_factory() as uow:
        await uow.conversations.set(7, "await_photo", {"text": "路灯坏了", "n": 1})
        await uow.commit()
    async with uow_factory() as uow:
        row = await uow.conversations.get(7)
        assert row is not None and (row.state, row.data) == (
            "await_photo",
            {"text": "路灯坏了", "n": 1},
        )
        await uow.conversations.clear(7)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.conversations.get(7) is None
