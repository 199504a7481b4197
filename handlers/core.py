"""The core: one incoming event in, one transaction, replies out. Adapters call `Core.handle`."""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from handlers import account, queries, resident, staff, texts
from handlers.context import Ctx, Services
from handlers.org import person_by_user
from handlers.types import Incoming, Kind, Outcome, Reply
from nlp.normalize import detect_script, normalize

log = logging.getLogger("griddesk.core")

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def clean_text(text: str) -> str:
    """Drop control and zero-width characters (keep newlines and tabs), trim whitespace."""
    text = _INVISIBLE.sub("", text)
    kept = (ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return "".join(kept).strip()


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
        except (OperationalError, InterfaceError, ConnectionError, OSError) as exc:
            log.warning("database unavailable for update %s: %s", incoming.update_id,
                        type(exc).__name__)
            return Outcome([Reply(incoming.chat_id, texts.BUSY)])
        except DBAPIError as exc:
            if exc.connection_invalidated:
                return Outcome([Reply(incoming.chat_id, texts.BUSY)])
            raise

    def _group(self, incoming: Incoming) -> Outcome:
        """Groups and channels: only a command gets a pointer to the private chat."""
        if incoming.kind == Kind.COMMAND and incoming.chat_id is not None:
            return Outcome([Reply(incoming.chat_id, texts.GROUP_ONLY_PRIVATE)])
        return Outcome()

    async def _handle_private(self, incoming: Incoming) -> Outcome:
        async with self.services.uow_factory() as uow:
            if await uow.updates.seen(incoming.update_id):
                log.info("duplicate update %s ignored", incoming.update_id)
                return Outcome()
            ctx = Ctx(self.services, uow, incoming)
            await self._load(ctx)
            if await account.is_banned(ctx):
                ctx.say(texts.BANNED)
                ctx.answer()
            elif not await account.within_limits(ctx):
                ctx.say(texts.RATE_LIMITED)
                ctx.answer()
            else:
                await dispatch(ctx)
            await self._save(ctx)
            await uow.commit()
        await self.services.conversations.save_after_commit(ctx.chat_id, ctx.state,
                                                            self._state_data(ctx))
        return ctx.outcome

    async def _load(self, ctx: Ctx) -> None:
        ctx.person = await person_by_user(ctx.uow, ctx.user_id)
        ctx.state, ctx.data = await self.services.conversations.load(ctx.uow, ctx.chat_id)
        known = "_script" in ctx.data
        ctx.script = ctx.data.pop("_script", "hans")
        language = (ctx.incoming.sender.language_code or "") if ctx.incoming.sender else ""
        if not known and language.lower() in ("zh-hant", "zh-tw", "zh-hk", "zh-mo"):
            ctx.script = "hant"
        if ctx.incoming.text and ctx.incoming.kind in (Kind.TEXT, Kind.PHOTO):
            ctx.script = detect_script(ctx.incoming.text)

    @staticmethod
    def _state_data(ctx: Ctx) -> dict[str, Any]:
        return {**ctx.data, "_script": ctx.script}

    async def _save(self, ctx: Ctx) -> None:
        await self.services.conversations.save_in_transaction(
            ctx.uow, ctx.chat_id, ctx.state, self._state_data(ctx))


COMMANDS = {
    "help": lambda ctx: _help(ctx),
    "cancel": lambda ctx: _cancel(ctx),
    "mytickets": lambda ctx: queries.my_tickets(ctx),
    "tasks": lambda ctx: queries.tasks(ctx),
    "forget": lambda ctx: account.forget(ctx),
}


async def _help(ctx: Ctx) -> None:
    ctx.say(texts.HELP, resident.MAIN_KEYBOARD)


async def _cancel(ctx: Ctx) -> None:
    if ctx.state == staff.NOTE:
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
        name = incoming.sender.display_name if incoming.sender else ""
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
        await queries.status(ctx, args.split()[0] if args.split() else None)
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
    if ctx.state == staff.NOTE:
        await staff.on_note(ctx, text)
        return
    await resident.on_text(ctx, text)


async def _on_photo(ctx: Ctx) -> None:
    incoming = ctx.incoming
    assert incoming.photo_file_id is not None
    if incoming.photo_size and incoming.photo_size > ctx.services.limits.max_photo_bytes:
        ctx.say("照片太大了，请压缩后再发送。")
        return
    caption = clean_text(incoming.text or "")
    if len(caption) > ctx.services.limits.max_text:
        ctx.say(texts.TOO_LONG.format(length=len(caption), limit=ctx.services.limits.max_text))
        return
    if ctx.state == staff.NOTE:
        await staff.on_note(ctx, caption, incoming.photo_file_id)
        return
    await resident.on_photo(ctx, incoming.photo_file_id, caption or None)


async def _on_callback(ctx: Ctx) -> None:
    token = await ctx.token(ctx.incoming.callback_data)
    if token is None:
        ctx.security_event("forged_callback", repr(ctx.incoming.callback_data)[:100])
        ctx.answer(texts.STALE_BUTTON, alert=True)
        return
    action, args = token.action, dict(token.args or {})
    if action.startswith("draft_"):
        await resident.on_draft_button(ctx, action, args)
    elif action == "rate":
        await account.rate(ctx, token, args)
    elif action in staff.ACTIONS:
        await staff.on_button(ctx, action, args)
    else:
        ctx.answer(texts.STALE_BUTTON)
    if ctx.outcome.answer is None:
        ctx.answer()
