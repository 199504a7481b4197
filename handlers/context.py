"""Per-update context handed to every conversation function, and the long-lived services."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from handlers import texts
from handlers.buttons import find_token, make_button
from handlers.conversation import (
    MODELS,
    STATES,
    Details,
    Draft,
    HeldText,
    Note,
    RatingReason,
    State,
    Stored,
    Visit,
)
from handlers.replies import ReplyJournal
from handlers.state import ConversationStore, DatabaseConversations
from handlers.types import Button, CallbackAnswer, Incoming, Keyboard, Outcome, Reply
from models.clock import Clock
from models.config.schema import GridDeskConfig
from models.orm import CallbackTokenRow, PersonRow
from models.repos.updates import ReporterFacts, ReporterWindows
from models.uow import UnitOfWork, UnitOfWorkFactory
from nlp.normalize import to_script
from nlp.router import Router

M = TypeVar("M", bound=Stored)

if TYPE_CHECKING:
    from handlers.reports import ReportRenderer

log = logging.getLogger("griddesk.core")
security_log = logging.getLogger("griddesk.security")


@dataclass(frozen=True)
class Limits:
    """Abuse and input limits (configurable through settings)."""

    max_text: int = 2000
    max_photos: int = 10
    max_photo_bytes: int = 20 * 1024 * 1024
    tickets_per_hour: int = 5
    burst_messages: int = 20
    burst_window_s: int = 60
    duplicate_window_s: int = 86400
    max_transfers: int = 2  # 转派 beyond this goes to the community's triage


@dataclass
class Services:
    """What lives for the whole process: configuration, routing engine, clock, database."""

    config: GridDeskConfig
    router: Router
    clock: Clock
    uow_factory: UnitOfWorkFactory
    limits: Limits = field(default_factory=Limits)
    conversations: ConversationStore = field(default_factory=DatabaseConversations)
    replies: ReplyJournal | None = None  # direct replies recorded durably (handlers/replies.py)
    reports: ReportRenderer | None = None  # draws /report's charts and ledgers (bot/reports)
    bot_username: str | None = None  # the follow links' t.me address (TELEGRAM_BOT_USERNAME)
    console_url: str = "http://127.0.0.1:8081"  # where /console's sign-in links point


QUOTA_WINDOW = timedelta(hours=1)  # GRIDDESK_TICKETS_PER_HOUR counts the tickets filed within it


def reporter_windows(services: Services) -> ReporterWindows:
    """The windows of a resident's recent tickets: the duplicate check and the hourly quota."""
    now = services.clock.now()
    return ReporterWindows(
        duplicates_since=now - timedelta(seconds=services.limits.duplicate_window_s),
        quota_since=now - QUOTA_WINDOW)


def escape(text: str | None) -> str:
    """HTML-escape anything user-provided before it is echoed to Telegram."""
    return html.escape(text or "", quote=False)


def clip(text: str | None, limit: int) -> str:
    """At most `limit` characters, `…` marking a cut: a Telegram message shows 4096 at most,
    so every user-provided part of one gets a share of that."""
    text = text or ""
    return text if len(text) <= limit else text[:limit - 1] + "…"


class Ctx:
    """One update being handled inside one transaction."""

    def __init__(self, services: Services, uow: UnitOfWork, incoming: Incoming) -> None:
        self.services = services
        self.uow = uow
        self.incoming = incoming
        self.outcome = Outcome()
        self.person: PersonRow | None = None
        self.script = "hans"
        self.state: str | None = None
        self.data: dict[str, Any] = {}  # a state without a typed model (RATING_REASON)
        self.model: Stored | None = None  # the typed data of the state (handlers.conversation)
        self.meta: dict[str, Any] = {}  # per-chat counters that outlive every conversation
        self.preloaded_token: tuple[str, CallbackTokenRow | None] | None = None
        self.reporter: ReporterFacts | None = None  # the sender's recent tickets, if read already

    @property
    def config(self) -> GridDeskConfig:
        return self.services.config

    @property
    def chat_id(self) -> int:
        assert self.incoming.chat_id is not None
        return self.incoming.chat_id

    @property
    def user_id(self) -> int:
        assert self.incoming.sender is not None
        return self.incoming.sender.user_id

    def now(self) -> Any:
        return self.services.clock.now()

    def local(self, text: str, script: str | None = None) -> str:
        return to_script(text, script or self.script)

    def say(self, text: str, keyboard: Keyboard | None = None,
            photos: tuple[str, ...] = ()) -> None:
        """Reply in the chat the update came from, in the user's script."""
        self.outcome.replies.append(
            Reply(self.chat_id, self.local(text), self._local_keyboard(keyboard), photos)
        )

    def edit(self, message_id: int, text: str, keyboard: Keyboard | None = None) -> None:
        self.outcome.replies.append(
            Reply(self.chat_id, self.local(text), self._local_keyboard(keyboard),
                  edit_message_id=message_id)
        )

    def answer(self, text: str | None = None, alert: bool = False) -> None:
        if self.incoming.callback_id is not None:
            shown = self.local(text) if text else None
            self.outcome.answer = CallbackAnswer(self.incoming.callback_id, shown, alert)

    def _local_keyboard(self, keyboard: Keyboard | None) -> Keyboard | None:
        if keyboard is None or self.script == "hans":
            return keyboard
        rows = tuple(
            tuple(
                Button(self.local(b.text), b.data, b.request_location, b.request_contact)
                for b in row
            )
            for row in keyboard.rows
        )
        return Keyboard(keyboard.kind, rows)

    async def reporter_facts(self) -> ReporterFacts:
        """The sender's recent tickets (duplicate check, hourly quota), read once per update."""
        if self.reporter is None:
            self.reporter = await self.uow.updates.reporter_facts(
                self.user_id, reporter_windows(self.services))
        return self.reporter

    def set_state(self, state: str | None, data: dict[str, Any] | None = None) -> None:
        self.state = state
        self.data = dict(data or {}) if state else {}
        self.model = None

    def enter(self, state: State, model: M) -> M:
        """Enter `state` with its typed data (the previous state's data is dropped)."""
        self.set_state(state)
        self.model = model
        return model

    def restore(self, state: str | None, data: dict[str, Any]) -> bool:
        """The stored state; False (and no state) when it is unknown or its data unreadable."""
        if (state or "") not in STATES:
            self.set_state(None)
            return False
        model_type = MODELS.get(State(state or ""))
        self.set_state(state, None if model_type else data)
        self.model = model_type.from_data(data) if model_type else None
        if model_type and self.model is None:
            self.set_state(None)
        return self.state == state

    def stored_data(self) -> dict[str, Any]:
        return self.model.to_data() if self.model is not None else dict(self.data)

    def _typed(self, kind: type[M]) -> M | None:
        return self.model if isinstance(self.model, kind) else None  # cleared with the state

    @property
    def draft(self) -> Draft | None:
        return self._typed(Draft)

    @property
    def note(self) -> Note | None:
        """The staff note asked for (STAFF_NOTE or HAND_IN)."""
        return self._typed(Note)

    @property
    def held_text(self) -> HeldText | None:
        return self._typed(HeldText)

    @property
    def details(self) -> Details | None:
        return self._typed(Details)

    @property
    def visit(self) -> Visit | None:
        return self._typed(Visit)

    @property
    def rating_reason(self) -> RatingReason | None:
        return self._typed(RatingReason)

    @property
    def position(self) -> str:
        """Where the conversation is: the draft's step, else the state (`core.TEXT_ROUTES`)."""
        draft = self.draft
        return draft.step if draft is not None and draft.step else self.state or State.IDLE

    async def button(self, label: str, action: str, chat_id: int | None = None,
                     **args: Any) -> Button:
        """An inline button whose callback data is an opaque single-purpose token."""
        target = chat_id if chat_id is not None else self.chat_id
        return make_button(self.uow, self.now(), target, self.local(label), action, **args)

    async def token(self, data: str | None) -> CallbackTokenRow | None:
        """The stored token behind a button press, only if it was issued to this chat."""
        return await find_token(self.uow, data, self.chat_id, self.preloaded_token)

    def refuse_stale(self, detail: str, text: str = texts.STALE_BUTTON) -> None:
        """A replayed or outdated press: answer politely, change nothing, log it."""
        self.security_event("stale_press", detail)
        self.answer(text, alert=True)

    def security_event(self, kind: str, detail: str) -> None:
        user_id = self.incoming.sender.user_id if self.incoming.sender else None
        self.uow.updates.security_event(user_id, kind, detail)
        security_log.warning("security event %s from user %s: %s", kind, user_id, detail[:200])
