"""Processed Telegram update ids (a duplicate delivery is recognised and ignored), and the start
of an update: everything the core reads before handling it, in one round trip on PostgreSQL."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    BindParameter,
    Boolean,
    Integer,
    String,
    bindparam,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.orm import make_transient_to_detached

from models.lifecycle import OPEN
from models.numbering import settle_numbers
from models.orm import (
    TELEGRAM,
    BanRow,
    CallbackTokenRow,
    ChannelAccountRow,
    PersonRow,
    ProcessedUpdateRow,
    SecurityEventRow,
    TicketRow,
    UtcDateTime,
)
from models.repos.base import Repository, dialect_name, execute_core, upsert
from models.repos.conversations import ConversationRepo

_START = """
WITH fresh AS (
    INSERT INTO processed_updates (update_id, at) VALUES (:update_id, :now)
    ON CONFLICT (update_id) DO NOTHING
    RETURNING update_id
){chat_cte}
SELECT NOT EXISTS (SELECT 1 FROM fresh) AS duplicate,
       (SELECT p.code FROM channel_accounts AS a JOIN people AS p ON p.code = a.person_code
        WHERE a.channel = 'telegram' AND a.user_id = :user_id AND p.active) AS person_code,
       EXISTS (SELECT 1 FROM bans WHERE channel = 'telegram' AND user_id = :user_id)
         AS banned{chat_columns}
       {reporter_columns}{token_columns}
"""
# Upsert with a no-op update: the chat's conversation row exists afterwards, is locked until
# the transaction ends (a second update of the same chat, in any process, waits here), and
# RETURNING gives its latest committed version even when this statement had to wait.
_CHAT_CTE = """, chat AS (
    INSERT INTO conversations (chat_id, state, data, updated_at)
    VALUES (:chat_id, '', '{}', :now)
    ON CONFLICT (chat_id) DO UPDATE SET chat_id = EXCLUDED.chat_id
    RETURNING state, data
)"""
_CHAT_COLUMNS = """,
       (SELECT state FROM chat) AS state,
       (SELECT data FROM chat) AS data"""


# A resident's update: their open tickets filed since :duplicates_since (the duplicate check)
# and how many tickets they filed since :quota_since (the hourly quota). These subqueries see
# the statement's snapshot, taken before any wait for the chat's lock: a ticket that another
# update of the same chat commits meanwhile is caught by the chat's state instead (a filed
# draft is gone from it, and `_filed` counts the filing).
_REPORTER_COLUMNS = f""",
       (SELECT json_agg(json_build_array(r.original_text, extract(epoch FROM r.created_at),
                                         r.number))
          FROM (SELECT original_text, created_at, number FROM tickets
                WHERE reporter_user_id = :user_id AND reporter_channel = 'telegram'
                  AND created_at >= :duplicates_since
                  AND status IN ({", ".join(f"'{status.value}'" for status in sorted(OPEN))})
                ORDER BY created_at DESC, id DESC LIMIT 20) AS r) AS recent_open,
       (SELECT count(*) FROM tickets
        WHERE reporter_user_id = :user_id AND reporter_channel = 'telegram'
          AND created_at >= :quota_since) AS filed_recently"""

# A button press: the callback token's row too (the press is checked against it).
_TOKEN_COLUMNS = """, tok.chat_id AS token_chat_id, tok.action AS token_action,
       tok.args AS token_args, tok.created_at AS token_created_at, tok.used_at AS token_used_at
FROM (SELECT 1) AS one LEFT JOIN callback_tokens AS tok ON tok.token = :token"""


@functools.cache
def _start_statement(lock_chat: bool, with_token: bool, with_reporter: bool) -> Any:
    sql = _START.format(chat_cte=_CHAT_CTE if lock_chat else "",
                        chat_columns=_CHAT_COLUMNS if lock_chat else "",
                        reporter_columns=_REPORTER_COLUMNS if with_reporter else "",
                        token_columns=_TOKEN_COLUMNS if with_token else "")
    columns: dict[str, Any] = {"duplicate": Boolean, "person_code": String, "banned": Boolean}
    params: list[BindParameter[Any]] = [
        bindparam("update_id", type_=BigInteger), bindparam("user_id", type_=BigInteger),
        bindparam("now", type_=UtcDateTime)]
    if lock_chat:
        columns.update(state=String, data=JSON)
        params.append(bindparam("chat_id", type_=BigInteger))
    if with_token:
        columns.update(token_chat_id=BigInteger, token_action=String, token_args=JSON,
                       token_created_at=UtcDateTime, token_used_at=UtcDateTime)
        params.append(bindparam("token", type_=String))
    if with_reporter:
        columns.update(recent_open=JSON, filed_recently=Integer)
        params += [bindparam("duplicates_since", type_=UtcDateTime),
                   bindparam("quota_since", type_=UtcDateTime)]
    return text(sql).bindparams(*params).columns(**columns)


# The same two reads for the other databases (and for updates that did not ask `start`).
_RECENT_OPEN = (
    select(TicketRow.original_text, TicketRow.created_at, TicketRow.number)
    .where(TicketRow.reporter_user_id == bindparam("user_id"),
           TicketRow.reporter_channel == TELEGRAM,
           TicketRow.created_at >= bindparam("since"),
           TicketRow.status.in_(sorted(status.value for status in OPEN)))
    .order_by(TicketRow.created_at.desc(), TicketRow.id.desc())
    .limit(20)
)
_FILED_SINCE = (
    select(func.count()).select_from(TicketRow)
    .where(TicketRow.reporter_user_id == bindparam("user_id"),
           TicketRow.reporter_channel == TELEGRAM,
           TicketRow.created_at >= bindparam("since"))
)


@dataclass(frozen=True)
class ReporterWindows:
    """What `start` should also read about the resident sending the update."""

    duplicates_since: datetime  # open tickets filed since then count as duplicates
    quota_since: datetime  # tickets filed since then count against the hourly quota


@dataclass(frozen=True)
class RecentTicket:
    original_text: str
    created_at: datetime
    number: str


@dataclass(frozen=True)
class ReporterFacts:
    recent_open: list[RecentTicket]  # newest first, at most 20
    filed_recently: int


def _reporter_facts(row: Any) -> ReporterFacts:
    recent = [RecentTicket(text, datetime.fromtimestamp(float(epoch), UTC), number)
              for text, epoch, number in (row.recent_open or [])]
    return ReporterFacts(recent, int(row.filed_recently or 0))


@dataclass(frozen=True)
class UpdateStart:
    """What the core needs before handling an update."""

    duplicate: bool  # this update id was handled before: do nothing
    person_code: str | None  # the active staff member writing, None for a resident
    banned: bool
    conversation: tuple[str | None, dict[str, Any]] | None  # stored state, when asked for
    # A press's callback token, when asked for and looked up: (token, its row or None)
    token: tuple[str, CallbackTokenRow | None] | None = None
    reporter: ReporterFacts | None = None  # when asked for


class UpdateRepo(Repository):
    async def seen(self, update_id: int) -> bool:
        """Record `update_id`; True when it had been recorded before (a duplicate)."""
        statement = (
            upsert(self.session, ProcessedUpdateRow)
            .values(update_id=update_id, at=self.clock.now())
            .on_conflict_do_nothing(index_elements=["update_id"])
            .returning(ProcessedUpdateRow.update_id)
        )
        inserted = (await execute_core(self.session, statement)).scalar_one_or_none()
        return inserted is None

    async def start(self, update_id: int, user_id: int, chat_id: int, conversation: bool,
                    token: str | None = None,
                    reporter: ReporterWindows | None = None) -> UpdateStart:
        """Record the update id, find the sender's staff record and ban; with `conversation`
        also read the chat's state row and lock it until commit, so updates of one chat are
        handled one after the other even by different processes; with `token` (a button
        press) also its callback token row, attached to the session; with `reporter` also the
        sender's recent tickets (duplicate check, hourly quota).

        PostgreSQL: one statement. SQLite: several (the same result), and `BEGIN IMMEDIATE`
        already lets only one writer in at a time."""
        if dialect_name(self.session) != "postgresql":
            return await self._start_each(update_id, user_id, chat_id, conversation, token,
                                          reporter)
        params: dict[str, Any] = {"update_id": update_id, "user_id": user_id,
                                  "now": self.clock.now()}
        if conversation:
            params["chat_id"] = chat_id
        if token is not None:
            params["token"] = token
        if reporter is not None:
            params.update(duplicates_since=reporter.duplicates_since,
                          quota_since=reporter.quota_since)
        statement = _start_statement(conversation, token is not None, reporter is not None)
        row = (await execute_core(self.session, statement, params)).one()
        stored = (row.state or None, dict(row.data or {})) if conversation else None
        found = None if token is None else (token, self._attach_token(token, row))
        facts = None if reporter is None else _reporter_facts(row)
        return UpdateStart(bool(row.duplicate), row.person_code, bool(row.banned), stored, found,
                           facts)

    def _attach_token(self, token: str, row: Any) -> CallbackTokenRow | None:
        """The token row read by the start statement, made persistent in the session without
        another query (a later `used_at` change is flushed as an UPDATE)."""
        if row.token_chat_id is None:
            return None
        loaded = CallbackTokenRow(token=token, chat_id=row.token_chat_id,
                                  action=row.token_action, args=row.token_args or {},
                                  created_at=row.token_created_at, used_at=row.token_used_at)
        make_transient_to_detached(loaded)
        self.session.add(loaded)
        return loaded

    async def _start_each(self, update_id: int, user_id: int, chat_id: int, conversation: bool,
                          token: str | None, reporter: ReporterWindows | None) -> UpdateStart:
        duplicate = await self.seen(update_id)
        person_code = await self.session.scalar(
            select(PersonRow.code)
            .join(ChannelAccountRow, ChannelAccountRow.person_code == PersonRow.code)
            .where(ChannelAccountRow.channel == TELEGRAM, ChannelAccountRow.user_id == user_id,
                   PersonRow.active))
        banned = await self.session.scalar(
            select(BanRow.user_id).where(BanRow.channel == TELEGRAM, BanRow.user_id == user_id))
        conversations = ConversationRepo(self.session, self.clock)
        stored = None
        if conversation:
            row = await conversations.get(chat_id)
            stored = (row.state or None, dict(row.data or {})) if row else (None, {})
        found = None if token is None else (token, await conversations.token(token))
        facts = None if reporter is None else await self.reporter_facts(user_id, reporter)
        return UpdateStart(duplicate, person_code, banned is not None, stored, found, facts)

    async def reporter_facts(self, user_id: int, windows: ReporterWindows) -> ReporterFacts:
        """The sender's recent tickets as `start` reads them with `reporter` on PostgreSQL."""
        recent = await execute_core(self.session, _RECENT_OPEN, {
            "user_id": user_id, "since": windows.duplicates_since})
        filed = await execute_core(self.session, _FILED_SINCE, {
            "user_id": user_id, "since": windows.quota_since})
        return ReporterFacts([RecentTicket(row.original_text, row.created_at, row.number)
                              for row in recent], int(filed.scalar_one() or 0))

    def security_event(self, user_id: int | None, kind: str, detail: str) -> None:
        """A refused or suspicious input, recorded with the update's transaction."""
        self.session.add(SecurityEventRow(at=self.clock.now(), channel=TELEGRAM, user_id=user_id,
                                          kind=kind, detail=detail[:500]))

    async def settle_numbers(self) -> dict[str, str]:
        """After commit: the real numbers of the tickets filed (`models.numbering`)."""
        return await settle_numbers(self.session)

    async def prune(self, before: datetime) -> int:
        """Forget update ids recorded before `before`; returns how many."""
        result = await self.session.execute(
            delete(ProcessedUpdateRow).where(ProcessedUpdateRow.at < before)
        )
        return int(getattr(result, "rowcount", 0) or 0)
