"""Bad input gets the specification's error body and nothing is filed; a retried POST is filed
once; a key that floods, is revoked or may not file is refused."""

from __future__ import annotations

import asyncio
from xml.etree import ElementTree

import pytest

from tests.web.open311_support import INSIDE, OUTSIDE, Site, open_site

GOOD = {"lat": INSIDE[0], "long": INSIDE[1], "description": "路灯不亮了"}


async def _tickets(site: Site) -> int:
    _, requests = await site.get("requests")
    return len(requests)


@pytest.mark.parametrize(("fields", "words"), [
    ({"service_code": "no_such_service"}, "unknown service_code"),
    ({"lat": None, "long": None}, "location required"),
    ({"lat": OUTSIDE[0], "long": OUTSIDE[1]}, "outside 太白湖新区"),
    ({"lat": "north", "long": INSIDE[1]}, "decimal degrees"),
    ({"long": None}, "decimal degrees"),
    ({"description": "灯" * 2001}, "too long"),
    ({"description": None}, "description required"),
    ({"media_url": "javascript:alert(1)"}, "media_url"),
])
async def test_bad_input_is_refused_with_the_specifications_error(
    db_url: str, fields: dict[str, str | None], words: str
) -> None:
    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True)
        data = {k: v for k, v in {**GOOD, "api_key": key, **fields}.items() if v is not None}
        status, body = await site.post(data)
        assert status == 400
        assert body[0]["code"] == 400 and words in body[0]["description"]
        assert await _tickets(site) == 0


async def test_errors_in_xml_and_bad_dates(db_url: str) -> None:
    async with open_site(db_url) as site:
        status, xml = await site.post({**GOOD}, fmt="xml")
        root = ElementTree.fromstring(xml)
        assert status == 403 and root.tag == "errors"
        assert root.findtext("error/code") == "403"
        assert root.findtext("error/description") == "api_key required"
        for params, words in (({"start_date": "yesterday"}, "start_date is not a W3C datetime"),
                              ({"end_date": "2026-13-01"}, "end_date is not a W3C datetime"),
                              ({"start_date": "2026-01-01T00:00:00Z",
                                "end_date": "2026-06-01T00:00:00Z"}, "90 days"),
                              ({"status": "pending"}, "open or closed")):
            status, body = await site.get("requests", **params)
            assert status == 400 and words in body[0]["description"], params
        status, body = await site.get("services", jurisdiction_id="elsewhere")
        assert status == 404 and "jurisdiction_id" in body[0]["description"]
        status, body = await site.get("services", jurisdiction_id="tbh")
        assert status == 200


async def test_keys_that_may_not_file_are_refused(db_url: str) -> None:
    async with open_site(db_url) as site:
        reader = await site.key("dashboard", can_read=True)
        revoked = await site.key("old-app", can_file=True)
        async with site.app.services.uow_factory() as uow:
            from handlers.open311 import revoke_key

            assert await revoke_key(uow, "old-app")
            await uow.commit()
        for key, words in ((reader, "may not file"), (revoked, "revoked"),
                           ("gd_not-a-key", "invalid api_key")):
            status, body = await site.post({**GOOD, "api_key": key})
            assert (status, body[0]["code"]) == (403, 403) and words in body[0]["description"]
        assert await _tickets(site) == 0


async def test_a_retried_post_is_filed_once(db_url: str) -> None:
    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True)
        first_status, [first] = await site.post({**GOOD, "api_key": key},
                                                headers={"Idempotency-Key": "call-1"})
        again_status, [again] = await site.post({**GOOD, "api_key": key},
                                                headers={"Idempotency-Key": "call-1"})
        assert (first_status, again_status) == (201, 200)
        assert again["service_request_id"] == first["service_request_id"]
        # no header: the same client's identical request within minutes is the same request
        plain = {"api_key": key, "address_string": "明德花园2号楼", "description": "井盖丢了"}
        _, [one] = await site.post(plain)
        status, [two] = await site.post(plain)
        assert status == 200 and two["service_request_id"] == one["service_request_id"]
        # a different request, or another idempotency key, is a new filing
        _, [other] = await site.post({**plain, "description": "井盖松动了"})
        _, [third] = await site.post({**GOOD, "api_key": key},
                                     headers={"Idempotency-Key": "call-2"})
        assert len({first["service_request_id"], one["service_request_id"],
                    other["service_request_id"], third["service_request_id"]}) == 4
        assert await _tickets(site) == 4


async def test_concurrent_retries_are_filed_once(db_url: str) -> None:
    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True)
        answers = await asyncio.gather(*(
            site.post({**GOOD, "api_key": key}, headers={"Idempotency-Key": "same-call"})
            for _ in range(4)))
        assert sorted(status for status, _ in answers) == [200, 200, 200, 201]
        assert len({body[0]["service_request_id"] for _, body in answers}) == 1
        assert await _tickets(site) == 1
        status, body = await site.post({**GOOD, "api_key": key, "jurisdiction_id": "ELSEWHERE"})
        assert status == 404 and "jurisdiction_id" in body[0]["description"]


async def test_a_flood_from_one_key_is_stopped_and_others_go_on(db_url: str) -> None:
    async with open_site(db_url) as site:
        flood = await site.key("flood", can_file=True, per_minute=3)
        calm = await site.key("calm", can_file=True)
        statuses = []
        for n in range(5):
            status, body = await site.post({**GOOD, "api_key": flood,
                                            "description": f"路灯不亮了（第{n + 1}次）"})
            statuses.append(status)
        assert statuses == [201, 201, 201, 429, 429]
        assert body[0]["code"] == 429 and "at most 3 a minute" in body[0]["description"]
        status, _ = await site.post({**GOOD, "api_key": calm})
        assert status == 201
        assert await _tickets(site) == 4


async def test_reading_can_require_a_key(db_url: str) -> None:
    async with open_site(db_url, GRIDDESK_OPEN311_READ_NEEDS_KEY="1") as site:
        filer = await site.key("hotline", can_file=True)
        reader = await site.key("dashboard", can_read=True)
        _, [filed] = await site.post({**GOOD, "api_key": filer})
        status, body = await site.get("requests")
        assert status == 403 and body[0]["description"] == "api_key required"
        status, body = await site.get(f"requests/{filed['service_request_id']}", api_key=filer)
        assert status == 403 and "may not read" in body[0]["description"]
        status, [request] = await site.get(f"requests/{filed['service_request_id']}",
                                           api_key=reader)
        assert status == 200 and request["status"] == "open"
        status, services = await site.get("services")  # the service list stays public
        assert status == 200 and services
