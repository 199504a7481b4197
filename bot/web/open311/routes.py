"""The GeoReport v2 endpoints under /open311/v2/ (docs/open311.md). Each request is one unit of
work; the use cases are `handlers.open311`, this module parses and renders."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.app import App
from bot.web.open311.render import errors, respond, respond_one
from handlers.open311 import (
    AlreadyFiled,
    Open311Desk,
    Open311Error,
    Submission,
    client_of,
    request_query,
)
from handlers.open311_view import definition, request_view, service
from handlers.service_levels import service_level_text
from models.uow import UnitOfWork

log = logging.getLogger("griddesk.open311")
BASE = "/open311/v2"
FORMAT = "{fmt:(json|xml)}"
IDEMPOTENCY_HEADER = "Idempotency-Key"
Handler = Callable[[web.Request, App, str], Awaitable[web.Response]]


def setup_open311(web_app: web.Application, app_key: web.AppKey[App]) -> None:
    """Register the endpoints on the web application (its GridDesk under `app_key`)."""

    def route(handler: Handler) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def answer(request: web.Request) -> web.Response:
            fmt = request.match_info["fmt"]
            try:
                _check_jurisdiction(request.query.get("jurisdiction_id"), request.app[app_key])
                return await handler(request, request.app[app_key], fmt)
            except Open311Error as error:
                return errors(fmt, error.status, error.description)

        return answer

    router = web_app.router
    router.add_get(f"{BASE}/services.{FORMAT}", route(list_services))
    router.add_get(f"{BASE}/services/{{code}}.{FORMAT}", route(service_definition))
    router.add_post(f"{BASE}/requests.{FORMAT}", route(post_request))
    router.add_get(f"{BASE}/requests.{FORMAT}", route(list_requests))
    router.add_get(f"{BASE}/requests/{{number}}.{FORMAT}", route(one_request))


def _check_jurisdiction(given: str | None, app: App) -> None:
    """`jurisdiction_id` is optional; when given it must be this district's code."""
    if given and given.upper() != app.services.config.district.code:
        raise Open311Error(404, f"jurisdiction_id not found: {given[:40]}")


async def list_services(request: web.Request, app: App, fmt: str) -> web.Response:
    rules = app.services.router.rules
    items = [service(category, rules) for category in app.services.config.taxonomy.categories]
    return respond(fmt, "services", "service", items)


async def service_definition(request: web.Request, app: App, fmt: str) -> web.Response:
    code = request.match_info["code"]
    for category in app.services.config.taxonomy.categories:
        if category.code == code:
            return respond_one(fmt, "service_definition", definition(category))
    raise Open311Error(404, f"unknown service_code: {code[:40]}")


async def post_request(request: web.Request, app: App, fmt: str) -> web.Response:
    """File a request: answered with its number at once (201), or with the number of the
    request it repeats (200)."""
    fields = dict(await request.post())
    text_fields = {key: value for key, value in fields.items() if isinstance(value, str)}
    _check_jurisdiction(text_fields.get("jurisdiction_id"), app)
    submission = Submission.from_fields(text_fields, request.headers.get(IDEMPOTENCY_HEADER))
    desk = Open311Desk(app.services)
    api_key = text_fields.get("api_key") or request.query.get("api_key")
    async with app.services.uow_factory() as uow:
        client = await client_of(uow, api_key, "file")
        name, client_id = client.name, client.id  # the client row expires on a rollback
        try:
            filed = await desk.file(uow, client, submission)
            await uow.commit()
            await uow.updates.settle_numbers()  # PostgreSQL numbers the ticket at COMMIT
            ticket, status = filed.ticket, 200 if filed.replayed else 201
        except AlreadyFiled:
            await uow.rollback()
            first = await desk.first_filed(uow, client_id, submission)
            if first is None:
                raise Open311Error(409, "the same request is being filed; retry") from None
            ticket, status = first, 200
        if status == 201:
            log.info("open311 %s filed %s", name, ticket.number)
        body = {"service_request_id": ticket.number,
                "service_notice": service_level_text(app.services.config, ticket),
                "account_id": None}
    return respond(fmt, "service_requests", "request", [body], status=status)


async def _reader(app: App, request: web.Request, uow: UnitOfWork) -> None:
    """Reading is public unless GRIDDESK_OPEN311_READ_NEEDS_KEY is set."""
    if app.settings.open311_read_needs_key:
        await client_of(uow, request.query.get("api_key"), "read")


async def list_requests(request: web.Request, app: App, fmt: str) -> web.Response:
    config = app.services.config
    query = request_query(request.query, config.district.timezone, app.services.clock.now())
    async with app.services.uow_factory() as uow:
        await _reader(app, request, uow)
        views = [request_view(config, ticket) for ticket in await uow.open311.requests(query)]
    return respond(fmt, "service_requests", "request", views)


async def one_request(request: web.Request, app: App, fmt: str) -> web.Response:
    number = request.match_info["number"].strip().upper()
    async with app.services.uow_factory() as uow:
        await _reader(app, request, uow)
        ticket = await uow.open311.request(number)
        if ticket is None:
            raise Open311Error(404, f"service_request_id not found: {number[:40]}")
        view = request_view(app.services.config, ticket)
    return respond(fmt, "service_requests", "request", [view])
