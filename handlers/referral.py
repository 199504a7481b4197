"""A ticket passed between grids too often (转派 more than GRIDDESK_MAX_TRANSFERS times) goes to
its community's triage, which decides the grid, instead of bouncing on."""

from __future__ import annotations

from handlers import texts
from handlers.context import Ctx
from handlers.tickets import TicketService
from models import domain_events as ev
from models import lifecycle
from models.orm import TicketRow
from models.uow import UnitOfWork


async def grid_transfers(uow: UnitOfWork, ticket: TicketRow) -> int:
    """How often the ticket was transferred to another grid (category changes do not count)."""
    data = await uow.events.data_of(ticket.id, str(lifecycle.Action.TRANSFER))
    return sum(1 for item in data if "grid_code" in item)


async def transferred_too_often(ctx: Ctx, ticket: TicketRow) -> bool:
    """Would one more 转派 exceed the limit?"""
    return await grid_transfers(ctx.uow, ticket) >= ctx.services.limits.max_transfers


async def refer(service: TicketService, ticket: TicketRow, actor: str, wanted_grid: str) -> int:
    """Back to the community's triage card with the reason (the resolve deadline stays);
    returns how often the ticket had been transferred."""
    now = service.clock.now()
    count = await grid_transfers(service.uow, ticket)
    grid_name = service.config.grid(wanted_grid)[2].name
    event = lifecycle.refer(
        ticket,
        now=now,
        actor=actor,
        accept_due=service.deadlines(ticket, now).accept_due,
        reason=f"申请转至{grid_name}",
        data={"wanted_grid": wanted_grid, "transfers": count},
    )
    tag = await service._record(event)
    note = texts.REFERRED_NOTE.format(count=count, grid=grid_name)
    await service._announce(ev.Referred(ticket, tag, await service.queue_holder(ticket), note))
    return count


async def refer_to_community(ctx: Ctx, ticket: TicketRow, wanted_grid: str) -> None:
    assert ctx.person is not None
    service = TicketService(ctx.uow, ctx.services.clock, ctx.config)
    count = await refer(service, ticket, ctx.person.code, wanted_grid)
    ctx.answer()
    ctx.say(texts.REFERRED_OK.format(number=ticket.number, count=count))
