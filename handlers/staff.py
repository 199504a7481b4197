"""Grid workers and the levels above: act on ticket cards, one tap per action."""

from __future__ import annotations

from typing import Any

from handlers import referral, staff_text, texts
from handlers.account import STAFF_KEYBOARD
from handlers.context import Ctx, escape
from handlers.conversation import Note, State
from handlers.org import OrgDirectory
from handlers.tickets import TicketService
from handlers.types import Button, Keyboard
from models import lifecycle
from models.orm import CallbackTokenRow, TicketRow

NOTE = State.STAFF_NOTE
NOTE_PROMPTS = {
    "resolve": texts.ASK_RESOLVE_NOTE,
    "escalate": texts.ASK_ESCALATE_REASON,
    "reject": texts.ASK_REJECT_REASON,
}


async def authorised_ticket(ctx: Ctx, args: dict[str, Any]) -> TicketRow | None:
    """The ticket a button acts on, if the presser may act on it now; refuses politely otherwise.

    Allowed: the person in the ticket's chain at the ticket's level or above (层层销号)."""
    service = TicketService(ctx.uow, ctx.services.clock, ctx.config)
    ticket = await service.get(int(args.get("ticket", 0)), for_update=True)
    if ticket is None or ctx.person is None:
        ctx.security_event("forbidden_press", f"no ticket or not staff: {args}")
        ctx.answer(texts.NOT_ALLOWED, alert=True)
        return None
    level = await OrgDirectory(ctx.uow).level_of(ticket, ctx.person.code)
    if level is None or not lifecycle.can_act(ticket, level):
        ctx.security_event("forbidden_press", f"{ctx.person.code} on {ticket.number}")
        ctx.answer(texts.NOT_ALLOWED, alert=True)
        return None
    return ticket


async def on_button(ctx: Ctx, action: str, args: dict[str, Any],
                    token: CallbackTokenRow | None = None) -> None:
    """A press on a staff card or picker; a choice (grid, category, department) counts once."""
    ticket = await authorised_ticket(ctx, args)
    if ticket is None:
        return
    handler = ACTIONS[action]
    try:
        await handler(ctx, ticket, args)
    except lifecycle.TicketError:
        status = texts.STATUS_NAMES.get(ticket.status, ticket.status)
        ctx.refuse_stale(f"{action} on {ticket.number} ({ticket.status})",
                         f"{ticket.number} 当前状态为「{status}」，不能进行这个操作。")
        return
    if token is not None and action in SINGLE_USE:
        token.used_at = ctx.now()


def _service(ctx: Ctx) -> TicketService:
    return TicketService(ctx.uow, ctx.services.clock, ctx.config)


def _actor(ctx: Ctx) -> str:
    assert ctx.person is not None
    return ctx.person.code


async def _accept(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    await _service(ctx).accept(ticket, _actor(ctx))
    due = _service(ctx).notify.local_time(ticket.resolve_due_at)
    ctx.answer(texts.ACCEPTED_OK.format(number=ticket.number, due=due))
    ctx.say(texts.ACCEPTED_OK.format(number=ticket.number, due=due))


async def _ask_note(ctx: Ctx, ticket: TicketRow, args: dict[str, Any], action: str) -> None:
    if action == "resolve" and ticket.status != lifecycle.Status.ACCEPTED:
        raise lifecycle.TicketError(ticket, "resolve")
    if action == "escalate":
        lifecycle.next_level(ticket)  # raises at the top level
    if ticket.status not in lifecycle.OPEN:
        raise lifecycle.TicketError(ticket, action)
    held = ctx.held_text
    photos = held.photos if held is not None and action == "resolve" else []  # sent before 办结
    ctx.enter(NOTE, Note(action=action, ticket=ticket.id, number=ticket.number, photos=photos))
    ctx.answer()
    ctx.say(NOTE_PROMPTS[action].format(number=ticket.number),
            Keyboard.reply([Button(texts.BTN_CANCEL)]))


async def _resolve(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    held = ctx.held_text
    if held is not None and held.text and ticket.status == lifecycle.Status.ACCEPTED:
        ctx.say(texts.RESULT_FROM_HELD)  # typed before pressing 办结: that is the result
        await staff_text.hand_over_result(ctx, ticket, held.text, held.photos)
        return
    await _ask_note(ctx, ticket, args, "resolve")


async def _escalate(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    if ticket.level >= lifecycle.TOP_LEVEL:
        ctx.answer(texts.TOP_LEVEL.format(number=ticket.number), alert=True)
        return
    await _ask_note(ctx, ticket, args, "escalate")


async def _reject(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    await _ask_note(ctx, ticket, args, "reject")


async def on_note(ctx: Ctx, text: str, photo: str | None = None) -> None:
    """The text that completes 办结 / 上报 / 驳回 (or tells why a case was transferred)."""
    note = ctx.note
    assert note is not None
    if note.action == "transfer_reason":
        if text:
            await on_transfer_reason(ctx, note, text)
        return
    if photo is not None:
        note.photos.append(photo)
        if not text:
            album = ctx.incoming.media_group_id
            if album is None or note.album != album:
                ctx.say(texts.RESULT_PHOTO_SAVED.format(count=len(note.photos)))
            note.album = album
            return
    action, photos = note.action, note.photos
    ticket = await authorised_ticket(ctx, {"ticket": note.ticket})
    ctx.set_state(None)
    if ticket is None:
        return
    service = _service(ctx)
    try:
        if action == "resolve":
            await service.resolve(ticket, _actor(ctx), text, photos)
            ctx.say(texts.RESOLVED_OK.format(number=ticket.number), STAFF_KEYBOARD)
        elif action == "escalate":
            level = await service.escalate(ticket, _actor(ctx), text)
            ctx.say(texts.ESCALATED_OK.format(number=ticket.number,
                                              level=texts.LEVEL_NAMES[level]), STAFF_KEYBOARD)
        else:
            await service.reject(ticket, _actor(ctx), text)
            ctx.say(texts.REJECTED_OK.format(number=ticket.number), STAFF_KEYBOARD)
    except lifecycle.TicketError:
        ctx.say(texts.STALE_BUTTON)


async def _whistle(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    if ticket.status not in lifecycle.OPEN:
        raise lifecycle.TicketError(ticket, "whistle")
    departments = ctx.config.taxonomy.get(ticket.category_code).departments
    buttons = [await ctx.button(name, "whistle_to", ticket=ticket.id, department=name)
               for name in departments]
    ctx.answer()
    ctx.say(texts.WHISTLE_PICK.format(number=ticket.number),
            Keyboard.inline(*[buttons[i:i + 2] for i in range(0, len(buttons), 2)]))


async def _whistle_to(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    if ticket.status not in lifecycle.OPEN:
        raise lifecycle.TicketError(ticket, "whistle")
    department = str(args["department"])
    unit = await _service(ctx).whistle(ticket, _actor(ctx), department)
    ctx.answer()
    ctx.say(texts.WHISTLE_OK.format(department=escape(department), number=ticket.number)
            + (texts.WHISTLE_LIAISON.format(name=escape(unit.liaison.name)) if unit.liaison
               else texts.WHISTLE_NO_LIAISON))


async def _transfer(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    if ticket.level != 0 or ticket.status not in lifecycle.OPEN:
        raise lifecycle.TicketError(ticket, "transfer")
    buttons = [await ctx.button(grid.name, "transfer_to", ticket=ticket.id, grid=grid.code)
               for _, _, grid in ctx.config.district.grids() if grid.code != ticket.grid_code]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([await ctx.button(texts.BTN_CHANGE_CATEGORY, "pick_category", ticket=ticket.id)])
    ctx.answer()
    ctx.say(texts.TRANSFER_PICK.format(number=ticket.number), Keyboard.inline(*rows))


async def _transfer_to(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    grid = str(args["grid"])
    if not args.get("triage") and await referral.transferred_too_often(ctx, ticket):
        await referral.refer_to_community(ctx, ticket, grid)
        return
    await _service(ctx).route_to(ticket, _actor(ctx), grid_code=grid)
    ctx.answer()
    name = escape(ctx.config.grid(grid)[2].name)
    if args.get("triage"):
        ctx.say(texts.TRIAGE_ASSIGNED.format(number=ticket.number, grid=name))
        return
    ctx.enter(NOTE, Note(action="transfer_reason", ticket=ticket.id, number=ticket.number))
    ctx.say(texts.TRANSFERRED_OK.format(number=ticket.number, target=name) + "\n"
            + texts.ASK_TRANSFER_REASON, Keyboard.reply([Button(texts.BTN_CANCEL)]))


async def _set_grid(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    if ticket.grid_code is not None or ticket.status not in lifecycle.OPEN:
        raise lifecycle.TicketError(ticket, "set grid")
    grids = [grid for _, community, grid in ctx.config.district.grids()
             if ticket.community_code in (None, community.code)]
    buttons = [await ctx.button(grid.name, "grid_to", ticket=ticket.id, grid=grid.code)
               for grid in grids]
    ctx.answer()
    ctx.say(texts.GRID_PICK.format(number=ticket.number),
            Keyboard.inline(*[buttons[i:i + 2] for i in range(0, len(buttons), 2)]))


async def _grid_to(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    if ticket.grid_code is not None or ticket.status not in lifecycle.OPEN:
        raise lifecycle.TicketError(ticket, "set grid")
    grid = str(args["grid"])
    await _service(ctx).set_grid(ticket, _actor(ctx), grid)
    ctx.answer()
    ctx.say(texts.GRID_SET.format(number=ticket.number,
                                  grid=escape(ctx.config.grid(grid)[2].name)))


async def on_transfer_reason(ctx: Ctx, note: Note, text: str) -> None:
    """Why the case was transferred: told to whoever holds it now."""
    service = _service(ctx)
    ticket = await service.get(note.ticket, for_update=True)
    ctx.set_state(None)
    if ticket is None:
        return
    await service.transfer_reason(ticket, _actor(ctx), text)
    ctx.say(texts.TRANSFER_REASON_SENT.format(number=ticket.number), STAFF_KEYBOARD)


async def _triage_grid(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    if ticket.status != lifecycle.Status.TRIAGE:  # the triage card is spent once a grid is set
        raise lifecycle.TicketError(ticket, "assign")
    await _transfer_to(ctx, ticket, {**args, "triage": True})


async def _pick_category(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    if ticket.status not in lifecycle.OPEN:
        raise lifecycle.TicketError(ticket, "change category")
    buttons = [await ctx.button(c.name, "set_category", ticket=ticket.id, category=c.code)
               for c in ctx.config.taxonomy.categories if c.code != ticket.category_code]
    ctx.answer()
    ctx.say(texts.CATEGORY_PICK.format(number=ticket.number),
            Keyboard.inline(*[buttons[i:i + 3] for i in range(0, len(buttons), 3)]))


async def _set_category(ctx: Ctx, ticket: TicketRow, args: dict[str, Any]) -> None:
    category = str(args["category"])
    await _service(ctx).route_to(ticket, _actor(ctx), category_code=category)
    ctx.answer()
    ctx.say(texts.CATEGORY_CHANGED.format(number=ticket.number,
                                          category=escape(ctx.config.taxonomy.get(category).name)))


# Choices on pickers and triage cards: a second press of the same button would repeat the change.
SINGLE_USE = frozenset({"whistle_to", "transfer_to", "triage_grid", "set_category", "grid_to"})

ACTIONS = {
    "accept": _accept,
    "resolve": _resolve,
    "escalate": _escalate,
    "reject": _reject,
    "whistle": _whistle,
    "whistle_to": _whistle_to,
    "transfer": _transfer,
    "transfer_to": _transfer_to,
    "triage_grid": _triage_grid,
    "pick_category": _pick_category,
    "set_category": _set_category,
    "set_grid": _set_grid,
    "grid_to": _grid_to,
}
