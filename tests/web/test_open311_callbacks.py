"""Status changes reach the filing client's callback URL (a loopback server here), signed with
an HMAC of its key, written in the transaction of the change and retried with backoff."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from typing import Any

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.workers.callbacks import DELIVERY_HEADER, SIGNATURE_HEADER, CallbackWorker
from handlers.tickets import TicketService
from tests.web.open311_support import INSIDE, Site, open_site


class Receiver:
    """A client's callback endpoint: answers `failures` times with 503, then 204."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.app = web.Application()
        self.app.router.add_post("/hook", self.hook)

    async def hook(self, request: web.Request) -> web.Response:
        if self.failures > 0:
            self.failures -= 1
            return web.Response(status=503)
        self.received.append((dict(request.headers), await request.read()))
        return web.Response(status=204)


async def _deliver_until(site: Site, condition: Any, bound: float = 20.0) -> None:
    """Run the worker's rounds until `condition()` holds (at most `bound` seconds)."""
    async with aiohttp.ClientSession() as http, asyncio.timeout(bound):
        worker = CallbackWorker(site.app.services.uow_factory, http, site.app.services.clock)
        while not condition():
            if not await worker.deliver_due():
                await asyncio.sleep(0.1)


async def test_status_changes_are_posted_signed_to_the_client(db_url: str) -> None:
    receiver = Receiver(failures=1)
    async with TestServer(receiver.app, host="127.0.0.1") as server, open_site(db_url) as site:
        key = await site.key("hotline", can_file=True,
                             callback_url=str(server.make_url("/hook")))
        _, [answer] = await site.post({"api_key": key, "service_code": "street_light",
                                       "lat": INSIDE[0], "long": INSIDE[1],
                                       "description": "路灯不亮了"})
        number = answer["service_request_id"]
        await site.act(number, "accept", "MDHY-01-W1")
        await site.act(number, "resolve", "MDHY-01-W1", "已更换灯泡")
        await _deliver_until(site, lambda: len(receiver.received) == 2)
        secret = hashlib.sha256(key.encode()).hexdigest().encode()
        events = []
        for headers, body in receiver.received:
            expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
            assert hmac.compare_digest(headers[SIGNATURE_HEADER], expected)
            assert headers[DELIVERY_HEADER].startswith(f"{number}:e")
            payload = json.loads(body)
            assert payload["service_request"]["service_request_id"] == number
            events.append((payload["event"], payload["service_request"]["status"],
                           payload["service_request"]["status_notes"]))
        assert sorted(events) == [("accepted", "open", None), ("resolved", "closed", "已更换灯泡")]
        async with site.app.services.uow_factory() as uow:
            rows = [(row.status, row.attempts, row.last_error)
                    for row in await uow.open311.callbacks()]
        assert sorted(rows) == [("sent", 1, None), ("sent", 2, None)]  # one retried


async def test_a_change_rolled_back_sends_nothing_and_a_revoked_key_gets_nothing(
    db_url: str
) -> None:
    receiver = Receiver()
    async with TestServer(receiver.app, host="127.0.0.1") as server, open_site(db_url) as site:
        url = str(server.make_url("/hook"))
        key = await site.key("hotline", can_file=True, callback_url=url)
        quiet = await site.key("quiet", can_file=True)  # no callback URL
        _, [loud] = await site.post({"api_key": key, "lat": INSIDE[0], "long": INSIDE[1],
                                     "description": "路灯不亮了", "service_code": "street_light"})
        _, [silent] = await site.post({"api_key": quiet, "lat": INSIDE[0], "long": INSIDE[1],
                                       "description": "井盖丢了"})
        services = site.app.services
        async with services.uow_factory() as uow:  # accepted, then the transaction fails
            ticket = await uow.tickets.by_number(loud["service_request_id"], for_update=True)
            assert ticket is not None
            await TicketService(uow, services.clock, services.config).accept(ticket, "MDHY-01-W1")
            await uow.rollback()
        await site.act(silent["service_request_id"], "accept", "MDHY-01-W1")
        async with services.uow_factory() as uow:
            assert await uow.open311.callbacks() == []
        await site.act(loud["service_request_id"], "accept", "MDHY-01-W1")
        async with services.uow_factory() as uow:
            from handlers.open311 import revoke_key

            await revoke_key(uow, "hotline")
            await uow.commit()

        async with aiohttp.ClientSession() as http:
            worker = CallbackWorker(services.uow_factory, http, services.clock)
            assert await worker.deliver_due() == 1
        async with services.uow_factory() as uow:
            [row] = await uow.open311.callbacks()
            assert (row.status, row.last_error) == ("dead", "the key was revoked")
        assert receiver.received == []


async def test_delivered_callbacks_are_pruned_with_the_outbox(db_url: str) -> None:
    from datetime import timedelta

    from models.retention import RetentionPolicy, prune

    async with open_site(db_url) as site:
        key = await site.key("hotline", can_file=True, callback_url="http://127.0.0.1:9/hook")
        _, [answer] = await site.post({"api_key": key, "lat": INSIDE[0], "long": INSIDE[1],
                                       "description": "路灯不亮了"})
        await site.act(answer["service_request_id"], "accept", "MDHY-01-W1")
        services = site.app.services
        async with services.uow_factory() as uow:
            [row] = await uow.open311.callbacks()
            await uow.open311.settle_callback(row.id, sent=True, error=None, retry_at=None)
            await uow.commit()
        kept = await prune(services.uow_factory, services.clock, RetentionPolicy())
        assert kept.deleted["open311_callbacks"] == 0  # delivered just now
        policy = RetentionPolicy(sent_outbox=timedelta(seconds=-1))
        gone = await prune(services.uow_factory, services.clock, policy)
        assert gone.deleted["open311_callbacks"] == 1


def test_an_idle_callback_worker_looks_less_often_and_at_once_after_work() -> None:
    from bot.workers.callbacks import MAX_IDLE_S, _pause

    quiet = [_pause(0, 0, rounds, 1.0) for rounds in range(0, 200, 20)]
    assert quiet == sorted(quiet) and quiet[0] == 1.0 and quiet[-1] == MAX_IDLE_S
    assert _pause(3, 0, 0, 1.0) == 0.0
    assert _pause(0, 2, 50, 1.0) == 4.0
