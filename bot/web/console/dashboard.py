"""The dashboard: today and this week for one's scope, what is overdue by level, the trend,
the categories, the grids by overdue load and the urgent tickets of the last 24 hours. The
page reloads its body by itself (static/dashboard.js polls `?part=1`) and charts the trend and
the categories from the body's JSON block with the vendored Chart.js (the `<progress>` bars
stay as the fallback without JavaScript)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from bot.web.console.auth import SESSION, UOW, VIEWER
from bot.web.console.filters import bounded_int
from bot.web.console.present import local
from bot.web.console.state import STATE
from handlers import texts
from handlers.notify import Notifier
from models.repos.dashboard import Flow

TREND_DAYS = 14
TOP_GRIDS = 10
REFRESH_SECONDS = 30


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _flow(flow: Flow) -> dict[str, Any]:
    return {"received": flow.received, "accepted": flow.accepted, "resolved": flow.resolved,
            "on_time": _percent(flow.on_time_rate), "satisfaction": _percent(flow.satisfaction),
            "rated": flow.rated}


def _series(pairs: list[tuple[str, int]]) -> dict[str, list[Any]]:
    """Labels and values for static/dashboard.js, which charts them with the vendored Chart.js."""
    return {"labels": [label for label, _ in pairs], "values": [value for _, value in pairs]}


async def figures(request: web.Request) -> dict[str, Any]:
    state, uow, viewer = request.app[STATE], request[UOW], request[VIEWER]
    services = state.app.services
    config, zone, now = services.config, state.zone, services.clock.now()
    scope, figures_of = viewer.scope, uow.dashboard
    today = datetime.combine(now.astimezone(zone).date(), time(), zone)
    week = today - timedelta(days=today.weekday())
    first_day = today - timedelta(days=TREND_DAYS - 1)
    days = [(first_day + timedelta(days=n)).date() for n in range(TREND_DAYS)]
    received = await figures_of.received_days(scope, first_day, zone)
    per_day = {day: received.get(day, 0) for day in days}
    names = {g.code: g.name for _, _, g in config.district.grids()}
    loads = sorted((await uow.map.grid_loads(scope, now)).items(),
                   key=lambda item: (-item[1].overdue, -item[1].open, item[0]))
    notifier = Notifier(uow, services.clock, config)
    urgent = await figures_of.urgent(scope, now - timedelta(hours=24))
    by_level = await figures_of.overdue_by_level(scope, now)
    trend = [(day.strftime("%m-%d"), count) for day, count in per_day.items()]
    categories = [(notifier.category_name(code), count)
                  for code, count in await figures_of.categories(scope, week)]
    return {
        "updated": local(now, zone, with_year=True),
        "today": _flow(await figures_of.flow(scope, today, now + timedelta(seconds=1))),
        "week": _flow(await figures_of.flow(scope, week, now + timedelta(seconds=1))),
        "overdue": [(texts.LEVEL_NAMES[level], by_level.get(level, 0))
                    for level in sorted(texts.LEVEL_NAMES)],
        "overdue_total": sum(by_level.values()),
        "trend": trend,
        "trend_max": max([1, *per_day.values()]),
        "categories": categories,
        "charts": {"trend": _series(trend), "categories": _series(categories)},
        "grids": [(names.get(code, code), load.overdue, load.open)
                  for code, load in loads[:TOP_GRIDS]],
        "urgent": [(t.number, t.urgent_frame or "紧急", local(t.created_at, zone),
                    texts.STATUS_NAMES.get(t.status, t.status), notifier.place(t))
                   for t in urgent],
    }


async def dashboard(request: web.Request) -> web.Response:
    state = request.app[STATE]
    every = bounded_int(request.query.get("every"), 1, 3600) or REFRESH_SECONDS
    context = {**await figures(request), "viewer": request[VIEWER],
               "csrf": state.csrf_token(request[SESSION]), "every": every}
    template = ("console/dashboard_body.html" if request.query.get("part") == "1"
                else "console/dashboard.html")
    return aiohttp_jinja2.render_template(template, request, context)


