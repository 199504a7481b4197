"""A published Open311 client (`georeport` from PyPI) against GridDesk: it lists the services,
reads the requests back in JSON and XML, and follows one to `closed` after the grid worker
resolves it in the bot. `georeport` does not file requests, so filing is the specification's own
example: a form POST to requests.json, here with `requests`."""

from __future__ import annotations

import asyncio

import requests
from georeport import GeoReport

from tests.hardening.support import Driver
from tests.web.open311_support import BASE, INSIDE, open_site

WORKER = "MDHY-01-W1"


async def test_a_published_client_files_reads_and_follows_to_closed(db_url: str) -> None:
    async with open_site(db_url) as site:
        key = await site.key("city-app", can_file=True)
        root = str(site.client.make_url(BASE))
        json_client = GeoReport(root, jurisdiction="TBH", output_format="json")
        xml_client = GeoReport(root, jurisdiction="TBH", output_format="xml")

        services = await asyncio.to_thread(json_client.get_service_list)
        codes = [category.code for category in site.app.services.config.taxonomy.categories]
        assert [service["service_code"] for service in services] == codes
        xml_services = await asyncio.to_thread(xml_client.get_service_list)
        assert [service["service_code"] for service in xml_services] == codes
        definition = await asyncio.to_thread(json_client.get_service_definition, "street_light")
        assert definition == {"service_code": "street_light", "attributes": []}

        def post(fields: dict[str, str]) -> str:
            response = requests.post(f"{root}/requests.json",
                                     data={"api_key": key, "jurisdiction_id": "TBH", **fields},
                                     timeout=30)
            assert response.status_code == 201, response.text
            return str(response.json()[0]["service_request_id"])

        located = await asyncio.to_thread(post, {
            "service_code": "street_light", "lat": INSIDE[0], "long": INSIDE[1],
            "description": "小区门口的路灯不亮了", "first_name": "李", "last_name": "四"})
        addressed = await asyncio.to_thread(post, {
            "address_string": "颂运水庭2号楼", "description": "楼下垃圾堆了好几天没人清理"})

        request = await asyncio.to_thread(json_client.get_service_request, located)
        assert (request["status"], request["service_code"]) == ("open", "street_light")
        assert request["agency_responsible"] == "明德花园第一网格"
        assert "李" not in str(request)
        xml_request = await asyncio.to_thread(xml_client.get_service_request, addressed)
        assert xml_request["service_request_id"] == addressed
        assert xml_request["address"] == "颂运水庭2号楼"
        assert xml_request["service_code"] == "sanitation"
        both = await asyncio.to_thread(json_client.get_service_requests,
                                       service_request_id=f"{located},{addressed}")
        assert {r["service_request_id"] for r in both} == {located, addressed}

        bot = Driver(site.app.services)
        await bot.drain()  # the worker's card for the hotline's request
        assert any(located in text for text in bot.texts_to(WORKER))
        await bot.press(WORKER, "接单")
        await bot.press(WORKER, "办结")
        await bot.text(WORKER, "已更换路灯灯泡，恢复照明")

        closed = await asyncio.to_thread(json_client.get_service_requests, status="closed")
        assert [r["service_request_id"] for r in closed] == [located]
        assert closed[0]["status_notes"] == "已更换路灯灯泡，恢复照明"
        still_open = await asyncio.to_thread(xml_client.get_service_requests, status="open")
        assert still_open["service_request_id"] == addressed  # xmltodict: a single request
