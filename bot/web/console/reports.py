"""Reports: the monthly analysis and the grid ledgers `griddesk report monthly` writes, for a
scope of one's own and a chosen month, viewed in the page and downloaded (HTML, XLSX, PNG)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web

from bot.reports.writer import ReportFiles, write_monthly_report
from bot.web.console.auth import SESSION, UOW, VIEWER
from bot.web.console.state import STATE
from handlers.console import Viewer
from models.config.schema import GridDeskConfig
from models.reports.month import Month

MONTHS_BACK = 12
REPORT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
MIME = {".html": "text/html", ".xlsx": "application/vnd.openxmlformats-officedocument."
        "spreadsheetml.sheet", ".png": "image/png", ".md": "text/markdown"}
_OUT = Path(tempfile.mkdtemp(prefix="griddesk-console-reports-"))


def scopes_of(config: GridDeskConfig, viewer: Viewer) -> list[tuple[str, str]]:
    """(code, name) of the report scopes the person may read: their own units."""
    scope, district = viewer.scope, config.district
    names = {district.code: district.name}
    names |= {s.code: s.name for s in district.streets}
    names |= {c.code: c.name for _, c in district.communities()}
    names |= {g.code: g.name for _, _, g in district.grids()}
    if scope.everything:
        return [(district.code, district.name)]
    communities = scope.communities | {c.code for s, c in district.communities()
                                       if s.code in scope.streets}
    codes = sorted(scope.streets) + sorted(communities) + sorted(scope.grids)
    return [(code, names[code]) for code in codes if code in names]


def month_of(value: str) -> Month:
    """The month of a URL (YYYY-MM), or a 404."""
    try:
        return Month.parse(value)
    except ValueError as error:
        raise web.HTTPNotFound(text="没有这个月份。") from error


def _target(request: web.Request) -> tuple[str, Month, Path]:
    """The scope and month asked for, if the person may read them, and their directory."""
    services = request.app[STATE].app.services
    code = request.match_info["scope"]
    if code not in dict(scopes_of(services.config, request[VIEWER])):
        raise web.HTTPNotFound(text="没有这个范围的报告。")
    month = month_of(request.match_info["month"])
    return code, month, _OUT / f"{code}-{month.key}"


async def _files(request: web.Request) -> ReportFiles:
    """Compute the report afresh (the page), writing its files to its directory."""
    services = request.app[STATE].app.services
    code, month, out = _target(request)
    return await write_monthly_report(request[UOW], services.config, code, month, out,
                                      as_of=services.clock.now())


async def reports_page(request: web.Request) -> web.Response:
    state, viewer = request.app[STATE], request[VIEWER]
    services = state.app.services
    latest = Month.containing(services.clock.now(), services.config.district.timezone)
    months = [latest.shift(-n) for n in range(MONTHS_BACK)]
    return aiohttp_jinja2.render_template("console/reports.html", request, {
        "viewer": viewer, "csrf": state.csrf_token(request[SESSION]),
        "scopes": scopes_of(services.config, viewer), "months": months})


async def report(request: web.Request) -> web.Response:
    """The month's report of a scope: the analysis in the page, the files to download."""
    state = request.app[STATE]
    files = await _files(request)
    return aiohttp_jinja2.render_template("console/report.html", request, {
        "viewer": request[VIEWER], "csrf": state.csrf_token(request[SESSION]),
        "label": files.report.month.label, "html": files.html.name, "xlsx": files.xlsx.name,
        "charts": [path.name for path in files.charts.values()]})


async def report_file(request: web.Request) -> web.Response:
    """A file of the report the page just computed (computed now if it is not there)."""
    _, _, out = _target(request)
    name = request.match_info["name"]
    known = {path.name: path for path in out.iterdir()} if out.is_dir() else {}
    if name not in known:
        known = {path.name: path for path in (await _files(request)).all}
    wanted = known.get(name)
    if wanted is None:
        raise web.HTTPNotFound(text="没有这个文件。")
    response = web.Response(body=wanted.read_bytes(),
                            content_type=MIME.get(wanted.suffix, "application/octet-stream"))
    if wanted.suffix == ".html":  # the report's own stylesheet is inline; it has no script
        response.headers["Content-Security-Policy"] = REPORT_CSP
    else:
        response.headers["Content-Disposition"] = f'attachment; filename="{wanted.name}"'
    return response
