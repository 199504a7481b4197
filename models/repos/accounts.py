"""A channel account's side of the data: bans, staff invites, and what /forget removes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import delete, select

from models.orm import (
    TELEGRAM,
    BanRow,
    CallbackTokenRow,
    InviteRow,
    OutboxRow,
    RatingRow,
    TicketEventRow,
    TicketRow,
)
from models.repos.base import Repository


class AccountRepo(Repository):
    async def set_ban(self, user_id: int, banned: bool, reason: str | None = None,
                      channel: str = TELEGRAM) -> bool:
        """Ban or unban an account (`griddesk ban|unban`); True when something changed."""
        row = await self.session.get(BanRow, (channel, user_id))
        if banned and row is None:
            self.session.add(BanRow(channel=channel, user_id=user_id, reason=reason,
                                    at=self.clock.now()))
        elif not banned and row is not None:
            await self.session.delete(row)
        else:
            return False
        return True

    def add_invite(self, token_hash: str, person_code: str, valid_for: timedelta) -> None:
        """A one-time invite that binds the account using it to `person_code`."""
        now = self.clock.now()
        self.session.add(InviteRow(token_hash=token_hash, person_code=person_code,
                                   created_at=now, expires_at=now + valid_for))

    async def invite(self, token_hash: str) -> InviteRow | None:
        """The invite behind a bind link, locked until commit (it is used once)."""
        return await self.session.get(InviteRow, token_hash, with_for_update=True)

    async def tickets_of(self, user_id: int, channel: str = TELEGRAM) -> list[TicketRow]:
        """Every ticket the resident filed (held in the session: changes are written)."""
        return list(await self.session.scalars(select(TicketRow).where(
            TicketRow.reporter_channel == channel, TicketRow.reporter_user_id == user_id)))

    async def noted_events(self, ticket_ids: Sequence[int]) -> list[TicketEventRow]:
        return list(await self.session.scalars(select(TicketEventRow).where(
            TicketEventRow.ticket_id.in_(list(ticket_ids)), TicketEventRow.note.is_not(None))))

    async def commented_ratings(self, ticket_ids: Sequence[int]) -> list[RatingRow]:
        return list(await self.session.scalars(select(RatingRow).where(
            RatingRow.ticket_id.in_(list(ticket_ids)), RatingRow.comment.is_not(None))))

    async def cards_of(self, numbers: Sequence[str]) -> list[OutboxRow]:
        """Stored notifications about these tickets."""
        return list(await self.session.scalars(
            select(OutboxRow).where(OutboxRow.ticket_number.in_(list(numbers)))))

    async def drop_chat(self, chat_id: int) -> None:
        """Messages still to be sent to the chat and the buttons issued to it."""
        await self.session.execute(delete(OutboxRow).where(OutboxRow.chat_id == chat_id))
        await self.session.execute(
            delete(CallbackTokenRow).where(CallbackTokenRow.chat_id == chat_id))
