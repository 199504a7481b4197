"""The ticket page and its actions: the same transitions and Telegram messages as the bot."""

from __future__ import annotations

import re

from sqlalchemy import func, select, update

from models.orm import OutboxRow, TicketEventRow, TicketRow
from tests.web.console import (
    LIFT,
    OTHER_WORKER,
    SECRETARY,
    TASK_FORCE,
    WORKER,
    Console,
    console_for,
)

LAMP = "颂运水庭7号楼门口的路灯坏了，晚上很黑"


async def act(console: Console, number: str, action: str, **form: str) -> str:
    """Post an action as the signed-in person; the notice the ticket page shows after it."""
    response = await console.client.post(f"/console/t/{number}/{action}",
                                         data={"csrf": await console.csrf(), **form})
    assert response.status == 200, await response.text()
    found = re.search(r'id="notice">([^<]*)<', await response.text())
    assert found is not None
    return found.group(1)


async def outbox_count(console: Console) -> int:
    async with console.app.services.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(OutboxRow)) or 0)


async def test_the_ticket_page_shows_the_case_its_timeline_and_clocks(db_url: str) -> None:
    async with console_for(db_url) as console:
        ticket = await console.file(LIFT)
        await console.sign_in(WORKER)
        page = await (await console.client.get(f"/console/t/{ticket.number}")).text()
        assert LIFT in page and "明德花园第一网格" in page and "6号楼" in page
        assert "匹配关键词：" in page and "电梯" in page
        assert "受理时限" in page and "剩余" in page
        assert re.search(r"<strong>提交</strong>\s*· 居民 · Telegram", page)
        for action in ("受理", "转派", "上报", "吹哨报到", "内部备注"):
            assert f">{action}</button>" in page


async def test_a_transfer_from_the_console_reaches_the_new_grid_and_the_resident(
    db_url: str,
) -> None:
    async with console_for(db_url) as console:
        ticket = await console.file(LIFT)
        await console.sign_in(WORKER)
        notice = await act(console, ticket.number, "transfer", grid="SYST-02",
                           reason="这栋楼归颂运水庭物业管")
        assert notice == f"{ticket.number} 已转派至颂运水庭第二网格。"
        await console.chat.drain_outbox()
        card, reason = (m.text for m in console.chat.last_to(OTHER_WORKER))
        assert ticket.number in card and "由王晓东（网格员）转派" in card
        assert "这栋楼归颂运水庭物业管" in reason
        assert ticket.number in console.chat.last_to("resident")[-1].text
        assert "颂运水庭" in console.chat.last_to("resident")[-1].text
        async with console.app.services.uow_factory() as uow:
            moved = await uow.tickets.get(ticket.id)
            assert moved is not None and moved.grid_code == "SYST-02"
            vias = [e.data.get("via") for e in await uow.events.for_ticket(ticket.id)]
        assert vias == [None, "console", "console"]  # filed in the chat, moved in the console
        gone = await console.client.get(f"/console/t/{ticket.number}")
        assert gone.status == 404  # no longer the worker's grid


async def test_accept_escalate_and_a_note_go_through_the_service(db_url: str) -> None:
    async with console_for(db_url) as console:
        ticket = await console.file(LIFT)
        await console.sign_in(WORKER)
        assert await act(console, ticket.number, "accept") == f"已受理 {ticket.number}。"
        await console.chat.drain_outbox()
        assert "已受理" in console.chat.last_to("resident")[-1].text
        before = await outbox_count(console)
        assert await act(console, ticket.number, "note", reason="已联系物业") == (
            f"已为 {ticket.number} 添加内部备注。")
        assert await outbox_count(console) == before  # an internal note tells nobody
        assert await act(console, ticket.number, "escalate") == "请填写原因。"
        async with console.app.services.uow_factory() as uow:
            same = await uow.tickets.get(ticket.id)
            assert same is not None and same.level == 0
        assert await act(console, ticket.number, "escalate", reason="需要物业公司配合") == (
            f"{ticket.number} 已上报至网格党支部。")
        page = await (await console.client.get(f"/console/t/{ticket.number}")).text()
        assert "已联系物业" in page and "需要物业公司配合" in page and "网页工作台" in page
        refused = await console.client.post(f"/console/t/{ticket.number}/accept",
                                            data={"csrf": await console.csrf()})
        assert refused.status == 403  # the case is above the grid worker now (层层销号)


async def test_the_contact_is_shown_only_where_the_bot_shows_it(db_url: str) -> None:
    async with console_for(db_url) as console:
        ticket = await console.file(LIFT)
        async with console.app.services.uow_factory() as uow:
            await uow.session.execute(update(TicketRow).where(TicketRow.id == ticket.id).values(
                reporter_name="李阿姨", reporter_phone="13800138000", level=1))
            await uow.commit()
        await console.sign_in(TASK_FORCE)
        assert "13800138000" in await (await console.client.get(f"/console/t/{ticket.number}")
                                       ).text()
        await console.sign_in(WORKER)  # below the ticket's level: as on the bot's card
        page = await (await console.client.get(f"/console/t/{ticket.number}")).text()
        assert LIFT in page and "13800138000" not in page and "李阿姨" not in page


async def test_a_triage_ticket_is_assigned_by_the_community(db_url: str) -> None:
    async with console_for(db_url) as console:
        ticket = await console.file("明德花园小区里有人天天半夜在花园里放音乐跳舞，吵得睡不着",
                                    answers=("跳过",))
        assert ticket.status == "triage"
        await console.sign_in(SECRETARY)
        page = await (await console.client.get(f"/console/t/{ticket.number}")).text()
        assert ">分派网格</button>" in page and ">受理</button>" not in page
        notice = await act(console, ticket.number, "transfer", grid="MDHY-02")
        assert notice == f"{ticket.number} 已分派至明德花园第二网格。"
        await console.chat.drain_outbox()
        assert ticket.number in console.chat.last_to("MDHY-02-W1")[-1].text
        async with console.app.services.uow_factory() as uow:
            actions = [e.action for e in await uow.events.for_ticket(ticket.id)]
        assert actions == ["created", "assigned"]


async def test_a_failed_action_changes_nothing(db_url: str) -> None:
    async with console_for(db_url) as console:
        ticket = await console.file(LIFT)
        await console.sign_in(WORKER)
        assert await act(console, ticket.number, "transfer", grid="NOWHERE") == "请选择一项。"
        assert await act(console, ticket.number, "whistle", department="不存在的部门") == (
            "请选择一项。")
        async with console.app.services.uow_factory() as uow:
            count = await uow.session.scalar(select(func.count()).select_from(TicketEventRow))
        assert count == 1
