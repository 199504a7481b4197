"""One ticket: its text, place, category, timeline, clocks, rating, neighbours and actions."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web

from bot.web.console.auth import SESSION, UOW, VIEWER, see_other
from bot.web.console.photos import PhotoUnavailable
from bot.web.console.present import VISIT, local, rows, source_name
from bot.web.console.state import STATE
from handlers import console, texts
from handlers.notify import Notifier
from handlers.queries import HISTORY_ACTIONS
from models import lifecycle
from models.orm import TicketEventRow, TicketRow
from models.repos.console import Listed

NEIGHBOUR_DAYS = 30
PHOTO_CSP = "default-src 'none'; sandbox"
MORE_ACTIONS = {
    "note": "内部备注", "transfer_note": "转派说明", "grid_set": "确定网格",
    "reminder": "时限提醒", "overdue_reminder": "超时督办", "referred": "退回社区分派",
}
ACTION_LABELS = {"accept": "受理", "transfer": "转派", "escalate": "上报", "whistle": "吹哨报到",
                 "reject": "驳回", "recategorise": "更正类别", "note": "内部备注"}
LEVEL_SHOWN = frozenset({"escalated", "reopened"})  # where the level moved (as in /status)
RATING_NAMES = {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}


def remaining(due: datetime | None, now: datetime) -> str:
    """剩余 / 已超时 in hours and minutes."""
    if due is None:
        return ""
    seconds = int((due - now).total_seconds())
    hours, minutes = divmod(abs(seconds) // 60, 60)
    span = f"{hours}小时{minutes}分" if hours else f"{minutes}分钟"
    return f"剩余{span}" if seconds > 0 else f"已超时{span}"


async def _found(request: web.Request, for_update: bool = False) -> Listed:
    state, uow, viewer = request.app[STATE], request[UOW], request[VIEWER]
    listed = await uow.console.ticket(viewer.scope, request.match_info["number"],
                                      state.app.services.clock.now(), for_update)
    if listed is None:  # outside the scope looks exactly like a number that does not exist
        raise web.HTTPNotFound(text="没有找到这件诉求。")
    return listed


def _timeline(events: list[TicketEventRow], names: dict[str, str], ticket: TicketRow,
              zone: Any) -> list[dict[str, str]]:
    source = ticket.source or "telegram"
    lines = []
    for event in events:
        data = event.data or {}
        via = data.get("via") or (source if event.action == "created" else "telegram")
        who = "系统" if event.actor == "system" else names.get(event.actor, event.actor)
        if event.action == "created":  # a worker filing on a visit is named (代报)
            filer = names.get(ticket.filed_by or "") if source == VISIT else None
            who = f"{filer}（代居民反映）" if filer else "居民"
        lines.append({
            "at": local(event.at, zone, with_year=True),
            "who": who,
            "what": HISTORY_ACTIONS.get(event.action) or MORE_ACTIONS.get(event.action,
                                                                          event.action),
            "level": texts.LEVEL_NAMES.get(event.to_level or 0, "")
            if event.action in LEVEL_SHOWN else "",
            "note": event.note or "",
            "via": "系统" if event.actor == "system" else source_name(via),
        })
    return lines


def _web_link(url: str | None) -> str | None:
    """An Open311 client's media_url, shown as a link (never fetched) when it is http(s)."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return None
    return url


async def photo(request: web.Request) -> web.Response:
    """One of the ticket's photos, fetched by the server (the token and file path stay here)."""
    photos = request.app[STATE].photos
    references = list((await _found(request)).ticket.attachments or [])
    await request[UOW].rollback()  # nothing to write: free the connection during the fetch
    index = int(request.match_info["index"])
    if index >= len(references) or not isinstance(references[index], str):
        raise web.HTTPNotFound(text="没有这张照片。")
    try:
        found = await photos.photo(references[index])
    except PhotoUnavailable:
        raise web.HTTPServiceUnavailable(text="暂时无法取得这张照片，请稍后再试。") from None
    if not found.content_type:
        raise web.HTTPUnsupportedMediaType(text="这个文件不是可以显示的图片。")
    return web.Response(body=found.body, content_type=found.content_type, headers={
        "Content-Security-Policy": PHOTO_CSP, "Content-Disposition": "inline"})


async def ticket_page(request: web.Request) -> web.Response:
    state, uow, viewer = request.app[STATE], request[UOW], request[VIEWER]
    services = state.app.services
    config, clock, zone = services.config, services.clock, state.zone
    listed = await _found(request)
    ticket, now = listed.ticket, clock.now()
    events = await uow.events.for_ticket(ticket.id)
    people = await uow.org.people(sorted({e.actor for e in events} | {ticket.filed_by or ""}))
    notifier = Notifier(uow, clock, config)
    neighbours = await uow.console.neighbours(viewer.scope, ticket,
                                              now - timedelta(days=NEIGHBOUR_DAYS), now)
    actions = await console.available_actions(uow, ticket, viewer.person.code)
    is_open = lifecycle.is_open(ticket)
    context = {
        "viewer": viewer,
        "csrf": state.csrf_token(request[SESSION]),
        "notice": state.read_notice(request.query.get("m")),
        "ticket": ticket,
        "row": rows(notifier, [listed], zone)[0],
        "clocks": [(label, local(at, zone, with_year=True), remaining(at, now) if is_open else "")
                   for label, at in (("受理时限", ticket.accept_due_at),
                                     ("办结时限", ticket.resolve_due_at),
                                     ("本级时限", ticket.level_due_at)) if at is not None],
        "current": remaining(listed.due, now) if is_open else "",
        "timeline": _timeline(events, {c: p.name for c, p in people.items()}, ticket, zone),
        "ratings": [(RATING_NAMES.get(r.score, r.score), r.comment or "",
                     local(r.at, zone, with_year=True))
                    for r in await uow.tickets.ratings(ticket.id)],
        "neighbours": rows(notifier, neighbours, zone),
        "photos_shown": state.photos.available,
        "media_url": _web_link(ticket.media_url),
        "contact": await console.contact_visible(uow, ticket, viewer.person.code),
        "actions": [(name, "分派网格" if name == "transfer" and ticket.status == "triage"
                     else ACTION_LABELS[name]) for name in actions],
        "grids": [(g.code, g.name) for _, _, g in config.district.grids()
                  if g.code != ticket.grid_code],
        "departments": config.taxonomy.get(ticket.category_code).departments,
        "categories": [(c.code, c.name) for c in config.taxonomy.categories
                       if c.code != ticket.category_code],
        "local": lambda at: local(at, zone, with_year=True),
    }
    return aiohttp_jinja2.render_template("console/ticket.html", request, context)


async def act(request: web.Request) -> web.Response:
    """One action in one transaction: the change and its outbox rows, as in the bot."""
    state, uow, viewer = request.app[STATE], request[UOW], request[VIEWER]
    services = state.app.services
    action = request.match_info["action"]
    listed = await _found(request, for_update=True)
    number = listed.ticket.number  # readable after a rollback
    if action not in await console.available_actions(uow, listed.ticket, viewer.person.code):
        raise web.HTTPForbidden(text="您不能对这件诉求进行这个操作。")
    form = {key: str(value) for key, value in (await request.post()).items()}
    actions = console.ConsoleActions(uow, services.clock, services.config,
                                     services.limits.max_transfers)
    try:
        notice = await actions.run(viewer, listed.ticket, action, form)
    except console.ActionRefused as refused:
        notice = str(refused)
        await uow.rollback()
    else:
        await uow.commit()
    still_seen = await uow.console.ticket(viewer.scope, number, services.clock.now())
    location = (request.app.router["ticket"].url_for(number=number) if still_seen
                else request.app.router["queue"].url_for())  # e.g. transferred out of scope
    return see_other(str(location.with_query(m=state.notice(notice))))
