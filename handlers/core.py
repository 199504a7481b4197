"""The core: one incoming event in, one transaction, replies out. Adapters call `Core.handle`."""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from handlers import (
    account,
    console,
    followup,
    queries,
    rating,
    reports,
    resident,
    staff,
    staff_text,
    texts,
    urgent,
    visits,
    whistle,
)
from handlers import follow as followed
from handlers import visit_texts as vt
from handlers.buttons import token_of
from handlers.context import Ctx, Services, reporter_windows
from handlers.conversation import State, Step
from handlers.org import person
from handlers.state import ChatBusyError
from handlers.types import CallbackAnswer, Incoming, Keyboard, Kind, Outcome, Reply
from models.numbering import swap_numbers
from models.repos.updates import ReporterWindows, UpdateStart
from nlp.normalize import detect_script, normalize

log = logging.getLogger("griddesk.core")

# Kept in the chat's state across conversations (`set_state` clears only the conversation):
# the message burst window and the times of recent filings (rate limits survive /forget).
META_KEYS = ("_burst", "_filed")

_DROPPED = frozenset({"Cc", "Cf", "Cs"})  # controls, invisible format marks, lone surrogates


def clean_text(text: str) -> str:
    """Drop control, zero-width, bidi-override and surrogate characters (keep newlines and
    tabs), trim whitespace."""
    kept = (ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in _DROPPED)
    return "".join(kept).strip()


def busy(incoming: Incoming) -> Outcome:
    """系统繁忙: nothing was committed; a button press is answered too (no endless spinner)."""
    assert incoming.chat_id is not None
    answer = None
    if incoming.callback_id is not None:
        answer = CallbackAnswer(incoming.callback_id, texts.BUSY, alert=True)
    return Outcome([Reply(incoming.chat_id, texts.BUSY)], answer)


def with_numbers(outcome: Outcome, numbers: dict[str, str]) -> Outcome:
    """The outcome with the provisional ticket numbers of `numbers` replaced by the real ones
    (texts, keyboard labels, the button answer)."""
    replies = [
        replace(
            reply,
            text=swap_numbers(reply.text, numbers),
            keyboard=_keyboard_with(reply.keyboard, numbers),
        )
        for reply in outcome.replies
    ]
    answer = outcome.answer
    if answer is not None and answer.text is not None:
        answer = replace(answer, text=swap_numbers(answer.text, numbers))
    return Outcome(replies, answer, list(outcome.files))


def data_with_numbers(data: dict[str, Any], numbers: dict[str, str]) -> dict[str, Any]:
    """Conversation data (JSON-serialisable) with the provisional numbers replaced."""
    swapped: dict[str, Any] = json.loads(
        swap_numbers(json.dumps(data, ensure_ascii=False), numbers)
    )
    return swapped


def _keyboard_with(keyboard: Keyboard | None, numbers: dict[str, str]) -> Keyboard | None:
    if keyboard is None:
        return None
    rows = tuple(
        tuple(replace(button, text=swap_numbers(button.text, numbers)) for button in row)
        for row in keyboard.rows
    )
    return replace(keyboard, rows=rows)


class Core:
    """Handles one update inside one unit of work; notifications go to the outbox."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def handle(self, incoming: Incoming) -> Outcome:
        if incoming.kind == Kind.IGNORED or incoming.chat_id is None or incoming.sender is None:
            return Outcome()
        if not incoming.is_private:
            return self._group(incoming)
        try:
            return await self._handle_private(incoming)
        except (OperationalError, InterfaceError, ConnectionError, OSError, ChatBusyError) as exc:
            log.warning("database unavailable for update %s: %s", incoming.update_id,
                        type(exc).__name__)
            return busy(incoming)
        except DBAPIError as exc:
            if exc.connection_invalidated:
                log.warning("database connection lost for update %s", incoming.update_id)
                return busy(incoming)
            raise

    def _group(self, incoming: Incoming) -> Outcome:
        """Groups and channels: a command gets a pointer to the private chat, a button press
        an answer (so the client stops waiting); everything else is ignored."""
        if incoming.kind == Kind.COMMAND and incoming.chat_id is not None:
            return Outcome([Reply(incoming.chat_id, texts.GROUP_ONLY_PRIVATE)])
        if incoming.kind == Kind.CALLBACK and incoming.callback_id is not None:
            return Outcome(answer=CallbackAnswer(incoming.callback_id, texts.GROUP_BUTTON,
                                                 alert=True))
        return Outcome()

    async def _handle_private(self, incoming: Incoming) -> Outcome:
        """One transaction; updates of the same chat wait for each other (handlers/state.py)."""
        assert incoming.chat_id is not None
        async with self.services.conversations.lock(incoming.chat_id):
            return await self._handle_locked(incoming)

    async def _handle_locked(self, incoming: Incoming) -> Outcome:
        store = self.services.conversations
        assert incoming.chat_id is not None and incoming.sender is not None
        async with self.services.uow_factory() as uow:
            start = await uow.updates.start(incoming.update_id, incoming.sender.user_id,
                                            incoming.chat_id, conversation=store.in_database,
                                            token=token_of(incoming.callback_data),
                                            reporter=self._reporter_windows(incoming))
            if start.duplicate:
                log.info("duplicate update %s ignored", incoming.update_id)
                return Outcome()
            ctx = Ctx(self.services, uow, incoming)
            ctx.preloaded_token, ctx.reporter = start.token, start.reporter
            await self._load(ctx, start)
            if start.banned:
                ctx.say(texts.BANNED)
                ctx.answer()
            elif not await account.within_limits(ctx):
                ctx.answer()
            else:
                await dispatch(ctx)
            await self._save(ctx)
            await self._record_replies(ctx)
            await uow.commit()
            numbers = await uow.updates.settle_numbers()
        data = self._state_data(ctx)
        if numbers:  # numbered at commit: the resident hears the real number
            ctx.outcome = with_numbers(ctx.outcome, numbers)
            data = data_with_numbers(data, numbers)
        await self.services.conversations.save_after_commit(ctx.chat_id, ctx.state, data)
        return ctx.outcome

    def _reporter_windows(self, incoming: Incoming) -> ReporterWindows | None:
        """For the updates that may file a ticket: read the sender's recent tickets with the
        update's first statement (duplicate check, hourly quota)."""
        if incoming.kind not in (Kind.TEXT, Kind.PHOTO, Kind.CALLBACK):
            return None
        return reporter_windows(self.services)

    async def _load(self, ctx: Ctx, start: UpdateStart) -> None:
        ctx.person = await person(ctx.uow, start.person_code)  # no query for a resident
        if start.conversation is not None:  # read (and locked) by the update's first statement
            state, data = start.conversation
        else:
            state, data = await self.services.conversations.load(ctx.uow, ctx.chat_id)
        known = "_script" in data
        ctx.script = data.pop("_script", "hans")
        ctx.meta = {key: data.pop(key) for key in META_KEYS if key in data}
        if not ctx.restore(state, data):  # a state of another version, or unreadable data
            log.warning("conversation state %r of chat %s dropped", state, ctx.chat_id)
            ctx.say(texts.CONVERSATION_LOST)
        language = (ctx.incoming.sender.language_code or "") if ctx.incoming.sender else ""
        if not known and language.lower() in ("zh-hant", "zh-tw", "zh-hk", "zh-mo"):
            ctx.script = "hant"
        if ctx.incoming.text and ctx.incoming.kind in (Kind.TEXT, Kind.PHOTO):
            ctx.script = detect_script(ctx.incoming.text)

    @staticmethod
    def _state_data(ctx: Ctx) -> dict[str, Any]:
        return {**ctx.stored_data(), "_script": ctx.script, **ctx.meta}

    async def _record_replies(self, ctx: Ctx) -> None:
        """Direct replies become outbox rows of this transaction (handlers/replies.py)."""
        journal = self.services.replies
        if journal is not None and ctx.outcome.replies:
            ctx.outcome.replies = await journal.record(ctx.uow, ctx.incoming.update_id,
                                                       ctx.outcome.replies)

    async def _save(self, ctx: Ctx) -> None:
        await self.services.conversations.save_in_transaction(
            ctx.uow, ctx.chat_id, ctx.state, self._state_data(ctx))


COMMANDS = {
    "help": lambda ctx: _help(ctx),
    "cancel": lambda ctx: _cancel(ctx),
    "mytickets": lambda ctx: queries.my_tickets(ctx),
    "tasks": lambda ctx: queries.tasks(ctx),
    "forget": lambda ctx: followup.forget_command(ctx),
    "report": lambda ctx: reports.report_command(ctx),
    "console": lambda ctx: console.console_command(ctx),
}


async def _help(ctx: Ctx) -> None:
    if ctx.person is not None:  # staff keep their own help and keyboard
        ctx.say(texts.HELP_STAFF, account.STAFF_KEYBOARD)
        return
    ctx.say(texts.HELP, resident.MAIN_KEYBOARD)


async def _cancel(ctx: Ctx) -> None:
    if ctx.state in (State.STAFF_NOTE, State.STAFF_HELD, State.HAND_IN, State.VISIT):
        ctx.set_state(None)
        ctx.say(texts.NOTE_CANCELLED, account.main_keyboard(ctx))
        return
    await resident.cancel(ctx)


LABELS = {
    texts.BTN_REPORT: resident.begin,
    texts.BTN_MY_TICKETS: queries.my_tickets,
    texts.BTN_HELP: _help,
    texts.BTN_TASKS: queries.tasks,
    texts.BTN_CANCEL: _cancel,
    texts.BTN_SKIP: resident.on_skip,
    vt.BTN_FILE_FOR: visits.file_for_resident,
    vt.BTN_VISIT: visits.begin_visit,
}


async def dispatch(ctx: Ctx) -> None:
    """Route one event to the conversation it belongs to."""
    incoming = ctx.incoming
    kind = incoming.kind
    if kind == Kind.CALLBACK:
        await _on_callback(ctx)
    elif kind == Kind.COMMAND:
        await _on_command(ctx, incoming.command or "", clean_text(incoming.text or ""))
    elif kind == Kind.TEXT:
        await _on_text(ctx, clean_text(incoming.text or ""))
    elif kind == Kind.PHOTO:
        await _on_photo(ctx)
    elif kind == Kind.LOCATION and incoming.location is not None:
        await resident.on_location(ctx, *incoming.location)
    elif kind == Kind.CONTACT and incoming.phone:
        name = clean_text(incoming.sender.display_name) if incoming.sender else ""
        await resident.on_contact(ctx, incoming.phone, incoming.contact_user_id, name)
    elif kind == Kind.EDITED:
        ctx.say(texts.EDITED_IGNORED)
    else:
        what = texts.UNSUPPORTED_KINDS.get(incoming.unsupported or "", "这类消息")
        ctx.say(texts.UNSUPPORTED.format(what=what))


async def _on_command(ctx: Ctx, command: str, args: str) -> None:
    if command == "start":
        await account.start(ctx, args)
    elif command == "status":
        await followup.status_command(ctx, args.split()[0] if args.split() else None)
    elif command in COMMANDS:
        await COMMANDS[command](ctx)
    else:
        ctx.say(texts.HELP, account.main_keyboard(ctx))


async def _on_text(ctx: Ctx, text: str) -> None:
    if not text:
        ctx.say(texts.EMPTY_TEXT)
        return
    limit = ctx.services.limits.max_text
    if len(text) > limit:
        ctx.say(texts.TOO_LONG.format(length=len(text), limit=limit))
        return
    label = normalize(text).text.replace(" ", "")
    for known, handler in LABELS.items():
        if label == normalize(known).text.replace(" ", ""):
            await handler(ctx)
            return
    await TEXT_ROUTES.get(ctx.position, _not_a_draft)(ctx, text)


async def _on_photo(ctx: Ctx) -> None:
    incoming = ctx.incoming
    assert incoming.photo is not None
    if incoming.photo_size and incoming.photo_size > ctx.services.limits.max_photo_bytes:
        ctx.say("照片太大了，请压缩后再发送。")
        return
    caption = clean_text(incoming.text or "")
    if len(caption) > ctx.services.limits.max_text:
        ctx.say(texts.TOO_LONG.format(length=len(caption), limit=ctx.services.limits.max_text))
        return
    await PHOTO_ROUTES.get(ctx.position, _photo)(ctx, caption, incoming.photo)


async def _photo(ctx: Ctx, caption: str, file_id: str) -> None:
    """A photo for the draft in progress or a new one; staff photos are held, not filed."""
    if ctx.person is not None and ctx.draft is None:
        await staff_text.on_text(ctx, caption, file_id)
    else:
        await resident.on_photo(ctx, file_id, caption or None)


async def _idle(ctx: Ctx, text: str) -> None:
    """A text outside any conversation: a question, a rating or thanks, else a complaint."""
    if not await followup.idle_text(ctx, text):
        await _not_a_draft(ctx, text)


async def _not_a_draft(ctx: Ctx, text: str) -> None:
    """Staff text is held (never filed as a complaint); a resident's is a new complaint."""
    if ctx.person is not None:
        await staff_text.on_text(ctx, text)
    else:
        await resident.new_complaint(ctx, text)


async def _urgent_detail(ctx: Ctx, text: str) -> None:
    """A detail for the urgent ticket, or after its window a new complaint."""
    if ctx.person is not None:
        await staff_text.on_text(ctx, text)
    elif not await urgent.on_detail(ctx, text, None):
        await resident.new_complaint(ctx, text)


TextRoute = Callable[[Ctx, str], Awaitable[None]]
PhotoRoute = Callable[[Ctx, str, str], Awaitable[None]]  # (ctx, caption, file id)

# Where a text goes at each point of a conversation (`Ctx.position`: the open draft's step,
# else the state; handlers/conversation.py draws them). Labels of the keyboards' buttons
# (取消, 跳过, ...) are handled before, at every point.
TEXT_ROUTES: dict[str, TextRoute] = {
    State.IDLE: _idle,
    State.DRAFT: resident.new_complaint,  # no question open: a new text is a new complaint
    Step.TEXT: resident.describe_again,
    Step.EDIT: resident.describe_again,
    Step.URGENT: resident.on_urgent_text,
    Step.ADDRESS: followup.on_address_text,
    Step.CONFIRM: followup.on_summary_text,
    Step.NEW_OR_ADD: followup.ask_new_or_add,
    State.URGENT_DETAILS: _urgent_detail,
    State.STAFF_NOTE: staff.on_note,
    State.HAND_IN: staff_text.on_note,
    State.STAFF_HELD: _not_a_draft,
    State.RATING_REASON: rating.on_reason_text,
    State.VISIT: visits.on_text,
    Step.RESIDENT_CONTACT: visits.on_resident_contact,
}
# Where a photo goes; everywhere else `_photo`.
PHOTO_ROUTES: dict[str, PhotoRoute] = {
    State.STAFF_NOTE: staff.on_note,
    State.HAND_IN: staff_text.on_note,
    Step.CONFIRM: followup.on_summary_photo,
    Step.NEW_OR_ADD: followup.on_summary_photo,
}


async def _on_callback(ctx: Ctx) -> None:
    token = await ctx.token(ctx.incoming.callback_data)
    if token is None:
        ctx.security_event("forged_callback", repr(ctx.incoming.callback_data)[:100])
        ctx.answer(texts.STALE_BUTTON, alert=True)
        return
    action, args = token.action, dict(token.args or {})
    if token.used_at is not None:
        ctx.refuse_stale(f"replayed {action} {args}")
    elif action in visits.ACTIONS:
        await visits.on_button(ctx, action, args, token)
    elif action == "phone_rate":
        await followed.on_phone_rate(ctx, token, args)
    elif action.startswith("draft_"):
        await resident.on_draft_button(ctx, action, args)
    elif action in followup.ACTIONS:
        await followup.on_button(ctx, action, args, token)
    elif action == "rate":
        await account.rate(ctx, token, args)
    elif action == "whistle_report":
        await whistle.on_report(ctx, token, args)
    elif action in staff_text.ACTIONS:
        await staff_text.on_button(ctx, action, args, token)
    elif action in staff.ACTIONS:
        await staff.on_button(ctx, action, args, token)
    else:
        ctx.refuse_stale(f"unknown action {action}")
    if ctx.outcome.answer is None:
        ctx.answer()
