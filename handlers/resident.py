"""The resident's conversation: file a complaint, follow it, rate the result."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select

from handlers import texts, urgent
from handlers.advice import urgent_advice
from handlers.context import Ctx, clip, escape
from handlers.notify import describe_place
from handlers.service_levels import service_level_text
from handlers.tickets import TicketService
from handlers.types import Button, Keyboard
from models.lifecycle import OPEN
from models.orm import TicketRow
from models.repos.base import execute_core
from models.repos.updates import RecentTicket
from nlp.normalize import normalize
from nlp.router import RoutingDecision

DRAFT = "draft"
QUOTA_WINDOW = timedelta(hours=1)  # GRIDDESK_TICKETS_PER_HOUR counts the tickets filed within it
_NOT_WORD = re.compile(r"[\W_]+")

MAIN_KEYBOARD = Keyboard.reply(
    [Button(texts.BTN_REPORT)], [Button(texts.BTN_MY_TICKETS), Button(texts.BTN_HELP)]
)
ADDRESS_KEYBOARD = Keyboard.reply(
    [Button(texts.BTN_SEND_LOCATION, request_location=True)],
    [Button(texts.BTN_SKIP), Button(texts.BTN_CANCEL)],
)
CONTACT_KEYBOARD = Keyboard.reply(
    [Button(texts.BTN_SHARE_CONTACT, request_contact=True)], [Button(texts.BTN_CANCEL)]
)


def decision_fields(decision: RoutingDecision) -> dict[str, Any]:
    """What a draft keeps of a routing decision (JSON-serialisable, durable)."""
    return {
        "normalized": decision.normalized_text, "category": decision.category,
        "community": decision.community, "grid": decision.grid, "building": decision.building,
        "urgent": decision.urgent, "emergency": list(decision.emergency_numbers),
        "confidence": decision.confidence, "needs_review": decision.needs_review,
        "keywords": list(decision.keywords),
    }


async def begin(ctx: Ctx) -> None:
    """我要反映 pressed: ask for the description."""
    ctx.set_state(DRAFT, {"awaiting": "text", "photos": [], "nonce": secrets.token_hex(4)})
    ctx.say(texts.ASK_DESCRIPTION, Keyboard.reply([Button(texts.BTN_CANCEL)]))


async def on_text(ctx: Ctx, text: str) -> None:
    """Free text: a new complaint, or the next step of the draft in progress."""
    if ctx.state == urgent.DETAILS and await urgent.on_detail(ctx, text, None):
        return
    awaiting = ctx.data.get("awaiting") if ctx.state == DRAFT else None
    if awaiting == "address":
        await _address_given(ctx, text)
    elif awaiting in ("text", "edit"):
        await _describe(ctx, text, keep=True)
    else:
        ctx.set_state(DRAFT, {"photos": [], "nonce": secrets.token_hex(4)})
        await _describe(ctx, text, keep=False)


async def _describe(ctx: Ctx, text: str, keep: bool) -> None:
    if await _is_duplicate(ctx, text):
        return
    decision = ctx.services.router.route(text, _location(ctx))
    draft = ctx.data
    previous = {key: draft.get(key) for key in ("community", "grid", "building")}
    draft.update(text=text, script=decision.script, **decision_fields(decision))
    draft.update(urgent.draft_fields(ctx, decision))
    if keep and decision.grid is None and previous.get("grid"):
        draft.update(previous)  # an address given earlier still holds after 修改
    if decision.urgent:
        await file(ctx)
        return
    if decision.urgent_ask:
        await urgent.ask(ctx)
        return
    await _after_description(ctx)


async def _after_description(ctx: Ctx) -> None:
    """The address if none is known yet, else the summary to confirm."""
    draft = ctx.data
    if draft.get("grid") is None and not draft.get("address_asked"):
        draft.update(awaiting="address", address_asked=True)
        ctx.say(texts.ASK_ADDRESS, ADDRESS_KEYBOARD)
        return
    await show_summary(ctx)


async def _is_duplicate(ctx: Ctx, text: str) -> bool:
    """The same resident sending the same complaint within a day is pointed to the ticket."""
    now = ctx.now()
    key = complaint_key(text)
    for ticket in await _recent_open(ctx, now):
        if complaint_key(ticket.original_text) == key:
            age = now - ticket.created_at
            when = f"{texts.plain_duration(age)}前" if age.total_seconds() >= 60 else "刚才"
            ctx.say(texts.DUPLICATE.format(when=when, number=ticket.number))
            held = list(ctx.data.get("held", [])) if ctx.state == DRAFT else []
            ctx.set_state(None)
            await resume_held(ctx, held)
            return True
    return False


async def _recent_open(ctx: Ctx, now: datetime) -> list[RecentTicket]:
    """The resident's open tickets within the duplicate window, newest first: as read by the
    update's first statement (PostgreSQL), else queried now."""
    if ctx.reporter is not None:
        return ctx.reporter.recent_open
    since = now - timedelta(seconds=ctx.services.limits.duplicate_window_s)
    rows = await execute_core(ctx.uow.session, _RECENT_OPEN,
                              {"user_id": ctx.user_id, "since": since})
    return [RecentTicket(row.original_text, row.created_at, row.number) for row in rows]


# A resident's open tickets filed since :since, newest first (columns only: no ORM objects).
_RECENT_OPEN = (
    select(TicketRow.original_text, TicketRow.created_at, TicketRow.number)
    .where(TicketRow.reporter_user_id == bindparam("user_id"),
           TicketRow.created_at >= bindparam("since"),
           TicketRow.status.in_(sorted(status.value for status in OPEN)))
    .order_by(TicketRow.created_at.desc(), TicketRow.id.desc())
    .limit(20)
)


def complaint_key(text: str) -> str:
    """What makes two complaints the same: their folded, Simplified text without spaces,
    punctuation and emoji."""
    return _NOT_WORD.sub("", normalize(text).text)


def _location(ctx: Ctx) -> tuple[float, float] | None:
    location = ctx.data.get("location")
    return (location[0], location[1]) if location else None


async def _address_given(ctx: Ctx, text: str) -> None:
    match = ctx.services.router.resolve_address(text, None)
    if match.community is None and says_more_than_address(ctx, text):  # kept, not dropped
        ctx.data["text"] = f"{ctx.data['text']}\n{text}"
        ctx.say(texts.ADDRESS_NOT_FOUND_KEPT, ADDRESS_KEYBOARD)
        return
    if match.community is None:
        ctx.say(texts.ADDRESS_NOT_FOUND, ADDRESS_KEYBOARD)
        return
    place = {"community": match.community, "grid": match.grid, "building": match.building}
    ctx.data.update(address_text=text, **place)
    if says_more_than_address(ctx, text):  # 明德花园5号楼，已经三天了: the rest is description
        combined = f"{ctx.data['text']}\n{text}"
        decision = ctx.services.router.route(combined, _location(ctx))
        ctx.data.update(text=combined, script=decision.script, **decision_fields(decision))
        ctx.data.update(place)
        if decision.urgent:
            await file(ctx)
            return
    await show_summary(ctx)


_ADDRESS_WORDS = re.compile(r"\d+|[一二三四五六七八九十两]+|号|楼|栋|幢|座|单元|室|层|门|小区|社区|"
                            r"在|是|的|这|那|里|边|附近|旁边|对面|门口|院")


def says_more_than_address(ctx: Ctx, text: str) -> bool:
    """An address answer that also tells something about the problem."""
    rest = _NOT_WORD.sub("", normalize(text).text)
    for _, community in ctx.config.district.communities():
        for name in sorted([community.name, *community.aliases], key=len, reverse=True):
            rest = rest.replace(name, "")
    return len(_ADDRESS_WORDS.sub("", rest)) >= 3


async def on_location(ctx: Ctx, lat: float, lon: float) -> None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        ctx.say(texts.LOCATION_INVALID)
        return
    if ctx.state != DRAFT:
        ctx.set_state(DRAFT, {"photos": [], "nonce": secrets.token_hex(4), "awaiting": "text",
                              "location": [lat, lon]})
        ctx.say(texts.ASK_DESCRIPTION, Keyboard.reply([Button(texts.BTN_CANCEL)]))
        return
    ctx.data["location"] = [lat, lon]
    match = ctx.services.router.resolve_address(None, (lat, lon))
    if match.grid is None:
        ctx.say(texts.LOCATION_OUTSIDE.format(district=escape(ctx.config.district.name)),
                ADDRESS_KEYBOARD)
        return
    if ctx.data.get("text") is None:
        ctx.say(texts.ASK_DESCRIPTION, Keyboard.reply([Button(texts.BTN_CANCEL)]))
        return
    keep_text_building = ctx.data.get("building") and ctx.data.get("grid")
    if not keep_text_building:
        ctx.data.update(community=match.community, grid=match.grid)
    await show_summary(ctx)


async def on_skip(ctx: Ctx) -> None:
    if ctx.state == DRAFT and ctx.data.get("text"):
        await show_summary(ctx)
    else:
        ctx.say(texts.NOTHING_TO_CANCEL, MAIN_KEYBOARD)


async def on_photo(ctx: Ctx, file_id: str, caption: str | None) -> None:
    """A photo joins the draft; the photos of one album (one update each) get one answer."""
    if ctx.state == urgent.DETAILS and await urgent.on_detail(ctx, caption, file_id):
        return
    album = ctx.incoming.media_group_id
    same_album = ctx.state == DRAFT and album is not None and ctx.data.get("album") == album
    new_complaint = caption and not same_album and ctx.data.get("awaiting") == "confirm"
    if ctx.state != DRAFT or new_complaint:
        ctx.set_state(DRAFT, {"photos": [], "nonce": secrets.token_hex(4), "awaiting": "text"})
    ctx.data["album"] = album
    photos: list[str] = ctx.data.setdefault("photos", [])
    if file_id not in photos and len(photos) < ctx.services.limits.max_photos:
        photos.append(file_id)
    if caption:
        await on_text(ctx, caption)
        return
    if same_album:
        return
    if ctx.data.get("text") is None:
        ctx.say(texts.PHOTO_ASK_TEXT, Keyboard.reply([Button(texts.BTN_CANCEL)]))
    else:
        ctx.say(texts.PHOTO_ATTACHED.format(count=len(photos)))


async def on_contact(ctx: Ctx, phone: str, contact_user_id: int | None, name: str) -> None:
    """The resident's own contact (the 留下电话 button); a phone-book card of somebody else, or
    of nobody on Telegram, is refused: staff would call a stranger."""
    if contact_user_id != ctx.user_id:
        ctx.say(texts.CONTACT_NOT_OWN)
        return
    digits = "".join(ch for ch in phone if ch.isascii() and ch.isdigit())
    if not 5 <= len(digits) <= 20:
        ctx.say(texts.CONTACT_NOT_OWN)
        return
    plus = "+" if phone.strip().startswith("+") else ""
    if ctx.state != DRAFT:
        ctx.set_state(DRAFT, {"photos": [], "nonce": secrets.token_hex(4), "awaiting": "text"})
    ctx.data.update(phone=plus + digits, contact_name=name[:64])
    ctx.say(texts.CONTACT_SAVED)
    if ctx.data.get("text") is None:
        ctx.say(texts.ASK_DESCRIPTION, Keyboard.reply([Button(texts.BTN_CANCEL)]))


async def show_summary(ctx: Ctx) -> None:
    draft = ctx.data
    draft["awaiting"] = "confirm"
    category = ctx.config.taxonomy.get(draft["category"])
    photos = draft.get("photos") or []
    summary = texts.SUMMARY.format(
        category=escape(category.name), place=escape(_place(ctx)),
        text=escape(clip(draft["text"], 3000)),
        photos=f"\n照片：{len(photos)}张" if photos else "",
    )
    nonce = draft["nonce"]
    keyboard = Keyboard.inline([
        await ctx.button(texts.BTN_CONFIRM, "draft_confirm", nonce=nonce),
        await ctx.button(texts.BTN_EDIT, "draft_edit", nonce=nonce),
        await ctx.button(texts.BTN_ABORT, "draft_cancel", nonce=nonce),
    ])
    ctx.say(summary, keyboard)
    if not draft.get("phone"):
        ctx.say(texts.CONTACT_OFFER, CONTACT_KEYBOARD)


def _place(ctx: Ctx) -> str:
    draft = ctx.data
    return describe_place(ctx.config, draft.get("community"), draft.get("grid"),
                          draft.get("building"))


async def on_draft_button(ctx: Ctx, action: str, args: dict[str, Any]) -> None:
    """确认提交 / 修改 / 取消 on the summary; a button of an older draft is stale."""
    if ctx.state != DRAFT or ctx.data.get("nonce") != args.get("nonce"):
        ctx.refuse_stale(f"{action} of a draft no longer open")
        return
    if action == "draft_cancel":
        await cancel(ctx)
    elif action == "draft_edit":
        ctx.data["awaiting"] = "edit"
        ctx.say(texts.ASK_EDIT, Keyboard.reply([Button(texts.BTN_CANCEL)]))
    elif action in urgent.ACTIONS:
        if not urgent.take_answer(ctx, action):
            return
        await (file(ctx) if ctx.data["urgent"] else _after_description(ctx))
    elif ctx.data.get("awaiting") == "confirm":
        await file(ctx)
    else:
        ctx.refuse_stale(f"{action} while the draft awaits {ctx.data.get('awaiting')}")
        return
    ctx.answer()


async def supplement(ctx: Ctx, text: str) -> None:
    """补充: the text joins the open draft's description; the place given stays."""
    await _describe(ctx, f"{ctx.data.get('text', '')}\n{text}".strip(), keep=True)


def hold_and_start(ctx: Ctx) -> None:
    """A new problem while a draft is open: that draft waits (never dropped) and returns
    once the new one is filed or cancelled."""
    held = [*ctx.data.get("held", []),
            {k: v for k, v in ctx.data.items() if k not in ("held", "pending")}]
    ctx.set_state(DRAFT, {"photos": [], "nonce": secrets.token_hex(4), "awaiting": "text",
                          "held": held})


async def resume_held(ctx: Ctx, held: list[dict[str, Any]]) -> None:
    """After a filing or a cancel: the draft put aside comes back for confirmation."""
    if not held or ctx.state is not None:
        return
    ctx.set_state(DRAFT, {**held[-1], "held": held[:-1]})
    ctx.say(texts.DRAFT_HELD)
    await show_summary(ctx)


async def file(ctx: Ctx) -> None:
    """Store the draft as a ticket and tell the resident its number."""
    held = list(ctx.data.get("held", []))
    await _file(ctx)
    await resume_held(ctx, held)


async def _file(ctx: Ctx) -> None:
    draft = ctx.data
    if not await ticket_quota_left(ctx):
        ctx.say(texts.RATE_LIMITED, MAIN_KEYBOARD)
        ctx.set_state(None)
        return
    if await _is_duplicate(ctx, draft["text"]):  # filed meanwhile (another draft, a replay)
        return
    threshold = ctx.services.router.review_threshold
    draft["needs_review"] = draft.get("grid") is None or draft["confidence"] < threshold
    service = TicketService(ctx.uow, ctx.services.clock, ctx.config)
    ticket = await service.file(draft, {"user_id": ctx.user_id, "chat_id": ctx.chat_id})
    ctx.meta.setdefault("_filed", []).append(ctx.now().timestamp())
    ctx.set_state(None)
    if ticket.urgent:
        place = describe_place(ctx.config, ticket.community_code, ticket.grid_code,
                               ticket.building)
        advice = urgent_advice(draft.get("normalized") or "", draft.get("keywords") or [])
        ctx.say(urgent.filed_text(ctx, ticket, draft, place) + (f"\n\n{advice}" if advice else ""),
                MAIN_KEYBOARD)
        urgent.expect_details(ctx, ticket, draft)
        return
    category = ctx.config.taxonomy.get(ticket.category_code)
    service_level = service_level_text(ctx.config, ticket)
    ctx.say(texts.FILED.format(number=ticket.number, category=escape(category.name),
                               handler=service.handler_name(ticket),
                               service_level=service_level), MAIN_KEYBOARD)


async def cancel(ctx: Ctx) -> None:
    had_flow = ctx.state is not None
    held = list(ctx.data.get("held", [])) if ctx.state == DRAFT else []
    ctx.set_state(None)
    ctx.say(texts.CANCELLED if had_flow else texts.NOTHING_TO_CANCEL, MAIN_KEYBOARD)
    await resume_held(ctx, held)


async def ticket_quota_left(ctx: Ctx) -> bool:
    """At most `tickets_per_hour` new tickets per resident per hour (also counted in the chat's
    state, so /forget, which unlinks the tickets, does not reset the quota)."""
    since = ctx.now() - QUOTA_WINDOW
    if ctx.reporter is not None:  # counted by the update's first statement
        count = ctx.reporter.filed_recently
    else:
        count = int(await ctx.uow.session.scalar(
            select(func.count()).select_from(TicketRow).where(
                TicketRow.reporter_user_id == ctx.user_id, TicketRow.created_at >= since)
        ) or 0)
    filed = [at for at in ctx.meta.get("_filed", []) if at >= since.timestamp()]
    ctx.meta["_filed"] = filed
    return max(count, len(filed)) < ctx.services.limits.tickets_per_hour
