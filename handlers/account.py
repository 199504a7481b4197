"""Who is talking: greeting, binding staff accounts, bans, rate limits, ratings, /forget."""

from __future__ import annotations

from typing import Any

from handlers import rating, texts
from handlers.context import Ctx, escape
from handlers.follow import follow
from handlers.forget import forget as forget_resident
from handlers.links import token_hash
from handlers.org import top_role
from handlers.resident import MAIN_KEYBOARD, STAFF_KEYBOARD
from handlers.tickets import TicketService
from handlers.types import Keyboard
from handlers.visit_draft import FOLLOW_PREFIX
from models import lifecycle
from models.orm import CallbackTokenRow


def main_keyboard(ctx: Ctx) -> Keyboard:
    return STAFF_KEYBOARD if ctx.person is not None else MAIN_KEYBOARD


async def start(ctx: Ctx, args: str) -> None:
    if args.startswith("bind_"):
        await _bind(ctx, args.removeprefix("bind_"))
        return
    if args.startswith(FOLLOW_PREFIX):
        ctx.set_state(None)
        await follow(ctx, args.removeprefix(FOLLOW_PREFIX))
        return
    ctx.set_state(None)
    if ctx.person is not None:
        role = top_role(ctx.person)
        ctx.say(texts.GREETING_STAFF.format(name=escape(ctx.person.name),
                                            role=texts.ROLE_NAMES.get(role or "", "工作人员")),
                STAFF_KEYBOARD)
        return
    ctx.say(texts.GREETING.format(district=escape(ctx.config.district.name)), MAIN_KEYBOARD)


async def _bind(ctx: Ctx, token: str) -> None:
    """`/start bind_<token>` from `griddesk invite`: link this Telegram account to a person."""
    now = ctx.now()
    accounts = ctx.uow.accounts
    invite = await accounts.invite(token_hash(token[:128]))
    if invite is None or invite.used_at is not None or invite.expires_at < now:
        ctx.security_event("bad_invite", "invalid, used or expired bind token")
        ctx.say(texts.BIND_INVALID)
        return
    person = await ctx.uow.org.person(invite.person_code)
    if person is None:
        ctx.say(texts.BIND_INVALID)
        return
    await ctx.uow.org.bind_account(person, ctx.user_id, now)
    invite.used_at = now
    ctx.person = person
    role = top_role(person)
    ctx.say(texts.BOUND.format(name=escape(person.name),
                               role=texts.ROLE_NAMES.get(role or "", "工作人员")),
            STAFF_KEYBOARD)


async def within_limits(ctx: Ctx) -> bool:
    """Message burst limit per user, counted in the chat's durable state.

    The first message over the limit gets a polite reply and a security event; the rest of
    the window is silent, so a flood costs one database write each and no Telegram calls."""
    limits = ctx.services.limits
    now = ctx.now().timestamp()
    start, count = ctx.meta.get("_burst") or [now, 0]
    if now - start > limits.burst_window_s:
        start, count = now, 0
    count += 1
    ctx.meta["_burst"] = [start, count]
    if count <= limits.burst_messages:
        return True
    if count == limits.burst_messages + 1:
        ctx.security_event("rate_limited", f"{count} messages in {limits.burst_window_s}s")
        ctx.say(texts.BURST_LIMITED)
    return False


async def rate(ctx: Ctx, token: CallbackTokenRow, args: dict[str, Any]) -> None:
    """满意 / 基本满意 / 不满意 from the reporter on a resolved ticket."""
    service = TicketService(ctx.uow, ctx.services.clock, ctx.config)
    ticket = await service.get(int(args.get("ticket", 0)), for_update=True)
    if ticket is None or not ticket.reported_by(ctx.user_id):
        ctx.security_event("forbidden_rating", f"ticket {args.get('ticket')}")
        ctx.answer(texts.NOT_ALLOWED, alert=True)
        return
    if ticket.status != lifecycle.Status.RESOLVED or int(args.get("round", 0)) != (
            ticket.reopen_count or 0):  # a rating message of an earlier resolution
        ctx.refuse_stale(f"rating of {ticket.number} ({ticket.status})")
        return
    ctx.script = ticket.script or ctx.script
    if args.get("score") == lifecycle.Rating.UNSATISFIED:  # the reason first (rating.py)
        ctx.answer()
        await rating.ask_reason(ctx, ticket)
        return
    token.used_at = ctx.now()
    await service.rate(ticket, str(args.get("score")))
    ctx.answer(texts.RATING_THANKS)


async def forget(ctx: Ctx) -> None:
    """Erase the resident's personal data (handlers.forget); ticket texts and figures stay,
    anonymised."""
    await forget_resident(ctx)
    ctx.say(texts.FORGOT, MAIN_KEYBOARD)
