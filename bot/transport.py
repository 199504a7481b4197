"""Deliver a committed `Outcome` through whichever framework runs the bot."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from handlers.types import CallbackAnswer, Outcome, Reply

log = logging.getLogger("griddesk.transport")


class Transport(Protocol):
    """The four Bot API calls the core's direct replies need."""

    async def send_message(self, chat_id: int, text: str,
                           reply_markup: dict[str, Any] | None) -> None: ...

    async def send_photos(self, chat_id: int, file_ids: list[str]) -> None: ...

    async def edit_message(self, chat_id: int, message_id: int, text: str,
                           reply_markup: dict[str, Any] | None) -> None: ...

    async def answer_callback(self, answer: CallbackAnswer) -> None: ...


async def send_reply(transport: Transport, reply: Reply) -> None:
    markup = reply.keyboard.to_api() if reply.keyboard is not None else None
    if reply.edit_message_id is not None:
        await transport.edit_message(reply.chat_id, reply.edit_message_id, reply.text, markup)
        return
    if reply.photos:
        await transport.send_photos(reply.chat_id, list(reply.photos))
    await transport.send_message(reply.chat_id, reply.text, markup)


async def deliver(transport: Transport, outcome: Outcome) -> None:
    """Answer the button press first (Telegram shows a spinner until then), then the replies."""
    if outcome.answer is not None:
        try:
            await transport.answer_callback(outcome.answer)
        except Exception as exc:  # an expired query must not stop the replies
            log.info("answerCallbackQuery failed: %s", type(exc).__name__)
    for reply in outcome.replies:
        await send_reply(transport, reply)
