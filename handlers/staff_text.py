"""What staff type or send outside a prompt is never filed as a complaint: it is held and
offered as the result of a case in hand; a worker whose case was escalated away
automatically can still hand in the result he has (提交办理结果)."""

from __future__ import annotations

from typing import Any

from handlers import resident, texts
from handlers.account import STAFF_KEYBOARD
from handlers.card_actions import may_hand_in
from handlers.context import Ctx, clip
from handlers.conversation import HeldText, Note, State
from handlers.org import OrgDirectory
from handlers.tickets import TicketService
from handlers.types import Button, Keyboard
from models import lifecycle
from models.lifecycle import Status
from models.orm import CallbackTokenRow, TicketRow

HELD = State.STAFF_HELD
HAND_IN_NOTE = State.HAND_IN
MAX_OFFERED = 5


def held(ctx: Ctx) -> HeldText:
    """Text and photos a staff member sent outside any prompt (empty when none)."""
    return ctx.held_text or HeldText()


async def on_text(ctx: Ctx, text: str, photo: str | None = None) -> None:
    """Hold the text (and photo); offer it as the result of a case in hand, or as a complaint."""
    data = ctx.enter(HELD, held(ctx))
    if text:  # a second message adds to the first: nothing typed is dropped
        data.text = "\n".join(part for part in (data.text, text) if part)
    if photo is not None:
        data.photos = [*data.photos, photo][: ctx.services.limits.max_photos]
    if not data.text:
        if _first_of_album(ctx, data):
            ctx.say(texts.RESULT_PHOTO_SAVED.format(count=len(data.photos)))
        return
    cases = await cases_in_hand(ctx)
    rows = [
        [
            await ctx.button(
                texts.USE_AS_RESULT.format(number=ticket.number), "use_result", ticket=ticket.id
            )
        ]
        for ticket in cases[:MAX_OFFERED]
    ]
    rows.append([await ctx.button(texts.BTN_AS_COMPLAINT, "staff_complaint")])
    ctx.say(texts.STAFF_TEXT_OFFER if cases else texts.STAFF_TEXT_NO_CASE, Keyboard.inline(*rows))


def _first_of_album(ctx: Ctx, data: HeldText | Note) -> bool:
    album = ctx.incoming.media_group_id
    first = album is None or data.album != album
    data.album = album
    return first


async def cases_in_hand(ctx: Ctx) -> list[TicketRow]:
    """Cases the person has accepted and still holds, then those escalated away from them
    automatically (they may hand in a result)."""
    assert ctx.person is not None
    code = ctx.person.code
    holding = await ctx.uow.tickets.assigned_to(code, [str(Status.ACCEPTED)])
    others = await ctx.uow.work.accepted_then_moved(code)
    org = OrgDirectory(ctx.uow)
    escalated = [
        ticket
        for ticket in others
        if may_hand_in(ticket, await org.level_of(ticket, code), code,
                       await ctx.uow.events.for_ticket(ticket.id))
    ]
    return holding + escalated


async def on_button(
    ctx: Ctx, action: str, args: dict[str, Any], token: CallbackTokenRow | None = None
) -> None:
    """使用 as a result / 作为新问题 / 提交办理结果 (hand-in card button)."""
    if ctx.person is None:
        ctx.refuse_stale(f"{action} by a resident")
        return
    if action == "staff_complaint":
        await _as_complaint(ctx)
        return
    ticket = await TicketService(ctx.uow, ctx.services.clock, ctx.config).get(
        int(args.get("ticket", 0)), for_update=True
    )
    if ticket is None:
        ctx.refuse_stale(f"{action} on a missing ticket")
        return
    data = held(ctx)
    if action == "use_result" and not data.text:
        ctx.refuse_stale(f"use_result without held text on {ticket.number}")
        return
    if data.text:
        await hand_over_result(ctx, ticket, data.text, data.photos)
        return
    if not await _may_hand_in(ctx, ticket):
        ctx.refuse_stale(f"hand_in on {ticket.number} ({ticket.status})")
        return
    ctx.enter(HAND_IN_NOTE, Note(action="hand_in", ticket=ticket.id, number=ticket.number,
                                 photos=data.photos))
    ctx.answer()
    ctx.say(
        texts.ASK_RESOLVE_NOTE.format(number=ticket.number),
        Keyboard.reply([Button(texts.BTN_CANCEL)]),
    )


async def on_note(ctx: Ctx, text: str, photo: str | None = None) -> None:
    """The result text after 提交办理结果 (photos before it are kept)."""
    note = ctx.note
    assert note is not None
    if photo is not None:
        note.photos.append(photo)
        if not text:
            if _first_of_album(ctx, note):
                ctx.say(texts.RESULT_PHOTO_SAVED.format(count=len(note.photos)))
            return
    photos = note.photos
    ticket = await TicketService(ctx.uow, ctx.services.clock, ctx.config).get(
        note.ticket, for_update=True
    )
    ctx.set_state(None)
    if ticket is None:
        ctx.say(texts.STALE_BUTTON)
        return
    await hand_over_result(ctx, ticket, text, photos)


async def hand_over_result(ctx: Ctx, ticket: TicketRow, text: str, photos: list[str]) -> None:
    """Resolve a case the person holds, or hand in the result of one escalated away."""
    assert ctx.person is not None
    service = TicketService(ctx.uow, ctx.services.clock, ctx.config)
    code = ctx.person.code
    try:
        if ticket.assignee_code == code and ticket.status == Status.ACCEPTED:
            await service.resolve(ticket, code, text, photos)
            done = texts.RESOLVED_OK
        elif await _may_hand_in(ctx, ticket):
            await service.hand_in(ticket, code, text, photos)
            done = texts.HAND_IN_OK
        else:
            raise lifecycle.TicketError(ticket, "resolve")
    except lifecycle.TicketError:
        ctx.set_state(None)
        ctx.answer()
        ctx.say(texts.STALE_BUTTON)
        return
    ctx.set_state(None)
    ctx.answer()
    ctx.say(done.format(number=ticket.number), STAFF_KEYBOARD)


async def _may_hand_in(ctx: Ctx, ticket: TicketRow) -> bool:
    assert ctx.person is not None
    events = await ctx.uow.events.for_ticket(ticket.id)
    level = await OrgDirectory(ctx.uow).level_of(ticket, ctx.person.code)
    return may_hand_in(ticket, level, ctx.person.code, events)


async def _as_complaint(ctx: Ctx) -> None:
    """The held text becomes a complaint draft, as if a resident had sent it."""
    data = held(ctx)
    text, photos = data.text, data.photos
    ctx.set_state(None)
    ctx.answer()
    if not text:
        await resident.begin(ctx)
        return
    await resident.new_complaint(ctx, clip(text, ctx.services.limits.max_text))
    draft = ctx.draft
    if draft is not None and photos:
        draft.photos = [*draft.photos, *photos]


ACTIONS = frozenset({"use_result", "staff_complaint", "hand_in"})
