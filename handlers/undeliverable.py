"""A notification that cannot reach a worker goes to the next level of the ticket's chain."""

from __future__ import annotations

from handlers import texts
from handlers.messages import say
from handlers.notify import Notifier
from handlers.org import OrgDirectory
from models.clock import Clock
from models.config.schema import GridDeskConfig
from models.orm import OutboxRow
from models.outbox import edit_of
from models.uow import UnitOfWork


class UndeliverableRouter:
    """The sender's `on_undeliverable` hook: runs in the sender's transaction."""

    def __init__(self, clock: Clock, config: GridDeskConfig) -> None:
        self.clock = clock
        self.config = config

    async def __call__(self, uow: UnitOfWork, row: OutboxRow) -> None:
        if row.person_code is None or row.ticket_number is None:
            return  # a resident who blocked the bot: nothing to pass on
        if edit_of(row.kind, row.snapshot):
            return  # an edit of a card that was delivered: the card itself reached them
        ticket = await uow.tickets.by_number(row.ticket_number)
        if ticket is None:
            return
        chain = await OrgDirectory(uow).chain(ticket)
        levels = [level for level, person in chain if person.code == row.person_code]
        above = [person.code for level, person in chain
                 if levels and level > max(levels) and person.active]
        if not above:
            return
        missing = await uow.org.person(row.person_code)
        name = missing.name if missing else row.person_code
        notifier = Notifier(uow, self.clock, self.config)
        note = say("texts.UNREACHABLE", number=ticket.number, name=name,  # escaped by card()
                   reason=(row.last_error or "无法送达")[:80])
        await notifier.card(ticket, above[0], texts.CARD_BADGE_ESCALATED,
                            f"undeliverable{row.id}", note)
