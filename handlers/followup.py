"""Understanding what a resident types besides complaints: confirmations, a second text while
a draft is open, questions about progress, ratings and thanks; /status and /forget steps.

Conversation states that take free text register in `STATE_TEXT`; button actions in `ACTIONS`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from handlers import account, queries, rating, resident, texts
from handlers.context import Ctx, clip, escape
from handlers.intent import Intent, Reading, mentions, read, substantive
from handlers.types import Keyboard
from models import lifecycle
from models.orm import CallbackTokenRow, TicketRow

TextHandler = Callable[[Ctx, str], Awaitable[None]]
ButtonHandler = Callable[[Ctx, dict[str, Any]], Awaitable[None]]

# Conversation states whose next text is an answer, not a new complaint.
STATE_TEXT: dict[str, TextHandler] = {rating.REASON: rating.on_reason_text}
MAX_CASES = 10


async def on_text(ctx: Ctx, text: str) -> bool:
    """Handle `text` if it is not (the next step of) a complaint; False: resident.on_text."""
    if ctx.state in STATE_TEXT:
        await STATE_TEXT[ctx.state](ctx, text)
        return True
    reading = read(text)
    if ctx.state == resident.DRAFT:
        return await _while_drafting(ctx, text, reading)
    if ctx.state is not None:
        return False
    return await _answer(ctx, reading)


async def _answer(ctx: Ctx, reading: Reading) -> bool:
    """Questions, ratings, thanks and a stray 确认 when no draft needs them."""
    if reading.intent == Intent.PROGRESS:
        return await progress(ctx, reading)
    if reading.intent == Intent.RATE:
        await _typed_rating(ctx, reading.score or "", thanks=False)
    elif reading.intent == Intent.THANKS:
        await _typed_rating(ctx, "", thanks=True)
    elif reading.intent == Intent.CONFIRM:
        ctx.say(texts.IDLE_CONFIRM, account.main_keyboard(ctx))
    else:
        return False
    return True


async def _while_drafting(ctx: Ctx, text: str, reading: Reading) -> bool:
    awaiting = ctx.data.get("awaiting")
    if awaiting == "confirm" and reading.intent == Intent.CONFIRM:
        await resident.file(ctx)
        return True
    asides = (Intent.PROGRESS, Intent.RATE, Intent.THANKS)
    if (
        awaiting in ("confirm", "address")
        and reading.intent in asides
        and (await _answer(ctx, reading))
    ):
        return True  # answered; the draft stays open
    if awaiting in ("confirm", "new_or_add"):
        await _ask_new_or_add(ctx, text)
        return True
    return False


async def on_photo(ctx: Ctx, file_id: str, caption: str) -> bool:
    """A captioned photo while a summary is open: asked like a text; the photo goes with it."""
    album = ctx.incoming.media_group_id
    if ctx.state != resident.DRAFT or ctx.data.get("awaiting") not in ("confirm", "new_or_add"):
        return False
    if album is not None and album == ctx.data.get("pending_album"):
        ctx.data["pending_photos"].append(file_id)  # the rest of the album asked about
        return True
    if not caption or (album is not None and ctx.data.get("album") == album):
        return False  # a photo for the open draft
    ctx.data.setdefault("pending_photos", []).append(file_id)
    ctx.data["pending_album"] = album
    await _ask_new_or_add(ctx, caption)
    return True


async def _ask_new_or_add(ctx: Ctx, text: str) -> None:
    pending = ctx.data.get("pending")
    ctx.data["pending"] = f"{pending}\n{text}" if pending else text
    ctx.data["awaiting"] = "new_or_add"
    nonce = ctx.data["nonce"]
    ctx.say(
        texts.NEW_OR_ADD.format(text=escape(clip(ctx.data["pending"], 300))),
        Keyboard.inline(
            [
                await ctx.button(texts.BTN_NEW_PROBLEM, "choice_new", nonce=nonce),
                await ctx.button(texts.BTN_ADD_TO_DRAFT, "choice_add", nonce=nonce),
            ]
        ),
    )


async def _choice(ctx: Ctx, args: dict[str, Any], new: bool) -> None:
    """新的问题 / 补充刚才的内容, pressed on the question above."""
    draft = ctx.data
    if (
        ctx.state != resident.DRAFT
        or draft.get("nonce") != args.get("nonce")
        or draft.get("awaiting") != "new_or_add"
    ):
        ctx.refuse_stale("choice on a draft no longer asking")
        return
    pending = str(draft.pop("pending", ""))
    photos = list(draft.pop("pending_photos", []))
    draft.pop("pending_album", None)
    if new:
        resident.hold_and_start(ctx)
        ctx.say(texts.DRAFT_KEPT)
    limit = ctx.services.limits.max_photos
    ctx.data["photos"] = [*ctx.data.get("photos", []), *photos][:limit]
    if new:
        await resident.on_text(ctx, pending)
    else:
        await resident.supplement(ctx, pending)


async def progress(ctx: Ctx, reading: Reading) -> bool:
    """进度 / 我反映的电梯的事怎么样了 / TBH-…怎么样了: that case's history. A question about
    a matter none of the resident's cases mentions is left to the complaint flow (False)."""
    if reading.number:
        await queries.status(ctx, reading.number)
        return True
    cases = await ctx.uow.tickets.for_reporter(ctx.user_id, limit=MAX_CASES, open_only=True)
    words = reading.words
    named = [case for case in cases if words and mentions(words, case.original_text)]
    if not named and substantive(words):
        return False
    await _one_or_ask(ctx, named or cases)
    return True


async def _one_or_ask(ctx: Ctx, cases: list[TicketRow]) -> None:
    if not cases:
        ctx.say(texts.PROGRESS_NONE)
    elif len(cases) == 1:
        await queries.status(ctx, cases[0].number)
    else:
        ctx.say(texts.PROGRESS_WHICH.format(count=len(cases)), await case_buttons(ctx, cases))


async def case_buttons(
    ctx: Ctx, cases: list[TicketRow], action: str = "status_of", **args: Any
) -> Keyboard:
    """One button per case: its number and the start of its text."""
    return Keyboard.inline(
        *[
            [
                await ctx.button(
                    f"{case.number} {clip(case.original_text, 12)}", action, ticket=case.id, **args
                )
            ]
            for case in cases
        ]
    )


async def status_command(ctx: Ctx, number: str | None) -> None:
    """/status: with a number that case; without one the resident's open case(s)."""
    if number:
        await queries.status(ctx, number)
        return
    cases = await ctx.uow.tickets.for_reporter(ctx.user_id, limit=MAX_CASES, open_only=True)
    if not cases:
        ctx.say(texts.STATUS_USAGE)
        return
    await _one_or_ask(ctx, cases)


async def _status_of(ctx: Ctx, args: dict[str, Any]) -> None:
    ticket = await rating.service(ctx).get(int(args.get("ticket", 0)))
    if ticket is None:
        ctx.refuse_stale("status of an unknown ticket")
        return
    await queries.status(ctx, ticket.number)


async def _typed_rating(ctx: Ctx, score: str, thanks: bool) -> None:
    """满意 / 不满意 / 谢谢 typed: rate the case waiting for a rating (ask which if several)."""
    waiting = [
        case
        for case in await ctx.uow.tickets.for_reporter(ctx.user_id, limit=MAX_CASES, open_only=True)
        if rating.awaiting_rating(case, ctx)
    ]
    if not waiting:
        ctx.say(texts.THANKS_REPLY if thanks else texts.RATE_NONE)
    elif thanks:
        case = waiting[0]
        ctx.say(
            texts.THANKS_ASK_RATING.format(number=case.number),
            Keyboard.inline(await rating_buttons(ctx, case)),
        )
    elif len(waiting) > 1:
        ctx.say(
            texts.RATE_WHICH.format(count=len(waiting)), await _rate_buttons(ctx, waiting, score)
        )
    elif score == lifecycle.Rating.UNSATISFIED:
        await rating.ask_reason(ctx, waiting[0])
    else:
        await _rate(ctx, waiting[0], score)


async def _rate_buttons(ctx: Ctx, cases: list[TicketRow], score: str) -> Keyboard:
    return Keyboard.inline(
        *[
            [
                await ctx.button(
                    f"{case.number} {clip(case.original_text, 12)}",
                    "rate",
                    ticket=case.id,
                    score=score,
                    round=case.reopen_count or 0,
                )
            ]
            for case in cases
        ]
    )


async def rating_buttons(ctx: Ctx, case: TicketRow) -> list[Any]:
    return [
        await ctx.button(label, "rate", ticket=case.id, score=score, round=case.reopen_count or 0)
        for score, label in texts.RATING_LABELS.items()
    ]


async def _rate(ctx: Ctx, case: TicketRow, score: str) -> None:
    ticket = await rating.service(ctx).get(case.id, for_update=True)
    if ticket is None or not rating.awaiting_rating(ticket, ctx):
        ctx.say(texts.RATE_NONE)
        return
    await rating.service(ctx).rate(ticket, score)
    ctx.say(texts.RATING_THANKS)


# --- /forget asks first ----------------------------------------------------------------


async def forget_command(ctx: Ctx) -> None:
    waiting = [
        case
        for case in await ctx.uow.tickets.for_reporter(ctx.user_id, limit=MAX_CASES, open_only=True)
        if rating.awaiting_rating(case, ctx)
    ]
    ctx.say(
        texts.FORGET_CONFIRM.format(unrated=texts.FORGET_UNRATED if waiting else ""),
        Keyboard.inline(
            [
                await ctx.button(texts.BTN_FORGET_YES, "forget_yes"),
                await ctx.button(texts.BTN_FORGET_NO, "forget_no"),
            ]
        ),
    )


async def _forget_yes(ctx: Ctx, args: dict[str, Any]) -> None:
    """Cases waiting for a rating are closed as 未评价 first; then the data goes."""
    service = rating.service(ctx)
    for case in await ctx.uow.tickets.for_reporter(ctx.user_id, limit=1000, open_only=True):
        ticket = await service.get(case.id, for_update=True)
        if ticket is not None and rating.awaiting_rating(ticket, ctx):
            await service.close_unrated(ticket, actor="resident")
    await account.forget(ctx)


async def _forget_no(ctx: Ctx, args: dict[str, Any]) -> None:
    ctx.say(texts.FORGET_KEPT, account.main_keyboard(ctx))


async def _choice_new(ctx: Ctx, args: dict[str, Any]) -> None:
    await _choice(ctx, args, new=True)


async def _choice_add(ctx: Ctx, args: dict[str, Any]) -> None:
    await _choice(ctx, args, new=False)


ACTIONS: dict[str, ButtonHandler] = {
    "choice_new": _choice_new,
    "choice_add": _choice_add,
    "status_of": _status_of,
    "rate_reason": rating.on_reason_button,
    "forget_yes": _forget_yes,
    "forget_no": _forget_no,
}
# A second press of these would repeat what the first did.
SINGLE_USE = frozenset({"choice_new", "choice_add", "rate_reason", "forget_yes", "forget_no"})


async def on_button(ctx: Ctx, action: str, args: dict[str, Any], token: CallbackTokenRow) -> None:
    await ACTIONS[action](ctx, args)
    if action in SINGLE_USE and ctx.outcome.answer is None:
        token.used_at = ctx.now()
