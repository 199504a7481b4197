"""The supervisors' web console under /console (docs/console.md): sign-in through the bot,
the queue, the ticket page and its actions. Every route but sign-in and static files needs a
live session (`auth.guard`)."""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.app import App
from bot.web.console import assessment, auth, dashboard, grid_map, queue, reports, ticket
from bot.web.console.state import STATE, make_state

STATIC = Path(__file__).resolve().parent.parent / "static"


def console_app(app: App) -> web.Application:
    """The console as a sub-application (its own middleware, its own routes)."""
    sub = web.Application(middlewares=[auth.guard])
    sub[STATE] = make_state(app)
    sub.on_cleanup.append(_close_photos)
    aiohttp_jinja2.setup(sub, loader=jinja2.PackageLoader("bot.web", "templates"),
                         autoescape=jinja2.select_autoescape(default=True))
    routes = sub.router
    routes.add_get("/login", auth.login_page, name="login_page")
    routes.add_post("/login", auth.login, name="login")
    routes.add_post("/logout", auth.logout, name="logout")
    routes.add_get("/signed-out", auth.signed_out, name="signed_out")
    routes.add_get("/", queue.queue, name="queue")
    routes.add_get("/export.{kind:csv|xlsx}", queue.export, name="export")
    routes.add_get("/t/{number}", ticket.ticket_page, name="ticket")
    routes.add_get(r"/t/{number}/photo/{index:\d{1,2}}", ticket.photo, name="photo")
    routes.add_post("/t/{number}/{action}", ticket.act, name="act")
    routes.add_get("/map", grid_map.map_page, name="map")
    routes.add_get("/map.json", grid_map.map_data, name="map_data")
    routes.add_get("/dashboard", dashboard.dashboard, name="dashboard")
    routes.add_get("/assessment", assessment.assessment_index, name="assessment_index")
    routes.add_get("/assessment/{scope}/{month}", assessment.assessment_page, name="assessment")
    routes.add_get("/reports", reports.reports_page, name="reports")
    routes.add_get("/reports/{scope}/{month}/", reports.report, name="report")
    routes.add_get("/reports/{scope}/{month}/{name}", reports.report_file, name="report_file")
    routes.add_static("/static", STATIC, name="static")
    routes.add_get("/font/noto-sans-cjk-sc.otf", auth.font, name="font")
    return sub


async def _close_photos(sub: web.Application) -> None:
    await sub[STATE].photos.close()


def setup_console(web_app: web.Application, app: App) -> None:
    web_app.add_subapp("/console", console_app(app))
