"""The queue: every ticket in the person's scope, filtered, sorted, paged, counted, exported."""

from __future__ import annotations

from dataclasses import astuple
from typing import Any
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web

from bot.reports.exports import csv_bytes, xlsx_bytes
from bot.web.console.auth import SESSION, UOW, VIEWER
from bot.web.console.filters import SOURCES, bounded_int, kept, parse_filter
from bot.web.console.present import rows, source_name
from bot.web.console.state import STATE
from handlers import texts
from handlers.notify import Notifier
from models.lifecycle import Status
from models.repos.console import OPEN311_ANY

PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_EXPORT = 10_000
EXPORT_HEADER = ("编号", "状态", "当前层级", "类别", "地点", "内容摘要", "提交时间", "当前时限",
                 "超时", "紧急", "渠道")


async def _page(request: web.Request, per_page: int, page: int | None = None) -> dict[str, Any]:
    state, uow, viewer = request.app[STATE], request[UOW], request[VIEWER]
    services = state.app.services
    query = parse_filter(request.query, services.config, state.zone, per_page)
    if page is not None:
        query.page = page
    found = await uow.console.queue(viewer.scope, query, services.clock.now())
    notifier = Notifier(uow, services.clock, services.config)
    return {"query": query, "found": found, "rows": rows(notifier, found.tickets, state.zone)}


def _source_choices(chosen: str | None) -> list[tuple[str, str]]:
    """The channel filter's options: the channels, and one Open311 client when it is chosen."""
    codes = [*SOURCES, *([chosen] if chosen is not None and chosen not in SOURCES else [])]
    return [(code, "Open311接入（全部）" if code == OPEN311_ANY else source_name(code))
            for code in codes]


async def queue(request: web.Request) -> web.Response:
    state, viewer = request.app[STATE], request[VIEWER]
    config = state.app.services.config
    per_page = bounded_int(request.query.get("per_page"), 1, MAX_PER_PAGE) or PER_PAGE
    page = await _page(request, per_page)
    filters = kept(request.query)
    if per_page != PER_PAGE:
        filters["per_page"] = str(per_page)
    query, found = page["query"], page["found"]
    # a capped count gives no last page: paging goes on while tickets follow
    pages = None if found.total.capped else max(1, -(-found.total.value // per_page))

    def link(**changes: Any) -> str:
        return "?" + urlencode({**filters, **{k: v for k, v in changes.items() if v}})

    context = {
        **page,
        "viewer": viewer,
        "csrf": state.csrf_token(request[SESSION]),
        "notice": state.read_notice(request.query.get("m")),
        "filters": filters,
        "statuses": [(str(s), texts.STATUS_NAMES[s]) for s in Status],
        "levels": sorted(texts.LEVEL_NAMES.items()),
        "categories": [(c.code, c.name) for c in config.taxonomy.categories],
        "communities": [(c.code, c.name) for _, c in config.district.communities()],
        "grids": [(g.code, g.name) for _, _, g in config.district.grids()],
        "sources": _source_choices(query.source),
        "pages": pages,
        "prev_link": link(page=query.page - 1) if query.page > 1 else None,
        "next_link": link(page=query.page + 1) if found.more else None,
        "status_links": [(texts.STATUS_NAMES.get(s, s), n, link(status=s, page=None))
                         for s, n in sorted(found.by_status.items())],
        "csv_link": "export.csv" + link(),
        "xlsx_link": "export.xlsx" + link(),
    }
    return aiohttp_jinja2.render_template("console/queue.html", request, context)


async def export(request: web.Request) -> web.Response:
    """What the queue shows under the same filter (every page, up to MAX_EXPORT rows)."""
    kind = request.match_info["kind"]
    page = await _page(request, MAX_EXPORT, page=1)
    lines = [astuple(row) for row in page["rows"]]
    lines = [(*line[:8], "是" if line[8] else "", "是" if line[9] else "", line[10])
             for line in lines]
    if kind == "csv":
        body, mime = csv_bytes(EXPORT_HEADER, lines), "text/csv"
    else:
        body = xlsx_bytes("工单", EXPORT_HEADER, lines)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return web.Response(body=body, content_type=mime, headers={
        "Content-Disposition": f'attachment; filename="griddesk-queue.{kind}"'})
