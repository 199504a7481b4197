"""SQLAlchemy 2 typed mappings of the GridDesk schema (both PostgreSQL and SQLite)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

TELEGRAM = "telegram"  # the channel name of Telegram accounts, bans and reporters

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


ChatId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


# --- Organisation -------------------------------------------------------------------------


class DistrictRow(Base):
    __tablename__ = "districts"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    ticket_prefix: Mapped[str] = mapped_column(String(8))
    timezone: Mapped[str] = mapped_column(String(64))
    task_force_name: Mapped[str] = mapped_column(String(64))
    task_force_person: Mapped[str] = mapped_column(ForeignKey("people.code"))


class StreetRow(Base):
    __tablename__ = "streets"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    district_code: Mapped[str] = mapped_column(ForeignKey("districts.code"))
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    committee_name: Mapped[str] = mapped_column(String(64))
    committee_person: Mapped[str] = mapped_column(ForeignKey("people.code"))


class CommunityRow(Base):
    __tablename__ = "communities"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    street_code: Mapped[str] = mapped_column(ForeignKey("streets.code"))
    name: Mapped[str] = mapped_column(String(64))
    aliases: Mapped[list[Any]] = mapped_column(default=list)
    party_org_name: Mapped[str] = mapped_column(String(64))
    secretary_person: Mapped[str] = mapped_column(ForeignKey("people.code"))


class GridRow(Base):
    __tablename__ = "grids"
    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("communities.code"))
    name: Mapped[str] = mapped_column(String(64))
    building_low: Mapped[int | None]
    building_high: Mapped[int | None]
    households: Mapped[int] = mapped_column(default=0)
    outline: Mapped[list[Any]] = mapped_column(default=list)  # [[lat, lon], ...]
    branch_name: Mapped[str] = mapped_column(String(64))
    branch_person: Mapped[str] = mapped_column(ForeignKey("people.code"))


class PersonRow(Base):
    __tablename__ = "people"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    appointments: Mapped[list[AppointmentRow]] = relationship(
        back_populates="person", lazy="selectin", cascade="all, delete-orphan"
    )
    accounts: Mapped[list[ChannelAccountRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan"
    )

    def account(self, channel: str = TELEGRAM) -> ChannelAccountRow | None:
        return next((a for a in self.accounts if a.channel == channel), None)

    @property
    def chat_id(self) -> int | None:
        """Where the person's Telegram messages go (a unit's group chat, or their own)."""
        account = self.account(TELEGRAM)
        return None if account is None else account.address


class ChannelAccountRow(Base):
    """A person's account on a channel: who they are there (`user_id`, what their messages
    and presses come from) and where messages to them go (`chat_id`; None: the user's own
    chat). A unit that acts as a group has a chat and no user. One account per channel."""

    __tablename__ = "channel_accounts"
    __table_args__ = (UniqueConstraint("channel", "user_id"),)
    person_code: Mapped[str] = mapped_column(
        ForeignKey("people.code", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ChatId)
    chat_id: Mapped[int | None] = mapped_column(ChatId)

    @property
    def address(self) -> int | None:
        return self.chat_id if self.chat_id is not None else self.user_id


class AppointmentRow(Base):
    __tablename__ = "appointments"
    __table_args__ = (UniqueConstraint("person_code", "role", "scope_code"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    person_code: Mapped[str] = mapped_column(ForeignKey("people.code", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(32))
    scope_code: Mapped[str] = mapped_column(String(24), index=True)
    person: Mapped[PersonRow] = relationship(back_populates="appointments")


class CategoryRow(Base):
    __tablename__ = "categories"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(32))
    name_hant: Mapped[str] = mapped_column(String(32))
    accept_within_s: Mapped[int]
    resolve_within_s: Mapped[int]
    working_calendar: Mapped[bool] = mapped_column(Boolean, default=False)
    departments: Mapped[list[Any]] = mapped_column(default=list)
    position: Mapped[int] = mapped_column(default=0)


# --- Tickets ------------------------------------------------------------------------------


# The current stage's deadline as `models.escalation.current_due` compiles it (an index serves
# the queue's deadline order only while the two stay equal; a test compares them).
CURRENT_DUE = (
    "CASE WHEN (status IN ('triage', 'assigned') AND accept_due_at IS NOT NULL) "
    "THEN accept_due_at ELSE coalesce(level_due_at, resolve_due_at) END"
)

# indexes alembic's comparison cannot read back (expressions, descending order)
EXPRESSION_INDEXES = frozenset({"ix_tickets_due_order", "ix_tickets_level_order"})

# The open tickets as `models.escalation.open_ticket` compiles it: the predicate of a partial
# index the planner uses only while the two stay equal (a test compares them).
OPEN_TICKET = "status IN ('accepted', 'assigned', 'triage')"

# a ticket's search words: an array on PostgreSQL (GIN-indexed), a JSON list elsewhere
WordList = ARRAY(Text).with_variant(JSON(), "sqlite")


class TicketRow(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_accept_due", "status", "accept_due_at"),
        Index("ix_tickets_status_resolve_due", "status", "resolve_due_at"),
        Index("ix_tickets_reporter", "reporter_user_id", "created_at"),
        Index("ix_tickets_grid_created", "grid_code", "created_at"),
        Index("ix_tickets_created", "created_at"),
        Index("ix_tickets_category_created", "category_code", "created_at",
              postgresql_include=["status"]),
        Index("ix_tickets_community_created", "community_code", "created_at",
              postgresql_include=["status"]),
        Index("ix_tickets_street_created", "street_code", "created_at",
              postgresql_include=["status"]),  # migration 0022
        Index("ix_tickets_grid_status", "grid_code", "status"),
        Index("ix_tickets_urgent_status", "urgent", "status"),
        Index("ix_tickets_status_created", "status", "created_at"),
        Index("ix_tickets_level_created", "level", "created_at",
              postgresql_include=["status"]),  # migration 0020
        Index("ix_tickets_place", "grid_code", "building", "created_at"),
        Index("ix_tickets_accepted", "accepted_at"),
        Index("ix_tickets_resolved", "resolved_at"),
        Index("ix_tickets_text_trgm", "original_text", postgresql_using="gin",
              postgresql_ops={"original_text": "gin_trgm_ops"}),
        # the queue's deadline and level orders, exactly as they compile (migration 0017)
        Index("ix_tickets_due_order", text(f"({CURRENT_DUE}) IS NULL"), text(CURRENT_DUE), "id"),
        Index("ix_tickets_level_order", text("level DESC"), "created_at", "id"),
        # migration 0018: the queue's two-character word search, the 不满意 filter and its
        # counts by status, the open tickets in filing order (超时, 24小时内到期)
        Index("ix_tickets_search_words", "search_words", postgresql_using="gin"),
        Index("ix_tickets_unsatisfied", "status", "created_at",
              postgresql_where=text("unsatisfied"), sqlite_where=text("unsatisfied")),
        Index("ix_tickets_open_created", "created_at",
              postgresql_where=text(OPEN_TICKET), sqlite_where=text(OPEN_TICKET)),
    )
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    # The reporter is an account on a channel: the channel, and the user and chat ids there
    # (all None for a ticket nobody on a channel filed, or after /forget).
    reporter_channel: Mapped[str | None] = mapped_column(String(16))
    reporter_user_id: Mapped[int | None] = mapped_column(ChatId)
    reporter_chat_id: Mapped[int | None] = mapped_column(ChatId)
    reporter_name: Mapped[str | None] = mapped_column(String(128))
    reporter_phone: Mapped[str | None] = mapped_column(String(32))
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    script: Mapped[str] = mapped_column(String(4), default="hans")
    original_text: Mapped[str] = mapped_column(Text)
    normalized_text: Mapped[str] = mapped_column(Text)
    address_text: Mapped[str | None] = mapped_column(Text)
    category_code: Mapped[str] = mapped_column(ForeignKey("categories.code"))
    community_code: Mapped[str | None] = mapped_column(ForeignKey("communities.code"))
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grids.code"))
    street_code: Mapped[str | None] = mapped_column(String(16))  # known without a community
    building: Mapped[int | None]
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    urgent_frame: Mapped[str | None] = mapped_column(String(64))  # the danger frame's label
    source: Mapped[str] = mapped_column(String(48), default="telegram", server_default="telegram")
    filed_by: Mapped[str | None] = mapped_column(String(32))  # the worker who filed it (代报)
    follow_token: Mapped[str | None] = mapped_column(String(64), index=True)  # its hash
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    attachments: Mapped[list[Any]] = mapped_column(default=list)  # references: models.attachments
    media_url: Mapped[str | None] = mapped_column(Text)  # an Open311 client's picture
    status: Mapped[str] = mapped_column(String(16), index=True)
    level: Mapped[int] = mapped_column(default=0)
    assignee_code: Mapped[str | None] = mapped_column(ForeignKey("people.code"), index=True)
    first_receiver_code: Mapped[str | None] = mapped_column(ForeignKey("people.code"))
    accept_due_at: Mapped[datetime | None]
    resolve_due_at: Mapped[datetime | None]  # the filing's, kept across levels (首接负责制)
    level_due_at: Mapped[datetime | None]  # the holding level's own, when it differs
    reminded_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    result_note: Mapped[str | None] = mapped_column(Text)
    reject_reason: Mapped[str | None] = mapped_column(Text)
    reopen_count: Mapped[int] = mapped_column(default=0)
    max_level: Mapped[int] = mapped_column(default=0)
    # the text's two-character sequences (`models.search_words`), set by `TicketRepo.add`
    search_words: Mapped[list[str] | None] = mapped_column(WordList, default=list)
    # ever rated 不满意 (set with the rating, `TicketRepo.add_rating`): the queue's filter
    unsatisfied: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    events: Mapped[list[TicketEventRow]] = relationship(
        back_populates="ticket", order_by="TicketEventRow.id", lazy="raise"
    )

    def reported_by(self, user_id: int | None, channel: str = TELEGRAM) -> bool:
        return user_id is not None and (self.reporter_channel, self.reporter_user_id) == (
            channel, user_id)

    def reporter_chat(self, channel: str = TELEGRAM) -> int | None:
        """The chat that hears about this ticket on `channel` (None: not a reporter there)."""
        return self.reporter_chat_id if self.reporter_channel == channel else None


class TicketEventRow(Base):
    """Append-only log of everything that happened to a ticket."""

    __tablename__ = "ticket_events"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(48))  # person code, "resident" or "system"
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    from_level: Mapped[int | None]
    to_level: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    ticket: Mapped[TicketRow] = relationship(back_populates="events")


class RatingRow(Base):
    __tablename__ = "ratings"
    __table_args__ = (
        Index("ix_ratings_at", "at"),
        Index("ix_ratings_unsatisfied", "ticket_id", postgresql_where=text("score = 'unsatisfied'"),
              sqlite_where=text("score = 'unsatisfied'")),
    )
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    score: Mapped[str] = mapped_column(String(16))  # satisfied | basically | unsatisfied
    at: Mapped[datetime]
    comment: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str] = mapped_column(String(8), default="chat", server_default="chat")  # | phone


class VisitRow(Base):
    """A household visit (入户走访) a grid worker logged: where, what came of it, a short note."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_person_at", "person_code", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    person_code: Mapped[str] = mapped_column(String(32))
    grid_code: Mapped[str] = mapped_column(String(24))
    building: Mapped[int | None]
    unit: Mapped[str | None] = mapped_column(String(16))
    room: Mapped[str | None] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(12), default="none")  # none | filed
    note: Mapped[str | None] = mapped_column(Text)
    ticket_ids: Mapped[list[Any]] = mapped_column(default=list)


class TicketCounterRow(Base):
    """Daily ticket sequence per prefix; incremented under a row lock."""

    __tablename__ = "ticket_counters"
    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


# --- Delivery and conversations -----------------------------------------------------------


class OutboxRow(Base):
    """A notification written in the same transaction as the change that caused it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "available_at"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(24), default="legacy")  # handlers/messages.py
    channel: Mapped[str] = mapped_column(String(16), default="telegram")
    chat_id: Mapped[int] = mapped_column(ChatId)  # the address within `channel`
    person_code: Mapped[str | None] = mapped_column(String(32))
    ticket_id: Mapped[int | None]
    ticket_number: Mapped[str | None] = mapped_column(String(32), index=True)
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)  # what the wording needs
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    available_at: Mapped[datetime]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[int | None] = mapped_column(ChatId)  # the delivered message (cards)


class OutboxOwnerRow(Base):
    """A live sender or reply journal that may hold outbox rows (models/owners.py)."""

    __tablename__ = "outbox_owners"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    backend_pid: Mapped[int | None]  # PostgreSQL: the owner's dedicated connection
    backend_start: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime]  # wall-clock time


class ConversationRow(Base):
    """Durable conversation state of one chat (a resident's draft, a pending worker prompt)."""

    __tablename__ = "conversations"
    chat_id: Mapped[int] = mapped_column(ChatId, primary_key=True)
    state: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime]


class ProcessedUpdateRow(Base):
    """Update ids already handled, so a duplicate delivery changes nothing."""

    __tablename__ = "processed_updates"
    update_id: Mapped[int] = mapped_column(ChatId, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)


class InviteRow(Base):
    __tablename__ = "invites"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_code: Mapped[str] = mapped_column(ForeignKey("people.code", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class StaffBindingRow(Base):
    """A channel account bound to a person by `griddesk invite`, kept apart from the
    configuration so that its synchronisation never resets it (models/config/sync.py)."""

    __tablename__ = "staff_bindings"
    __table_args__ = (UniqueConstraint("channel", "user_id"),)
    person_code: Mapped[str] = mapped_column(
        ForeignKey("people.code", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(16), default=TELEGRAM)
    user_id: Mapped[int] = mapped_column(ChatId)
    bound_at: Mapped[datetime]


class ConsoleLoginRow(Base):
    """A one-time sign-in link to the web console (`/console`), stored hashed."""

    __tablename__ = "console_logins"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_code: Mapped[str] = mapped_column(ForeignKey("people.code", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class ConsoleSessionRow(Base):
    """A signed-in console session; the cookie carries its id, the table its hash."""

    __tablename__ = "console_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_code: Mapped[str] = mapped_column(
        ForeignKey("people.code", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class BanRow(Base):
    """A channel account refused everything (`griddesk ban`)."""

    __tablename__ = "bans"
    channel: Mapped[str] = mapped_column(String(16), primary_key=True, default=TELEGRAM)
    user_id: Mapped[int] = mapped_column(ChatId, primary_key=True)
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime]


class CallbackTokenRow(Base):
    """Opaque id behind an inline button: the button's data carries no authority by itself."""

    __tablename__ = "callback_tokens"
    token: Mapped[str] = mapped_column(String(24), primary_key=True)
    chat_id: Mapped[int] = mapped_column(ChatId)
    action: Mapped[str] = mapped_column(String(24))
    args: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class SecurityEventRow(Base):
    __tablename__ = "security_events"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    channel: Mapped[str | None] = mapped_column(String(16))  # the account that caused it
    user_id: Mapped[int | None] = mapped_column(ChatId)
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(Text)


# --- Open311 ------------------------------------------------------------------------------


class ApiKeyRow(Base):
    """A client of the Open311 API; the key itself is stored as its SHA-256 only."""

    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))  # the key's first characters, for `list`
    can_file: Mapped[bool] = mapped_column(Boolean, default=False)
    can_read: Mapped[bool] = mapped_column(Boolean, default=False)
    per_minute: Mapped[int] = mapped_column(default=60)  # filings a minute
    callback_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Open311FilingRow(Base):
    """A request a key filed, under the client's idempotency key."""

    __tablename__ = "open311_filings"
    __table_args__ = (
        UniqueConstraint("api_key_id", "idempotency_key"),
        Index("ix_open311_filings_key_created", "api_key_id", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id"))
    idempotency_key: Mapped[str] = mapped_column(String(128))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    created_at: Mapped[datetime]


class Open311CallbackRow(Base):
    """A status change to POST to a client's callback URL (an outbox of HTTP deliveries)."""

    __tablename__ = "open311_callbacks"
    __table_args__ = (Index("ix_open311_callbacks_due", "status", "available_at"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id"))
    url: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    available_at: Mapped[datetime]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    claimed_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
