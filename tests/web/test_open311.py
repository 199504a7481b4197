"""Open311 GeoReport v2 over HTTP on both databases: the specification's examples adapted to the
demo district (services, filing with a location or an address, reading back, following it to
closed), JSON and XML."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from handlers.conversation import Draft, Reporter
from handlers.tickets import TicketService
from tests.web.open311_support import INSIDE, open_site

NUMBER = re.compile(r"^TBH-\d{8}-\d{4}$")


async def test_services_list_every_category_in_json_and_xml(db_url: str) -> None:
    async with open_site(db_url) as site:
        categories = site.app.services.config.taxonomy.categories
        status, services = await site.get("services")
        assert status == 200
        assert [s["service_code"] for s in services] == [c.code for c in categories]
        leak = next(s for s in services if s["service_code"] == "water_leak")
        assert leak["service_name"] == "漏水渗水"
        assert leak["metadata"] is False and leak["type"] == "realtime"
        assert "漏水" in leak["keywords"].split(",")
        assert leak["group"] == "物业服务企业"
        assert leak["description"].startswith("Water getting where it should not")
        status, xml = await site.get("services", fmt="xml")
        root = ElementTree.fromstring(xml)
        assert root.tag == "services"
        codes = [element.findtext("service_code") for element in root.findall("service")]
        assert codes == [c.code for c in categories]
        assert root.find("service/metadata").text == "false"  # type: ignore[union-attr]
        status, definition = await site.get("services/water_leak")
        assert (status, definition) == (200, {"service_code": "water_leak", "attributes": []})
        status, missing = await site.get("services/no_such", fmt="xml")
        error = ElementTree.fromstring(missing)
        assert status == 404 and error.tag == "errors"
        assert error.findtext("error/code") == "404"
        assert "no_such" in (error.findtext("error/description") or "")


async def test_a_request_with_a_location_is_filed_like_a_chat_filing(db_url: str) -> None:
    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True)
        status, body = await site.post({
            "api_key": key, "service_code": "street_light", "lat": INSIDE[0],
            "long": INSIDE[1], "description": "小区门口的路灯不亮了，晚上很黑",
            "media_url": "https://example.org/lamp.jpg", "first_name": "张", "last_name": "三",
            "phone": "13800138000", "email": "zhang@example.org",
        })
        assert status == 201, body
        [answer] = body
        number = answer["service_request_id"]
        assert NUMBER.match(number)
        assert "受理" in answer["service_notice"]
        ticket = await site.ticket(number)
        assert ticket.source == "open311:hotline"
        assert (ticket.reporter_user_id, ticket.reporter_chat_id) == (None, None)
        assert ticket.reporter_phone == "13800138000"
        assert (ticket.grid_code, ticket.assignee_code) == ("MDHY-01", "MDHY-01-W1")
        assert await site.recipients(number) == ["MDHY-01-W1"]  # the card, as in the chat

        status, [request] = await site.get(f"requests/{number}")
        assert status == 200
        assert request["service_request_id"] == number
        assert (request["status"], request["status_notes"]) == ("open", None)
        assert request["service_code"] == "street_light"
        assert request["agency_responsible"] == "明德花园第一网格"
        assert (request["lat"], request["long"]) == (35.372, 116.601)
        assert request["media_url"] == "https://example.org/lamp.jpg"
        assert request["expected_datetime"].endswith("+08:00")
        assert request["requested_datetime"] <= request["expected_datetime"]
        text = str(request)
        for private in ("13800138000", "zhang@example.org", "张 三"):
            assert private not in text


async def test_a_request_with_only_an_address_is_routed_by_the_same_engine(db_url: str) -> None:
    async with open_site(db_url) as site:
        key = await site.key("miniprogram", can_file=True)
        status, [answer] = await site.post({
            "api_key": key, "address_string": "颂运水庭3号楼",
            "description": "楼上天天漏水，天花板都泡坏了"}, fmt="json")
        assert status == 201
        number = answer["service_request_id"]
        ticket = await site.ticket(number)
        assert (ticket.category_code, ticket.grid_code) == ("water_leak", "SYST-01")
        assert ticket.address_text == "颂运水庭3号楼"
        status, xml = await site.get(f"requests/{number}", fmt="xml")
        request = ElementTree.fromstring(xml).find("request")
        assert request is not None
        assert request.findtext("service_request_id") == number
        assert request.findtext("service_code") == "water_leak"
        assert request.findtext("address") == "颂运水庭3号楼"
        assert request.findtext("lat") == ""  # no point given


async def test_an_urgent_request_reaches_the_whole_chain(db_url: str) -> None:
    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True)
        status, [answer] = await site.post({
            "api_key": key, "address_string": "明德花园3号楼",
            "description": "3号楼电梯困人了，有老人被关在里面"})
        assert status == 201
        ticket = await site.ticket(answer["service_request_id"])
        assert ticket.urgent
        assert set(await site.recipients(ticket.number)) >= {"MDHY-01-W1", "MDHY-01-B",
                                                             "MDHY-S"}


async def test_listing_filters_and_reading_is_public_but_never_personal(db_url: str) -> None:
    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True)
        filed = []
        for description, code in (("路灯不亮了", "street_light"), ("楼道里堆满杂物", None)):
            _, [answer] = await site.post({"api_key": key, "lat": INSIDE[0], "long": INSIDE[1],
                                           "description": description,
                                           **({"service_code": code} if code else {})})
            filed.append(answer["service_request_id"])
        services = site.app.services
        async with services.uow_factory() as uow:  # a chat filing, with the resident's details
            draft = Draft(text="我叫王小明，电话13912345678，5号楼门口井盖丢了",
                          category="road_facility", community="MDHY", grid="MDHY-01",
                          building=5, location=(35.3721, 116.6011), contact_name="王小明",
                          phone="13912345678", normalized="井盖丢了", confidence=0.9)
            chat = await TicketService(uow, services.clock, services.config).file(
                draft, Reporter(4242, 4242))
            await uow.commit()
            await uow.updates.settle_numbers()
        status, everything = await site.get("requests")
        assert status == 200
        assert {r["service_request_id"] for r in everything} == {*filed, chat.number}
        resident = next(r for r in everything if r["service_request_id"] == chat.number)
        assert "王小明" not in str(resident) and "13912345678" not in str(resident)
        assert "4242" not in str(resident)
        assert (resident["lat"], resident["long"]) == (None, None)
        assert resident["address"] == "明德花园社区 明德花园第一网格 5号楼"
        _, lights = await site.get("requests", service_code="street_light")
        assert [r["service_request_id"] for r in lights] == [filed[0]]
        _, some = await site.get("requests", service_request_id=f"{filed[1]},{chat.number}")
        assert {r["service_request_id"] for r in some} == {filed[1], chat.number}
        _, closed = await site.get("requests", status="closed")
        assert closed == []
        _, old = await site.get("requests", start_date="2020-01-01T00:00:00Z",
                                end_date="2020-02-01T00:00:00+08:00")
        assert old == []
        status, missing = await site.get("requests/TBH-20200101-0001")
        assert status == 404 and missing[0]["code"] == 404


async def test_a_request_followed_to_closed_with_its_public_note(db_url: str) -> None:
    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True)
        _, [answer] = await site.post({"api_key": key, "service_code": "street_light",
                                       "lat": INSIDE[0], "long": INSIDE[1],
                                       "description": "路灯不亮了"})
        number = answer["service_request_id"]
        await site.act(number, "accept", "MDHY-01-W1")
        _, [accepted] = await site.get(f"requests/{number}")
        assert accepted["status"] == "open"
        await site.act(number, "escalate", "MDHY-01-W1", "需要社区协调供电公司")
        _, [escalated] = await site.get(f"requests/{number}")
        assert escalated["agency_responsible"] == "明德花园第一网格党支部"
        assert "供电公司" not in str(escalated)  # an escalation reason is internal
        holder = (await site.ticket(number)).assignee_code
        await site.act(number, "accept", holder)
        await site.act(number, "resolve", holder, "已更换灯泡，路灯恢复照明")
        _, [resolved] = await site.get(f"requests/{number}")
        assert resolved["status"] == "closed"
        assert resolved["status_notes"] == "已更换灯泡，路灯恢复照明"
        assert resolved["expected_datetime"] is None
        _, closed = await site.get("requests", status="closed")
        assert [r["service_request_id"] for r in closed] == [number]


async def test_the_client_is_a_channel_on_the_card_and_in_the_monthly_report(db_url: str) -> None:
    from models.reports.month import Month
    from models.reports.monthly import monthly_report
    from models.reports.summary import headline

    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True)
        for description in ("路灯不亮了", "井盖丢了"):
            await site.post({"api_key": key, "lat": INSIDE[0], "long": INSIDE[1],
                             "description": description})
        services = site.app.services
        async with services.uow_factory() as uow:
            draft = Draft(text="垃圾没人清理", category="sanitation", community="MDHY",
                          grid="MDHY-01", normalized="垃圾没人清理", confidence=0.9)
            chat = await TicketService(uow, services.clock, services.config).file(
                draft, Reporter(77, 77))
            await uow.commit()
            await uow.updates.settle_numbers()
            cards = {row.ticket_number: row.payload["text"] for row in await uow.outbox.rows()}
            month = Month.containing(services.clock.now(), services.config.district.timezone)
            report = await monthly_report(uow, services.config, "TBH", month)
            chat_number = chat.number
        hotline_cards = [text for number, text in cards.items() if number != chat_number]
        assert len(hotline_cards) == 2
        assert all("渠道：Open311接入（hotline）" in text for text in hotline_cards)
        assert "渠道" not in cards[chat_number]
        assert report.by_channel == [("open311:hotline", 2), ("telegram", 1)]
        assert "受理渠道：Open311接入（hotline）2件，Telegram1件。" in headline(report)
