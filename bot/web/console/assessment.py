"""考核 in the console: the ranked grid workers and grids of one's scope for a chosen month,
with the figures and wording of the monthly analysis (`models.reports.assessment`). A person who
supervises nothing above a grid (a grid worker) sees their own month and their grid's only."""

from __future__ import annotations

from typing import Any

import aiohttp_jinja2
from aiohttp import web

from bot.web.console.auth import SESSION, UOW, VIEWER, see_other
from bot.web.console.reports import MONTHS_BACK, month_of, scopes_of
from bot.web.console.state import STATE
from handlers.console import Viewer
from models.reports import assessment
from models.reports.assessment import Assessment, Score
from models.reports.month import Month
from models.reports.monthly import month_assessment


def supervises(viewer: Viewer) -> bool:
    """Whether the person sees other workers' figures: a unit above a grid is theirs."""
    scope = viewer.scope
    return bool(scope.everything or scope.streets or scope.communities)


async def assessment_index(request: web.Request) -> web.Response:
    """The chooser's GET form lands here: on to the scope's month (the first scope, this month
    when nothing is chosen); the target checks the scope."""
    services = request.app[STATE].app.services
    scopes = scopes_of(services.config, request[VIEWER])
    latest = Month.containing(services.clock.now(), services.config.district.timezone)
    code = request.query.get("scope") or (scopes[0][0] if scopes else "")
    month = request.query.get("month") or latest.key
    if not code:
        raise web.HTTPNotFound(text="您没有可查看的考核范围。")
    target = request.app.router["assessment"].url_for(scope=code, month=month)
    return see_other(str(target))


def _own(viewer: Viewer, ranked: Assessment, scope_code: str) -> tuple[str, list[str]] | None:
    """The person's own month in words (a grid worker), else the scope's grid (as `/report`)."""
    code = viewer.person.code
    row = ranked.worker(code) or next((g for g in ranked.grids if g.key == scope_code), None)
    if row is None:
        return None
    title = "本人考核" if row.key == code else f"{row.name}考核"
    return title, assessment.own_lines(row, ranked.weights)


def _visible(viewer: Viewer, rows: list[Score], grids: bool) -> list[Score]:
    if supervises(viewer):
        return rows
    own = viewer.scope.grids if grids else {viewer.person.code}
    return [row for row in rows if row.key in own]


async def assessment_page(request: web.Request) -> web.Response:
    state, uow, viewer = request.app[STATE], request[UOW], request[VIEWER]
    services = state.app.services
    config, now = services.config, services.clock.now()
    scopes = scopes_of(config, viewer)
    code = request.match_info["scope"]
    if code not in dict(scopes):
        raise web.HTTPNotFound(text="没有这个范围的考核。")
    month = month_of(request.match_info["month"])
    ranked = await month_assessment(uow, config, code, month, as_of=now)
    grid_names = {g.code: g.name for _, _, g in config.district.grids()}
    latest = Month.containing(now, config.district.timezone)
    context: dict[str, Any] = {
        "viewer": viewer, "csrf": state.csrf_token(request[SESSION]),
        "scopes": scopes, "scope": code, "scope_name": dict(scopes)[code],
        "months": [latest.shift(-n) for n in range(MONTHS_BACK)], "month": month,
        "weights": assessment.weights_phrase(ranked.weights),
        "headers": assessment.HEADERS,
        "own": _own(viewer, ranked, code),
        "workers": [(row.name, grid_names.get(row.grid, row.grid), assessment.cells(row))
                    for row in _visible(viewer, ranked.workers, grids=False)],
        "grids": [(row.name, assessment.cells(row))
                  for row in _visible(viewer, ranked.grids, grids=True)],
    }
    return aiohttp_jinja2.render_template("console/assessment.html", request, context)
