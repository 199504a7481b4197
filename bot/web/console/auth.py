"""Sign-in through the bot, the session cookie, CSRF, and the headers every page carries.

A request to the console runs in one unit of work opened here (`request[UOW]`): the session
check, the page's queries and, for a POST, the action and its outbox rows are one transaction.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable

import aiohttp_jinja2
from aiohttp import web

from bot.web.console.state import COOKIE, STATE, ConsoleState
from handlers import console
from handlers.console import Viewer
from models.uow import UnitOfWork

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

UOW = web.RequestKey("uow", UnitOfWork)
VIEWER = web.RequestKey("viewer", Viewer)
SESSION = web.RequestKey("session", str)
PUBLIC = frozenset({"login_page", "login", "signed_out", "static", "font"})

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: {tiles}; "
       "connect-src 'self'; font-src 'self'; frame-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; "
       "base-uri 'none'")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the sign-in link carries its token in the URL
}
CACHED = frozenset({"static", "font"})  # files, the same for everyone; pages are never stored


def tile_origin(tile_url: str) -> str:
    """The tile server's origin for the CSP (`https://host`), or nothing."""
    if "://" not in tile_url:
        return ""
    scheme, rest = tile_url.split("://", 1)
    host = rest.split("/", 1)[0].replace("{s}", "*")
    return f"{scheme}://{host}"


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Security headers on every answer; a live session (and a CSRF token on POST) for every
    route but sign-in and static files."""
    state = request.app[STATE]
    try:
        response = await _guarded(request, handler, state)
    except web.HTTPException as error:
        _secure(request, error, state)
        raise
    _secure(request, response, state)
    return response


def _secure(request: web.Request, response: web.StreamResponse, state: ConsoleState) -> None:
    response.headers.update(HEADERS)
    if "Content-Security-Policy" not in response.headers:  # a report sets its own, stricter
        response.headers["Content-Security-Policy"] = CSP.format(
            tiles=tile_origin(state.tile_url))
    framed = request.match_info.route.name == "report_file"  # shown in the report page
    response.headers["X-Frame-Options"] = "SAMEORIGIN" if framed else "DENY"
    if request.match_info.route.name not in CACHED:
        response.headers["Cache-Control"] = "no-store"


def see_other(location: str) -> web.Response:
    """A redirect after a POST (303), as a plain response."""
    return web.Response(status=303, headers={"Location": location})


async def _guarded(request: web.Request, handler: Handler,
                   state: ConsoleState) -> web.StreamResponse:
    route = request.match_info.route.name
    services = state.app.services
    async with services.uow_factory() as uow:
        request[UOW] = uow
        if route in PUBLIC:
            return await handler(request)
        session_id = state.session_id(request)
        found = None if session_id is None else await console.viewer(uow, services.config,
                                                                       session_id)
        if session_id is None or found is None:
            return _refused(request, 401)
        request[VIEWER], request[SESSION] = found, session_id
        if request.method == "POST":
            form = await request.post()
            sent = str(form.get("csrf", ""))
            if not hmac.compare_digest(sent, state.csrf_token(session_id)):
                return _refused(request, 403)
        return await handler(request)


def _refused(request: web.Request, status: int) -> web.Response:
    return aiohttp_jinja2.render_template("console/refused.html", request,
                                          {"status": status}, status=status)


async def login_page(request: web.Request) -> web.Response:
    """The link from the bot shows a button; only pressing it spends the token (a link preview
    or a prefetch that opens the URL spends nothing)."""
    token = request.query.get("token", "")[: console.MAX_TOKEN]
    return aiohttp_jinja2.render_template("console/login.html", request, {"token": token})


async def login(request: web.Request) -> web.StreamResponse:
    state, uow = request.app[STATE], request[UOW]
    form = await request.post()
    session_id = await console.sign_in(uow, str(form.get("token", "")), state.lifetime)
    await uow.commit()
    if session_id is None:
        return _refused(request, 403)
    response = see_other(str(request.app.router["queue"].url_for()))
    response.set_cookie(COOKIE, state.cookie_value(session_id), httponly=True,
                        samesite="Strict", secure=state.secure_cookie, path="/console",
                        max_age=int(state.lifetime.total_seconds()))
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    uow = request[UOW]
    await console.sign_out(uow, request[SESSION])
    await uow.commit()
    response = see_other(str(request.app.router["signed_out"].url_for()))
    response.del_cookie(COOKIE, path="/console")
    return response


async def font(request: web.Request) -> web.FileResponse:
    """The CJK font the charts use (Noto Sans CJK SC from `mplfonts`), for browsers without
    one: the stylesheet names local fonts first."""
    from bot.reports.fonts import cjk_font_path

    response = web.FileResponse(cjk_font_path())
    response.headers["Cache-Control"] = "public, max-age=2592000"
    return response


async def signed_out(request: web.Request) -> web.Response:
    return aiohttp_jinja2.render_template("console/refused.html", request, {"status": 0})
