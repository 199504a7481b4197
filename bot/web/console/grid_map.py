"""The map: the scope's grids coloured by open and overdue tickets, the open tickets as points
(clustered in the browser by Leaflet.markercluster)."""

from __future__ import annotations

from typing import Any

import aiohttp_jinja2
from aiohttp import web

from bot.web.console.auth import SESSION, UOW, VIEWER
from bot.web.console.state import STATE
from handlers.console import grids_in

MAX_POINTS = 5000
COLOURS = {"overdue": "#c62828", "open": "#ef8f00", "calm": "#2e7d32"}


def _centre(outline: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not outline:
        return None
    return (sum(p[0] for p in outline) / len(outline), sum(p[1] for p in outline) / len(outline))


async def map_page(request: web.Request) -> web.Response:
    state = request.app[STATE]
    return aiohttp_jinja2.render_template("console/map.html", request, {
        "viewer": request[VIEWER], "csrf": state.csrf_token(request[SESSION]),
        "tiles": state.tile_url})


async def map_data(request: web.Request) -> web.Response:
    """GeoJSON-like data for the map (only what the person's scope covers)."""
    state, uow, viewer = request.app[STATE], request[UOW], request[VIEWER]
    services = state.app.services
    now = services.clock.now()
    loads = await uow.map.grid_loads(viewer.scope, now)
    grids: list[dict[str, Any]] = []
    centres: dict[str, tuple[float, float]] = {}
    for _, _, grid in grids_in(services.config, viewer.scope):
        load = loads.get(grid.code)
        outline = grid.outline()
        if (centre := _centre(outline)) is not None:
            centres[grid.code] = centre
        tone = "overdue" if load and load.overdue else "open" if load and load.open else "calm"
        grids.append({"code": grid.code, "name": grid.name, "outline": outline,
                      "open": load.open if load else 0, "overdue": load.overdue if load else 0,
                      "tone": tone, "colour": COLOURS[tone]})
    points = []
    for point in await uow.map.points(viewer.scope, now, MAX_POINTS):
        where = ((point.latitude, point.longitude) if point.latitude is not None
                 and point.longitude is not None else centres.get(point.grid_code or ""))
        if where is not None:
            points.append({"number": point.number, "lat": where[0], "lon": where[1],
                           "overdue": point.overdue, "urgent": point.urgent,
                           "exact": point.latitude is not None})
    return web.json_response({"grids": grids, "points": points})
