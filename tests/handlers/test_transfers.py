"""转派 and triage keep their facts (both backends)."""

from __future__ import annotations

from sqlalchemy import select

from bot.demo.session import DemoSession
from handlers.conversation import Draft, Reporter
from handlers.tickets import TicketService
from handlers.transfers import rebuilt_building
from models.orm import OutboxRow, TicketRow
from models.outbox import CARD
from models.repos.tickets import Scope
from tests.handlers.test_resident_flow import texts_to, tickets
from tests.handlers.test_staff_work import card_of

LIFT = "明德花园6号楼的电梯坏了，老人下不了楼"
WORKER = "MDHY-01-W1"


async def filed(chat: DemoSession, text: str = LIFT) -> TicketRow:
    chat.switch("resident")
    await chat.say(text)
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    return ticket


async def test_a_transfer_to_another_community_drops_its_building_and_says_who_and_why(
    chat: DemoSession,
) -> None:
    ticket = await filed(chat)
    assert (ticket.grid_code, ticket.building) == ("MDHY-01", 6)
    chat.switch(WORKER)
    await chat.press("转派")
    await chat.press("颂运水庭第二网格")
    assert "转派原因" in texts_to(chat, WORKER)[-1]
    [moved] = await tickets(chat)
    assert (moved.grid_code, moved.community_code, moved.building) == ("SYST-02", "SYST", None)
    card = texts_to(chat, "SYST-02-W1")[-1]
    assert "地点：颂运水庭社区 颂运水庭第二网格\n" in card and "由王晓东（网格员）转派" in card
    await chat.say("这栋楼归颂运水庭物业管")
    assert "这栋楼归颂运水庭物业管" in texts_to(chat, "SYST-02-W1")[-1]
    assert "王晓东" in texts_to(chat, "SYST-02-W1")[-1]
    assert card_of(chat, WORKER)[1] == []  # the old card: read-only


async def test_a_transfer_within_the_community_keeps_the_building(chat: DemoSession) -> None:
    await filed(chat)
    chat.switch(WORKER)
    await chat.press("转派")
    await chat.press("明德花园第二网格")
    [moved] = await tickets(chat)
    assert (moved.grid_code, moved.building) == ("MDHY-02", 6)


def test_the_building_is_found_again_when_the_text_names_the_new_community(
    chat: DemoSession,
) -> None:
    config = chat.app.services.config
    ticket = TicketRow(
        original_text="明德花园门口对面，颂运水庭7号楼旁边的路灯坏了",
        normalized_text="明德花园门口对面，颂运水庭7号楼旁边的路灯坏了",
        community_code="MDHY",
        grid_code="MDHY-01",
        building=7,
    )
    assert rebuilt_building(config, ticket, "SYST-02") == 7
    assert rebuilt_building(config, ticket, "GXSH-01") is None


async def test_a_category_correction_sends_no_second_card_and_no_transferred_message(
    chat: DemoSession,
) -> None:
    ticket = await filed(chat)
    chat.switch(WORKER)
    await chat.press("转派")
    await chat.press("更正类别")
    await chat.press("物业服务")
    [fixed] = await tickets(chat)
    assert (fixed.category_code, fixed.grid_code, fixed.assignee_code) == (
        "property_service",
        "MDHY-01",
        WORKER,
    )
    assert not any("已转由" in t for t in texts_to(chat, "resident"))
    async with chat.app.services.uow_factory() as uow:
        cards = [
            row
            for row in await uow.session.scalars(
                select(OutboxRow).where(OutboxRow.person_code == WORKER)
            )
            if row.kind == CARD
        ]
        assert len(cards) == 1
    assert "物业服务" in card_of(chat, WORKER)[0]
    assert fixed.resolve_due_at is not None and ticket.resolve_due_at is not None
    assert fixed.resolve_due_at > ticket.resolve_due_at  # 3 days from filing instead of 1


async def test_a_street_that_accepted_an_escalated_triage_case_sets_its_grid(
    chat: DemoSession,
) -> None:
    chat.switch("resident")
    await chat.say("颂运水庭小区里有人天天半夜在花园里放音乐跳舞，吵得睡不着")
    await chat.say("跳过")
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.grid_code) == ("triage", None)
    chat.switch("SYST-S")
    await chat.press("上报")
    await chat.say("涉及多个小区，需要街道协调")
    chat.switch("XZ-C")
    await chat.press("接单")
    assert "指定网格" in card_of(chat, "XZ-C")[1]
    await chat.press("指定网格")
    await chat.press("颂运水庭第一网格")
    [ticket] = await tickets(chat)
    assert (ticket.grid_code, ticket.level, ticket.assignee_code, ticket.status) == (
        "SYST-01",
        3,
        "XZ-C",
        "accepted",
    )
    assert "指定网格" not in card_of(chat, "XZ-C")[1]


async def test_a_triage_card_with_a_known_grid_does_not_say_unsure_of_the_grid(
    chat: DemoSession,
) -> None:
    services = chat.app.services
    async with services.uow_factory() as uow:
        service = TicketService(uow, services.clock, services.config)
        draft = Draft.model_validate({
            "text": "明德花园2号楼有点事",
            "normalized": "明德花园2号楼有点事",
            "category": "other",
            "community": "MDHY",
            "grid": "MDHY-01",
            "building": 2,
            "confidence": 0.2,
            "needs_review": True,
        })
        await service.file(draft, Reporter(1, 1))
        await uow.commit()
    await chat.drain_outbox()
    card = texts_to(chat, "MDHY-S")[-1]
    assert "把握不足" in card and "自动分派把握不足" not in card
    assert "识别为明德花园第一网格" in card
    assert chat.last_to("MDHY-S")[-1].buttons[0][0] == "明德花园第一网格"


async def test_a_transfer_to_another_streets_community_moves_the_ticket_to_that_street(
    chat: DemoSession,
) -> None:
    """The old street's officials no longer oversee it; the new street's do."""
    ticket = await filed(chat)
    assert ticket.street_code == "XZ"
    chat.switch(WORKER)
    await chat.press("转派")
    await chat.press("济东新村第一网格")
    [moved] = await tickets(chat)
    assert (moved.grid_code, moved.community_code, moved.street_code) == ("JDXC-01", "JDXC", "SQ")
    old_street, new_street = Scope(streets={"XZ"}), Scope(streets={"SQ"})
    async with chat.app.services.uow_factory() as uow:
        assert [t.number for t in await uow.tickets.open_in(old_street, 100)] == []
        assert [t.number for t in await uow.tickets.open_in(new_street, 100)] == [moved.number]
        [event] = [e for e in await uow.events.for_ticket(moved.id) if e.action == "transferred"]
        assert event.data["street_code"] == ["XZ", "SQ"]
