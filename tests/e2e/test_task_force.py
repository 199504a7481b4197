"""The district task force (TBH-TF, a group chat in the demo configuration) acts in Telegram:
before an official is bound its group gets cards without any resident contact data; once bound
by `griddesk invite`, the binding survives restarts and `griddesk config load`, and the unit's
cards go to the official privately, who accepts, whistles, resolves, and the resident signs off."""

from __future__ import annotations

import pytest

from bench.botapi_double import BotApiDouble, BotMessage, SimUser
from bot.cli.commands.config_load import load_into
from bot.cli.commands.invite_cmd import create_invite
from handlers import texts
from models.config.loader import load_config
from tests.e2e.conftest import bot_settings, polling_bot
from tests.e2e.test_front_door import LAMP, NUMBER, db_tickets

GROUP = -1009000000001
OFFICIAL = 7300001
RESIDENT, REPORTER = 5590001, 5590002
PHONE, NAME, TYPED = "13912345678", "刘秀英", "13800001111"  # shared contact, typed number
CHAIN = (710101, 830101, 820101, 910001)  # worker, branch, community, street (MDHY-01)


async def escalate(api: BotApiDouble, who: SimUser, number: str) -> None:
    card = await api.wait_for(who, number, timeout=15)
    await who.press(card, texts.BTN_ESCALATE)
    await api.wait_for(who, "上报的原因", timeout=10)
    await who.send_text("本级无法解决，请上级协调")
    await api.wait_for(who, "已上报", timeout=10)


async def test_task_force_acts_privately_and_its_binding_survives(
    api: BotApiDouble, pg_url: str, framework: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRIDDESK_DATABASE_URL", pg_url)
    monkeypatch.delenv("GRIDDESK_CONFIG", raising=False)
    settings = bot_settings(api, pg_url, framework)
    resident, reporter = api.user(RESIDENT, NAME), api.user(REPORTER, "居民")
    official = api.user(OFFICIAL, "孟庆远")
    chain = [api.user(uid, "工作人员") for uid in CHAIN]
    api.group(GROUP, "区社会治理专班")

    async with polling_bot(settings, api):
        # Unbound: the urgent card reaches the group, without the resident's name or phone.
        await resident.send_contact(PHONE)
        await api.wait_for(resident, "已记录", timeout=10)
        await resident.send_text(f"明德花园3号楼楼道里着火了，冒了好多烟！我电话{TYPED}")
        await api.wait_for(resident, "119", timeout=10)
        worker_card = await api.wait_for(CHAIN[0], "紧急", timeout=10)
        assert PHONE in worker_card.plain_text and TYPED in worker_card.plain_text
        group_card = await api.wait_for(GROUP, "紧急", timeout=10)
        for secret in (PHONE, NAME, TYPED):
            assert secret not in group_card.plain_text
        assert "群聊中不显示" in group_card.plain_text
        link = await create_invite("TBH-TF", None)
        assert link is not None
        await official.send_command("/start", link.split(" ", 1)[1])
        await api.wait_for(official, "绑定成功", timeout=10)

    await load_into(pg_url, load_config())  # `griddesk config load`
    async with polling_bot(settings, api):  # a restart syncs the configuration again
        await official.send_command("/start")
        greeting = await api.wait_for(official, "您好", timeout=10)
        assert texts.ROLE_NAMES["district_task_force"] in greeting.plain_text

        await reporter.send_text(LAMP)
        await reporter.press(await api.wait_for(reporter, "请核对", timeout=10), "确认提交")
        filed = await api.wait_for(reporter, "已提交", timeout=10)
        number = NUMBER.search(filed.plain_text).group()  # type: ignore[union-attr]
        for person in chain:
            await escalate(api, person, number)
        card = await api.wait_for(official, number, timeout=15)
        await act_as_task_force(api, official, card, number)
        rating = await api.wait_for(reporter, "请对办理结果进行评价", timeout=15)
        await reporter.press(rating, "满意")
        await api.wait_for(reporter, "已关闭", timeout=10)

    group_texts = [m.plain_text for m in api.messages_to(GROUP)]
    assert not any(s in t for t in group_texts for s in (PHONE, NAME, TYPED, number))
    tickets = {t.number: t for t in await db_tickets(pg_url)}
    ticket = tickets[number]
    assert (ticket.level, ticket.status) == (4, "closed")


async def act_as_task_force(
    api: BotApiDouble, official: SimUser, card: BotMessage, number: str
) -> None:
    """接单, 吹哨 to a department, 办结 with a result, all from the official's private chat."""
    assert card.buttons()[0] == texts.BTN_ACCEPT and texts.BTN_RESOLVE not in card.buttons()
    press = await official.press(card, texts.BTN_ACCEPT)
    assert "已接单" in (await api.wait_for_answer(press)).get("text", "")
    await api.wait_for_call(  # the card is edited in place and now offers 办结
        "editMessageText", lambda params: params.get("message_id") == card.message_id,
        timeout=10)
    assert texts.BTN_RESOLVE in card.buttons()
    await official.press(card, texts.BTN_WHISTLE)
    pick = await api.wait_for(official, "哪个部门", timeout=10)
    await official.press(pick, pick.buttons()[0])
    await api.wait_for(official, "已吹哨", timeout=10)
    await official.press(card, texts.BTN_RESOLVE)
    await api.wait_for(official, "办理结果", timeout=10)
    await official.send_text("已协调消防和物业，隐患已排除")
    await api.wait_for(official, "已办结", timeout=10)
