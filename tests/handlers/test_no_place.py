"""Complaints without a known place reach the street's or the district's triage queue."""

from __future__ import annotations

from bot.demo.session import DemoSession
from tests.handlers.test_resident_flow import texts_to, tickets

NOISE = "我家楼上天天晚上十一点以后还在剁肉，吵得睡不着"


async def test_skipped_place_goes_to_the_district_queue(chat: DemoSession) -> None:
    await chat.say(NOISE)
    await chat.say("跳过")
    await chat.press("确认提交")
    assert "已提交" in texts_to(chat)[-1] and "区社会治理专班" in texts_to(chat)[-1]
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.community_code, ticket.street_code) == ("triage", None, None)
    card = texts_to(chat, "TBH-TF")[-1]
    assert "待分派" in card and ticket.number in card
    labels = [label for label, _ in chat.last_to("TBH-TF")[-1].buttons]
    assert "南辛庄村网格" in labels and "明德花园第一网格" in labels and "上报" not in labels


async def test_location_outside_every_grid_goes_to_the_district_queue(chat: DemoSession) -> None:
    await chat.say(NOISE)
    await chat.location(31.2, 121.4)
    assert "不在" in texts_to(chat)[-1]
    await chat.say("跳过")
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.status == "triage" and ticket.latitude == 31.2
    assert ticket.number in texts_to(chat, "TBH-TF")[-1]


async def test_a_named_street_gets_the_street_queue_and_assigns_a_grid(chat: DemoSession) -> None:
    await chat.say("许庄街道这边路口的垃圾桶天天满着没人收")
    await chat.say("跳过")
    await chat.press("确认提交")
    assert "许庄街道" in texts_to(chat)[-1]
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.street_code) == ("triage", "XZ")
    card = texts_to(chat, "XZ-C")[-1]
    assert "待分派" in card and "许庄街道" in card
    labels = [label for label, _ in chat.last_to("XZ-C")[-1].buttons]
    assert "济东新村第一网格" not in labels and "上报" in labels
    chat.switch("XZ-C")
    await chat.press("明德花园第二网格")
    [ticket] = await tickets(chat)
    assert (ticket.status, ticket.grid_code, ticket.assignee_code) == (
        "assigned",
        "MDHY-02",
        "MDHY-02-W1",
    )
    assert ticket.number in texts_to(chat, "MDHY-02-W1")[-1]


async def test_a_location_near_a_street_gets_its_queue(chat: DemoSession) -> None:
    await chat.say(NOISE)
    await chat.location(35.376, 116.601)  # just north of 明德花园, outside every grid
    await chat.say("跳过")
    await chat.press("确认提交")
    [ticket] = await tickets(chat)
    assert ticket.street_code == "XZ" and ticket.number in texts_to(chat, "XZ-C")[-1]


async def test_street_queue_escalates_to_the_district(chat: DemoSession) -> None:
    await chat.say("许庄街道这边路口的垃圾桶天天满着没人收")
    await chat.say("跳过")
    await chat.press("确认提交")
    chat.switch("XZ-C")
    await chat.press("上报")
    await chat.say("需要区里协调")
    [ticket] = await tickets(chat)
    assert (ticket.level, ticket.assignee_code) == (4, "TBH-TF")
