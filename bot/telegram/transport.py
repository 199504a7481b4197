"""Deliver a committed `Outcome` through whichever framework runs the bot."""

from __future__ import annotations

import contextlib
import logging
import traceback
import warnings
from datetime import timedelta
from typing import Any, Protocol

from bot.telegram.updates import incoming_from_update
from handlers.core import Core, busy
from handlers.replies import ReplyJournal
from handlers.types import CallbackAnswer, Incoming, LocalFile, Outcome, Reply
from models.attachments import telegram_file_ids

log = logging.getLogger("griddesk.transport")


class Transport(Protocol):
    """The four Bot API calls the core's direct replies need."""

    async def send_message(self, chat_id: int, text: str,
                           reply_markup: dict[str, Any] | None) -> None: ...

    async def send_photos(self, chat_id: int, file_ids: list[str]) -> None: ...

    async def edit_message(self, chat_id: int, message_id: int, text: str,
                           reply_markup: dict[str, Any] | None) -> None: ...

    async def answer_callback(self, answer: CallbackAnswer) -> None: ...

    async def upload(self, file: LocalFile) -> None:
        """Upload a local file (a report chart as a photo, a ledger as a document)."""
        ...


async def send_reply(transport: Transport, reply: Reply) -> None:
    markup = reply.keyboard.to_api() if reply.keyboard is not None else None
    if reply.edit_message_id is not None:
        await transport.edit_message(reply.chat_id, reply.edit_message_id, reply.text, markup)
        return
    if photos := telegram_file_ids(reply.photos):
        await transport.send_photos(reply.chat_id, photos)
    await transport.send_message(reply.chat_id, reply.text, markup)


async def deliver(transport: Transport, outcome: Outcome,
                  journal: ReplyJournal | None = None) -> None:
    """Answer the button press first (Telegram shows a spinner until then), then the replies.

    A reply that fails (429, 5xx, a timeout, the user blocked the bot) is logged by its type and
    does not stop the others; a reply recorded in the outbox (`journal`) is then retried by the
    sender, one that was sent is marked sent."""
    if outcome.answer is not None:
        try:
            await transport.answer_callback(outcome.answer)
        except Exception as exc:  # an expired query must not stop the replies
            log.info("answerCallbackQuery failed: %s", type(exc).__name__)
    for reply in outcome.replies:
        try:
            await send_reply(transport, reply)
        except Exception as exc:
            retried = journal is not None and reply.journal_id is not None
            log.warning("reply to chat %s failed: %s%s", reply.chat_id, type(exc).__name__,
                        f" (outbox row {reply.journal_id} will retry it)" if retried else "")
            if journal is not None:
                journal.failed(reply, describe_failure(exc), retry_after_of(exc))
        else:
            if journal is not None:
                journal.sent(reply)
    if journal is not None:
        await journal.settled()
    for file in outcome.files:
        try:
            await transport.upload(file)
        except Exception as exc:
            log.warning("upload to chat %s failed: %s", file.chat_id, type(exc).__name__)
        finally:
            file.path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                file.path.parent.rmdir()  # the report's own temporary directory, once empty


async def process_update(core: Core, update: dict[str, Any], transport: Transport) -> None:
    """One Bot API update end to end (translate, `core.handle`, deliver); never raises, so no
    update can stop the adapter's loop. A failure is logged with the update id, the error type
    and the stack (never the error's message: it may quote SQL parameters, i.e. what residents
    wrote), and the sender hears that the system is busy."""
    incoming: Incoming | None = None
    try:
        incoming = incoming_from_update(update)
        outcome = await core.handle(incoming)
    except Exception as exc:
        stack = "".join(traceback.format_tb(exc.__traceback__))
        log.error("update %s failed: %s\n%s", update.get("update_id"), type(exc).__name__, stack)
        outcome = _busy(incoming)
    services = getattr(core, "services", None)  # a stand-in core may have none
    await deliver(transport, outcome, getattr(services, "replies", None))


def retry_after_of(exc: BaseException) -> float:
    """Telegram's `retry_after` carried by a framework's flood error (aiogram: seconds, PTB:
    seconds or a timedelta), else 0."""
    with warnings.catch_warnings():  # PTB warns that the type will become a timedelta
        warnings.simplefilter("ignore")
        value = getattr(exc, "retry_after", None)
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value) if isinstance(value, int | float) else 0.0


def describe_failure(exc: BaseException) -> str:
    """The error type and Telegram's description, if the framework gives one (never the
    request, which holds the reply's text)."""
    message = getattr(exc, "message", None)
    return f"{type(exc).__name__}: {message}" if isinstance(message, str) else type(exc).__name__


def _busy(incoming: Incoming | None) -> Outcome:
    """The polite answer to an update the core could not handle (none in groups)."""
    if incoming is None or incoming.chat_id is None or not incoming.is_private:
        return Outcome()
    return busy(incoming)
