"""群众评单 beyond a tap: 不满意 asks why, and the reason travels with the reopened case."""

from __future__ import annotations

from typing import Any

from handlers import texts
from handlers.context import Ctx, clip
from handlers.conversation import RatingReason, State
from handlers.tickets import TicketService
from handlers.types import Keyboard
from models import lifecycle
from models.orm import TicketRow

MAX_REASON = 500


def service(ctx: Ctx) -> TicketService:
    return TicketService(ctx.uow, ctx.services.clock, ctx.config)


def awaiting_rating(ticket: TicketRow | None, ctx: Ctx, round_: int | None = None) -> bool:
    """The ticket is the sender's and waits for a rating (of this resolution round)."""
    return (
        ticket is not None
        and ticket.reported_by(ctx.user_id)
        and ticket.status == lifecycle.Status.RESOLVED
        and (round_ is None or round_ == (ticket.reopen_count or 0))
    )


async def ask_reason(ctx: Ctx, ticket: TicketRow) -> None:
    """不满意: ask why before the case goes up a level."""
    round_ = ticket.reopen_count or 0
    ctx.enter(State.RATING_REASON, RatingReason(ticket=ticket.id, round=round_,
                                                number=ticket.number))
    buttons = [
        await ctx.button(label, "rate_reason", ticket=ticket.id, round=round_, reason=code)
        for code, label in texts.UNSATISFIED_REASONS.items()
    ]
    ctx.say(
        texts.ASK_UNSATISFIED_REASON.format(number=ticket.number),
        Keyboard.inline(buttons[:2], buttons[2:]),
    )


async def on_reason_button(ctx: Ctx, args: dict[str, Any]) -> None:
    code = str(args.get("reason"))
    if code == "other":
        ctx.enter(State.RATING_REASON, RatingReason(
            ticket=int(args.get("ticket", 0)), round=int(args.get("round", 0)), other=True))
        ctx.say(texts.ASK_UNSATISFIED_TEXT)
        return
    await finish(
        ctx,
        int(args.get("ticket", 0)),
        int(args.get("round", 0)),
        texts.UNSATISFIED_REASONS.get(code, texts.UNSATISFIED_REASONS["other"]),
    )


async def on_reason_text(ctx: Ctx, text: str) -> None:
    """Typed instead of (or after 其他) a reason button: the words are the reason."""
    asked = ctx.rating_reason or RatingReason()
    await finish(ctx, asked.ticket, asked.round, clip(text, MAX_REASON))


async def finish(ctx: Ctx, ticket_id: int, round_: int, reason: str) -> None:
    """Reopen one level up with the reason; a case rated meanwhile is left alone."""
    ctx.set_state(None)
    ticket = await service(ctx).get(ticket_id, for_update=True)
    if ticket is None or not awaiting_rating(ticket, ctx, round_):
        ctx.say(texts.STALE_BUTTON)
        return
    ctx.script = ticket.script or ctx.script
    await service(ctx).rate(ticket, lifecycle.Rating.UNSATISFIED, reason=reason)
    ctx.say(texts.RATING_THANKS)
