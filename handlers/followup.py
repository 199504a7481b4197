"""Understanding what a resident types besides complaints: confirmations, a second text while
a draft is open, questions about progress, ratings and thanks; /status and /forget steps.

The steps of a draft that read a text this way are routed here by `handlers.core.ROUTES`;
button actions register in `ACTIONS`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from handlers import account, queries, rating, resident, texts
from handlers.context import Ctx, clip, escape
from handlers.conversation import Step
from handlers.intent import Intent, Reading, mentions, read, substantive
from handlers.types import Keyboard
from models import lifecycle
from models.orm import CallbackTokenRow, TicketRow

ButtonHandler = Callable[[Ctx, dict[str, Any]], Awaitable[None]]

MAX_CASES = 10
ASIDES = (Intent.PROGRESS, Intent.RATE, Intent.THANKS)  # answered while a draft stays open


async def idle_text(ctx: Ctx, text: str) -> bool:
    """A text outside any conversation that is not a complaint; False: it may be one."""
    return await _answer(ctx, read(text))


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


async def on_summary_text(ctx: Ctx, text: str) -> None:
    """A text while the summary waits for 确认提交: a confirmation, a question aside, or
    something to ask about (a new problem or part of this one?)."""
    reading = read(text)
    if reading.intent == Intent.CONFIRM:
        await resident.file(ctx)
    elif not (reading.intent in ASIDES and await _answer(ctx, reading)):
        await ask_new_or_add(ctx, text)


async def on_address_text(ctx: Ctx, text: str) -> None:
    """A text while the address is asked for: a question aside, else the address."""
    reading = read(text)
    if reading.intent in ASIDES and await _answer(ctx, reading):
        return
    if resident.reads_as_danger(ctx, text):  # danger first: the place is read from it, or asked
        await resident.supplement(ctx, text)
    else:
        await resident.address_given(ctx, text)


async def on_summary_photo(ctx: Ctx, caption: str, file_id: str) -> None:
    """A captioned photo while a summary is open: asked like a text; the photo goes with it."""
    draft = ctx.draft
    assert draft is not None
    album = ctx.incoming.media_group_id
    if album is not None and album == draft.pending_album:
        draft.pending_photos.append(file_id)  # the rest of the album asked about
    elif not caption or (album is not None and draft.album == album):
        await resident.on_photo(ctx, file_id, caption or None)  # a photo for the open draft
    else:
        draft.pending_photos.append(file_id)
        draft.pending_album = album
        await ask_new_or_add(ctx, caption)


async def ask_new_or_add(ctx: Ctx, text: str) -> None:
    """新的问题还是补充? A text that reads as danger is not asked about: it is a problem of its
    own at once (at the waiting draft's place when it names none), the waiting draft kept."""
    draft = ctx.draft
    assert draft is not None
    draft.pending = f"{draft.pending}\n{text}" if draft.pending else text
    if resident.reads_as_danger(ctx, draft.pending):
        await _take_pending(ctx, new=True, danger=True)
        return
    draft.step = Step.NEW_OR_ADD
    nonce = draft.nonce
    ctx.say(
        texts.NEW_OR_ADD.format(text=escape(clip(draft.pending, 300))),
        Keyboard.inline(
            [
                await ctx.button(texts.BTN_NEW_PROBLEM, "choice_new", nonce=nonce),
                await ctx.button(texts.BTN_ADD_TO_DRAFT, "choice_add", nonce=nonce),
            ]
        ),
    )


async def _choice(ctx: Ctx, args: dict[str, Any], new: bool) -> None:
    """新的问题 / 补充刚才的内容, pressed on the question above."""
    draft = ctx.draft
    if draft is None or draft.nonce != args.get("nonce") or draft.step != Step.NEW_OR_ADD:
        ctx.refuse_stale("choice on a draft no longer asking")
        return
    await _take_pending(ctx, new)


async def _take_pending(ctx: Ctx, new: bool, danger: bool = False) -> None:
    """The pending text (and photos) as a new problem, the open draft put aside, or added to it.
    A danger taken without asking starts at the waiting draft's place, and nothing is said about
    the draft kept before the danger is answered (it comes back after the filing)."""
    draft = ctx.draft
    assert draft is not None
    pending, photos = draft.pending or "", draft.pending_photos
    draft.pending, draft.pending_photos, draft.pending_album = None, [], None
    if new:
        waiting = draft
        draft = resident.hold_and_start(ctx)
        if danger:
            draft.location = waiting.location
            draft.put_place(waiting.place())
        else:
            ctx.say(texts.DRAFT_KEPT)
    draft.photos = [*draft.photos, *photos][: ctx.services.limits.max_photos]
    if new:
        await resident.describe_again(ctx, pending)
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
