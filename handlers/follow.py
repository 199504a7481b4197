"""A ticket filed on a visit, afterwards: the resident follows it through the link the worker
handed over (`/start follow_<token>`), or the worker records the rating given by phone."""

from __future__ import annotations

from typing import Any

from handlers import texts
from handlers import visit_texts as vt
from handlers.context import Ctx, escape
from handlers.links import token_hash
from handlers.messages import say
from handlers.notify import Notifier
from handlers.tickets import TicketService
from models import lifecycle
from models.orm import CallbackTokenRow


async def follow(ctx: Ctx, token: str) -> None:
    """Bind this chat to the ticket as its reporter: every update from now on, and the rating."""
    if ctx.person is not None:  # staff would receive the resident's messages and rate
        ctx.say(vt.FOLLOW_STAFF)
        return
    ticket = await ctx.uow.tickets.by_follow_token(token_hash(token[:64]))
    if ticket is None or ticket.reporter_user_id not in (None, ctx.user_id):
        ctx.security_event("bad_follow_link", "unknown or used follow token")
        ctx.say(vt.FOLLOW_INVALID)
        return
    ticket.reporter_user_id, ticket.reporter_chat_id = ctx.user_id, ctx.chat_id
    ticket.follow_token, ticket.script = None, ctx.script
    ticket.updated_at = ctx.now()
    category = ctx.config.taxonomy.get(ticket.category_code).name
    status = texts.STATUS_NAMES.get(ticket.status, ticket.status)
    ctx.say(vt.FOLLOW_BOUND.format(number=ticket.number, category=escape(category),
                                   status=escape(status)))
    notifier = Notifier(ctx.uow, ctx.services.clock, ctx.config)
    if ticket.status == lifecycle.Status.RESOLVED:  # waiting for a rating: the resident gives it
        await notifier.rating_request(ticket, f"follow{ticket.reopen_count or 0}")
    if ticket.filed_by:
        await notifier.staff_text(ticket.filed_by,
                                  say("visit_texts.FOLLOW_BOUND_STAFF", number=ticket.number),
                                  f"{ticket.number}:followed:{ticket.filed_by}", ticket)


async def on_phone_rate(ctx: Ctx, token: CallbackTokenRow, args: dict[str, Any]) -> None:
    """电话回访: the worker who filed the ticket records the resident's rating."""
    service = TicketService(ctx.uow, ctx.services.clock, ctx.config)
    ticket = await service.get(int(args.get("ticket", 0)), for_update=True)
    if ticket is None or ctx.person is None or ticket.filed_by != ctx.person.code:
        ctx.security_event("forbidden_rating", f"phone rating of ticket {args.get('ticket')}")
        ctx.answer(texts.NOT_ALLOWED, alert=True)
        return
    if (ticket.status != lifecycle.Status.RESOLVED or ticket.reporter_chat_id is not None
            or int(args.get("round", 0)) != (ticket.reopen_count or 0)):
        ctx.refuse_stale(f"phone rating of {ticket.number} ({ticket.status})")
        return
    token.used_at = ctx.now()
    score = str(args.get("score"))
    reason = vt.PHONE_RATE_UNSATISFIED if score == lifecycle.Rating.UNSATISFIED else None
    await service.rate(ticket, score, reason, via="phone")
    label = texts.RATING_LABELS.get(score, score)
    ctx.answer(vt.PHONE_RATED.format(score=label))
    ctx.say(vt.PHONE_RATED.format(score=label))

